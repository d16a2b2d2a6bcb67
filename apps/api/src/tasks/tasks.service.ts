import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReviewTaskEntity, UserEntity } from '@zwgk/db';
import { isRole, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { toActorRef } from '../items/items.service';
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';
import type { CompleteTaskDto, DelegateTaskDto } from './complete-task.dto';
import { parseInboxQuery, queryInbox, queryInboxCounts, type RawInboxQuery } from './inbox-query';

@Injectable()
export class TasksService {
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
    return queryInbox((text, values) => this.dataSource.query(text, values), actor, { filters, limit, now: new Date(), ...(after ? { after } : {}) });
  }

  /** Badge counts, capped at 999 ("999+") so that they cost the same at a million tasks as at ten. */
  async counts(actor: Actor) {
    return queryInboxCounts((text, values) => this.dataSource.query(text, values), actor, new Date());
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
