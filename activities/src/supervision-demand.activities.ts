import type { DataSource } from 'typeorm';
import { SUPERVISION_DEMAND_ROLE, SUPERVISION_DEMAND_TASK_STAGE } from '@zwgk/contracts';

export interface OpenSupervisionDemandRequest {
  readonly demandId: string;
  readonly workflowId: string;
  readonly itemId: string;
  readonly departmentCode: string;
  readonly reason: string;
  readonly demandedBy: string;
  readonly dueWorkingDays: number;
  readonly dueAt: string;
  readonly dueExplanation: string;
  readonly openedAt: string;
}

export interface RecordSupervisionDemandResponseRequest {
  readonly demandId: string;
  readonly response: string;
  readonly responder: string;
  readonly respondedAt: string;
  readonly late: boolean;
}

/**
 * IO of the supervision-demand workflow (督办): the demand's row and its task in the department head's
 * inbox. Every write is an insert that ignores a repeat or an update guarded by the state, so a retried
 * activity changes nothing.
 */
export function createSupervisionDemandActivities(dataSource: DataSource) {
  return {
    /**
     * The demand and its inbox task, in one transaction. The task shares the demand's id, carries the item's
     * current revision (review_tasks requires one) and waits in the pool of the department's head role.
     */
    async openSupervisionDemand(request: OpenSupervisionDemandRequest): Promise<void> {
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO supervision_demands (id, workflow_id, item_id, department_code, reason, demanded_by, due_working_days, due_at, due_explanation, created_at, state)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'open')
           ON CONFLICT (id) DO NOTHING`,
          [request.demandId, request.workflowId, request.itemId, request.departmentCode, request.reason, request.demandedBy, request.dueWorkingDays, request.dueAt, request.dueExplanation, request.openedAt],
        );
        await manager.query(
          `INSERT INTO review_tasks (id, item_id, stage, role, department_code, state, revision, due_at, due_explanation, created_at)
           SELECT $1, i.id, $3, $4, $5, 'open', i.revision, $6, $7, $8 FROM disclosure_items i WHERE i.id = $2
           ON CONFLICT (id) DO NOTHING`,
          [request.demandId, request.itemId, SUPERVISION_DEMAND_TASK_STAGE, SUPERVISION_DEMAND_ROLE, request.departmentCode, request.dueAt, request.dueExplanation, request.openedAt],
        );
      });
    },

    /**
     * Unanswered at the due time. Only the demand's row records it: flagging the task row would also mark
     * the item overdue (the review activities recompute an item's flag from its open tasks), and an open
     * task past its due time already shows red in the inbox.
     */
    async recordSupervisionDemandOverdue(request: { demandId: string; at: string }): Promise<void> {
      await dataSource.query(`UPDATE supervision_demands SET state = 'overdue', overdue_at = COALESCE(overdue_at, $2) WHERE id = $1 AND state = 'open'`, [
        request.demandId,
        request.at,
      ]);
    },

    /**
     * A new due instant from a recalculated calendar, on the demand and its inbox task. A demand marked
     * overdue whose new instant is still ahead is open again; an answered one is left as it was.
     */
    async rescheduleSupervisionDemand(request: { demandId: string; dueAt: string; dueExplanation: string; at: string }): Promise<void> {
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE supervision_demands
              SET due_at = $2, due_explanation = $3,
                  state = CASE WHEN state = 'overdue' AND $2::timestamptz > $4::timestamptz THEN 'open' ELSE state END,
                  overdue_at = CASE WHEN state = 'overdue' AND $2::timestamptz > $4::timestamptz THEN NULL ELSE overdue_at END
            WHERE id = $1 AND state <> 'answered'`,
          [request.demandId, request.dueAt, request.dueExplanation, request.at],
        );
        await manager.query(`UPDATE review_tasks SET due_at = $2, due_explanation = $3 WHERE id = $1 AND state = 'open'`, [request.demandId, request.dueAt, request.dueExplanation]);
      });
    },

    /** The head's answer closes the demand and its task; a late answer leaves the task flagged "decided late". */
    async recordSupervisionDemandResponse(request: RecordSupervisionDemandResponseRequest): Promise<void> {
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE supervision_demands SET state = 'answered', response = $2, responder = $3, responded_at = $4
            WHERE id = $1 AND state <> 'answered'`,
          [request.demandId, request.response, request.responder, request.respondedAt],
        );
        await manager.query(
          `UPDATE review_tasks SET state = 'completed', comment = $2, decided_by = $3, completed_at = $4, overdue = $5
            WHERE id = $1 AND state = 'open'`,
          [request.demandId, request.response, request.responder, request.respondedAt, request.late],
        );
      });
    },
  };
}
