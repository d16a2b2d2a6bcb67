import { Body, Controller, Headers, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, RequestId } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { clientAddressOf } from './client-address';
import { ConcernReceiptView } from './concern.views';
import { ConcernsService } from './concerns.service';
import { SubmitConcernDto } from './submit-concern.dto';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';

/** The public side of 回应关切: anyone may ask about a released item, within a rate limit per address. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicConcernsController {
  constructor(@Inject(ConcernsService) private readonly concerns: ConcernsService) {}

  @ApiErrors(404, 409, 429, 503)
  @ApiUuidParams('id')
  @ApiCreatedResponse({ type: ConcernReceiptView })
  @Post('items/:id/concerns')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried submission with the same key is recorded once' })
  @ApiTooManyRequestsResponse({ description: 'too many submissions from this address; see Retry-After' })
  submit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SubmitConcernDto,
    @Req() request: Request,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.concerns.submitFromPublic(id, body, clientAddressOf(request), readIdempotencyKey(key), requestId);
  }
}
