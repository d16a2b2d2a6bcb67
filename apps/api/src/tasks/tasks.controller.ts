import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { ClaimTasksDto } from './claim-tasks.dto';
import { CompleteTaskDto, DelegateTaskDto } from './complete-task.dto';
import { ListTasksQuery } from './list-tasks.query';
import { BulkClaimView, InboxCountsView, InboxPageView, TaskClaimView, TaskDecisionView, TaskDelegatesView, TaskDelegationView, TaskView } from './task.views';
import { TasksService } from './tasks.service';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @ApiOkResponse({ type: InboxPageView })
  @Get()
  inbox(@CurrentActor() actor: Actor, @Query() query: ListTasksQuery) {
    return this.tasks.inbox(actor, query);
  }

  /** Badge counts: open, overdue, due soon and completed by me today, each capped at "999+". */
  @ApiOkResponse({ type: InboxCountsView })
  @Get('counts')
  counts(@CurrentActor() actor: Actor) {
    return this.tasks.counts(actor);
  }

  /**
   * Bulk claim (批量认领): one outcome per task — claimed, already claimed by you, or refused with the status a
   * single claim would have answered. One refusal does not stop the others.
   */
  @ApiErrors(503)
  @ApiOkResponse({ type: BulkClaimView })
  @Post('claims')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  claimMany(@CurrentActor() actor: Actor, @Body() body: ClaimTasksDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.tasks.claimMany(actor, body.taskIds, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: TaskView })
  @Get(':id')
  task(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.tasks.task(actor, id);
  }

  /** Colleagues who hold the task's role in its department: whom it may be delegated to. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: TaskDelegatesView })
  @Get(':id/delegates')
  delegates(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.tasks.delegates(actor, id);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: TaskClaimView })
  @Post(':id/claim')
  @HttpCode(200)
  claim(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.tasks.claim(actor, id, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: TaskClaimView })
  @Post(':id/unclaim')
  @HttpCode(200)
  unclaim(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.tasks.unclaim(actor, id, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: TaskDelegationView })
  @Post(':id/delegate')
  @HttpCode(200)
  delegate(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DelegateTaskDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.tasks.delegate(actor, id, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: TaskDecisionView })
  @Post(':id/complete')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CompleteTaskDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.tasks.complete(actor, id, body, readIdempotencyKey(key), requestId);
  }
}
