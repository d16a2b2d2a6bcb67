import { createHash } from 'node:crypto';
import type { ChannelKind } from '@zwgk/domain';

/** The edition being released and the signed content: what the workflow sends and every channel receives. */
export interface ChannelEditionContent {
  readonly itemId: string;
  /** The edition (版次): a change after release is a new revision and is released again. */
  readonly revision: number;
  /** The catalog channel name (公开渠道和载体), e.g. 两微一端. */
  readonly channel: string;
  readonly title: string;
  readonly body: string;
  /** The policy interpretation (政策解读) released together with the item, when there is one. */
  readonly interpretation?: string;
  /** The fingerprint of the signed content: what 签发 covered is what goes out. */
  readonly contentHash: string;
  /** ISO instant of the release, the same for every channel of the edition. */
  readonly releasedAt: string;
  /** The catalog item (事项) this disclosure fulfils, e.g. 招生政策 / 招生计划. */
  readonly catalogItemName: string;
  /** A retry after a refusal: 2, 3…; each attempt is a new push with its own idempotency key. */
  readonly attempt?: number;
}

/** What every channel receives to release one edition of an item: the signed content and how to find it. */
export interface ChannelReleaseRequest extends ChannelEditionContent {
  /** The responsible department's name as the public reads it, e.g. 县教育局. */
  readonly departmentName: string;
  /** The item's page on the public portal: `/public/items/<id>`, absolute when the portal's origin is configured. */
  readonly portalUrl: string;
}

/** Withdrawing an edition (撤回): the same item, plus the public reason. */
export interface ChannelWithdrawalRequest extends ChannelReleaseRequest {
  /** The reason shown to the public. */
  readonly reason: string;
  /** ISO instant of the withdrawal. */
  readonly withdrawnAt: string;
}

/** What a channel answers when it has accepted a release or withdrawal. */
export interface ChannelReceipt {
  /** Where the publication can be found on that channel: a portal path, a receiver's id or URL, an export file. */
  readonly reference: string;
  /** Anything else worth keeping in the ledger (files written, HTTP status). */
  readonly detail?: Record<string, unknown>;
}

/**
 * One release channel. Both calls may run again for the same request (a retried activity), so each must
 * give the same result without a second publication: the receiver deduplicates, or the output is overwritten
 * with identical content.
 */
export interface ChannelAdapter {
  readonly kind: ChannelKind;
  publish(request: ChannelReleaseRequest): Promise<ChannelReceipt>;
  withdraw(request: ChannelWithdrawalRequest): Promise<ChannelReceipt>;
}

/** The ApplicationFailure type thrown when a channel refuses a release for good (a 4xx from the receiver). */
export const CHANNEL_REJECTED = 'ChannelRejected';

export type ReleaseAction = 'publish' | 'withdraw';

/**
 * The key a receiver deduplicates on: one per item, edition, channel and action, so a retried push is
 * recognisably the same push. The channel name is hashed because HTTP header values must be ASCII.
 */
export function channelIdempotencyKey(itemId: string, revision: number, channel: string, action: ReleaseAction, attempt?: number): string {
  const channelDigest = createHash('sha256').update(channel, 'utf8').digest('hex').slice(0, 16);
  // A person's retry of a refused push is a new push: a receiver that remembered the refusal must not replay it.
  return `zwgk:${itemId}:r${revision}:${channelDigest}:${action}${attempt !== undefined && attempt > 1 ? `:a${attempt}` : ''}`;
}

/** The public portal's path of an item: the government website's own publication. */
export function portalPathOf(itemId: string): string {
  return `/public/items/${itemId}`;
}
