import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { applicationDemandAnswerRole, chinaDateOf, endOfChinaDay, isCalendarDate, mayAnswerApplicationDemand, maySeeApplication, maySuperviseApplicationDemand, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { toActorRef } from '../items/items.service';
import { ApplicationDemandClient } from './application-demand.client';
import type { AnswerApplicationDemandDto, CloseApplicationDemandDto, IssueApplicationDemandDto } from './application-demand.dto';

export type ApplicationDemandState = 'open' | 'overdue' | 'answered' | 'closed';

export const APPLICATION_DEMAND_STATE_LABELS: Record<ApplicationDemandState, string> = { open: '待答复', overdue: '逾期未答复', answered: '已答复，待办结', closed: '已办结' };

/** A 督办 on an application as the API shows it. */
export interface ApplicationDemand {
  readonly id: string;
  readonly applicationId: string;
  readonly queryNumber: string;
  /** The department that answers (the one holding the application when it was issued). */
  readonly departmentCode: string;
  readonly departmentName: string;
  /** Who in that department answers: its head, or the office's disclosure staff. */
  readonly answeringRole: string;
  readonly reason: string;
  readonly demandedBy: string;
  readonly demandedByName: string;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly createdAt: string;
  readonly state: ApplicationDemandState;
  readonly stateLabel: string;
  readonly remindedAt: string | null;
  readonly overdueAt: string | null;
  /** 说明情况 and 整改措施, once answered. */
  readonly situation: string | null;
  readonly measures: string | null;
  readonly responder: string | null;
  readonly respondedAt: string | null;
  /** Answered after the due instant. */
  readonly late: boolean;
  readonly closedBy: string | null;
  readonly closedAt: string | null;
  readonly closingRemark: string | null;
}

interface DemandRow {
  id: string;
  application_id: string;
  query_number: string;
  office_department_code: string;
  handling_department_code: string | null;
  department_code: string;
  department_name: string;
  reason: string;
  demanded_by: string;
  demanded_by_name: string;
  due_date: string;
  due_at: Date;
  created_at: Date;
  state: ApplicationDemandState;
  reminded_at: Date | null;
  overdue_at: Date | null;
  situation: string | null;
  measures: string | null;
  responder: string | null;
  responded_at: Date | null;
  closed_by: string | null;
  closed_at: Date | null;
  closing_remark: string | null;
}

const SELECT_DEMANDS = `
  SELECT s.id, s.application_id, a.query_number, a.office_department_code, a.handling_department_code, s.department_code, d.name AS department_name,
         s.reason, s.demanded_by, u.display_name AS demanded_by_name, s.due_date::text AS due_date, s.due_at, s.created_at, s.state, s.reminded_at,
         s.overdue_at, s.situation, s.measures, s.responder, s.responded_at, s.closed_by, s.closed_at, s.closing_remark
    FROM application_demands s
    JOIN disclosure_applications a ON a.id = s.application_id
    JOIN departments d ON d.code = s.department_code
    JOIN users u ON u.username = s.demanded_by`;

const iso = (value: Date | null) => value?.toISOString() ?? null;

function toDemand(row: DemandRow): ApplicationDemand {
  return {
    id: row.id,
    applicationId: row.application_id,
    queryNumber: row.query_number,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    answeringRole: applicationDemandAnswerRole({ departmentCode: row.department_code, officeDepartmentCode: row.office_department_code }),
    reason: row.reason,
    demandedBy: row.demanded_by,
    demandedByName: row.demanded_by_name,
    dueDate: row.due_date,
    dueAt: row.due_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    state: row.state,
    stateLabel: APPLICATION_DEMAND_STATE_LABELS[row.state],
    remindedAt: iso(row.reminded_at),
    overdueAt: iso(row.overdue_at),
    situation: row.situation,
    measures: row.measures,
    responder: row.responder,
    respondedAt: iso(row.responded_at),
    late: row.responded_at !== null && row.responded_at > row.due_at,
    closedBy: row.closed_by,
    closedAt: iso(row.closed_at),
    closingRemark: row.closing_remark,
  };
}

/**
 * 督办 on an application for disclosure: a supervisor issues it with a reason and a response date, the
 * department holding the application answers it on the application's page (说明情况, 整改措施), and the
 * supervisor closes it. Each demand is its own workflow (applicationDemandWorkflow) with durable timers for
 * its reminder and due instant; the rules of who may act are in the access policy and the workflow's validators.
 */
@Injectable()
export class ApplicationDemandsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ApplicationDemandClient) private readonly workflows: ApplicationDemandClient,
  ) {}

  /** With an Idempotency-Key the demand's id is derived from it: a retried request finds the same demand. */
  async issue(actor: Actor, applicationId: string, dto: IssueApplicationDemandDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<ApplicationDemand> {
    if (!maySuperviseApplicationDemand(actor)) throw ApiError.forbidden('只有督查人员可以督办');
    const demandId = idempotencyKey ? uuidFromKey(`application-demand:${actor.username}`, idempotencyKey) : randomUUID();
    const earlier = await this.find(demandId);
    if (earlier) {
      if (earlier.applicationId !== applicationId) throw ApiError.conflict(`Idempotency-Key 已用于申请 ${earlier.queryNumber} 的督办`);
      return earlier;
    }
    const application = await this.application(actor, applicationId);
    if (application.state === 'closed' && !application.late) throw ApiError.conflict('该申请已按期办结，无需督办');
    if (!isCalendarDate(dto.dueDate)) throw ApiError.invalid('dueDate', '答复期限须为 YYYY-MM-DD 格式的真实日期（2008—2099年）');
    if (dto.dueDate < chinaDateOf(new Date())) throw ApiError.invalid('dueDate', '答复期限不能早于今天');
    const open: unknown[] = await this.dataSource.query(`SELECT 1 FROM application_demands WHERE application_id = $1 AND state <> 'closed'`, [applicationId]);
    if (open.length) throw new ApiError('application-demand.already-open', `申请 ${application.query_number} 已有未办结的督办`);
    try {
      await this.workflows.open({
        demandId,
        applicationId,
        queryNumber: application.query_number,
        departmentCode: application.handling_department_code ?? application.office_department_code,
        officeDepartmentCode: application.office_department_code,
        reason: dto.reason.trim(),
        dueDate: dto.dueDate,
        dueAt: endOfChinaDay(dto.dueDate).toISOString(),
        demandedBy: toActorRef(actor, requestId),
      });
    } catch (error) {
      // The same key after the demand's workflow has closed: the demand stands as it is.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.load(demandId);
  }

  /** The application's demands, newest first, to whoever may see the application. */
  async list(actor: Actor, applicationId: string): Promise<{ items: ApplicationDemand[] }> {
    await this.application(actor, applicationId);
    const rows: DemandRow[] = await this.dataSource.query(`${SELECT_DEMANDS} WHERE s.application_id = $1 ORDER BY s.created_at DESC, s.id`, [applicationId]);
    return { items: rows.map(toDemand) };
  }

  /** The department's answer. The same answer repeated by the same person is idempotent; another one is a 409. */
  async answer(actor: Actor, applicationId: string, demandId: string, dto: AnswerApplicationDemandDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<ApplicationDemand> {
    const demand = await this.demandOf(actor, applicationId, demandId);
    const row = { departmentCode: demand.departmentCode, officeDepartmentCode: (await this.application(actor, applicationId)).office_department_code };
    if (!mayAnswerApplicationDemand(actor, row)) throw ApiError.forbidden(`该督办须由部门 ${demand.departmentName} 的${applicationDemandAnswerRole(row) === 'reviewer' ? '负责人' : '政务公开工作人员'}答复`);
    const situation = dto.situation.trim();
    const measures = dto.measures.trim();
    const repeat = (current: ApplicationDemand) => {
      if (current.responder === actor.username && current.situation === situation && current.measures === measures) return current;
      throw ApiError.conflict(`督办已由 ${current.responder} 答复`);
    };
    if (demand.respondedAt !== null) return repeat(demand);
    try {
      await this.workflows.answer({ demandId, actor: toActorRef(actor, requestId), situation, measures }, idempotencyKey);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      return repeat(await this.load(demandId));
    }
    return this.load(demandId);
  }

  /** The supervisor closes an answered demand (办结); closing it again is idempotent. */
  async close(actor: Actor, applicationId: string, demandId: string, dto: CloseApplicationDemandDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<ApplicationDemand> {
    if (!maySuperviseApplicationDemand(actor)) throw ApiError.forbidden('只有督查人员可以办结督办');
    const demand = await this.demandOf(actor, applicationId, demandId);
    if (demand.state === 'closed') return demand;
    if (demand.state !== 'answered') throw new ApiError('application-demand.not-answered', `督办尚未答复（${demand.stateLabel}），不能办结`);
    try {
      await this.workflows.close({ demandId, actor: toActorRef(actor, requestId), ...(dto.remark?.trim() ? { remark: dto.remark.trim() } : {}) }, idempotencyKey);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    return this.load(demandId);
  }

  /** The demand still to be closed on each of these applications (at most one), for lists. */
  async openOn(applicationIds: readonly string[]): Promise<Map<string, ApplicationDemand>> {
    const byApplication = new Map<string, ApplicationDemand>();
    if (applicationIds.length === 0) return byApplication;
    const rows: DemandRow[] = await this.dataSource.query(`${SELECT_DEMANDS} WHERE s.application_id = ANY($1) AND s.state <> 'closed' ORDER BY s.created_at, s.id`, [applicationIds]);
    for (const row of rows) byApplication.set(row.application_id, toDemand(row));
    return byApplication;
  }

  private async application(actor: Actor, applicationId: string) {
    const rows: { query_number: string; office_department_code: string; handling_department_code: string | null; state: string; late: boolean }[] = await this.dataSource.query(
      `SELECT query_number, office_department_code, handling_department_code, state, late FROM disclosure_applications WHERE id = $1`,
      [applicationId],
    );
    const row = rows[0];
    if (!row) throw ApiError.notFound(`没有申请 ${applicationId}`);
    if (!maySeeApplication(actor, { officeDepartmentCode: row.office_department_code, handlingDepartmentCode: row.handling_department_code })) throw ApiError.forbidden('该申请不由您所在的部门办理');
    return row;
  }

  private async demandOf(actor: Actor, applicationId: string, demandId: string): Promise<ApplicationDemand> {
    await this.application(actor, applicationId);
    const demand = await this.find(demandId);
    if (!demand || demand.applicationId !== applicationId) throw ApiError.notFound(`申请上没有督办 ${demandId}`);
    return demand;
  }

  private async find(demandId: string): Promise<ApplicationDemand | undefined> {
    const rows: DemandRow[] = await this.dataSource.query(`${SELECT_DEMANDS} WHERE s.id = $1`, [demandId]);
    return rows[0] ? toDemand(rows[0]) : undefined;
  }

  private async load(demandId: string): Promise<ApplicationDemand> {
    const demand = await this.find(demandId);
    if (!demand) throw ApiError.notFound(`没有督办 ${demandId}`);
    return demand;
  }
}
