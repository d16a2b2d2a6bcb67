import type { DataSource } from 'typeorm';
import { GOVERNMENT_WEBSITE_CHANNEL } from '@zwgk/domain';
import { portalPathOf, type ReleaseAction } from './channels/channel-adapter';
import { createPublicationLedger } from './channels/publication-ledger';

export interface ChannelPublication {
  readonly channel: string;
  readonly reference: string;
  readonly occurredAt: string;
}

/**
 * Release on the government website only: what workflows started before the channel layer call, so these
 * stay as they were. They write the same ledger rows as `releaseOnChannel` on 政府网站, so an item released
 * one way is found by the other.
 */
export function createReleaseActivities(dataSource: DataSource) {
  const ledger = createPublicationLedger(dataSource);
  async function writeLedger(itemId: string, revision: number, action: ReleaseAction, contentHash: string, at: string): Promise<ChannelPublication> {
    const key = { itemId, channel: GOVERNMENT_WEBSITE_CHANNEL, revision, action };
    const stored =
      (await ledger.find(key)) ??
      (await ledger.record({
        ...key,
        channelKind: 'website',
        status: action === 'publish' ? 'published' : 'withdrawn',
        reference: portalPathOf(itemId),
        contentHash,
        occurredAt: at,
        detail: {},
      }));
    return { channel: GOVERNMENT_WEBSITE_CHANNEL, reference: stored.reference ?? portalPathOf(itemId), occurredAt: stored.occurredAt };
  }
  return {
    async publishOnGovernmentWebsite(request: { itemId: string; revision: number; contentHash: string; at: string }): Promise<ChannelPublication> {
      return writeLedger(request.itemId, request.revision, 'publish', request.contentHash, request.at);
    },
    async withdrawFromGovernmentWebsite(request: { itemId: string; revision: number; contentHash: string; at: string }): Promise<ChannelPublication> {
      return writeLedger(request.itemId, request.revision, 'withdraw', request.contentHash, request.at);
    },
  };
}
