import { releaseDeadlineRequestOf, ReleaseDueAtAttribute, type ActorRef, type DisclosureItemView, type ExtendDeadlineRequest, type RecalculateDeadlinesRequest } from '@zwgk/contracts';
import type { Deadline } from '@zwgk/domain/workflow';
import { refusalOf } from '../workflow-support';
import { activities, primaryRole, type ItemContext } from './context';
import { EXTENSION_KEEPS_RELEASE_RULE, RECALCULATION_KEEPS_EXTENSIONS } from './patches';
import { rearmTaskTimer } from './timers';

/** Moving due times: a supervisor's extension (of the release deadline or the open task), a recalculation on a new calendar. */

const auditExtension = (ctx: ItemContext, step: number, actor: ActorRef, reason: string, detail: Record<string, unknown>) =>
  ctx.audit(`extended:${step}`, { actor: actor.username, actorRole: 'supervisor', departmentCode: actor.departmentCode, action: 'deadline.extended', reason, requestId: actor.requestId, detail });

/** The extension Update: applied, or (its reason could not be stored with the new due time) refused with the old one standing. */
export async function extendDeadline(ctx: ItemContext, request: ExtendDeadlineRequest): Promise<DisclosureItemView> {
  const { s } = ctx;
  const step = ++s.handlerSequence;
  const before = { releaseDeadline: s.releaseDeadline, openTask: s.openTask };
  try {
    return await extend(ctx, request, step);
  } catch (error) {
    const refusal = refusalOf(error, '延期', ['reason']);
    if (!refusal) throw error;
    // The reason could not be stored with the new due time: the old one stands.
    if (request.target === 'release') s.releaseDeadline = before.releaseDeadline;
    else if (before.openTask && s.openTask?.taskId === before.openTask.taskId) s.openTask = { ...s.openTask, dueAt: before.openTask.dueAt, overdue: before.openTask.overdue };
    await ctx.reportRefusal(`extend:${step}`, request.actor, '延期', refusal);
    throw refusal;
  }
}

async function extend(ctx: ItemContext, request: ExtendDeadlineRequest, step: number): Promise<DisclosureItemView> {
  const { s, input, calendar } = ctx;
  if (request.target === 'release') {
    const previous = s.releaseDeadline!;
    const next = await calendar.computeExtendedDeadline({ dueAt: previous.dueAt, workingDays: request.workingDays });
    const recorded: Deadline = { ...next, explanation: `${previous.explanation}；督查延期${request.workingDays}个工作日：${request.reason}，截止${next.dueDate}` };
    // The bare extension knew nothing of the rule: since the patch the workflow keeps what the read model records, and the rule's 公示期.
    s.releaseDeadline = ctx.patched(EXTENSION_KEEPS_RELEASE_RULE) ? { ...recorded, ...(previous.publicityPeriod ? { publicityPeriod: previous.publicityPeriod } : {}) } : next;
    await activities.recordReleaseDeadline({ itemId: input.itemId, deadline: recorded });
    ctx.upsert([{ key: ReleaseDueAtAttribute, value: new Date(next.dueAt) }]);
    await auditExtension(ctx, step, request.actor, request.reason, { target: 'release', from: previous.dueAt, to: next.dueAt, workingDays: request.workingDays });
    s.releaseExtensions.push({ workingDays: request.workingDays, reason: request.reason });
    s.releaseDue?.rearm(); // a new reminder before the new instant; no longer overdue if it is ahead
  } else {
    const task = s.openTask!;
    const next = await calendar.computeExtendedDeadline({ dueAt: task.dueAt, workingDays: request.workingDays });
    if (s.openTask?.taskId === task.taskId) s.openTask = { ...s.openTask, dueAt: next.dueAt, overdue: false };
    await activities.rescheduleReviewTask({ taskId: task.taskId, dueAt: next.dueAt, dueExplanation: `督查延期${request.workingDays}个工作日：${request.reason}（${next.explanation}）` });
    await activities.recordTaskOverdue({ taskId: task.taskId, itemId: input.itemId, overdue: false });
    await auditExtension(ctx, step, request.actor, request.reason, { target: task.taskId, stage: task.stage, from: task.dueAt, to: next.dueAt, workingDays: request.workingDays });
    rearmTaskTimer(ctx);
  }
  return ctx.view();
}

/** Recomputes every deadline with the calendar now in force and re-arms the timers. */
export async function recalculateDeadlines(ctx: ItemContext, request: RecalculateDeadlinesRequest): Promise<void> {
  const { s, input, calendar } = ctx;
  const recalculation = s.deadlineRevision + 1;
  rearmTaskTimer(ctx);
  const previous = s.releaseDeadline!;
  const next = await recalculatedReleaseDeadline(ctx);
  s.releaseDeadline = next;
  await activities.recordReleaseDeadline({ itemId: input.itemId, deadline: next });
  ctx.upsert([{ key: ReleaseDueAtAttribute, value: new Date(next.dueAt) }]);
  s.releaseDue?.rearm();
  const task = s.openTask;
  if (task && s.openTaskOpenedAt) {
    const due = await calendar.computeStageDeadline({ stage: task.stage, openedAt: s.openTaskOpenedAt });
    if (s.openTask?.taskId === task.taskId) s.openTask = { ...s.openTask, dueAt: due.dueAt };
    await activities.rescheduleReviewTask({ taskId: task.taskId, dueAt: due.dueAt, dueExplanation: due.explanation });
  }
  rearmTaskTimer(ctx); // wake the waiting timer now that the new due time is in place
  await ctx.audit(`deadlines-recalculated:${recalculation}`, {
    actor: request.actor.username,
    actorRole: primaryRole(request.actor),
    departmentCode: request.actor.departmentCode,
    action: 'deadline.recalculated',
    reason: request.reason,
    requestId: request.actor.requestId,
    detail: { from: previous.dueAt, to: next.dueAt, provisional: next.provisional, calendarVersion: next.calendarVersion, why: next.explanation },
  });
}

/**
 * The release deadline under the calendar now in force: the catalog rule's, then the working days every
 * extension granted, counted again on the new calendar (an extension is days, not a date).
 */
async function recalculatedReleaseDeadline(ctx: ItemContext): Promise<Deadline> {
  const { s, input, calendar } = ctx;
  const base = await calendar.computeReleaseDeadline(releaseDeadlineRequestOf(input));
  if (s.releaseExtensions.length === 0 || !ctx.patched(RECALCULATION_KEEPS_EXTENSIONS)) return base;
  const workingDays = s.releaseExtensions.reduce((sum, extension) => sum + extension.workingDays, 0);
  const extended = await calendar.computeExtendedDeadline({ dueAt: base.dueAt, workingDays });
  const granted = s.releaseExtensions.map((extension) => `督查延期${extension.workingDays}个工作日：${extension.reason}`).join('；');
  return {
    ...base,
    dueAt: extended.dueAt,
    dueDate: extended.dueDate,
    provisional: base.provisional || extended.provisional,
    explanation: `${base.explanation}；${granted}，截止${extended.dueDate}`,
  };
}
