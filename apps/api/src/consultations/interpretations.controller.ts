import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { CreateInterpretationDto, InterpretationPlanDto } from './interpretation.dto';
import { InterpretationsService } from './interpretations.service';
import { InterpretationView, ItemInterpretationsView } from './interpretation.views';

/** 多元化解读 for staff: the interpretation plan of an item and its interpretations in their forms. */
@ApiTags('interpretations')
@ApiBearerAuth()
@Controller('items')
export class InterpretationsController {
  constructor(@Inject(InterpretationsService) private readonly interpretations: InterpretationsService) {}

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemInterpretationsView })
  @Get(':id/interpretations')
  list(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.interpretations.list(actor, id);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiCreatedResponse({ type: InterpretationView })
  @Post(':id/interpretations')
  create(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateInterpretationDto, @RequestId() requestId?: string) {
    return this.interpretations.create(actor, id, body, requestId);
  }

  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemInterpretationsView })
  @Put(':id/interpretation-plan')
  @HttpCode(200)
  setPlan(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: InterpretationPlanDto, @RequestId() requestId?: string) {
    return this.interpretations.setPlan(actor, id, body, requestId);
  }
}
