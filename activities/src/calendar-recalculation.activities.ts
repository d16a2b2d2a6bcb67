import type { DataSource } from 'typeorm';
import { disclosureItemWorkflowId } from '@zwgk/contracts';

/** A page of the workflows whose deadlines a newly loaded calendar may move. */
export interface DeadlineHolderPage {
  readonly workflowIds: string[];
  /** The cursor for the next page; absent when this was the last one. */
  readonly next?: string;
}

/**
 * IO of the calendar recalculation batch: which workflows hold a deadline that counts working days.
 * Every item not yet released, rejected or withdrawn whose statutory release deadline or open review task
 * falls due at or after `dueFrom` (the start of the year loaded): both count working days.
 */
export function createCalendarRecalculationActivities(dataSource: DataSource) {
  return {
    async listDeadlineHolders(request: { after?: string; dueFrom?: string; limit: number }): Promise<DeadlineHolderPage> {
      const rows: { id: string }[] = await dataSource.query(
        `SELECT i.id::text AS id FROM disclosure_items i
          WHERE i.state NOT IN ('RELEASED', 'REJECTED', 'WITHDRAWN') AND ($1::uuid IS NULL OR i.id > $1::uuid)
            AND ($3::timestamptz IS NULL OR i.release_due_at >= $3
                 OR EXISTS (SELECT 1 FROM review_tasks t WHERE t.item_id = i.id AND t.state = 'open' AND t.due_at >= $3))
          ORDER BY i.id LIMIT $2`,
        [request.after ?? null, request.limit, request.dueFrom ?? null],
      );
      return {
        workflowIds: rows.map((row) => disclosureItemWorkflowId(row.id)),
        ...(rows.length === request.limit ? { next: rows[rows.length - 1]!.id } : {}),
      };
    },
  };
}
