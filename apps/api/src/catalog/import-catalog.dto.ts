import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const MAX_CATALOG_FILES = 20;
export const MAX_CATALOG_FILE_BYTES = 10 * 1024 * 1024;

/** The OpenAPI schema of the multipart form: the files, and an optional label. */
export const IMPORT_CATALOG_FORM_SCHEMA = {
  type: 'object',
  required: ['files'],
  properties: {
    files: { type: 'array', items: { type: 'string', format: 'binary' }, description: `.xlsx or .csv catalogs, at most ${MAX_CATALOG_FILES}` },
    label: { type: 'string', description: 'a name for the new version' },
  },
};

/** The text fields of a catalog import. The files arrive through multer, not the body. */
export class ImportCatalogDto {
  @ApiPropertyOptional({ description: 'a name for the new version' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}
