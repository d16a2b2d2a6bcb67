import { Body, Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApplicationReceiptView, PublicApplicationStatusView } from './application.views';
import type { Request } from 'express';
import { Public, RequestId } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { clientAddressOf } from '../concerns/client-address';
import { LookupApplicationDto, SubmitApplicationDto } from './application.dto';
import { ApplicationsService } from './applications.service';

/** 依申请公开, public side: apply without an account, and follow the application with its 查询号 and code. */
@ApiTags('public')
@Public()
@Controller('public/applications')
export class PublicApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly applications: ApplicationsService) {}

  @ApiErrors(409, 429, 503)
  @ApiCreatedResponse({ type: ApplicationReceiptView })
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried submission with the same key is refused, not recorded twice' })
  @ApiTooManyRequestsResponse({ description: 'too many submissions from this address; see Retry-After' })
  submit(@Body() body: SubmitApplicationDto, @Req() request: Request, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.applications.submitFromPublic(body, clientAddressOf(request), readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 429)
  @ApiOkResponse({ type: PublicApplicationStatusView })
  @Post('lookup')
  @HttpCode(200)
  @ApiTooManyRequestsResponse({ description: 'too many look-ups from this address; see Retry-After' })
  lookup(@Body() body: LookupApplicationDto, @Req() request: Request) {
    return this.applications.lookup(body, clientAddressOf(request));
  }
}
