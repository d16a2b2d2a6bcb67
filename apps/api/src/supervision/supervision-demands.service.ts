import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { SUPERVISION_DEMAND_ROLE } from '@zwgk/contracts';
import { overseesSupervision, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { ItemsService, toActorRef } from '../items/items.service';
import { DEFAULT_DEMAND_WORKING_DAYS, type CreateSupervisionDemandDto, type ListSupervisionDemandsQuery } from './supervision-demand.dto';
import { SupervisionDemandClient } from './supervision-demand.client';

/** A demand as the API shows it. */
export interface SupervisionDemand {
  readonly id: string;
  readonly itemId: string;
  readonly itemTitle: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly reason: string;
  readonly demandedBy: string;
  readonly demandedByName: string;
  readonly dueWorkingDays: number;
  readonly dueAt: string;
  readonly dueExplanation: string | null;
  readonly createdAt: string;
  readonly state: 'open' | 'overdue' | 'answered';
  readonly overdueAt: string | null;
  readonly respondedAt: string | null;
  readonly response: string | null;
  readonly responder: string | null;
  /** Answered after the due time. */
  readonly late: boolean;
}

interface DemandRow {
  id: string;
  item_id: string;
  item_title: string;
  department_code: string;
  department_name: string;
  reason: string;
  demanded_by: string;
  demanded_by_name: string;
  due_working_days: number;
  due_at: Date;
  due_explanation: string | null;
  created_at: Date;
  state: SupervisionDemand['state'];
  overdue_at: Date | null;
  responded_at: Date | null;
  response: string | null;
  responder: string | null;
}

const SELECT_DEMANDS = `
  SELECT s.id, s.item_id, i.title AS item_title, s.department_code, d.name AS department_name, s.reason, s.demanded_by,
         u.display_name AS demanded_by_name, s.due_working_days, s.due_at, s.due_explanation, s.created_at, s.state,
         s.overdue_at, s.responded_at, s.response, s.responder
    FROM supervision_demands s
    JOIN disclosure_items i ON i.id = s.item_id
    JOIN departments d ON d.code = s.department_code
    JOIN users u ON u.username = s.demanded_by`;

function toDemand(row: DemandRow): SupervisionDemand {
  return {
    id: row.id,
    itemId: row.item_id,
    itemTitle: row.item_title,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    reason: row.reason,
    demandedBy: row.demanded_by,
    demandedByName: row.demanded_by_name,
    dueWorkingDays: row.due_working_days,
    dueAt: row.due_at.toISOString(),
    dueExplanation: row.due_explanation,
    createdAt: row.created_at.toISOString(),
    state: row.state,
    overdueAt: row.overdue_at?.toISOString() ?? null,
    respondedAt: row.responded_at?.toISOString() ?? null,
    response: row.response,
    responder: row.responder,
    late: row.responded_at !== null && row.responded_at > row.due_at,
  };
}

/**
 * 督办: a supervisor demands action on an item; the item's department head answers in the inbox. Each demand
 * is its own workflow (supervisionDemandWorkflow) with a durable timer for its due time.
 */
@Injectable()
export class SupervisionDemandsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(SupervisionDemandClient) private readonly workflows: SupervisionDemandClient,
  ) {}

  /**
   * Opens a demand for the item's department. With an Idempotency-Key the demand id is derived from it, so a
   * retried request finds the same demand (and its workflow) instead of demanding twice.
   */
  async demand(actor: Actor, dto: CreateSupervisionDemandDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<SupervisionDemand> {
    const demandId = idempotencyKey ? uuidFromKey(`supervision-demand:${actor.username}`, idempotencyKey) : randomUUID();
    const earlier = await this.find(demandId);
    if (earlier) {
      if (earlier.itemId !== dto.itemId) throw ApiError.conflict(`该幂等键（Idempotency-Key）已用于事项 ${earlier.itemId} 的督办单`);
      return earlier;
    }
    const item = await this.items.loadVisible(actor, dto.itemId);
    try {
      await this.workflows.open({
        demandId,
        itemId: item.id,
        itemTitle: item.title,
        departmentCode: item.departmentCode,
        reason: dto.reason.trim(),
        dueWorkingDays: dto.dueWorkingDays ?? DEFAULT_DEMAND_WORKING_DAYS,
        demandedBy: toActorRef(actor, requestId),
      });
    } catch (error) {
      // The same key after the demand's workflow has closed: the demand stands as it is.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.load(demandId);
  }

  /**
   * The department head's answer. A repeat of the same answer by the same head is idempotent; any other
   * answer to a demand already answered is a 409.
   */
  async respond(actor: Actor, demandId: string, response: string, idempotencyKey: string | undefined, requestId: string | undefined): Promise<SupervisionDemand> {
    const demand = await this.load(demandId);
    if (!actor.roles.includes(SUPERVISION_DEMAND_ROLE) || actor.departmentCode !== demand.departmentCode) {
      throw ApiError.forbidden(`督办单 ${demandId} 应由部门 ${demand.departmentCode} 的负责人答复`);
    }
    const text = response.trim();
    if (demand.state === 'answered') return this.answeredAlready(demand, actor, text);
    try {
      await this.workflows.respond({ demandId, actor: toActorRef(actor, requestId), response: text }, idempotencyKey);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      return this.answeredAlready(await this.load(demandId), actor, text);
    }
    return this.load(demandId);
  }

  /** Supervisors and admins see every demand; a department head sees the ones on their department. */
  async list(actor: Actor, query: ListSupervisionDemandsQuery): Promise<{ items: SupervisionDemand[] }> {
    let department = query.department;
    if (!overseesSupervision(actor)) {
      if (department !== undefined && department !== actor.departmentCode) throw ApiError.forbidden(`您无权查看部门 ${department} 的督办单`);
      department = actor.departmentCode;
    } else if (department !== undefined) {
      const found: unknown[] = await this.dataSource.query('SELECT 1 FROM departments WHERE code = $1', [department]);
      if (!found.length) throw ApiError.invalid('department', `部门“${department}”不存在`);
    }
    const rows: DemandRow[] = await this.dataSource.query(
      `${SELECT_DEMANDS}
        WHERE ($1::varchar IS NULL OR s.state = $1) AND ($2::varchar IS NULL OR s.department_code = $2) AND ($3::uuid IS NULL OR s.item_id = $3)
        ORDER BY s.created_at DESC, s.id
        LIMIT 500`,
      [query.state ?? null, department ?? null, query.itemId ?? null],
    );
    return { items: rows.map(toDemand) };
  }

  async get(actor: Actor, demandId: string): Promise<SupervisionDemand> {
    const demand = await this.load(demandId);
    if (!overseesSupervision(actor) && demand.departmentCode !== actor.departmentCode) throw ApiError.forbidden(`督办单 ${demandId} 属于部门 ${demand.departmentCode}`);
    return demand;
  }

  /** Every demand on these items, oldest first, for the overdue audit rows. */
  async forItems(itemIds: readonly string[]): Promise<Map<string, SupervisionDemand[]>> {
    const byItem = new Map<string, SupervisionDemand[]>();
    if (itemIds.length === 0) return byItem;
    const rows: DemandRow[] = await this.dataSource.query(`${SELECT_DEMANDS} WHERE s.item_id = ANY($1) ORDER BY s.created_at, s.id`, [itemIds]);
    for (const row of rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), toDemand(row)]);
    return byItem;
  }

  /** Counts by state, for the dashboard. */
  async counts(): Promise<Record<SupervisionDemand['state'], number>> {
    const rows: { state: SupervisionDemand['state']; n: number }[] = await this.dataSource.query(`SELECT state, count(*)::int AS n FROM supervision_demands GROUP BY state`);
    const counts = { open: 0, overdue: 0, answered: 0 };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  private answeredAlready(demand: SupervisionDemand, actor: Actor, text: string): SupervisionDemand {
    if (demand.responder === actor.username && demand.response === text) return demand;
    throw ApiError.conflict(`督办单 ${demand.id} 已由 ${demand.responder} 答复`);
  }

  private async find(demandId: string): Promise<SupervisionDemand | undefined> {
    const rows: DemandRow[] = await this.dataSource.query(`${SELECT_DEMANDS} WHERE s.id = $1`, [demandId]);
    return rows[0] ? toDemand(rows[0]) : undefined;
  }

  private async load(demandId: string): Promise<SupervisionDemand> {
    const demand = await this.find(demandId);
    if (!demand) throw ApiError.notFound(`督办单 ${demandId} 不存在`);
    return demand;
  }
}
