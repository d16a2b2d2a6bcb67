import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { SUPERVISION_DEMAND_TASK_STAGE } from '@zwgk/contracts';
import { loadWorkingDayCalendar, writeAuditEvent } from '@zwgk/db';
import { REVIEW_STAGE_LABELS, slaLateness, statutoryLateness, workingDaysLate, type Actor, type OverdueKind, type ReviewStage } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { parsePeriod } from '../audit/period';
import { ItemsService } from '../items/items.service';
import { toCsv } from './csv-writer';
import { overdueApplications } from './overdue-applications';
import type { OverdueQuery } from './overdue.query';
import { SupervisionDemandsService, type SupervisionDemand } from './supervision-demands.service';

/** Who answers for an overdue row, and why them. */
export interface Responsible {
  readonly basis: 'claimed' | 'assigned' | 'decided' | 'role-holders' | 'drafter';
  readonly usernames: string[];
}

/** An escalation, extension or supervisor comment on the item, from the audit trail. */
export interface SupervisionEvent {
  readonly action: string;
  readonly taskId: string | null;
  readonly actor: string;
  readonly reason: string | null;
  readonly detail: unknown;
  readonly occurredAt: string;
}

/**
 * The leader who answers for the item (分管领导/签发领导): whoever holds its 签发 task (claimed, assigned, or
 * decided it), or, before anyone does, every holder of the leader role in the item's department (the pool
 * its 签发 task goes to).
 */
export interface Leaders {
  readonly basis: 'sign-off' | 'department-leaders';
  readonly usernames: string[];
}

export interface OverdueRow {
  readonly kind: OverdueKind;
  readonly itemId: string;
  readonly title: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly area: string;
  readonly itemState: string;
  readonly taskId: string | null;
  readonly stage: ReviewStage | null;
  readonly stageLabel: string | null;
  readonly dueAt: string;
  /** When it was finally released or decided; null while it is still outstanding. */
  readonly finishedAt: string | null;
  readonly stillOverdue: boolean;
  readonly workingDaysLate: number;
  readonly responsible: Responsible;
  readonly escalations: SupervisionEvent[];
  readonly extensions: SupervisionEvent[];
  readonly comments: SupervisionEvent[];
  readonly leaders: Leaders;
  /** The supervisors' demands for action (督办) on the item, oldest first. */
  readonly demands: SupervisionDemand[];
}

interface ItemRow {
  item_id: string;
  title: string;
  department_code: string;
  department_name: string;
  area: string;
  item_state: string;
  drafter_username: string;
  release_due_at: Date | null;
  released_at: Date | null;
  /** What the item's release deadline timer recorded: overdue now, and how late a late release was. */
  release_overdue: boolean;
  release_late_working_days: number | null;
}

interface TaskFields {
  task_id: string | null;
  stage: ReviewStage | null;
  role: string | null;
  task_department: string | null;
  task_state: string | null;
  assignee: string | null;
  claimed_by: string | null;
  decided_by: string | null;
  due_at: Date | null;
  completed_at: Date | null;
}

const DEMAND_STATE_LABELS: Record<SupervisionDemand['state'], string> = { open: '待答复', overdue: '逾期未答复', answered: '已答复' };

const EVENT_ACTIONS = { escalation: 'task.escalated', extension: 'deadline.extended', comment: 'supervision.commented' } as const;

const EXPORT_COLUMNS: readonly { header: string; width: number; value: (row: OverdueRow) => string | number | null }[] = [
  { header: '逾期类型', width: 12, value: (row) => (row.kind === 'statutory' ? '法定时限' : '内部时限') },
  { header: '事项编号', width: 38, value: (row) => row.itemId },
  { header: '标题', width: 40, value: (row) => row.title },
  { header: '部门', width: 16, value: (row) => row.departmentName },
  { header: '领域', width: 14, value: (row) => row.area },
  { header: '环节', width: 12, value: (row) => row.stageLabel },
  { header: '截止时间', width: 22, value: (row) => row.dueAt },
  { header: '完成时间', width: 22, value: (row) => row.finishedAt },
  { header: '逾期工作日', width: 10, value: (row) => row.workingDaysLate },
  { header: '责任人', width: 24, value: (row) => row.responsible.usernames.join('、') },
  { header: '升级督办', width: 30, value: (row) => row.escalations.map((event) => event.occurredAt).join('；') },
  { header: '延期', width: 40, value: (row) => row.extensions.map((event) => `${event.occurredAt} ${event.actor}：${event.reason ?? ''}`).join('；') },
  { header: '分管领导', width: 20, value: (row) => row.leaders.usernames.join('、') },
  { header: '督办', width: 40, value: (row) => row.demands.map((demand) => `${demand.createdAt} ${demand.demandedBy}：${demand.reason}（${DEMAND_STATE_LABELS[demand.state]}）`).join('；') },
];

/** The latest 签发 task of an item and who holds it: its decider, claimer or assignee (null while nobody does). */
interface SignOffHolder {
  item_id: string;
  holder: string | null;
}

@Injectable()
export class SupervisionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(SupervisionDemandsService) private readonly demandsOf: SupervisionDemandsService,
  ) {}

  /** Overdue items (statutory) and tasks (internal SLA), the latest first by how late they are. */
  async overdue(query: OverdueQuery) {
    const period = parsePeriod(query.from, query.to);
    await this.checkFilters(query);
    const leader = query.leader;
    const now = new Date();
    const [calendar, statutory, sla] = await Promise.all([
      loadWorkingDayCalendar(this.dataSource),
      query.kind === 'sla' ? Promise.resolve([]) : this.statutoryCandidates(query, period, now),
      query.kind === 'statutory' ? Promise.resolve([]) : this.slaCandidates(query, period, now),
    ]);
    const itemIds = [...new Set([...statutory, ...sla].map((row) => row.item_id))];
    const [events, holders, signOffs, demands] = await Promise.all([this.events(itemIds), this.roleHolders(), this.signOffHolders(itemIds), this.demandsOf.forItems(itemIds)]);
    const build = (kind: OverdueKind, row: ItemRow & TaskFields, dueAt: Date, lateness: { until: Date; open: boolean }, recordedLate?: number): OverdueRow => {
      const itemEvents = events.get(row.item_id) ?? [];
      const only = (action: string) => itemEvents.filter((event) => event.action === action);
      return {
        kind,
        itemId: row.item_id,
        title: row.title,
        departmentCode: row.department_code,
        departmentName: row.department_name,
        area: row.area,
        itemState: row.item_state,
        taskId: row.task_id,
        stage: row.stage,
        stageLabel: row.stage ? REVIEW_STAGE_LABELS[row.stage] : null,
        dueAt: dueAt.toISOString(),
        finishedAt: lateness.open ? null : lateness.until.toISOString(),
        stillOverdue: lateness.open,
        workingDaysLate: recordedLate ?? workingDaysLate(calendar, dueAt, lateness.until),
        responsible: this.responsible(row, holders),
        escalations: only(EVENT_ACTIONS.escalation),
        extensions: only(EVENT_ACTIONS.extension),
        comments: only(EVENT_ACTIONS.comment),
        leaders: this.leaders(row, signOffs, holders),
        demands: demands.get(row.item_id) ?? [],
      };
    };
    const rows: OverdueRow[] = [];
    for (const row of statutory) {
      // The timer's record counts as well as the clock: flagged overdue, or released late by its recorded working days.
      const lateness = statutoryLateness({ releaseDueAt: row.release_due_at, releasedAt: row.released_at }, now) ?? (row.release_overdue && !row.released_at ? { until: now, open: true } : undefined);
      if (lateness && row.release_due_at) rows.push(build('statutory', row, row.release_due_at, lateness, lateness.open ? undefined : (row.release_late_working_days ?? undefined)));
    }
    for (const row of sla) {
      const lateness = row.due_at && row.task_state ? slaLateness({ state: row.task_state, dueAt: row.due_at, completedAt: row.completed_at }, now) : undefined;
      if (lateness && row.due_at) rows.push(build('sla', row, row.due_at, lateness));
    }
    rows.sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.dueAt.localeCompare(b.dueAt) || a.itemId.localeCompare(b.itemId));
    // Who leads an item is only known once its rows are built, so this filter is applied last.
    const shown = leader === undefined ? rows : rows.filter((row) => row.leaders.usernames.includes(leader));
    return {
      generatedAt: now.toISOString(),
      calendarVersion: calendar.version,
      counts: { statutory: shown.filter((row) => row.kind === 'statutory').length, sla: shown.filter((row) => row.kind === 'sla').length },
      items: shown,
      // Applications past their reply limit (条例 Art. 33), a section of their own beside the items.
      applications: await overdueApplications(this.dataSource, calendar, query, period, now),
    };
  }

  async overdueCsv(query: OverdueQuery): Promise<Buffer> {
    const { items } = await this.overdue(query);
    return Buffer.from(toCsv(EXPORT_COLUMNS.map((column) => column.header), items.map((row) => EXPORT_COLUMNS.map((column) => column.value(row)))), 'utf8');
  }

  async overdueXlsx(query: OverdueQuery): Promise<Buffer> {
    const { items, generatedAt } = await this.overdue(query);
    const workbook = new Workbook();
    workbook.created = new Date(generatedAt);
    const sheet = workbook.addWorksheet('逾期督查');
    sheet.columns = EXPORT_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of items) sheet.addRow(EXPORT_COLUMNS.map((column) => column.value(row)));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * A supervisor's remark on an item (督办意见), kept in the audit trail. With an Idempotency-Key a retried
   * request is stored once.
   */
  async comment(actor: Actor, itemId: string, comment: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    await this.items.loadVisible(actor, itemId);
    const commentId = idempotencyKey ? uuidFromKey(`supervision-comment:${actor.username}:${itemId}`, idempotencyKey) : randomUUID();
    await writeAuditEvent(this.dataSource, {
      eventKey: `supervision-comment:${commentId}`, itemId, actor: actor.username, actorRole: 'supervisor', departmentCode: actor.departmentCode,
      action: EVENT_ACTIONS.comment, detail: { comment: comment.trim() }, requestId,
    });
    const [stored]: { actor: string; detail: { comment: string }; occurred_at: Date }[] = await this.dataSource.query(
      `SELECT actor, detail, occurred_at FROM audit_events WHERE event_key = $1`,
      [`supervision-comment:${commentId}`],
    );
    return { id: commentId, itemId, actor: stored.actor, comment: stored.detail.comment, occurredAt: stored.occurred_at.toISOString() };
  }

  /** Unknown departments and areas are a 400 naming the filter, not an empty list that looks like good news. */
  private async checkFilters(query: OverdueQuery): Promise<void> {
    if (query.departmentCode !== undefined) {
      const found: unknown[] = await this.dataSource.query('SELECT 1 FROM departments WHERE code = $1', [query.departmentCode]);
      if (!found.length) throw ApiError.invalid('departmentCode', `部门“${query.departmentCode}”不存在`);
    }
    if (query.area !== undefined) {
      const found: unknown[] = await this.dataSource.query('SELECT 1 FROM catalog_items WHERE area = $1 LIMIT 1', [query.area]);
      if (!found.length) throw ApiError.invalid('area', `目录领域“${query.area}”不存在`);
    }
    if (query.leader !== undefined) {
      const found: { roles: string[] }[] = await this.dataSource.query('SELECT roles FROM users WHERE username = $1', [query.leader]);
      if (!found.length) throw ApiError.invalid('leader', `用户“${query.leader}”不存在`);
      if (!found[0].roles.includes('leader')) throw ApiError.invalid('leader', `用户“${query.leader}”不是领导（leader）`);
    }
  }

  /** Items whose release deadline passed unreleased, or which were released after it. */
  private statutoryCandidates(query: OverdueQuery, period: { from?: Date; to?: Date }, now: Date): Promise<(ItemRow & TaskFields)[]> {
    const params: unknown[] = [now];
    const where = [
      `i.release_due_at IS NOT NULL`,
      // A rejected or withdrawn-before-release item is never going to be released: nothing is owed.
      `((i.released_at IS NULL AND (i.release_due_at < $1 OR i.release_overdue) AND i.state NOT IN ('REJECTED', 'WITHDRAWN')) OR i.released_at > i.release_due_at)`,
    ];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.departmentCode !== undefined) add((p) => `i.department_code = ${p}`, query.departmentCode);
    if (query.area !== undefined) add((p) => `c.area = ${p}`, query.area);
    if (query.stage !== undefined) add((p) => `t.stage = ${p}`, query.stage);
    if (period.from) add((p) => `i.release_due_at >= ${p}`, period.from);
    if (period.to) add((p) => `i.release_due_at <= ${p}`, period.to);
    return this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, t.id AS task_id, t.stage, t.role, t.department_code AS task_department, t.state AS task_state,
              t.assignee, t.claimed_by, t.decided_by, t.due_at, t.completed_at
         FROM disclosure_items i
         JOIN departments d ON d.code = i.department_code
         JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
         -- The stage the item is waiting in now, if it is in review.
         LEFT JOIN LATERAL (SELECT * FROM review_tasks WHERE item_id = i.id AND state = 'open' AND stage <> '${SUPERVISION_DEMAND_TASK_STAGE}' ORDER BY created_at DESC LIMIT 1) t ON true
        WHERE ${where.join(' AND ')}`,
      params,
    );
  }

  /** Review tasks still open past their due time, or decided after it. */
  private slaCandidates(query: OverdueQuery, period: { from?: Date; to?: Date }, now: Date): Promise<(ItemRow & TaskFields)[]> {
    const params: unknown[] = [now];
    const where = [
      `((t.state = 'open' AND t.due_at < $1) OR (t.state = 'completed' AND t.completed_at > t.due_at))`,
      // A demand's own task is not a review stage: it shows on its item's rows as one of the demands.
      `t.stage <> '${SUPERVISION_DEMAND_TASK_STAGE}'`,
    ];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.departmentCode !== undefined) add((p) => `(i.department_code = ${p} OR t.department_code = ${p})`, query.departmentCode);
    if (query.area !== undefined) add((p) => `c.area = ${p}`, query.area);
    if (query.stage !== undefined) add((p) => `t.stage = ${p}`, query.stage);
    if (period.from) add((p) => `t.due_at >= ${p}`, period.from);
    if (period.to) add((p) => `t.due_at <= ${p}`, period.to);
    return this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, t.id AS task_id, t.stage, t.role, t.department_code AS task_department, t.state AS task_state,
              t.assignee, t.claimed_by, t.decided_by, t.due_at, t.completed_at
         FROM review_tasks t
         JOIN disclosure_items i ON i.id = t.item_id
         JOIN departments d ON d.code = i.department_code
         JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
        WHERE ${where.join(' AND ')}`,
      params,
    );
  }

  private async events(itemIds: readonly string[]): Promise<Map<string, (SupervisionEvent & { action: string })[]>> {
    const byItem = new Map<string, SupervisionEvent[]>();
    if (itemIds.length === 0) return byItem;
    const rows: { item_id: string; action: string; task_id: string | null; actor: string; reason: string | null; detail: unknown; occurred_at: Date }[] =
      await this.dataSource.query(
        `SELECT item_id, action, task_id, actor, reason, detail, occurred_at FROM audit_events
          WHERE item_id = ANY($1) AND action = ANY($2) ORDER BY id`,
        [itemIds, Object.values(EVENT_ACTIONS)],
      );
    for (const row of rows) {
      const list = byItem.get(row.item_id) ?? [];
      list.push({ action: row.action, taskId: row.task_id, actor: row.actor, reason: row.reason, detail: row.detail, occurredAt: row.occurred_at.toISOString() });
      byItem.set(row.item_id, list);
    }
    return byItem;
  }

  /** Active users by `department:role`, for tasks nobody has claimed or been assigned. */
  private async roleHolders(): Promise<Map<string, string[]>> {
    const users: { username: string; department_code: string; roles: string[] }[] = await this.dataSource.query(
      `SELECT username, department_code, roles FROM users WHERE active ORDER BY username`,
    );
    const holders = new Map<string, string[]>();
    for (const user of users) {
      for (const role of user.roles) {
        const key = `${user.department_code}:${role}`;
        holders.set(key, [...(holders.get(key) ?? []), user.username]);
      }
    }
    return holders;
  }

  /** The latest 签发 task of each item and who holds it, if anyone does. */
  private async signOffHolders(itemIds: readonly string[]): Promise<Map<string, string | null>> {
    if (itemIds.length === 0) return new Map();
    const rows: SignOffHolder[] = await this.dataSource.query(
      `SELECT DISTINCT ON (item_id) item_id, COALESCE(CASE WHEN state = 'completed' THEN decided_by END, claimed_by, assignee) AS holder
         FROM review_tasks WHERE item_id = ANY($1) AND stage = 'sign-off' AND state <> 'cancelled'
        ORDER BY item_id, created_at DESC`,
      [itemIds],
    );
    return new Map(rows.map((row) => [row.item_id, row.holder]));
  }

  private leaders(row: ItemRow, signOffs: Map<string, string | null>, holders: Map<string, string[]>): Leaders {
    const holder = signOffs.get(row.item_id);
    if (holder) return { basis: 'sign-off', usernames: [holder] };
    return { basis: 'department-leaders', usernames: holders.get(`${row.department_code}:leader`) ?? [] };
  }

  /**
   * A claimed task answers to its claimer, an assigned one to its assignee, a task decided late to whoever
   * decided it, otherwise everyone holding the stage's role in the task's department. An item not in
   * review (a draft, a returned or an approved one) answers to its drafter.
   */
  private responsible(row: ItemRow & TaskFields, holders: Map<string, string[]>): Responsible {
    if (!row.task_id) return { basis: 'drafter', usernames: [row.drafter_username] };
    if (row.claimed_by) return { basis: 'claimed', usernames: [row.claimed_by] };
    if (row.assignee) return { basis: 'assigned', usernames: [row.assignee] };
    if (row.task_state === 'completed' && row.decided_by) return { basis: 'decided', usernames: [row.decided_by] };
    return { basis: 'role-holders', usernames: holders.get(`${row.task_department}:${row.role}`) ?? [] };
  }
}

const ITEM_COLUMNS = `i.id AS item_id, i.title, i.department_code, d.name AS department_name, c.area, i.state AS item_state,
  i.drafter_username, i.release_due_at, i.released_at, i.release_overdue, i.release_late_working_days`;
