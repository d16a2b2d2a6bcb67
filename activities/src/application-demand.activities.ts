import type { DataSource } from 'typeorm';

export interface OpenApplicationDemandRequest {
  readonly demandId: string;
  readonly workflowId: string;
  readonly applicationId: string;
  readonly departmentCode: string;
  readonly reason: string;
  readonly demandedBy: string;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly openedAt: string;
}

/**
 * IO of the application demand workflow (督办 on an application): its row in application_demands. Every
 * write is an insert that ignores a repeat or an update guarded by the state, so a retried activity changes
 * nothing.
 */
export function createApplicationDemandActivities(dataSource: DataSource) {
  return {
    async openApplicationDemand(request: OpenApplicationDemandRequest): Promise<void> {
      await dataSource.query(
        `INSERT INTO application_demands (id, workflow_id, application_id, department_code, reason, demanded_by, due_date, due_at, created_at, state)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'open')
         ON CONFLICT (id) DO NOTHING`,
        [request.demandId, request.workflowId, request.applicationId, request.departmentCode, request.reason, request.demandedBy, request.dueDate, request.dueAt, request.openedAt],
      );
    },

    async recordApplicationDemandReminded(request: { demandId: string; at: string }): Promise<void> {
      await dataSource.query(`UPDATE application_demands SET reminded_at = COALESCE(reminded_at, $2) WHERE id = $1`, [request.demandId, request.at]);
    },

    async recordApplicationDemandOverdue(request: { demandId: string; at: string }): Promise<void> {
      await dataSource.query(`UPDATE application_demands SET state = 'overdue', overdue_at = COALESCE(overdue_at, $2) WHERE id = $1 AND state = 'open'`, [request.demandId, request.at]);
    },

    async recordApplicationDemandAnswer(request: { demandId: string; situation: string; measures: string; responder: string; respondedAt: string }): Promise<void> {
      await dataSource.query(
        `UPDATE application_demands SET state = 'answered', situation = $2, measures = $3, responder = $4, responded_at = $5
          WHERE id = $1 AND state IN ('open', 'overdue')`,
        [request.demandId, request.situation, request.measures, request.responder, request.respondedAt],
      );
    },

    async recordApplicationDemandClosed(request: { demandId: string; closedBy: string; closedAt: string; remark?: string }): Promise<void> {
      await dataSource.query(`UPDATE application_demands SET state = 'closed', closed_by = $2, closed_at = $3, closing_remark = $4 WHERE id = $1 AND state = 'answered'`, [
        request.demandId,
        request.closedBy,
        request.closedAt,
        request.remark ?? null,
      ]);
    },
  };
}
