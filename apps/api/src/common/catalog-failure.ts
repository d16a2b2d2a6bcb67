import { CatalogOperationError } from '@zwgk/db';
import { MalformedCatalogError } from '@zwgk/domain';
import { ApiError } from './api-error';

/** Catalog import and versioning errors as API errors; undefined for anything else. */
export function apiErrorFromCatalog(error: unknown): ApiError | undefined {
  if (error instanceof MalformedCatalogError) {
    return new ApiError('invalid-input', error.message, [{ field: 'files', problems: [error.message] }]);
  }
  if (!(error instanceof CatalogOperationError)) return undefined;
  switch (error.kind) {
    case 'invalid':
      return new ApiError('invalid-input', error.message, error.field ? [{ field: error.field, problems: [error.message] }] : undefined);
    case 'not-found':
      return ApiError.notFound(error.message);
    case 'conflict':
      return ApiError.conflict(error.message);
  }
}
