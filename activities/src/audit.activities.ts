import type { DataSource } from 'typeorm';
import { writeAuditEvent } from '@zwgk/db';

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
      await writeAuditEvent(dataSource, event);
    },
  };
}
