import { Body, Controller, Headers, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { ConcernView } from './concern.views';
import { ConcernsService } from './concerns.service';
import { RegisterIncidentDto } from './register-incident.dto';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';

/** 政务舆情: staff register an incident about a released item; it becomes a concern with its own deadlines. */
@ApiTags('concerns')
@ApiBearerAuth()
@Controller('items')
export class IncidentsController {
  constructor(@Inject(ConcernsService) private readonly concerns: ConcernsService) {}

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @Post(':id/incidents')
  @Roles('disclosure-office', 'supervisor', 'leader')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ConcernView, description: 'the incident as a concern of the item, to be handled like one' })
  register(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RegisterIncidentDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.concerns.registerIncident(actor, id, body, readIdempotencyKey(key), requestId);
  }
}
