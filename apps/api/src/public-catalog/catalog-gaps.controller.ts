import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-responses';
import { PublicCatalogService } from './public-catalog.service';
import { CatalogGapsView } from './catalog-gaps.views';

/** The supervisors' view of the same: rows with no release in their period, by department. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class CatalogGapsController {
  constructor(@Inject(PublicCatalogService) private readonly catalog: PublicCatalogService) {}

  @ApiErrors(404)
  @ApiOkResponse({ type: CatalogGapsView })
  @Get('catalog-gaps')
  @Roles('supervisor', 'admin', 'disclosure-office')
  gaps() {
    return this.catalog.catalogGaps();
  }
}
