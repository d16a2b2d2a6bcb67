import { DueAtAttribute, OverdueAttribute } from '@zwgk/contracts';
import { REVIEW_STAGE_LABELS, type ReviewStage } from '@zwgk/domain/workflow';
import { DueTime } from '../due-time';
import type { NotificationRequest } from '@zwgk/activities';
import { activities, type ItemContext } from './context';
import { RELEASE_OVERDUE_IN_ONE_STEP } from './patches';
import { nearestDueAt, overdueNow } from './state';

/**
 * The item's durable timers: the open review task's due time, the statutory release deadline, and the end of
 * the 公示期 after a release. Each is a `DueTime` (or a wait of the post-release loop), never a poll.
 */

/** A due time moved (recalculation, extension): the open task's timer wakes and re-arms. */
export function rearmTaskTimer(ctx: ItemContext): void {
  ctx.s.deadlineRevision++;
  ctx.s.openTaskDue?.rearm();
}

export function upsertDueAttributes(ctx: ItemContext): void {
  const dueAt = nearestDueAt(ctx.s);
  ctx.upsert([{ key: OverdueAttribute, value: overdueNow(ctx.s) }, ...(dueAt ? [{ key: DueAtAttribute, value: dueAt }] : [])]);
}

/**
 * The open task's due time (its state is the task's, kept across a refused decision so that waiting again
 * neither reminds nor escalates twice): a reminder one working day before the due time, then at the due
 * time the task and the item become overdue, the supervisors are told and the task escalates to the
 * department head. An extension moves the due time and re-arms it; the reminder is not sent again.
 */
export function taskTimer(ctx: ItemContext, taskId: string, stage: ReviewStage): DueTime {
  const { s, input, workflowId, calendar, upsert, audit, now } = ctx;
  return new DueTime({
    dueAt: () => s.openTask!.dueAt,
    reminderAt: async (dueAt) => s.knownReminders.get(dueAt) ?? calendar.computeReminderAt({ dueAt }),
    onArmed: () => {
      // An extension gives the task a fresh due time.
      upsert([{ key: DueAtAttribute, value: nearestDueAt(s) ?? new Date(s.openTask!.dueAt) }, { key: OverdueAttribute, value: overdueNow(s) }]);
    },
    onReminder: async () => {
      const task = s.openTask!;
      await activities.notify({
        key: `${workflowId}:reminder:${taskId}`,
        to: task.assignee ? { usernames: [task.assignee] } : task.claimedBy ? { usernames: [task.claimedBy] } : { role: task.role, departmentCode: task.departmentCode },
        kind: 'task-reminder',
        title: `${REVIEW_STAGE_LABELS[stage]}即将到期：${s.content.title}`,
        body: `请于 ${task.dueAt} 前办理。`,
        itemId: input.itemId,
        taskId,
      });
      await activities.recordTaskReminder({ taskId, at: now() });
    },
    onDue: async (_dueAt, count) => {
      const task = s.openTask!;
      s.openTask = { ...task, overdue: true };
      await activities.recordTaskOverdue({ taskId, itemId: input.itemId, overdue: true });
      upsert([{ key: OverdueAttribute, value: true }]);
      await audit(`task-overdue:${taskId}:${count}`, { actor: 'system', action: 'task.overdue', taskId, departmentCode: task.departmentCode, detail: { stage, dueAt: task.dueAt } });
      const title = `${REVIEW_STAGE_LABELS[stage]}已逾期：${s.content.title}`;
      await activities.notify({ key: `${workflowId}:overdue:${taskId}:${count}`, to: { role: 'supervisor' }, kind: 'task-overdue', title, body: `截止 ${task.dueAt}，部门 ${task.departmentCode}。`, itemId: input.itemId, taskId });
      await activities.notify({ key: `${workflowId}:escalated:${taskId}:${count}`, to: { role: 'reviewer', departmentCode: task.departmentCode }, kind: 'task-escalated', title, body: `该任务已逾期，请督促办理（截止 ${task.dueAt}）。`, itemId: input.itemId, taskId });
      await audit(`task-escalated:${taskId}:${count}`, { actor: 'system', action: 'task.escalated', taskId, departmentCode: task.departmentCode, detail: { stage, to: 'reviewer' } });
    },
  });
}

/**
 * The statutory release deadline (the catalog's time limit) on its own timer, beside whatever the item
 * waits on (a draft, review, a scheduled release): a reminder N working days before it to the drafter and
 * the department head; at it, unreleased, the item is statutory-overdue (read model, search attributes,
 * audit) and the department head and the supervisors are told. An extension or a new calendar re-arms
 * it (a new reminder; overdue cleared if the new instant is ahead); the first release or a rejection stops it.
 */
export function startReleaseTimer(ctx: ItemContext): void {
  const { s, input, workflowId, lean, calendar, audit, auditRecord, now } = ctx;
  const departmentCode = input.drafter.departmentCode;
  const due = new DueTime({
    dueAt: () => s.releaseDeadline?.dueAt,
    remindAgainWhenRearmed: true,
    reminderAt: async (dueAt) => s.knownReminders.get(dueAt) ?? calendar.computeReleaseReminderAt({ dueAt }),
    onArmed: async (_dueAt, wasOverdue) => {
      if (wasOverdue) await activities.recordReleaseOverdue({ itemId: input.itemId, overdue: false, at: now() });
      upsertDueAttributes(ctx);
    },
    onReminder: async (dueAt) => {
      await activities.notify({
        key: `${workflowId}:release-reminder:${dueAt}`,
        to: { role: 'reviewer', departmentCode, usernames: [input.drafter.username] },
        kind: 'release-reminder',
        title: `法定公开时限即将到期：${s.content.title}`,
        body: `该事项应于 ${dueAt} 前公开（${s.releaseDeadline?.explanation ?? ''}），当前状态：${s.state}。`,
        itemId: input.itemId,
      });
    },
    onDue: async (dueAt, count) => {
      const overdue = { actor: 'system', action: 'item.release-overdue', departmentCode, detail: { dueAt, state: s.state, why: s.releaseDeadline?.explanation } };
      const title = `法定公开时限已过仍未公开：${s.content.title}`;
      const body = `应于 ${dueAt} 前公开，部门 ${departmentCode}，当前状态：${s.state}。`;
      const notices: NotificationRequest[] = [
        { key: `${workflowId}:release-overdue:${count}`, to: { role: 'supervisor' }, kind: 'release-overdue', title, body, itemId: input.itemId },
        { key: `${workflowId}:release-overdue-head:${count}`, to: { role: 'reviewer', departmentCode }, kind: 'release-overdue', title, body, itemId: input.itemId },
      ];
      if (lean && ctx.patched(RELEASE_OVERDUE_IN_ONE_STEP)) {
        // One step: the flag, its audit row and both notices.
        await activities.recordReleaseOverdueStep({ itemId: input.itemId, at: now(), audit: auditRecord(`release-overdue:${count}`, overdue), notices });
        upsertDueAttributes(ctx);
        return;
      }
      await activities.recordReleaseOverdue({ itemId: input.itemId, overdue: true, at: now() });
      upsertDueAttributes(ctx);
      await audit(`release-overdue:${count}`, overdue);
      for (const notice of notices) await activities.notify(notice);
    },
  });
  s.releaseDue = due;
  s.releaseTimer = due.run();
}

/** The 公示期 has ended (the post-release loop waited for it): recorded on the timeline; the portal shows it from the recorded end. */
export async function endPublicityPeriod(ctx: ItemContext): Promise<void> {
  const { s, input } = ctx;
  const ended = s.publicityEndsAt!;
  s.publicityEndsAt = undefined;
  await ctx.audit(`publicity-ended:${s.edition}`, { actor: 'system', action: 'publicity.ended', departmentCode: input.drafter.departmentCode, detail: { edition: s.edition, endsAt: ended } });
}
