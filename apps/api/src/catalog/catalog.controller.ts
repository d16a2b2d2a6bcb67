import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CatalogService } from './catalog.service';
import { SearchCatalogQuery } from './search-catalog.query';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(@Inject(CatalogService) private readonly catalog: CatalogService) {}

  @Get('items')
  searchItems(@Query() query: SearchCatalogQuery) {
    return this.catalog.searchActiveItems(query.area, query.q);
  }

  @Get('versions/:id')
  version(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.catalog.version(id);
  }
}
