import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { ConcernDetailView, ConcernInboxView, ConcernView } from './concern.views';
import { ConcernsService } from './concerns.service';
import { DraftConcernResponseDto } from './draft-concern-response.dto';
import { ExtendConcernDeadlineDto } from './extend-concern-deadline.dto';
import { ListConcernsQuery } from './list-concerns.query';
import { RecordPressConferenceDto } from './record-press-conference.dto';
import { ReviewConcernResponseDto } from './review-concern-response.dto';
import { TriageConcernDto } from './triage-concern.dto';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';

/** Staff side of 回应关切: the inbox, then triage → draft → review (approval publishes). */
@ApiTags('concerns')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried step with the same key has its effect once' })
@Controller('concerns')
export class ConcernsController {
  constructor(@Inject(ConcernsService) private readonly concerns: ConcernsService) {}

  @ApiOkResponse({ type: ConcernInboxView })
  @Get()
  inbox(@CurrentActor() actor: Actor, @Query() query: ListConcernsQuery) {
    return this.concerns.inbox(actor, query.state ?? 'open', query.limit ?? 50);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ConcernDetailView })
  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.concerns.detail(actor, id);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ConcernView })
  @Post(':id/triage')
  @HttpCode(200)
  triage(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: TriageConcernDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.concerns.triage(actor, id, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ConcernView })
  @Post(':id/response')
  @HttpCode(200)
  draftResponse(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DraftConcernResponseDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.concerns.draftResponse(actor, id, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ConcernView })
  @Post(':id/review')
  @HttpCode(200)
  review(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReviewConcernResponseDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.concerns.reviewResponse(actor, id, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ConcernView })
  @Post(':id/extension')
  @HttpCode(200)
  extend(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ExtendConcernDeadlineDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.concerns.extendDeadline(actor, id, body.reason, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ConcernView })
  @Post(':id/press-conference')
  @HttpCode(200)
  pressConference(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordPressConferenceDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.concerns.recordPressConference(actor, id, body.summary, readIdempotencyKey(key), requestId);
  }
}
