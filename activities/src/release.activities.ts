import type { DataSource } from 'typeorm';
import { GOVERNMENT_WEBSITE_CHANNEL } from '@zwgk/domain';

export interface ChannelPublication {
  readonly channel: string;
  readonly reference: string;
  readonly occurredAt: string;
}

/**
 * Release on the government website: the project's own public portal, first and mandatory. The ledger's
 * unique key (item, channel, revision, action) means a retried activity finds its earlier row instead of
 * publishing again. The other channels' adapters come with the lifecycle issue.
 */
export function createReleaseActivities(dataSource: DataSource) {
  async function writeLedger(itemId: string, revision: number, action: 'publish' | 'withdraw', contentHash: string, at: string) {
    const reference = `/api/public/items/${itemId}`;
    await dataSource.query(
      `INSERT INTO publications (item_id, channel, revision, action, occurred_at, reference, content_hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (item_id, channel, revision, action) DO NOTHING`,
      [itemId, GOVERNMENT_WEBSITE_CHANNEL, revision, action, at, reference, contentHash],
    );
    const rows: { reference: string; occurred_at: Date }[] = await dataSource.query(
      `SELECT reference, occurred_at FROM publications WHERE item_id = $1 AND channel = $2 AND revision = $3 AND action = $4`,
      [itemId, GOVERNMENT_WEBSITE_CHANNEL, revision, action],
    );
    return { channel: GOVERNMENT_WEBSITE_CHANNEL, reference: rows[0].reference, occurredAt: rows[0].occurred_at.toISOString() };
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
