import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { FulfilObligationTaskDto } from './fulfil-obligation-task.dto';
import { ObligationsService } from './obligations.service';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { FulfilmentCandidateListView, ObligationFulfilmentView, ObligationTaskListView } from './obligation.views';

/** The drafting tasks periodic obligations open: a drafter's inbox beside GET /api/tasks. */
@ApiTags('obligations')
@ApiBearerAuth()
@Controller('obligations/tasks')
export class ObligationTasksController {
  constructor(@Inject(ObligationsService) private readonly obligations: ObligationsService) {}

  @ApiOkResponse({ type: ObligationTaskListView })
  @Get()
  @Roles('drafter')
  open(@CurrentActor() actor: Actor) {
    return this.obligations.openTasks(actor);
  }

  /** The items of my department that may fulfil the task's period (履行), for the drafter to choose from. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: FulfilmentCandidateListView })
  @Get(':id/candidates')
  @Roles('drafter')
  candidates(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.obligations.candidates(actor, id);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ObligationFulfilmentView })
  @Post(':id/fulfil')
  @HttpCode(200)
  @Roles('drafter')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried fulfilment with the same key has its effect once' })
  fulfil(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: FulfilObligationTaskDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.obligations.fulfil(actor, id, body, readIdempotencyKey(key), requestId);
  }
}
