import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { JustifyFindingDto } from './justify-finding.dto';
import { PersonalInformationService } from './personal-information.service';
import { FindingsView } from './personal-information.views';

@ApiTags('personal-information')
@ApiBearerAuth()
@Controller()
export class PersonalInformationController {
  constructor(@Inject(PersonalInformationService) private readonly service: PersonalInformationService) {}

  /** The personal information found in the item's text and attachments, with what was decided about each. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: FindingsView })
  @Get('items/:id/personal-information')
  findings(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.service.findings(actor, id);
  }

  /** The drafter masks a finding in the text (standard masking), as a revision of the draft. */
  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id', 'findingId')
  @ApiOkResponse({ type: FindingsView })
  @Post('items/:id/personal-information/:findingId/mask')
  @HttpCode(200)
  @Roles('drafter')
  mask(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Param('findingId', new ParseUUIDPipe()) findingId: string, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.service.mask(actor, id, findingId, readIdempotencyKey(key), requestId);
  }

  /** The 保密审查 reviewer records the legal reason a finding may be released as it is (audited). */
  @ApiErrors(404, 409)
  @ApiUuidParams('id', 'findingId')
  @ApiOkResponse({ type: FindingsView })
  @Post('items/:id/personal-information/:findingId/justify')
  @HttpCode(200)
  @Roles('secrecy-reviewer')
  justify(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Param('findingId', new ParseUUIDPipe()) findingId: string, @Body() dto: JustifyFindingDto, @RequestId() requestId?: string) {
    return this.service.justify(actor, id, findingId, dto.reason, requestId);
  }
}
