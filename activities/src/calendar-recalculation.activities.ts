import type { DataSource } from 'typeorm';
import { disclosureItemWorkflowId, publicConcernWorkflowId, type DeadlineHolderKind } from '@zwgk/contracts';

/** A page of the workflows whose deadlines a newly loaded calendar may move. */
export interface DeadlineHolderPage {
  readonly workflowIds: string[];
  /** The cursor for the next page; absent when this was the last one. */
  readonly next?: string;
}

/**
 * Per kind: the open rows whose due instant falls at or after `$3` (the start of the year loaded; null for
 * every one), keyed by id after the cursor `$1`, at most `$2` of them, as `id` and `workflow_id`.
 */
const LISTINGS: Record<DeadlineHolderKind, string> = {
  // Items not yet released, rejected or withdrawn: the statutory release deadline or an open review task.
  item: `SELECT i.id::text AS id, NULL AS workflow_id FROM disclosure_items i
          WHERE i.state NOT IN ('RELEASED', 'REJECTED', 'WITHDRAWN') AND ($1::uuid IS NULL OR i.id > $1::uuid)
            AND ($3::timestamptz IS NULL OR i.release_due_at >= $3
                 OR EXISTS (SELECT 1 FROM review_tasks t WHERE t.item_id = i.id AND t.state = 'open' AND t.due_at >= $3))
          ORDER BY i.id LIMIT $2`,
  // Concerns with a milestone not yet met: a message's limit counts working days.
  concern: `SELECT c.id::text AS id, NULL AS workflow_id FROM concerns c
          WHERE ($1::uuid IS NULL OR c.id > $1::uuid)
            AND EXISTS (SELECT 1 FROM concern_deadlines d WHERE d.concern_id = c.id AND d.met_at IS NULL AND ($3::timestamptz IS NULL OR d.due_at >= $3))
          ORDER BY c.id LIMIT $2`,
  // 督办 demands not answered (open or overdue): N working days from their opening.
  demand: `SELECT s.id::text AS id, s.workflow_id FROM supervision_demands s
          WHERE s.state <> 'answered' AND ($1::uuid IS NULL OR s.id > $1::uuid) AND ($3::timestamptz IS NULL OR s.due_at >= $3)
          ORDER BY s.id LIMIT $2`,
  // Obligation periods not fulfilled.
  obligation: `SELECT o.id::text AS id, o.workflow_id FROM obligation_tasks o
          WHERE o.state = 'open' AND ($1::uuid IS NULL OR o.id > $1::uuid) AND ($3::timestamptz IS NULL OR o.due_at >= $3)
          ORDER BY o.id LIMIT $2`,
};

const WORKFLOW_IDS: Record<DeadlineHolderKind, (row: { id: string; workflow_id: string | null }) => string> = {
  item: (row) => disclosureItemWorkflowId(row.id),
  concern: (row) => publicConcernWorkflowId(row.id),
  demand: (row) => row.workflow_id!,
  obligation: (row) => row.workflow_id!,
};

/**
 * IO of the calendar recalculation batch: which workflows hold a deadline that counts working days,
 * one kind at a time (items with their review tasks, concerns, 督办 demands, obligation periods).
 */
export function createCalendarRecalculationActivities(dataSource: DataSource) {
  return {
    async listDeadlineHolders(request: { kind?: DeadlineHolderKind; after?: string; dueFrom?: string; limit: number }): Promise<DeadlineHolderPage> {
      const kind = request.kind ?? 'item';
      const rows: { id: string; workflow_id: string | null }[] = await dataSource.query(LISTINGS[kind], [request.after ?? null, request.limit, request.dueFrom ?? null]);
      return {
        workflowIds: rows.map(WORKFLOW_IDS[kind]),
        ...(rows.length === request.limit ? { next: rows[rows.length - 1]!.id } : {}),
      };
    },
  };
}
