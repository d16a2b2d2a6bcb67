import { type ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  consultationOpenedUpdate,
  FailureType,
  feedbackDraftedUpdate,
  publicConsultationViewQuery,
  type ActorRef,
  type PublicConsultationInput,
  type PublicConsultationView,
} from '@zwgk/contracts';
import type { ConsultationState, Role } from '@zwgk/domain/workflow';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure, refusalOf } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

/** The feedback item's review is looked at this often at first, then less often, up to the input's interval. */
const FIRST_LOOK_MS = 5 * 60_000;
const DEFAULT_POLL_MINUTES = 60;

/**
 * A public consultation on a draft decision (意见征集): open for comment until the end of its closing day,
 * when a durable timer closes it; then the department has a deadline (working days after closing, from the
 * calendar activity) to publish its feedback (采纳情况), with a reminder before it and an overdue record,
 * audited and told to the supervisors, after it. The feedback is an ordinary disclosure item that goes
 * through the review chain; the department links it here, and the consultation follows that item until it
 * is released (a rejected or withdrawn item lets the department link another). Comments are written by
 * the API against the read model: they do not change the workflow's course.
 */
export async function publicConsultationWorkflow(input: PublicConsultationInput): Promise<PublicConsultationView> {
  const workflowId = workflowInfo().workflowId;
  let state: ConsultationState = 'OPEN';
  let recorded = false;
  let openingRefusal: ApplicationFailure | undefined;
  let closedAt: string | undefined;
  let feedbackDueAt: string | undefined;
  let feedbackDueExplanation: string | undefined;
  let feedbackOverdue = false;
  let feedbackItemId: string | undefined;
  let feedbackPublishedAt: string | undefined;
  let feedbackLate: boolean | undefined;
  // Numbers the feedback items linked, for audit keys (a second one after a rejected first).
  let linkCount = 0;

  const view = (): PublicConsultationView => ({
    consultationId: input.consultationId,
    departmentCode: input.departmentCode,
    state,
    closesAt: input.closesAt,
    ...(closedAt !== undefined ? { closedAt } : {}),
    ...(feedbackDueAt !== undefined ? { feedbackDueAt } : {}),
    ...(feedbackDueExplanation !== undefined ? { feedbackDueExplanation } : {}),
    feedbackOverdue,
    ...(feedbackItemId !== undefined ? { feedbackItemId } : {}),
    ...(feedbackPublishedAt !== undefined ? { feedbackPublishedAt } : {}),
    ...(feedbackLate !== undefined ? { feedbackLate } : {}),
  });
  const now = () => new Date().toISOString();

  // Read-model writes and audit rows run in the order their steps were taken: an older view never overwrites a newer one.
  let writes: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writes.then(work);
    writes = run.catch(() => undefined);
    return run;
  };
  const record = () => {
    const snapshot = view();
    return inOrder(() => activities.recordConsultationProgress({ view: snapshot }));
  };
  const audit = (step: string, action: string, who: { actor: ActorRef; role: string } | undefined, detail: Record<string, unknown> = {}, reason?: string) =>
    inOrder(() =>
      activities.recordAuditEvent({
        eventKey: `${workflowId}:${step}`,
        actor: who?.actor.username ?? 'system',
        actorRole: who?.role,
        departmentCode: who?.actor.departmentCode ?? input.departmentCode,
        requestId: who?.actor.requestId,
        action,
        reason,
        occurredAt: now(),
        detail: { consultationId: input.consultationId, title: input.title, ...detail },
      }),
    );
  const notify = (key: string, to: { role: Role; departmentCode?: string }, kind: string, title: string, body: string) =>
    activities.notify({ key: `${workflowId}:${key}`, to, kind, title, body });

  setHandler(publicConsultationViewQuery, view);
  setHandler(consultationOpenedUpdate, async () => {
    await condition(() => recorded || openingRefusal !== undefined);
    if (!recorded && openingRefusal) throw openingRefusal;
    return view();
  });
  setHandler(
    feedbackDraftedUpdate,
    async (request) => {
      feedbackItemId = request.itemId;
      state = 'FEEDBACK_IN_REVIEW';
      const link = ++linkCount;
      await record();
      await audit(`feedback-drafted:${link}`, 'consultation.feedback-drafted', { actor: request.actor, role: 'drafter' }, { feedbackItemId: request.itemId });
      return view();
    },
    {
      validator: (request) => {
        if (!recorded) throw failure(FailureType.Conflict, '征求意见正在发起中，请稍后再试');
        if (state === 'OPEN') throw failure(FailureType.Conflict, '征求意见尚未结束，须在截止后再发布意见采纳情况');
        if (state === 'FEEDBACK_IN_REVIEW') throw failure(FailureType.Conflict, `意见采纳情况事项 ${feedbackItemId} 已在审核中`);
        if (state === 'FEEDBACK_PUBLISHED') throw failure(FailureType.Conflict, '意见采纳情况已经发布');
        if (!request.actor.roles.includes('drafter') || request.actor.departmentCode !== input.departmentCode) {
          throw failure(FailureType.Forbidden, `只有部门 ${input.departmentCode} 的起草人才能发布本次征求意见的采纳情况`);
        }
        if (!request.itemId?.trim()) throw failure(FailureType.InvalidInput, '请指定意见采纳情况事项（itemId）', { fields: ['itemId'] });
      },
    },
  );

  // 1. Opened: the read model, then the audit trail. A consultation the database refuses is refused to its opener.
  try {
    await activities.recordConsultationOpened({ input, view: view() });
  } catch (error) {
    const refusal = refusalOf(error, '意见征集', ['title', 'draftText', 'explanation']);
    if (!refusal) throw error;
    openingRefusal = refusal;
    await condition(allHandlersFinished);
    throw refusal;
  }
  await audit('opened', 'consultation.opened', { actor: input.openedBy, role: 'drafter' }, {
    kind: input.kind,
    closesOn: input.closesOn,
    closesAt: input.closesAt,
    minimumBasis: input.minimumBasis,
    ...(input.shortenedReason ? { shortenedReason: input.shortenedReason } : {}),
  });
  recorded = true;

  // 2. The comment period, on a durable timer: at the end of the closing day the consultation closes and the
  // feedback deadline starts, counted by the calendar activity.
  const period = new DueTime({
    dueAt: () => input.closesAt,
    onDue: async () => {
      const deadline = await activities.computeExtendedDeadline({ dueAt: input.closesAt, workingDays: input.feedbackWorkingDays });
      closedAt = now();
      feedbackDueAt = deadline.dueAt;
      feedbackDueExplanation = `意见征集截止后${input.feedbackWorkingDays}个工作日内公布采纳情况（${deadline.explanation}）`;
      state = 'CLOSED';
      await record();
      await audit('closed', 'consultation.closed', undefined, { closesAt: input.closesAt, feedbackDueAt, why: feedbackDueExplanation });
      await notify('closed', { role: 'drafter', departmentCode: input.departmentCode }, 'consultation-closed', `意见征集已截止：${input.title}`, `请于 ${feedbackDueAt} 前公布意见采纳情况。`);
    },
  });
  await period.waitUntil(() => state !== 'OPEN');

  // 3. The feedback deadline runs beside the wait for the feedback item's release.
  const feedbackDue = new DueTime({
    dueAt: () => (feedbackPublishedAt ? undefined : feedbackDueAt),
    reminderAt: (dueAt) => activities.computeReminderAt({ dueAt }),
    onReminder: async (dueAt) => {
      await notify('feedback-reminder', { role: 'drafter', departmentCode: input.departmentCode }, 'consultation-feedback-reminder', `采纳情况即将到期：${input.title}`, `请于 ${dueAt} 前公布意见采纳情况。`);
    },
    onDue: async (dueAt, count) => {
      // Released just before the due instant but not looked at yet: on time, not overdue.
      if (feedbackItemId) {
        const item = await activities.readFeedbackItemState({ itemId: feedbackItemId });
        if (item.state === 'RELEASED' && item.releasedAt && Date.parse(item.releasedAt) <= Date.parse(dueAt)) return;
      }
      feedbackOverdue = true;
      await record();
      await audit(`feedback-overdue:${count}`, 'consultation.feedback-overdue', undefined, { dueAt, state });
      for (const role of ['supervisor', 'reviewer'] as const) {
        await notify(`feedback-overdue:${count}:${role}`, role === 'reviewer' ? { role, departmentCode: input.departmentCode } : { role }, 'consultation-feedback-overdue', `意见采纳情况逾期未公布：${input.title}`, `截止 ${dueAt}，部门 ${input.departmentCode}。`);
      }
    },
  });
  const feedbackTimer = feedbackDue.run();

  const longestWait = (input.feedbackPollMinutes ?? DEFAULT_POLL_MINUTES) * 60_000;
  const firstLook = Math.min(FIRST_LOOK_MS, longestWait);
  let wait = firstLook;
  while (!feedbackPublishedAt) {
    await condition(() => feedbackItemId !== undefined);
    const itemId = feedbackItemId!;
    const item = await activities.readFeedbackItemState({ itemId });
    if (feedbackItemId !== itemId) continue;
    if (item.state === 'RELEASED' && item.releasedAt) {
      feedbackPublishedAt = item.releasedAt;
      feedbackLate = Date.parse(item.releasedAt) > Date.parse(feedbackDueAt!);
      state = 'FEEDBACK_PUBLISHED';
      feedbackDue.stop();
      await record();
      await audit('feedback-published', 'consultation.feedback-published', undefined, { feedbackItemId: itemId, publishedAt: feedbackPublishedAt, dueAt: feedbackDueAt, late: feedbackLate });
      break;
    }
    if (item.state === 'REJECTED' || item.state === 'WITHDRAWN') {
      // The review refused this feedback: the department drafts another one, against the same deadline.
      feedbackItemId = undefined;
      state = 'CLOSED';
      await record();
      await audit(`feedback-dropped:${linkCount}`, 'consultation.feedback-dropped', undefined, { feedbackItemId: itemId, itemState: item.state });
      wait = firstLook;
      continue;
    }
    await condition(() => feedbackItemId !== itemId, wait);
    wait = Math.min(wait * 2, Math.max(longestWait, firstLook));
  }
  await feedbackTimer;
  await condition(allHandlersFinished);
  return view();
}
