import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { CatalogService } from './catalog.service';
import { IMPORT_CATALOG_FORM_SCHEMA, ImportCatalogDto, MAX_CATALOG_FILE_BYTES, MAX_CATALOG_FILES } from './import-catalog.dto';
import { SearchCatalogQuery } from './search-catalog.query';
import { UpdateCatalogItemDto } from './update-catalog-item.dto';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { CatalogActivationView, CatalogDiffView, CatalogImportReportView, CatalogItemView, CatalogSearchView, CatalogVersionDetailView, CatalogVersionListView } from './catalog.views';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(@Inject(CatalogService) private readonly catalog: CatalogService) {}

  @ApiErrors(409)
  @ApiOkResponse({ type: CatalogSearchView })
  @Get('items')
  searchItems(@CurrentActor() actor: Actor, @Query() query: SearchCatalogQuery) {
    return this.catalog.searchActiveItems(query.area, query.q, query.forDrafting === 'true' ? actor : undefined);
  }

  /** Imports .xlsx/.csv catalogs as one new draft version, all or nothing. */
  @ApiErrors(409)
  @ApiCreatedResponse({ type: CatalogImportReportView })
  @Post('imports')
  @Roles('admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_CATALOG_FORM_SCHEMA })
  @UseInterceptors(FilesInterceptor('files', MAX_CATALOG_FILES, { limits: { fileSize: MAX_CATALOG_FILE_BYTES } }))
  import(@CurrentActor() actor: Actor, @UploadedFiles() files: Express.Multer.File[] | undefined, @Body() body: ImportCatalogDto, @RequestId() requestId?: string) {
    return this.catalog.import(actor, (files ?? []).map((file) => ({ name: Buffer.from(file.originalname, 'latin1').toString('utf8'), content: file.buffer })), body.label, requestId);
  }

  @ApiOkResponse({ type: CatalogVersionListView })
  @Get('versions')
  versions() {
    return this.catalog.versions();
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CatalogVersionDetailView })
  @Get('versions/:id')
  version(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.catalog.version(id);
  }

  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CatalogActivationView })
  @Post('versions/:id/activate')
  @HttpCode(200)
  @Roles('admin')
  activate(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @RequestId() requestId?: string) {
    return this.catalog.activate(actor, id, requestId);
  }

  @ApiErrors(404)
  @ApiUuidParams('a', 'b')
  @ApiOkResponse({ type: CatalogDiffView })
  @Get('versions/:a/diff/:b')
  diff(@Param('a', new ParseUUIDPipe()) a: string, @Param('b', new ParseUUIDPipe()) b: string) {
    return this.catalog.diff(a, b);
  }

  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CatalogItemView })
  @Patch('versions/:id/items/:code')
  @Roles('admin')
  updateItem(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('code') code: string,
    @Body() body: UpdateCatalogItemDto,
    @RequestId() requestId?: string,
  ) {
    return this.catalog.updateItem(actor, id, code, body, requestId);
  }
}
