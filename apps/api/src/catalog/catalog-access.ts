import { mayManageCatalog, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';

/** Importing, editing and activating catalogs is the admins' (the access policy's CATALOG_ADMIN_ROLES). */
export function requireCatalogAdmin(actor: Actor): void {
  if (!mayManageCatalog(actor)) throw new ApiError('catalog.admins-only', 'only admins import, edit and activate catalogs');
}
