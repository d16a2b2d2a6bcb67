import { Body, Controller, Delete, Get, Headers, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { ObligationsService } from './obligations.service';
import { RegisterObligationDto } from './register-obligation.dto';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { ObligationListView, ObligationView } from './obligation.views';

/** 定期公开: periodic catalog items registered as departments' standing obligations, each a Temporal Schedule. */
@ApiTags('obligations')
@ApiBearerAuth()
@Controller('obligations')
export class ObligationsController {
  constructor(@Inject(ObligationsService) private readonly obligations: ObligationsService) {}

  @ApiErrors(409, 503)
  @ApiCreatedResponse({ type: ObligationView })
  @Post()
  @Roles('admin', 'disclosure-office')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried registration with the same key answers with the same obligation' })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterObligationDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.obligations.register(actor, body, readIdempotencyKey(key), requestId);
  }

  @ApiOkResponse({ type: ObligationListView })
  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.obligations.list(actor);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ObligationView })
  @Delete(':id')
  @Roles('admin', 'disclosure-office')
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @RequestId() requestId?: string) {
    return this.obligations.remove(actor, id, requestId);
  }
}
