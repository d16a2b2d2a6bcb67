import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReviewTaskEntity, UserEntity } from '@zwgk/db';
import { SUPERVISION_DEMAND_TASK_STAGE } from '@zwgk/contracts';
import { isRole, mayActOnTask, taskHolderDescription, taskStageLabel, type Actor } from '@zwgk/domain';
import { ApiError, httpStatusOf } from '../common/api-error';
import { apiErrorFromTemporal } from '../common/temporal-failure';
import { toActorRef } from '../items/items.service';
import { refuseIncompleteInterpretationPlan } from '../consultations/interpretations.service';
import { refuseUnresolvedPersonalInformation } from '../personal-information/personal-information.service';
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';
import type { ClaimOutcome } from './claim-tasks.dto';
import type { CompleteTaskDto, DelegateTaskDto } from './complete-task.dto';
import { parseInboxQuery, queryInbox, queryInboxCounts, type RawInboxQuery } from './inbox-query';

/** How many claims of one bulk request run at once: enough to be quick, few enough not to swamp the workflows. */
const BULK_CLAIM_CONCURRENCY = 4;

@Injectable()
export class TasksService {
  private readonly logger = new Logger(TasksService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DisclosureWorkflowClient) private readonly workflows: DisclosureWorkflowClient,
  ) {}

  /**
   * My inbox: tasks assigned to me, unassigned tasks open to one of my roles in my department, and escalated
   * tasks of my department when I am its head; ordered by due time, then priority (higher first), then id,
   * one keyset page at a time. The SQL lives in inbox-query.ts, shared with the benchmark.
   */
  async inbox(actor: Actor, raw: RawInboxQuery) {
    const { filters, after, limit } = parseInboxQuery(raw);
    const page = await queryInbox((text, values) => this.dataSource.query(text, values), actor, { filters, limit, now: new Date(), ...(after ? { after } : {}) });
    // Who holds each task, by name: one primary-key lookup for the page's few holders, outside the inbox query.
    const holders = [...new Set(page.items.map((task) => task.claimedBy).filter((username): username is string => username !== null))];
    const names = new Map<string, string>();
    if (holders.length) {
      const rows: { username: string; display_name: string }[] = await this.dataSource.query(`SELECT username, display_name FROM users WHERE username = ANY($1::varchar[])`, [holders]);
      for (const row of rows) names.set(row.username, row.display_name);
    }
    return { ...page, items: page.items.map((task) => ({ ...task, claimedByName: task.claimedBy ? (names.get(task.claimedBy) ?? task.claimedBy) : null })) };
  }

  /** Badge counts, capped at 999 ("999+") so that they cost the same at a million tasks as at ten. */
  async counts(actor: Actor) {
    return queryInboxCounts((text, values) => this.dataSource.query(text, values), actor, new Date());
  }

  /** One task with who holds it, for the review screen's claim / release / delegate buttons. */
  async task(actor: Actor, taskId: string) {
    const task = await this.loadActionable(actor, taskId);
    return {
      id: task.id,
      itemId: task.itemId,
      stage: task.stage,
      stageLabel: taskStageLabel(task.stage),
      role: task.role,
      departmentCode: task.departmentCode,
      state: task.state,
      assignee: task.assignee,
      claimedBy: task.claimedBy,
      delegatedBy: task.delegatedBy,
      dueAt: task.dueAt.toISOString(),
    };
  }

  /**
   * The colleagues the task may be delegated to: active users holding the stage's role in the task's
   * department, except the actor and the item's drafter (the workflow refuses both).
   */
  async delegates(actor: Actor, taskId: string) {
    const task = await this.loadActionable(actor, taskId);
    const rows: { username: string; display_name: string }[] = await this.dataSource.query(
      `SELECT u.username, u.display_name FROM users u
        WHERE u.active AND u.department_code = $1 AND $2 = ANY(u.roles) AND u.username <> $3
          AND u.username IS DISTINCT FROM (SELECT drafter_username FROM disclosure_items WHERE id = $4)
        ORDER BY u.username`,
      [task.departmentCode, task.role, actor.username, task.itemId],
    );
    return { taskId, role: task.role, departmentCode: task.departmentCode, items: rows.map((row) => ({ username: row.username, displayName: row.display_name })) };
  }

  /**
   * Claims several tasks, each through its own workflow exactly as a single claim does (so each is audited by
   * its workflow, and a repeat changes nothing). One refusal never stops the others: every task gets its own
   * outcome. With an Idempotency-Key, each task's Update id is derived from it, so a retried request never
   * acts twice; it reports a task it claimed the first time as `already-claimed-by-you`.
   */
  async claimMany(actor: Actor, taskIds: readonly string[], idempotencyKey: string | undefined, requestId: string | undefined) {
    const results = await mapWithConcurrency(taskIds, BULK_CLAIM_CONCURRENCY, (taskId) => this.claimOne(actor, taskId, idempotencyKey, requestId));
    const count = (outcome: ClaimOutcome['outcome']) => results.filter((result) => result.outcome === outcome).length;
    return { results, summary: { claimed: count('claimed'), alreadyClaimedByYou: count('already-claimed-by-you'), refused: count('refused') } };
  }

  private async claimOne(actor: Actor, taskId: string, idempotencyKey: string | undefined, requestId: string | undefined): Promise<ClaimOutcome> {
    try {
      const task = await this.loadReviewTask(actor, taskId);
      // Both outcomes end with the task claimed by the actor; the read model before the Update tells them apart.
      const heldAlready = task.claimedBy === actor.username;
      const view = await this.workflows.claimTask(task.itemId, { taskId, actor: toActorRef(actor, requestId) }, idempotencyKey);
      const claimedBy = view.openTask?.taskId === taskId ? view.openTask.claimedBy : undefined;
      if (claimedBy !== actor.username) return { taskId, outcome: 'refused', status: 409, code: 'conflict', message: `任务 ${taskId} 已不再待办` };
      return heldAlready
        ? { taskId, outcome: 'already-claimed-by-you', status: 200, message: '您已认领过该任务，未作更改' }
        : { taskId, outcome: 'claimed', status: 200, message: '已认领' };
    } catch (error) {
      const known = error instanceof ApiError ? error : apiErrorFromTemporal(error);
      if (known?.code === 'conflict') {
        // Claimed by someone else since the page was loaded: say by whom, as a code and a name, not in the message.
        const [row]: { claimed_by: string | null }[] = await this.dataSource.query(`SELECT claimed_by FROM review_tasks WHERE id = $1 AND state = 'open'`, [taskId]);
        if (row?.claimed_by && row.claimed_by !== actor.username) {
          return { taskId, outcome: 'refused', status: httpStatusOf('task.claimed-by-other'), code: 'task.claimed-by-other', claimedBy: row.claimed_by, message: known.message };
        }
      }
      if (known) return { taskId, outcome: 'refused', status: httpStatusOf(known.code), code: known.code, message: known.message };
      this.logger.error(`bulk claim of task ${taskId} failed`, error instanceof Error ? error.stack : String(error));
      return { taskId, outcome: 'refused', status: 503, code: 'unavailable', message: '暂时无法认领，请稍后再试' };
    }
  }

  /** The task, after checking the actor could work on it: 404 when unknown, 403 when it is not theirs. */
  private async loadActionable(actor: Actor, taskId: string): Promise<ReviewTaskEntity> {
    const task = await this.dataSource.getRepository(ReviewTaskEntity).findOneBy({ id: taskId });
    if (!task) throw ApiError.notFound(`任务 ${taskId} 不存在`);
    if (!mayActOnTask(actor, task)) throw new ApiError('task.not-yours', `任务 ${taskId} 应由${taskHolderDescription(task)}办理`);
    return task;
  }

  /** A review task the actor could work on; a supervisor's demand shares the task table but is answered at its own endpoint. */
  private async loadReviewTask(actor: Actor, taskId: string): Promise<ReviewTaskEntity> {
    const task = await this.loadActionable(actor, taskId);
    if ((task.stage as string) === SUPERVISION_DEMAND_TASK_STAGE) {
      throw ApiError.conflict(`任务 ${taskId} 是督办单，请通过 POST /api/supervision/demands/${taskId}/respond 答复`);
    }
    return task;
  }

  /** Claims an open task through the item's workflow. Claiming a task you hold changes nothing; another holder means 409. */
  async claim(actor: Actor, taskId: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.loadReviewTask(actor, taskId);
    const view = await this.workflows.claimTask(task.itemId, { taskId, actor: toActorRef(actor, requestId) }, idempotencyKey);
    return { id: taskId, claimedBy: view.openTask?.claimedBy ?? null, item: view };
  }

  async unclaim(actor: Actor, taskId: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.loadReviewTask(actor, taskId);
    const view = await this.workflows.unclaimTask(task.itemId, { taskId, actor: toActorRef(actor, requestId) }, idempotencyKey);
    return { id: taskId, claimedBy: view.openTask?.claimedBy ?? null, item: view };
  }

  /** Hands the task to a colleague; the workflow checks they hold the stage's role in the department. */
  async delegate(actor: Actor, taskId: string, dto: DelegateTaskDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.loadReviewTask(actor, taskId);
    const delegate = await this.dataSource.getRepository(UserEntity).findOneBy({ username: dto.to });
    if (!delegate || !delegate.active) throw ApiError.invalid('to', `用户“${dto.to}”不存在或已停用`);
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
    const task = await this.loadReviewTask(actor, taskId);
    // The two release checks read (and the scan refreshes) rows of their own: side by side, so a 签发 waits for
    // the slower one instead of both. Where both refuse, the first in this order is the answer, as before.
    const checks = await Promise.allSettled([
      refuseUnresolvedPersonalInformation(this.dataSource, task, dto.decision),
      refuseIncompleteInterpretationPlan(this.dataSource, task, dto.decision),
    ]);
    for (const check of checks) if (check.status === 'rejected') throw check.reason;
    const view = await this.workflows.completeTask(
      task.itemId,
      { taskId, actor: toActorRef(actor, requestId), decision: dto.decision, comment: dto.comment, ...(dto.releaseAt ? { releaseAt: dto.releaseAt } : {}) },
      idempotencyKey,
    );
    return { taskId, decision: dto.decision, item: view };
  }
}

/** Runs `work` over the values with at most `limit` at a time, keeping the results in the values' order. */
async function mapWithConcurrency<T, R>(values: readonly T[], limit: number, work: (value: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  const lane = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await work(values[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, lane));
  return results;
}
