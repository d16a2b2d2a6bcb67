import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ListPublicItemsQuery } from './list-public-items.query';
import { PublicService } from './public.service';

@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(@Inject(PublicService) private readonly portal: PublicService) {}

  @Get('items')
  list(@Query() query: ListPublicItemsQuery) {
    return this.portal.list(query.area, query.limit ?? 50);
  }

  @Get('items/:id')
  detail(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.portal.detail(id);
  }
}
