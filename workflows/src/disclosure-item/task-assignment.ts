import type { ClaimTaskRequest, DelegateTaskRequest, DisclosureItemView } from '@zwgk/contracts';
import { REVIEW_STAGE_LABELS } from '@zwgk/domain/workflow';
import { refusalOf } from '../workflow-support';
import { activities, type ItemContext } from './context';

/** Who holds the open task: claimed, released, delegated. Each is applied by its Update handler, after its guard. */

/** Claims the open task (a repeat by its holder changes nothing). */
export async function claimTask(ctx: ItemContext, request: ClaimTaskRequest): Promise<DisclosureItemView> {
  const { s } = ctx;
  const task = s.openTask!;
  if (task.claimedBy !== request.actor.username) {
    s.openTask = { ...task, claimedBy: request.actor.username };
    await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: request.actor.username });
    await ctx.audit(`claimed:${task.taskId}:${++s.handlerSequence}`, { actor: request.actor.username, actorRole: task.role, departmentCode: request.actor.departmentCode, action: 'task.claimed', taskId: task.taskId, requestId: request.actor.requestId });
  }
  return ctx.view();
}

/** Releases the claim on the open task (nothing to do when nobody holds it). */
export async function unclaimTask(ctx: ItemContext, request: ClaimTaskRequest): Promise<DisclosureItemView> {
  const { s } = ctx;
  const task = s.openTask!;
  if (task.claimedBy) {
    s.openTask = { ...task, claimedBy: undefined };
    await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: null });
    await ctx.audit(`unclaimed:${task.taskId}:${++s.handlerSequence}`, { actor: request.actor.username, actorRole: task.role, departmentCode: request.actor.departmentCode, action: 'task.unclaimed', taskId: task.taskId, requestId: request.actor.requestId });
  }
  return ctx.view();
}

/** Hands the open task to a colleague, who is told; a comment that cannot be stored undoes it. */
export async function delegateTask(ctx: ItemContext, request: DelegateTaskRequest): Promise<DisclosureItemView> {
  const { s, input, workflowId } = ctx;
  const task = s.openTask!;
  s.openTask = { ...task, assignee: request.delegate.username, claimedBy: request.delegate.username };
  await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: request.delegate.username, assignee: request.delegate.username, delegatedBy: request.actor.username });
  const step = ++s.handlerSequence;
  const delegated = s.openTask;
  try {
    await ctx.audit(`delegated:${task.taskId}:${step}`, {
      actor: request.actor.username,
      actorRole: task.role,
      departmentCode: request.actor.departmentCode,
      action: 'task.delegated',
      taskId: task.taskId,
      reason: request.comment,
      requestId: request.actor.requestId,
      detail: { to: request.delegate.username },
    });
  } catch (error) {
    const refusal = refusalOf(error, '转交', ['comment']);
    if (!refusal) throw error;
    // Undone: the task is held as it was before (unless another request has changed it since).
    if (s.openTask === delegated) s.openTask = task;
    await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: task.claimedBy ?? null, assignee: task.assignee ?? null });
    await ctx.reportRefusal(`delegate:${task.taskId}:${step}`, request.actor, '转交', refusal, task.taskId);
    throw refusal;
  }
  await activities.notify({
    key: `${workflowId}:delegated:${task.taskId}:${step}`,
    to: { usernames: [request.delegate.username] },
    kind: 'task-delegated',
    title: `${REVIEW_STAGE_LABELS[task.stage]}任务已转交给您：${s.content.title}`,
    body: `${request.actor.displayName}将任务转交给您${request.comment ? `：${request.comment}` : ''}。截止 ${task.dueAt}`,
    itemId: input.itemId,
    taskId: task.taskId,
  });
  return ctx.view();
}
