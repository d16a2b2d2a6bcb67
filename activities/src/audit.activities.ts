import type { DataSource } from 'typeorm';

export interface AuditEventRecord {
  /** Unique per workflow step: the same event written twice by a retry is stored once. */
  readonly eventKey: string;
  readonly itemId?: string;
  readonly taskId?: string;
  readonly actor: string;
  readonly actorRole?: string;
  readonly departmentCode?: string;
  readonly action: string;
  readonly reason?: string;
  readonly detail?: Record<string, unknown>;
  readonly requestId?: string;
  readonly occurredAt: string;
}

export function createAuditActivities(dataSource: DataSource) {
  return {
    async recordAuditEvent(event: AuditEventRecord): Promise<void> {
      await dataSource.query(
        `INSERT INTO audit_events (event_key, item_id, task_id, actor, actor_role, department_code, action, reason, detail,
           request_id, occurred_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
         ON CONFLICT (event_key) DO NOTHING`,
        [
          event.eventKey, event.itemId ?? null, event.taskId ?? null, event.actor, event.actorRole ?? null,
          event.departmentCode ?? null, event.action, event.reason ?? null, JSON.stringify(event.detail ?? {}),
          event.requestId ?? null, event.occurredAt,
        ],
      );
    },
  };
}
