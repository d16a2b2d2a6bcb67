/**
 * The one place that writes the audit trail. The hash chain is kept by the table's insert trigger (see
 * audit-chain.ts), so every writer must go through an INSERT on audit_events and none may set the hash
 * columns itself; having one writer keeps the column list, the idempotency rule and the JSON rendering of
 * `detail` the same for the workflow's activity and for every API service.
 */

/**
 * Whatever runs SQL in the caller's transaction: a TypeORM EntityManager (inside `dataSource.transaction`),
 * a QueryRunner, or the DataSource itself for a write that stands alone. The audit row commits or rolls
 * back with the change it records.
 */
export interface AuditSqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface AuditEntry {
  /**
   * Unique per event: an event written twice under the same key (a retried activity, a repeated request
   * with the same Idempotency-Key) is stored once.
   */
  readonly eventKey: string;
  readonly itemId?: string | null;
  readonly taskId?: string | null;
  /** The username of whoever acted (a user, or a system actor such as the scheduler). */
  readonly actor: string;
  /** The role the actor acted in; null when no role applies (a user provisioning themselves at sign-in). */
  readonly actorRole?: string | null;
  readonly departmentCode?: string | null;
  readonly action: string;
  readonly reason?: string | null;
  readonly detail?: Record<string, unknown>;
  readonly requestId?: string | null;
  /** When it happened; the database's transaction time when absent. Workflows pass their own clock. */
  readonly occurredAt?: string | Date;
}

const AUDIT_COLUMNS = 'event_key, item_id, task_id, actor, actor_role, department_code, action, reason, detail, request_id, occurred_at';

/** One entry's values, in AUDIT_COLUMNS order. */
function auditValues(entry: AuditEntry): unknown[] {
  const occurredAt = entry.occurredAt instanceof Date ? entry.occurredAt.toISOString() : entry.occurredAt ?? null;
  return [
    entry.eventKey, entry.itemId ?? null, entry.taskId ?? null, entry.actor, entry.actorRole ?? null,
    entry.departmentCode ?? null, entry.action, entry.reason ?? null, JSON.stringify(entry.detail ?? {}),
    entry.requestId ?? null, occurredAt,
  ];
}

/** Appends one event to the audit trail. Resolves to false when an event with this key was already stored. */
export async function writeAuditEvent(sql: AuditSqlRunner, entry: AuditEntry): Promise<boolean> {
  const rows = (await sql.query(
    `INSERT INTO audit_events (${AUDIT_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11::timestamptz, now()))
     ON CONFLICT (event_key) DO NOTHING
     RETURNING id`,
    auditValues(entry),
  )) as unknown[];
  return Array.isArray(rows) && rows.length > 0;
}

/**
 * The INSERT of several events, in this order, for a caller that writes them in the same statement as the
 * change they record (a data-modifying CTE): `parameter` adds a value to that statement and names it.
 * The rows are inserted in the order listed, and the insert trigger chains each to the one before it
 * (a row-level trigger sees the rows its statement inserted earlier). Each key is stored once, as above.
 */
export function auditEventsInsert(entries: readonly AuditEntry[], parameter: (value: unknown) => string): string {
  const rows = entries.map((entry) => {
    const [eventKey, itemId, taskId, actor, actorRole, departmentCode, action, reason, detail, requestId, occurredAt] = auditValues(entry).map(parameter);
    return `(${eventKey}::varchar, ${itemId}::uuid, ${taskId}::uuid, ${actor}::varchar, ${actorRole}::varchar, ${departmentCode}::varchar, ${action}::varchar, ${reason}::text, ${detail}::jsonb, ${requestId}::varchar, COALESCE(${occurredAt}::timestamptz, now()))`;
  });
  return `INSERT INTO audit_events (${AUDIT_COLUMNS}) VALUES ${rows.join(', ')} ON CONFLICT (event_key) DO NOTHING`;
}
