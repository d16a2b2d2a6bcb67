import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-responses';
import { PublicCatalogQuery } from './public-catalog.query';
import { PublicCatalogService } from './public-catalog.service';
import { PublicCatalogPageView } from './public-catalog.views';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The active catalog for anyone (能监督): per area and department, with what was published under each row. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicCatalogController {
  constructor(@Inject(PublicCatalogService) private readonly catalog: PublicCatalogService) {}

  @ApiOkResponse({ type: PublicCatalogPageView })
  @ApiErrors(404)
  @Get('catalog')
  view(@Query() query: PublicCatalogQuery) {
    return this.catalog.publicCatalogView(query);
  }

  @ApiErrors(404)
  @Get('catalog.xlsx')
  // The workbook is the success body only: an error still answers in JSON (ApiErrorBody), so no @ApiProduces.
  @ApiResponse({ status: 200, description: '公开目录（.xlsx）', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async xlsx(@Query() query: PublicCatalogQuery) {
    return new StreamableFile(await this.catalog.publicCatalogXlsx(query), { type: XLSX_TYPE, disposition: `attachment; filename="catalog.xlsx"` });
  }
}
