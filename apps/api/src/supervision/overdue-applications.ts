import type { DataSource } from 'typeorm';
import { workingDaysLate, type WorkingDayCalendar } from '@zwgk/domain';
import { APPLICATION_DEMAND_STATE_LABELS, type ApplicationDemandState } from '../applications/application-demands.service';
import { APPLICATION_STATE_LABELS } from '../applications/application.mapper';
import type { OverdueQuery } from './overdue.query';

/**
 * An application for disclosure past its reply limit (条例 Art. 33): still unanswered, or answered late. No
 * personal data of the applicant: the supervisor follows the 查询号 to the application page, where the
 * access policy decides what they see.
 */
export interface OverdueApplicationRow {
  readonly applicationId: string;
  readonly queryNumber: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly dueAt: string;
  readonly dueDate: string | null;
  readonly finishedAt: string | null;
  readonly stillOverdue: boolean;
  readonly workingDaysLate: number;
  /** The 督办 on it still to be closed, if any: the supervisor issues one from this list, and follows it here. */
  readonly demand: { readonly id: string; readonly state: ApplicationDemandState; readonly stateLabel: string; readonly dueDate: string } | null;
}

interface Row {
  id: string;
  query_number: string;
  department_code: string;
  department_name: string;
  state: string;
  due_at: Date;
  due_date: string | null;
  closed_at: Date | null;
  demand_id: string | null;
  demand_state: ApplicationDemandState | null;
  demand_due_date: string | null;
}

/**
 * The overdue list's section for applications, under the same filters as its items where they apply: the
 * department (the handling one, else the office that received it) and the due-time period. A reply limit is
 * statutory, so `kind=sla` shows none; `area`, `stage` and `leader` describe items, so they show none either.
 */
export async function overdueApplications(
  dataSource: DataSource,
  calendar: WorkingDayCalendar,
  query: OverdueQuery,
  period: { from?: Date; to?: Date },
  now: Date,
): Promise<{ counts: { overdue: number; stillOverdue: number }; items: OverdueApplicationRow[] }> {
  if (query.kind === 'sla' || query.area !== undefined || query.stage !== undefined || query.leader !== undefined) {
    return { counts: { overdue: 0, stillOverdue: 0 }, items: [] };
  }
  const params: unknown[] = [now, query.departmentCode ?? null, period.from ?? null, period.to ?? null];
  const rows: Row[] = await dataSource.query(
    `SELECT a.id, a.query_number, dept.code AS department_code, dept.name AS department_name, a.state, a.due_at, a.due_date::text AS due_date, closed.occurred_at AS closed_at,
            demand.id AS demand_id, demand.state AS demand_state, demand.due_date::text AS demand_due_date
       FROM disclosure_applications a
       JOIN departments dept ON dept.code = coalesce(a.handling_department_code, a.office_department_code)
       LEFT JOIN LATERAL (SELECT occurred_at FROM audit_events e WHERE e.detail->>'applicationId' = a.id::text AND e.action = 'application.closed' ORDER BY e.id DESC LIMIT 1) closed ON a.state = 'closed'
       LEFT JOIN LATERAL (SELECT s.id, s.state, s.due_date FROM application_demands s WHERE s.application_id = a.id AND s.state <> 'closed' ORDER BY s.created_at DESC LIMIT 1) demand ON true
      WHERE a.due_at IS NOT NULL
        -- The workflow's timer flags overdue at the due instant; the clock covers a timer not yet fired.
        AND ((a.state <> 'closed' AND (a.overdue OR (a.due_at < $1 AND NOT a.clock_stopped))) OR (a.state = 'closed' AND a.late))
        AND ($2::text IS NULL OR dept.code = $2)
        AND ($3::timestamptz IS NULL OR a.due_at >= $3)
        AND ($4::timestamptz IS NULL OR a.due_at <= $4)`,
    params,
  );
  const items = rows
    .map((row): OverdueApplicationRow => {
      const open = row.state !== 'closed';
      const until = open ? now : (row.closed_at ?? now);
      return {
        applicationId: row.id,
        queryNumber: row.query_number,
        departmentCode: row.department_code,
        departmentName: row.department_name,
        state: row.state,
        stateLabel: APPLICATION_STATE_LABELS[row.state] ?? row.state,
        dueAt: row.due_at.toISOString(),
        dueDate: row.due_date,
        finishedAt: open ? null : until.toISOString(),
        stillOverdue: open,
        workingDaysLate: workingDaysLate(calendar, row.due_at, until),
        demand:
          row.demand_id !== null && row.demand_state !== null && row.demand_due_date !== null
            ? { id: row.demand_id, state: row.demand_state, stateLabel: APPLICATION_DEMAND_STATE_LABELS[row.demand_state], dueDate: row.demand_due_date }
            : null,
      };
    })
    .sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.dueAt.localeCompare(b.dueAt) || a.applicationId.localeCompare(b.applicationId));
  return { counts: { overdue: items.length, stillOverdue: items.filter((row) => row.stillOverdue).length }, items };
}
