import type { DataSource } from 'typeorm';
import {
  chinaDateOf,
  obligationDeadline,
  obligationPeriodAt,
  type LocalDate,
  type ObligationDeadline,
  type ObligationPeriod,
  type ObligationRule,
} from '@zwgk/domain';

export interface OpenObligationTaskRequest {
  readonly taskId: string;
  readonly workflowId: string;
  readonly obligationId: string;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly periodStart: LocalDate;
  readonly dueDate: LocalDate;
  readonly dueAt: string;
  readonly dueExplanation: string;
  readonly departmentCode: string;
  readonly catalogItemCode: string;
  readonly openedAt: string;
}

export interface RecordObligationFulfilmentRequest {
  readonly taskId: string;
  readonly itemId: string;
  readonly fulfilledBy: string;
  readonly fulfilledAt: string;
  readonly late: boolean;
}

/**
 * IO of the periodic-obligation workflows: which period a firing opens and when it is due (the calendar
 * stays out of workflow code, so a later rule for due days cannot change a replay), and the drafting
 * task's read model. Every write is an upsert or a guarded update, so a retry changes nothing.
 */
export function createObligationActivities(dataSource: DataSource) {
  return {
    /** The period that a firing at `at` opens, and whether the obligation is still registered. */
    async resolveObligationPeriod(request: { obligationId: string; rule: ObligationRule; at: string }): Promise<{ active: boolean; period: ObligationPeriod }> {
      const rows: { state: string }[] = await dataSource.query(`SELECT state FROM obligations WHERE id = $1`, [request.obligationId]);
      return { active: rows[0]?.state === 'active', period: obligationPeriodAt(request.rule, chinaDateOf(new Date(request.at))) };
    },

    /** The due instant of a period: the end of its due day, China time. */
    async computeObligationDeadline(request: { periodLabel: string; dueDate: LocalDate }): Promise<ObligationDeadline> {
      return obligationDeadline({ label: request.periodLabel, dueDate: request.dueDate });
    },

    /**
     * Puts the period's drafting task in the department's inbox, once per obligation and period. Returns
     * the task that holds the period: this one, or the one an earlier run of the period already opened.
     */
    async openObligationTask(request: OpenObligationTaskRequest): Promise<{ taskId: string; workflowId: string }> {
      await dataSource.query(
        `INSERT INTO obligation_tasks (id, obligation_id, workflow_id, period_key, period_label, period_start, due_date, due_at,
           due_explanation, department_code, catalog_item_code, state, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'open',$12)
         ON CONFLICT DO NOTHING`,
        [
          request.taskId, request.obligationId, request.workflowId, request.periodKey, request.periodLabel, request.periodStart,
          request.dueDate, request.dueAt, request.dueExplanation, request.departmentCode, request.catalogItemCode, request.openedAt,
        ],
      );
      const rows: { id: string; workflow_id: string }[] = await dataSource.query(
        `SELECT id, workflow_id FROM obligation_tasks WHERE obligation_id = $1 AND period_key = $2`,
        [request.obligationId, request.periodKey],
      );
      return { taskId: rows[0].id, workflowId: rows[0].workflow_id };
    },

    /** A new due instant from a recalculated calendar; a task flagged overdue whose new instant is ahead is not overdue any more. */
    async rescheduleObligationTask(request: { taskId: string; dueAt: string; dueExplanation: string; at: string }): Promise<void> {
      await dataSource.query(
        `UPDATE obligation_tasks
            SET due_at = $2, due_explanation = $3,
                overdue = overdue AND $2::timestamptz <= $4::timestamptz,
                overdue_at = CASE WHEN $2::timestamptz > $4::timestamptz THEN NULL ELSE overdue_at END
          WHERE id = $1 AND state = 'open'`,
        [request.taskId, request.dueAt, request.dueExplanation, request.at],
      );
    },

    async recordObligationTaskOverdue(request: { taskId: string; at: string }): Promise<void> {
      await dataSource.query(`UPDATE obligation_tasks SET overdue = true, overdue_at = COALESCE(overdue_at, $2) WHERE id = $1`, [request.taskId, request.at]);
    },

    async recordObligationFulfilment(request: RecordObligationFulfilmentRequest): Promise<void> {
      await dataSource.query(
        `UPDATE obligation_tasks
            SET state = 'fulfilled', fulfilled_item_id = $2, fulfilled_by = $3, fulfilled_at = $4, fulfilled_late = $5
          WHERE id = $1 AND state = 'open'`,
        [request.taskId, request.itemId, request.fulfilledBy, request.fulfilledAt, request.late],
      );
    },
  };
}
