import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReviewTaskEntity, UserEntity } from '@zwgk/db';
import { isRole, REVIEW_STAGE_LABELS, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { toActorRef } from '../items/items.service';
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';
import type { CompleteTaskDto, DelegateTaskDto } from './complete-task.dto';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor';

interface InboxRow {
  id: string;
  item_id: string;
  item_title: string;
  stage: ReviewTaskEntity['stage'];
  role: string;
  department_code: string;
  assignee: string | null;
  claimed_by: string | null;
  overdue: boolean;
  escalated: boolean;
  state: string;
  decision: string | null;
  revision: number;
  priority: number;
  due_at: Date;
  created_at: Date;
}

@Injectable()
export class TasksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DisclosureWorkflowClient) private readonly workflows: DisclosureWorkflowClient,
  ) {}

  /**
   * My inbox: tasks assigned to me, and unassigned tasks open to one of my roles in my department,
   * ordered by due time then priority, one keyset page at a time.
   */
  async inbox(actor: Actor, options: { state: 'open' | 'completed'; cursor?: string; limit: number }) {
    const after = options.cursor ? decodeTaskCursor(options.cursor) : undefined;
    const params: unknown[] = [actor.username, actor.departmentCode, actor.roles, options.state, options.limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.dueAt, after.priority, after.id);
      keyset = 'AND (t.due_at, -t.priority, t.id) > ($6::timestamptz, -$7::int, $8::uuid)';
    }
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT t.id, t.item_id, i.title AS item_title, t.stage, t.role, t.department_code, t.assignee, t.claimed_by, t.overdue, t.escalated, t.state,
              t.decision, t.revision, t.priority, t.due_at, t.created_at
         FROM review_tasks t
         JOIN disclosure_items i ON i.id = t.item_id
        WHERE t.state = $4
          AND (t.assignee = $1
               OR (t.assignee IS NULL AND t.department_code = $2 AND t.role = ANY($3::text[]))
               -- an overdue task escalates: the department head (初审 role) sees it too
               OR (t.escalated AND t.department_code = $2 AND 'reviewer' = ANY($3::text[])))
          ${keyset}
        ORDER BY t.due_at, -t.priority, t.id
        LIMIT $5`,
      params,
    );
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    const now = Date.now();
    return {
      items: page.map((row) => ({
        id: row.id,
        itemId: row.item_id,
        itemTitle: row.item_title,
        kind: row.stage,
        kindLabel: REVIEW_STAGE_LABELS[row.stage],
        role: row.role,
        departmentCode: row.department_code,
        state: row.state,
        decision: row.decision,
        assignee: row.assignee,
        claimedBy: row.claimed_by,
        revision: row.revision,
        priority: row.priority,
        dueAt: row.due_at.toISOString(),
        overdue: row.overdue || (row.state === 'open' && row.due_at.getTime() < now),
        escalated: row.escalated,
        createdAt: row.created_at.toISOString(),
      })),
      nextCursor: rows.length > options.limit && last ? encodeTaskCursor({ dueAt: last.due_at.toISOString(), priority: last.priority, id: last.id }) : null,
    };
  }

  /** The task, after checking the actor could work on it: 404 when unknown, 403 when it is not theirs. */
  private async loadActionable(actor: Actor, taskId: string): Promise<ReviewTaskEntity> {
    const task = await this.dataSource.getRepository(ReviewTaskEntity).findOneBy({ id: taskId });
    if (!task) throw ApiError.notFound(`task ${taskId} does not exist`);
    const mine =
      task.assignee === actor.username ||
      (task.assignee === null && task.departmentCode === actor.departmentCode && actor.roles.includes(task.role)) ||
      (task.escalated && task.departmentCode === actor.departmentCode && actor.roles.includes('reviewer'));
    if (!mine) throw ApiError.forbidden(`task ${taskId} is for the role ${task.role} in department ${task.departmentCode}`);
    return task;
  }

  /** Claims an open task through the item's workflow. Claiming a task you hold changes nothing; another holder means 409. */
  async claim(actor: Actor, taskId: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.loadActionable(actor, taskId);
    const view = await this.workflows.claimTask(task.itemId, { taskId, actor: toActorRef(actor, requestId) }, idempotencyKey);
    return { id: taskId, claimedBy: view.openTask?.claimedBy ?? null, item: view };
  }

  async unclaim(actor: Actor, taskId: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.loadActionable(actor, taskId);
    const view = await this.workflows.unclaimTask(task.itemId, { taskId, actor: toActorRef(actor, requestId) }, idempotencyKey);
    return { id: taskId, claimedBy: view.openTask?.claimedBy ?? null, item: view };
  }

  /** Hands the task to a colleague; the workflow checks they hold the stage's role in the department. */
  async delegate(actor: Actor, taskId: string, dto: DelegateTaskDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.loadActionable(actor, taskId);
    const delegate = await this.dataSource.getRepository(UserEntity).findOneBy({ username: dto.to });
    if (!delegate || !delegate.active) throw ApiError.invalid('to', `unknown user "${dto.to}"`);
    const view = await this.workflows.delegateTask(
      task.itemId,
      {
        taskId,
        actor: toActorRef(actor, requestId),
        delegate: { username: delegate.username, displayName: delegate.displayName, departmentCode: delegate.departmentCode, roles: delegate.roles.filter(isRole) },
        comment: dto.comment,
      },
      idempotencyKey,
    );
    return { id: taskId, assignee: view.openTask?.assignee ?? null, item: view };
  }

  /** Decides a task through the item's workflow, whose validator has the last word on who may decide. */
  async complete(actor: Actor, taskId: string, dto: CompleteTaskDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.loadActionable(actor, taskId);
    const view = await this.workflows.completeTask(
      task.itemId,
      { taskId, actor: toActorRef(actor, requestId), decision: dto.decision, comment: dto.comment, ...(dto.releaseAt ? { releaseAt: dto.releaseAt } : {}) },
      idempotencyKey,
    );
    return { taskId, decision: dto.decision, item: view };
  }
}
