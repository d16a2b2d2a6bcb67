import { Controller, Get, Header, Inject, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { ATOM_CONTENT_TYPE } from './atom-feed';
import { ListPublicItemsQuery } from './list-public-items.query';
import { PublicFacetsQuery, PublicFeedQuery } from './public-filters.query';
import { PublicService } from './public.service';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { PublicFacetsView, PublicItemPageView, PublicItemView } from './public.views';

@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    @Inject(PublicService) private readonly portal: PublicService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiOkResponse({ type: PublicItemPageView })
  @Get('items')
  list(@Query() query: ListPublicItemsQuery) {
    return this.portal.list(query);
  }

  @ApiOkResponse({ type: PublicFacetsView })
  @Get('facets')
  facets(@Query() query: PublicFacetsQuery) {
    return this.portal.facets(query);
  }

  @Get('feed.atom')
  @Header('content-type', ATOM_CONTENT_TYPE)
  @ApiProduces('application/atom+xml')
  feed(@Query() query: PublicFeedQuery, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    // Feed readers need absolute links: the configured portal origin, else the one this request came to.
    const configured = this.config.channels.publicBaseUrl;
    // Links taken from the request's Host header must not be kept by a shared cache for other readers.
    if (!configured) response.setHeader('cache-control', 'no-store');
    return this.portal.feed(query, configured ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`);
  }

  @ApiOkResponse({ type: PublicItemView })
  @ApiErrors(404)
  @ApiUuidParams('id')
  @Get('items/:id')
  detail(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.portal.detail(id);
  }
}
