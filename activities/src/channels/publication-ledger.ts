import type { DataSource } from 'typeorm';
import type { PublicationStatus } from '@zwgk/db';
import type { ChannelKind } from '@zwgk/domain';
import type { ReleaseAction } from './channel-adapter';

/** The ledger's unique key: one row per item, channel, edition and action. */
export interface PublicationKey {
  readonly itemId: string;
  readonly channel: string;
  readonly revision: number;
  readonly action: ReleaseAction;
}

/** One ledger row as activities return it to the workflow (plain JSON). */
export interface PublicationRecord extends PublicationKey {
  readonly channelKind: ChannelKind;
  readonly status: PublicationStatus;
  /** Where to find it on the channel; absent while a person still has to publish it. */
  readonly reference?: string;
  readonly contentHash: string;
  /** ISO instant the row was recorded. */
  readonly occurredAt: string;
  readonly detail: Record<string, unknown>;
}

export type NewPublicationRecord = Omit<PublicationRecord, 'occurredAt'> & {
  /** When it happened; by default the moment it is recorded. */
  readonly occurredAt?: string;
};

interface PublicationRow {
  item_id: string;
  channel: string;
  channel_kind: ChannelKind;
  revision: number;
  action: ReleaseAction;
  status: PublicationStatus;
  reference: string | null;
  content_hash: string;
  occurred_at: Date;
  detail: Record<string, unknown>;
}

function recordOf(row: PublicationRow): PublicationRecord {
  return {
    itemId: row.item_id,
    channel: row.channel,
    channelKind: row.channel_kind,
    revision: row.revision,
    action: row.action,
    status: row.status,
    ...(row.reference === null ? {} : { reference: row.reference }),
    contentHash: row.content_hash,
    occurredAt: row.occurred_at.toISOString(),
    detail: row.detail,
  };
}

/**
 * The release ledger (`publications`). A row, once written, is the answer for its key: a retry reads it
 * back instead of releasing again. The one exception is `failed`: a refused push is not a publication,
 * so the next attempt's outcome replaces it.
 */
export function createPublicationLedger(dataSource: DataSource) {
  async function find(key: PublicationKey): Promise<PublicationRecord | undefined> {
    const rows: PublicationRow[] = await dataSource.query(
      `SELECT item_id, channel, channel_kind, revision, action, status, reference, content_hash, occurred_at, detail
         FROM publications WHERE item_id = $1 AND channel = $2 AND revision = $3 AND action = $4`,
      [key.itemId, key.channel, key.revision, key.action],
    );
    return rows.length === 0 ? undefined : recordOf(rows[0]);
  }

  /** Every row of one edition and action, by channel: what a release on all its channels has already done. */
  async function findEdition(key: Omit<PublicationKey, 'channel'>): Promise<Map<string, PublicationRecord>> {
    const rows: PublicationRow[] = await dataSource.query(
      `SELECT item_id, channel, channel_kind, revision, action, status, reference, content_hash, occurred_at, detail
         FROM publications WHERE item_id = $1 AND revision = $2 AND action = $3`,
      [key.itemId, key.revision, key.action],
    );
    return new Map(rows.map((row) => [row.channel, recordOf(row)]));
  }

  /** Records an outcome unless the key already has one (other than `failed`); returns the row that stands. */
  async function record(entry: NewPublicationRecord): Promise<PublicationRecord> {
    // The row written comes back with it; when the key already had its outcome nothing is, and that row is read.
    const written: PublicationRow[] = await dataSource.query(
      `INSERT INTO publications (item_id, channel, channel_kind, revision, action, status, reference, content_hash, occurred_at, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now()), $10::jsonb)
       ON CONFLICT (item_id, channel, revision, action) DO UPDATE
          SET channel_kind = EXCLUDED.channel_kind, status = EXCLUDED.status, reference = EXCLUDED.reference,
              content_hash = EXCLUDED.content_hash, occurred_at = EXCLUDED.occurred_at, detail = EXCLUDED.detail
        WHERE publications.status = 'failed'
       RETURNING item_id, channel, channel_kind, revision, action, status, reference, content_hash, occurred_at, detail`,
      [
        entry.itemId, entry.channel, entry.channelKind, entry.revision, entry.action, entry.status, entry.reference ?? null,
        entry.contentHash, entry.occurredAt ?? null, JSON.stringify(entry.detail),
      ],
    );
    if (written.length > 0) return recordOf(written[0]);
    const stored = await find(entry);
    if (!stored) throw new Error(`the ledger row for item ${entry.itemId} r${entry.revision} ${entry.action} on ${entry.channel} vanished after it was written`);
    return stored;
  }

  return { find, findEdition, record };
}

export type PublicationLedger = ReturnType<typeof createPublicationLedger>;
