import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { InterpretationsService } from './interpretations.service';

/** 多元化解读 on the portal, beside a released item. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicInterpretationsController {
  constructor(@Inject(InterpretationsService) private readonly interpretations: InterpretationsService) {}

  @ApiErrors(404)
  @ApiUuidParams('id')
  @Get('items/:id/interpretations')
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.interpretations.listPublic(id);
  }
}
