import { mayManageCatalog, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';

/** Importing, editing and activating catalogs is the admins' (the access policy's CATALOG_ADMIN_ROLES). */
export function requireCatalogAdmin(actor: Actor): void {
  if (!mayManageCatalog(actor)) throw new ApiError('catalog.admins-only', '只有系统管理员才能导入、编辑和启用目录');
}
