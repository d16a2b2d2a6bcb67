import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { CreateItemDto, NewEditionDto, ReviseItemDto } from './create-item.dto';
import { ExtendDeadlineDto } from './extend-deadline.dto';
import { ItemListService } from './item-list.service';
import { ItemRevisionsService } from './item-revisions.service';
import { ItemsService } from './items.service';
import { ListItemsQuery } from './list-items.query';
import { WithdrawItemDto } from './withdraw-item.dto';
import { ConfirmManualChannelDto } from './release-ledger.dto';
import { ReleaseLedgerService } from './release-ledger.service';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { ItemDetailView, MyItemPageView } from './item.views';
import { RevisionDiffView, RevisionListView } from './item-revision.views';
import { ChannelLedgerResultView, CreatedItemView, ItemUpdateView } from './item-update.views';

@ApiTags('items')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key has the same effect once' })
@Controller('items')
export class ItemsController {
  constructor(
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(ItemListService) private readonly lists: ItemListService,
    @Inject(ItemRevisionsService) private readonly revisions: ItemRevisionsService,
    @Inject(ReleaseLedgerService) private readonly ledger: ReleaseLedgerService,
  ) {}

  /** My items (我的事项), or with scope=department the department head's view; newest change first. */
  @ApiOkResponse({ type: MyItemPageView })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListItemsQuery) {
    return this.lists.list(actor, query);
  }

  @ApiErrors(404, 409, 422, 503)
  @ApiCreatedResponse({ type: CreatedItemView })
  @Post()
  @Roles('drafter')
  create(@CurrentActor() actor: Actor, @Body() body: CreateItemDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.items.create(actor, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemDetailView })
  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.items.detail(actor, id);
  }

  /** The revisions (稿) whose content was recorded, oldest first. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: RevisionListView })
  @Get(':id/revisions')
  listRevisions(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.revisions.list(actor, id);
  }

  /** What changed from one revision to another, field by field. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiParam({ name: 'from', schema: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' }, description: 'a revision number' })
  @ApiParam({ name: 'to', schema: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' }, description: 'a revision number' })
  @ApiOkResponse({ type: RevisionDiffView })
  @Get(':id/revisions/:from/diff/:to')
  diffRevisions(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Param('from') from: string, @Param('to') to: string) {
    return this.revisions.diff(actor, id, from, to);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemUpdateView })
  @Post(':id/submit')
  @HttpCode(200)
  @Roles('drafter')
  submit(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.items.submit(actor, id, readIdempotencyKey(key), requestId);
  }

  /** The drafter edits the content; after 签发 this voids the sign-off and the chain restarts. */
  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemUpdateView })
  @Patch(':id')
  @Roles('drafter')
  revise(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReviseItemDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.items.revise(actor, id, body, readIdempotencyKey(key), requestId);
  }

  /** A change (变更) to a released item: the new edition goes through review again. */
  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemUpdateView })
  @Post(':id/editions')
  @HttpCode(200)
  @Roles('drafter')
  newEdition(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: NewEditionDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.items.newEdition(actor, id, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemUpdateView })
  @Post(':id/extensions')
  @HttpCode(200)
  @Roles('supervisor')
  extendDeadline(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ExtendDeadlineDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.items.extendDeadline(actor, id, body, readIdempotencyKey(key), requestId);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ItemUpdateView })
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawItemDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.items.withdraw(actor, id, body.reason, readIdempotencyKey(key), requestId);
  }

  /** 发布台账: releases again on a channel whose last release failed (the department's drafter or reviewer, or the disclosure office). */
  @ApiErrors(400, 404, 409, 503)
  @ApiUuidParams('id')
  @ApiParam({ name: 'channel', description: 'the catalog channel name, as in the ledger (URL-encoded)' })
  @ApiOkResponse({ type: ChannelLedgerResultView })
  @Post(':id/ledger/:channel/retry')
  @HttpCode(200)
  retryChannel(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('channel') channel: string,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.ledger.retry(actor, id, channel, readIdempotencyKey(key), requestId);
  }

  /** 发布台账: a person confirms a manual channel's notice posted or taken down, with a note (a photo optional). */
  @ApiErrors(400, 404, 409, 503)
  @ApiUuidParams('id')
  @ApiParam({ name: 'channel', description: 'the catalog channel name, as in the ledger (URL-encoded)' })
  @ApiOkResponse({ type: ChannelLedgerResultView })
  @Post(':id/ledger/:channel/confirmations')
  @HttpCode(200)
  confirmChannel(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('channel') channel: string,
    @Body() body: ConfirmManualChannelDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.ledger.confirm(actor, id, channel, body, readIdempotencyKey(key), requestId);
  }
}
