import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChannelConfirmation, ChannelLedgerResult, LedgerEntryFacts } from '@zwgk/contracts';
import { DisclosureItemEntity, PublicationEntity } from '@zwgk/db';
import { maySeeDepartmentWork, mayWorkReleaseLedger, releaseChannelsOf, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';
import type { ConfirmManualChannelDto } from './release-ledger.dto';
import { toActorRef } from './items.service';

const isManual = (row: PublicationEntity) => row.channelKind === 'notice-board' || row.channelKind === 'manual' || row.status === 'manual-required';

function resultOf(row: PublicationEntity): ChannelLedgerResult {
  const confirmation = row.detail?.confirmation as ChannelConfirmation | undefined;
  return {
    itemId: row.itemId,
    channel: row.channel,
    revision: row.revision,
    action: row.action as 'publish' | 'withdraw',
    status: row.status,
    ...(row.reference ? { reference: row.reference } : {}),
    ...(confirmation ? { confirmation } : {}),
  };
}

function factsOf(row: PublicationEntity): LedgerEntryFacts {
  return {
    revision: row.revision,
    action: row.action as 'publish' | 'withdraw',
    status: row.status,
    channelKind: row.channelKind,
    confirmed: row.detail?.confirmation !== undefined,
  };
}

/**
 * The release ledger's follow-ups (发布台账): a channel whose release failed is released again, and a person
 * confirms posting or taking down a manual channel's notice. The service reads the ledger and checks who
 * asks; the item's workflow decides (its validators) and does it.
 */
@Injectable()
export class ReleaseLedgerService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DisclosureWorkflowClient) private readonly workflows: DisclosureWorkflowClient,
  ) {}

  async retry(actor: Actor, id: string, channel: string, idempotencyKey: string | undefined, requestId: string | undefined): Promise<ChannelLedgerResult> {
    await this.loadWorkable(actor, id, channel);
    const last = await this.lastRow(id, channel, 'publish');
    if (idempotencyKey && last && (await this.retriedWith(id, channel, idempotencyKey))) return resultOf(last); // a repeat answers what the first did
    if (!last) throw new ApiError('ledger.nothing-to-retry', `渠道“${channel}”尚无发布记录，无需重试`);
    if (last.status !== 'failed') throw new ApiError('ledger.not-failed', `渠道“${channel}”最近一次发布状态为${last.status}，无需重试`);
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM audit_events WHERE item_id = $1 AND action = 'channel.retried' AND detail->>'channel' = $2 AND (detail->>'revision')::int = $3`,
      [id, channel, last.revision],
    );
    return this.workflows.retryChannelRelease(
      id,
      { actor: toActorRef(actor, requestId), channel, lastEntry: factsOf(last), attempt: count + 2, ...(idempotencyKey ? { requestKey: idempotencyKey } : {}) },
      idempotencyKey,
    );
  }

  async confirm(actor: Actor, id: string, channel: string, dto: ConfirmManualChannelDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<ChannelLedgerResult> {
    await this.loadWorkable(actor, id, channel);
    const entry = await this.lastRow(id, channel, dto.action === 'posted' ? 'publish' : 'withdraw');
    if (!entry) throw new ApiError('ledger.nothing-to-confirm', dto.action === 'posted' ? `渠道“${channel}”尚无发布记录` : `渠道“${channel}”尚未撤回，不能确认撤下`);
    if (!isManual(entry)) throw new ApiError('ledger.not-manual', `渠道“${channel}”由系统自动发布，无需人工确认`);
    const confirmation = entry.detail?.confirmation as ChannelConfirmation | undefined;
    if (confirmation) {
      // The same request again (its Idempotency-Key) answers the same result; another confirmation is refused.
      if (idempotencyKey && confirmation.requestKey === idempotencyKey) return resultOf(entry);
      throw new ApiError('ledger.already-confirmed', `渠道“${channel}”已由${confirmation.byName}于${confirmation.at}确认`);
    }
    if (dto.photoAttachmentId) {
      const [photo] = await this.dataSource.query(`SELECT 1 FROM ledger_photos WHERE id = $1 AND item_id = $2 AND channel = $3`, [dto.photoAttachmentId, id, channel]);
      if (!photo) throw ApiError.invalid('photoAttachmentId', `照片不是为本事项的渠道“${channel}”上传的，请重新上传`);
    }
    return this.workflows.confirmManualChannel(
      id,
      {
        actor: toActorRef(actor, requestId),
        channel,
        action: dto.action,
        note: dto.note,
        ...(dto.photoAttachmentId ? { photoAttachmentId: dto.photoAttachmentId } : {}),
        entry: factsOf(entry),
        ...(idempotencyKey ? { requestKey: idempotencyKey } : {}),
      },
      idempotencyKey,
    );
  }

  /** The item, if the actor may work its ledger (access policy), and the channel is one it releases on. */
  async loadWorkable(actor: Actor, id: string, channel: string): Promise<DisclosureItemEntity> {
    const item = await this.dataSource.getRepository(DisclosureItemEntity).findOneBy({ id });
    if (!item) throw ApiError.notFound(`事项 ${id} 不存在`);
    if (!maySeeDepartmentWork(actor, item.departmentCode) || !mayWorkReleaseLedger(actor, item.departmentCode)) {
      throw ApiError.forbidden('只有本部门的起草人、审核人或政务公开办可以处理发布台账');
    }
    if (!releaseChannelsOf(item.channels).includes(channel)) throw new ApiError('ledger.channel-unknown', `该事项没有发布渠道“${channel}”`);
    return item;
  }

  /** The channel's latest ledger row of that action (the newest edition's). */
  private lastRow(id: string, channel: string, action: 'publish' | 'withdraw'): Promise<PublicationEntity | null> {
    return this.dataSource.getRepository(PublicationEntity).findOne({ where: { itemId: id, channel, action }, order: { revision: 'DESC' } });
  }

  private async retriedWith(id: string, channel: string, requestKey: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM audit_events WHERE item_id = $1 AND action = 'channel.retried' AND detail->>'channel' = $2 AND detail->>'requestKey' = $3 LIMIT 1`,
      [id, channel, requestKey],
    );
    return rows.length > 0;
  }
}
