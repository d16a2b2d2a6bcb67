import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { StaffConsultationDetailView, StaffConsultationListView } from './consultation.views';
import { ConsultationsService } from './consultations.service';
import { LinkDecisionDto } from './link-decision.dto';
import { ModerateCommentDto } from './moderate-comment.dto';
import { OpenConsultationDto } from './open-consultation.dto';
import { RecordFeedbackDto } from './record-feedback.dto';

/** 意见征集 for staff: open a consultation, moderate its comments, record the feedback, link the decision. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ConsultationsController {
  constructor(@Inject(ConsultationsService) private readonly consultations: ConsultationsService) {}

  @ApiErrors(409, 503)
  @ApiCreatedResponse({ type: StaffConsultationDetailView })
  @Post()
  @Roles('drafter')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key opens one consultation' })
  open(@CurrentActor() actor: Actor, @Body() body: OpenConsultationDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.consultations.open(actor, body, readIdempotencyKey(key), requestId);
  }

  @ApiOkResponse({ type: StaffConsultationListView })
  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.consultations.list(actor);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: StaffConsultationDetailView })
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.consultations.get(actor, id);
  }

  @ApiErrors(404, 409)
  @ApiUuidParams('id', 'commentId')
  @ApiOkResponse({ type: StaffConsultationDetailView })
  @Post(':id/comments/:commentId/moderation')
  @HttpCode(200)
  moderate(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('commentId', new ParseUUIDPipe()) commentId: string,
    @Body() body: ModerateCommentDto,
    @RequestId() requestId?: string,
  ) {
    return this.consultations.moderate(actor, id, commentId, body, requestId);
  }

  @ApiErrors(404, 409, 422, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: StaffConsultationDetailView })
  @Post(':id/feedback')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key drafts one feedback item' })
  recordFeedback(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordFeedbackDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.consultations.recordFeedback(actor, id, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: StaffConsultationDetailView })
  @Post(':id/decision')
  @HttpCode(200)
  linkDecision(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: LinkDecisionDto, @RequestId() requestId?: string) {
    return this.consultations.linkDecision(actor, id, body, requestId);
  }
}
