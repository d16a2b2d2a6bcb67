import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { AnswerApplicationDemandDto, CloseApplicationDemandDto, IssueApplicationDemandDto } from './application-demand.dto';
import { ApplicationDemandsService } from './application-demands.service';
import { ApplicationDemandListView, ApplicationDemandView } from './application-demand.views';

/** 督办 on an application: a supervisor issues it, the department holding the application answers, the supervisor closes it. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationDemandsController {
  constructor(@Inject(ApplicationDemandsService) private readonly demands: ApplicationDemandsService) {}

  /** Issues a 督办 to the department holding the application, answerable by the end of `dueDate`. */
  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiCreatedResponse({ type: ApplicationDemandView })
  @Post(':id/demands')
  @Roles('supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key finds the same demand' })
  issue(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: IssueApplicationDemandDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.demands.issue(actor, id, body, readIdempotencyKey(key), requestId);
  }

  /** The application's demands, newest first, to whoever may see the application. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ApplicationDemandListView })
  @Get(':id/demands')
  list(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.demands.list(actor, id);
  }

  /** The department's answer: 说明情况 and 整改措施 (its head; the office's disclosure staff while the office holds it). */
  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id', 'demandId')
  @ApiOkResponse({ type: ApplicationDemandView })
  @Post(':id/demands/:demandId/answer')
  @HttpCode(200)
  @Roles('reviewer', 'disclosure-office')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('demandId', new ParseUUIDPipe()) demandId: string,
    @Body() body: AnswerApplicationDemandDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.demands.answer(actor, id, demandId, body, readIdempotencyKey(key), requestId);
  }

  /** The supervisor closes the answered demand (办结). */
  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id', 'demandId')
  @ApiOkResponse({ type: ApplicationDemandView })
  @Post(':id/demands/:demandId/close')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  close(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('demandId', new ParseUUIDPipe()) demandId: string,
    @Body() body: CloseApplicationDemandDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.demands.close(actor, id, demandId, body, readIdempotencyKey(key), requestId);
  }
}
