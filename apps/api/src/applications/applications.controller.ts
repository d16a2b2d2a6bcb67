import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, Public, RequestId, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { clientAddressOf } from '../concerns/client-address';
import { ApplicationStepDto, ListApplicationsQuery, LookupApplicationDto, RegisterApplicationDto, SubmitApplicationDto } from './application.dto';
import { ApplicationsService } from './applications.service';

/** 依申请公开, staff side: register, list, read, and each step (the workflow's validator decides who and when). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly applications: ApplicationsService) {}

  @ApiErrors(503)
  @Post()
  @Roles('disclosure-office')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried registration with the same key is recorded once' })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterApplicationDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.applications.register(actor, body, readIdempotencyKey(key), requestId);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery) {
    return this.applications.list(actor, query.state);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.applications.get(actor, id);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @Post(':id/steps')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried step with the same key is applied once' })
  step(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ApplicationStepDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.applications.step(actor, id, body, readIdempotencyKey(key), requestId);
  }
}

/** 依申请公开, public side: apply without an account, and follow the application with its 查询号 and code. */
@ApiTags('public')
@Public()
@Controller('public/applications')
export class PublicApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly applications: ApplicationsService) {}

  @ApiErrors(409, 429, 503)
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried submission with the same key is refused, not recorded twice' })
  @ApiTooManyRequestsResponse({ description: 'too many submissions from this address; see Retry-After' })
  submit(@Body() body: SubmitApplicationDto, @Req() request: Request, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.applications.submitFromPublic(body, clientAddressOf(request), readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 429)
  @Post('lookup')
  @HttpCode(200)
  @ApiTooManyRequestsResponse({ description: 'too many look-ups from this address; see Retry-After' })
  lookup(@Body() body: LookupApplicationDto, @Req() request: Request) {
    return this.applications.lookup(body, clientAddressOf(request));
  }
}
