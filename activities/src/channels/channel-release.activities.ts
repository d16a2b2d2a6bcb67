import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@zwgk/config';
import { FailureType } from '@zwgk/contracts';
import { channelKindOf, type ChannelKind } from '@zwgk/domain';
import { CHANNEL_REJECTED, portalPathOf, type ChannelAdapter, type ChannelEditionContent, type ChannelReceipt, type ChannelReleaseRequest, type ChannelWithdrawalRequest } from './channel-adapter';
import { createGazetteChannelAdapter } from './gazette-channel.adapter';
import { createNewMediaChannelAdapter } from './new-media-channel.adapter';
import { createNoticeBoardChannelAdapter } from './notice-board-channel.adapter';
import { createPublicationLedger, type NewPublicationRecord, type PublicationRecord } from './publication-ledger';
import { createWebsiteChannelAdapter } from './website-channel.adapter';

export interface ChannelReleaseDependencies {
  readonly dataSource: DataSource;
  readonly config: AppConfig;
}

/** What the workflow sends to release one edition of an item on one of its channels. */
export interface ReleaseOnChannelRequest extends ChannelEditionContent {
  /** The responsible department; its public name is looked up here. */
  readonly departmentCode: string;
}

/** What the workflow sends to withdraw that edition from one channel. */
export interface WithdrawFromChannelRequest extends ReleaseOnChannelRequest {
  /** The public reason (撤回原因). */
  readonly reason: string;
  /** ISO instant of the withdrawal. */
  readonly withdrawnAt: string;
}

/** The ledger row that stands for the request: what happened on the channel, or that a person must do it. */
export type ChannelReleaseOutcome = PublicationRecord;

/** @throws ApplicationFailure (InvalidInput) naming the fields the workflow got wrong. */
function checkRequest(request: ReleaseOnChannelRequest, withdrawal?: { reason: string; withdrawnAt: string }): void {
  const wrong: string[] = [];
  const isInstant = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
  if (typeof request.itemId !== 'string' || !/^[0-9a-fA-F-]{1,64}$/.test(request.itemId)) wrong.push('itemId');
  if (!Number.isInteger(request.revision) || request.revision < 1) wrong.push('revision');
  if (typeof request.channel !== 'string' || !request.channel.trim() || request.channel.length > 100) wrong.push('channel');
  if (typeof request.title !== 'string' || !request.title.trim()) wrong.push('title');
  if (typeof request.body !== 'string') wrong.push('body');
  if (request.interpretation !== undefined && request.interpretation !== null && typeof request.interpretation !== 'string') wrong.push('interpretation');
  if (typeof request.contentHash !== 'string' || !request.contentHash || request.contentHash.length > 64) wrong.push('contentHash');
  if (!isInstant(request.releasedAt)) wrong.push('releasedAt');
  if (typeof request.departmentCode !== 'string' || !request.departmentCode) wrong.push('departmentCode');
  if (typeof request.catalogItemName !== 'string') wrong.push('catalogItemName');
  if (request.attempt !== undefined && (!Number.isInteger(request.attempt) || request.attempt < 1)) wrong.push('attempt');
  if (withdrawal) {
    if (typeof withdrawal.reason !== 'string' || !withdrawal.reason.trim()) wrong.push('reason');
    if (!isInstant(withdrawal.withdrawnAt)) wrong.push('withdrawnAt');
  }
  if (wrong.length > 0) {
    throw ApplicationFailure.nonRetryable(`invalid channel release request: ${wrong.join(', ')}`, FailureType.InvalidInput, { fields: wrong });
  }
}

/**
 * The responsible department's public name, as the channels print it.
 * @throws ApplicationFailure (InvalidInput) when the department is unknown.
 */
export async function departmentNameOf(dataSource: DataSource, departmentCode: string): Promise<string> {
  const rows: { name: string }[] = await dataSource.query('SELECT name FROM departments WHERE code = $1', [departmentCode]);
  if (rows.length === 0) {
    throw ApplicationFailure.nonRetryable(`departmentCode: no department "${departmentCode}"`, FailureType.InvalidInput, { fields: ['departmentCode'] });
  }
  return rows[0].name;
}

/**
 * Release on every channel of an item (政府网站, 政务新媒体, 政府公报, 公示栏, and the channels a person
 * handles), with the ledger as the memory of what was done: an activity that finds its row returns it
 * without touching the channel again, so retries never publish twice. A channel is called first and the
 * row written after; if the worker dies in between, the next attempt calls it again with the same
 * request, and each adapter makes that harmless (an idempotency key, or identical file content).
 */
export function createChannelReleaseActivities({ dataSource, config }: ChannelReleaseDependencies) {
  const ledger = createPublicationLedger(dataSource);
  const exportLocation = { dataDir: config.dataDir, exportsDir: config.channels.exportsDir };
  const adapters: Partial<Record<ChannelKind, ChannelAdapter>> = {
    website: createWebsiteChannelAdapter(),
    gazette: createGazetteChannelAdapter(exportLocation),
    'notice-board': createNoticeBoardChannelAdapter(exportLocation),
    ...(config.channels.newMediaWebhookUrl ? { 'new-media': createNewMediaChannelAdapter({ webhookUrl: config.channels.newMediaWebhookUrl }) } : {}),
  };

  /** Why a channel has no adapter: recorded so that the office knows whether to publish by hand or to configure one. */
  function whyManual(kind: ChannelKind): Record<string, unknown> {
    if (kind === 'new-media') return { reason: 'not-configured', setting: 'CHANNEL_NEW_MEDIA_WEBHOOK_URL' };
    return { reason: 'no-automatic-channel' };
  }

  /** @throws ApplicationFailure (InvalidInput) when the department is unknown. */
  async function channelRequestOf(request: ReleaseOnChannelRequest, departmentName?: () => Promise<string>): Promise<ChannelReleaseRequest> {
    const name = departmentName ? await departmentName() : await departmentNameOf(dataSource, request.departmentCode);
    return {
      itemId: request.itemId,
      revision: request.revision,
      channel: request.channel,
      title: request.title,
      body: request.body,
      ...(request.interpretation ? { interpretation: request.interpretation } : {}),
      contentHash: request.contentHash,
      releasedAt: request.releasedAt,
      departmentName: name,
      catalogItemName: request.catalogItemName,
      ...(request.attempt !== undefined ? { attempt: request.attempt } : {}),
      portalUrl: `${config.channels.publicBaseUrl ?? ''}${portalPathOf(request.itemId)}`,
    };
  }

  /**
   * Calls the channel and records what it answered. A refusal is recorded as `failed` (so the office sees it)
   * and rethrown as the non-retryable failure it is; a transient error records nothing and Temporal retries.
   */
  async function deliver(
    row: Omit<NewPublicationRecord, 'status' | 'reference' | 'detail'>,
    done: 'published' | 'withdrawn',
    call: () => Promise<ChannelReceipt>,
  ): Promise<ChannelReleaseOutcome> {
    let receipt: ChannelReceipt;
    try {
      receipt = await call();
    } catch (error) {
      if (error instanceof ApplicationFailure && error.type === CHANNEL_REJECTED) {
        const answer = error.details?.[0];
        const detail = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
        await ledger.record({ ...row, status: 'failed', detail: { message: error.message, ...detail } });
      }
      throw error;
    }
    return ledger.record({ ...row, status: done, reference: receipt.reference, detail: receipt.detail ?? {} });
  }

  return {
    /**
     * Releases one edition on one channel, once. Returns the ledger row: `published` with the channel's
     * reference, or `manual-required` for channels a person publishes on.
     * @throws ApplicationFailure (ChannelRejected) when the receiver refuses it for good; the ledger says `failed`.
     * @throws ApplicationFailure (InvalidInput) naming the wrong request fields.
     */
    async releaseOnChannel(request: ReleaseOnChannelRequest, known?: KnownForRelease): Promise<ChannelReleaseOutcome> {
      checkRequest(request);
      const key = { itemId: request.itemId, channel: request.channel, revision: request.revision, action: 'publish' } as const;
      const existing = known ? known.ledger.get(request.channel) : await ledger.find(key);
      if (existing && existing.status !== 'failed') return existing;

      const channelKind = channelKindOf(request.channel);
      const row = { ...key, channelKind, contentHash: request.contentHash };
      const adapter = adapters[channelKind];
      if (!adapter) return ledger.record({ ...row, status: 'manual-required', detail: whyManual(channelKind) });
      const channelRequest = await channelRequestOf(request, known?.departmentName);
      return deliver(row, 'published', () => adapter.publish(channelRequest));
    },

    /**
     * Withdraws one edition from one channel, once. Returns the ledger row: `withdrawn`, or
     * `manual-required` where a person published it (or must take it down). A channel the edition never
     * reached is recorded as withdrawn without a reference, since there is nothing to take down.
     * @throws ApplicationFailure (ChannelRejected) when the receiver refuses it for good; the ledger says `failed`.
     * @throws ApplicationFailure (InvalidInput) naming the wrong request fields.
     */
    async withdrawFromChannel(request: WithdrawFromChannelRequest): Promise<ChannelReleaseOutcome> {
      checkRequest(request, request);
      const key = { itemId: request.itemId, channel: request.channel, revision: request.revision, action: 'withdraw' } as const;
      const existing = await ledger.find(key);
      if (existing && existing.status !== 'failed') return existing;

      const channelKind = channelKindOf(request.channel);
      const row = { ...key, channelKind, contentHash: request.contentHash };
      const publication = await ledger.find({ ...key, action: 'publish' });
      if (publication?.status === 'manual-required') {
        return ledger.record({ ...row, status: 'manual-required', detail: { reason: 'published-manually' } });
      }
      if (publication?.status !== 'published') {
        return ledger.record({ ...row, status: 'withdrawn', detail: { reason: 'nothing-published', publication: publication?.status ?? 'none' } });
      }
      const adapter = adapters[channelKind];
      if (!adapter) return ledger.record({ ...row, status: 'manual-required', detail: whyManual(channelKind) });
      const withdrawal: ChannelWithdrawalRequest = { ...(await channelRequestOf(request)), reason: request.reason, withdrawnAt: request.withdrawnAt };
      return deliver(row, 'withdrawn', () => adapter.withdraw(withdrawal));
    },

    /**
     * Records that a person posted (or took down) a manual channel's notice, on the ledger row of that
     * publication (or withdrawal), once: a row already confirmed keeps its first confirmation, which is returned.
     * @throws ApplicationFailure (NotFound) when the ledger has no such row.
     */
    async confirmManualChannel(request: ConfirmManualChannelActivityRequest): Promise<ChannelReleaseOutcome> {
      const key = { itemId: request.itemId, channel: request.channel, revision: request.revision, action: request.action } as const;
      await dataSource.query(
        `UPDATE publications SET detail = detail || jsonb_build_object('confirmation', $5::jsonb)
          WHERE item_id = $1 AND channel = $2 AND revision = $3 AND action = $4 AND NOT (detail ? 'confirmation')`,
        [key.itemId, key.channel, key.revision, key.action, JSON.stringify(request.confirmation)],
      );
      const row = await ledger.find(key);
      if (!row) throw ApplicationFailure.nonRetryable(`the ledger has no ${key.action} row of ${key.channel} r${key.revision}`, FailureType.NotFound, { fields: ['channel'] });
      return row;
    },
  };
}

/**
 * What a release on several channels at once has read once for all of them (not passed by Temporal, which
 * calls an activity with its request only): the edition's ledger rows by channel, and the department's name.
 */
export interface KnownForRelease {
  readonly ledger: ReadonlyMap<string, PublicationRecord>;
  readonly departmentName: () => Promise<string>;
}

/** What the workflow sends to record a manual channel's confirmation on its ledger row. */
export interface ConfirmManualChannelActivityRequest {
  readonly itemId: string;
  readonly channel: string;
  readonly revision: number;
  readonly action: 'publish' | 'withdraw';
  readonly confirmation: Record<string, unknown>;
}

export type ChannelReleaseActivities = ReturnType<typeof createChannelReleaseActivities>;
