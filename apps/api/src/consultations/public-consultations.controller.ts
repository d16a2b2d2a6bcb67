import { Body, Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CommentReceiptView, ItemConsultationLinkView, PublicConsultationDetailView, PublicConsultationListView } from './consultation.views';
import type { Request } from 'express';
import { Public, RequestId } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { clientAddressOf } from '../concerns/client-address';
import { ConsultationsService } from './consultations.service';
import { ListPublicConsultationsQuery } from './list-consultations.query';
import { SubmitCommentDto } from './submit-comment.dto';

/** 意见征集 on the portal: anyone reads open and closed consultations and comments within a rate limit per address. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicConsultationsController {
  constructor(@Inject(ConsultationsService) private readonly consultations: ConsultationsService) {}

  @ApiOkResponse({ type: PublicConsultationListView })
  @Get('consultations')
  list(@Query() query: ListPublicConsultationsQuery) {
    return this.consultations.listPublic(query);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: PublicConsultationDetailView })
  @Get('consultations/:id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.consultations.getPublic(id);
  }

  @ApiErrors(404, 409, 429)
  @ApiUuidParams('id')
  @ApiCreatedResponse({ type: CommentReceiptView })
  @Post('consultations/:id/comments')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried submission with the same key is recorded once' })
  @ApiTooManyRequestsResponse({ description: 'too many submissions from this address; see Retry-After' })
  comment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SubmitCommentDto,
    @Req() request: Request,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.consultations.submitComment(id, body, clientAddressOf(request), readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemConsultationLinkView })
  @Get('items/:id/consultation')
  consultationOfItem(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.consultations.consultationOfItem(id);
  }
}
