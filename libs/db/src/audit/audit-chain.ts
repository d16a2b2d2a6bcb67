import { createHash } from 'node:crypto';

/**
 * The audit hash chain, recomputed outside the database. It mirrors the trigger in migration
 * 1764240000000-audit-hash-chain: change one and the other together, or every stored chain breaks.
 */

/** The previous hash of the first row in a chain. */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

/** One audit row with every hashed field as the text Postgres renders it (see AUDIT_CHAIN_SELECT). */
export interface AuditChainRow {
  readonly id: string;
  readonly eventKey: string;
  readonly itemId: string | null;
  readonly taskId: string | null;
  readonly actor: string;
  readonly actorRole: string | null;
  readonly departmentCode: string | null;
  readonly action: string;
  readonly reason: string | null;
  /** detail::text: jsonb's own normalised rendering, so the same value always reads the same. */
  readonly detail: string;
  readonly requestId: string | null;
  /** occurred_at in UTC with microseconds: a JS Date would drop the microseconds Postgres hashed. */
  readonly occurredAt: string;
  readonly previousHash: string;
  readonly recordHash: string;
}

/**
 * The select list that reads an AuditChainRow. The text conversions happen in SQL because the hash is
 * over Postgres' own renderings (uuid, jsonb, timestamptz with microseconds). Order by `audit_events.id`,
 * not `id`: a bare name in ORDER BY means the text alias here, and "100" sorts before "99".
 */
export const AUDIT_CHAIN_SELECT = `id::text AS "id", event_key AS "eventKey", item_id::text AS "itemId", task_id::text AS "taskId",
  actor AS "actor", actor_role AS "actorRole", department_code AS "departmentCode", action AS "action", reason AS "reason",
  detail::text AS "detail", request_id AS "requestId",
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
  previous_hash AS "previousHash", record_hash AS "recordHash"`;

/** `<UTF-8 byte length>:<value>`, or `-` for NULL: no value can be mistaken for a separator. */
function field(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** The text a row's hash is computed over, given the hash of the row before it in its chain. */
export function auditChainCanonicalText(row: Omit<AuditChainRow, 'id' | 'previousHash' | 'recordHash'>, previousHash: string): string {
  return [
    row.eventKey, row.itemId, row.taskId, row.actor, row.actorRole, row.departmentCode, row.action, row.reason,
    row.detail, row.requestId, row.occurredAt, previousHash,
  ].map(field).join('|');
}

export function auditRecordHash(row: Omit<AuditChainRow, 'id' | 'previousHash' | 'recordHash'>, previousHash: string): string {
  return createHash('sha256').update(auditChainCanonicalText(row, previousHash), 'utf8').digest('hex');
}

/** The first row whose stored link disagrees with the recomputed chain. */
export interface BrokenAuditLink {
  readonly id: string;
  readonly eventKey: string;
  /** previous_hash: the row does not point at the row before it; record_hash: its content was changed. */
  readonly field: 'previous_hash' | 'record_hash';
  readonly expected: string;
  readonly stored: string;
}

export interface AuditChainVerification {
  readonly records: number;
  readonly valid: boolean;
  readonly firstBrokenLink?: BrokenAuditLink;
}

/**
 * Recomputes a chain from its rows in id order. Each row is hashed over the recomputed hash of the row
 * before it, so a changed, removed or inserted row breaks the chain at that row. (Removing the newest rows
 * of a chain cannot be seen from the chain alone.)
 */
export function verifyAuditChain(rows: readonly AuditChainRow[]): AuditChainVerification {
  let previous = AUDIT_CHAIN_GENESIS;
  for (const row of rows) {
    if (row.previousHash !== previous) {
      return { records: rows.length, valid: false, firstBrokenLink: { id: row.id, eventKey: row.eventKey, field: 'previous_hash', expected: previous, stored: row.previousHash } };
    }
    const expected = auditRecordHash(row, previous);
    if (row.recordHash !== expected) {
      return { records: rows.length, valid: false, firstBrokenLink: { id: row.id, eventKey: row.eventKey, field: 'record_hash', expected, stored: row.recordHash } };
    }
    previous = expected;
  }
  return { records: rows.length, valid: true };
}
