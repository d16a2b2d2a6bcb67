import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { InterpretationsService } from './interpretations.service';
import { PublicInterpretationListView } from './public-interpretation.views';

/** 多元化解读 on the portal, beside a released item. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicInterpretationsController {
  constructor(@Inject(InterpretationsService) private readonly interpretations: InterpretationsService) {}

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: PublicInterpretationListView })
  @Get('items/:id/interpretations')
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.interpretations.listPublic(id);
  }
}
