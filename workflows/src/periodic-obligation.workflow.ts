import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ActivityFailure, type ApplicationFailure, allHandlersFinished, condition, log, patched, proxyActivities, setHandler, startChild, uuid4, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  FailureType,
  fulfilObligationUpdate,
  obligationPeriodWorkflowId,
  periodicObligationViewQuery,
  recalculateDeadlinesSignal,
  ScheduledStartTimeAttribute,
  type FulfilObligationRequest,
  type ObligationFulfilmentView,
  type ObligationScheduleInput,
  type ObligationTaskState,
  type OpenObligationPeriodResult,
  type PeriodicObligationInput,
  type PeriodicObligationView,
} from '@zwgk/contracts';
import { fulfilmentProblem } from '@zwgk/domain/workflow';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure, printable, refusalOf, REQUEST_ACTIVITY_OPTIONS } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);
// Recording a fulfilment while its sender waits: a few attempts, then the fulfilment is refused (see there).
const requestActivities = proxyActivities<DisclosureActivities>(REQUEST_ACTIVITY_OPTIONS);

/** patched(): the calendar recalculation batch makes the period recompute its due instant. */
const CALENDAR_RECALCULATION = 'obligation-calendar-recalculation';

/**
 * What an obligation's Schedule starts each time it fires. The Schedule's arguments are the same on every
 * firing, so this resolves which period the firing opens, then starts that period's workflow under an id
 * derived from the obligation and the period, with reuse refused: a second firing in the same period (a
 * manual trigger, a catch-up after an outage) finds it and opens nothing. The period's workflow outlives
 * this one (ABANDON) and may overlap the next period's, which keeps an overdue period open to a late
 * fulfilment without ever making the Schedule skip a period.
 */
export async function openObligationPeriodWorkflow(input: ObligationScheduleInput): Promise<OpenObligationPeriodResult> {
  const info = workflowInfo();
  // The nominal firing time, not the start: a catch-up after an outage still opens the period it was for.
  const firedAt = info.typedSearchAttributes.get(ScheduledStartTimeAttribute) ?? info.startTime;
  const { active, period } = await activities.resolveObligationPeriod({ obligationId: input.obligationId, rule: input.rule, at: firedAt.toISOString() });
  const workflowId = obligationPeriodWorkflowId(input.obligationId, period.key);
  if (!active) return { opened: false, periodKey: period.key, workflowId, reason: 'the obligation is no longer registered' };
  const periodInput: PeriodicObligationInput = {
    obligationId: input.obligationId,
    catalogItemCode: input.catalogItemCode,
    catalogItemName: input.catalogItemName,
    departmentCode: input.departmentCode,
    periodKey: period.key,
    periodLabel: period.label,
    periodStart: period.startDate,
    dueDate: period.dueDate,
  };
  try {
    await startChild(periodicObligationWorkflow, { workflowId, args: [periodInput], parentClosePolicy: 'ABANDON', workflowIdReusePolicy: 'REJECT_DUPLICATE' });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    return { opened: false, periodKey: period.key, workflowId, reason: `${period.label} is already open` };
  }
  return { opened: true, periodKey: period.key, workflowId };
}

/**
 * One period of a standing obligation (定期公开): opens the drafting task in the department's inbox and
 * tells its drafters, then waits on a durable timer for the fulfilment or the due time. At the due time
 * the task is marked overdue, audited and the supervisors are told; it stays open for a late fulfilment.
 * The fulfilment is an Update whose validator checks the actor and the item before anything reaches history.
 */
export async function periodicObligationWorkflow(input: PeriodicObligationInput): Promise<PeriodicObligationView> {
  const workflowId = workflowInfo().workflowId;
  const taskId = uuid4();
  const subject = `${input.catalogItemName ?? input.catalogItemCode}（${input.periodLabel}）`;
  let state: ObligationTaskState = 'OPENING';
  let dueAt: string | undefined = undefined; // set once the deadline activity answers
  let overdue = false;
  let fulfilment: ObligationFulfilmentView | undefined = undefined;
  // Set by the handler as soon as a fulfilment is accepted, so a second one is refused; the main loop acts on it.
  let accepted: FulfilObligationRequest | undefined;
  // A fulfilment that could not be recorded, with its refusal: its Update answers with that, and the task stays open.
  let refused: { request: FulfilObligationRequest; refusal: ApplicationFailure } | undefined;

  const view = (): PeriodicObligationView => ({
    obligationId: input.obligationId,
    periodKey: input.periodKey,
    periodLabel: input.periodLabel,
    state,
    taskId,
    dueAt,
    overdue,
    fulfilment,
  });

  setHandler(periodicObligationViewQuery, view);

  setHandler(fulfilObligationUpdate, async (request) => {
    accepted = request;
    await condition(() => state === 'FULFILLED' || state === 'DUPLICATE' || refused?.request === request);
    if (state !== 'FULFILLED' && refused?.request === request) throw refused.refusal;
    if (state === 'DUPLICATE') throw failure(FailureType.Conflict, `${input.periodLabel}的起草任务已由另一流程承办`);
    return view();
  }, {
    validator: (request) => {
      if (request.taskId !== taskId) throw failure(FailureType.NotFound, `任务 ${request.taskId} 不是${input.periodLabel}的起草任务`);
      if (state === 'FULFILLED' || accepted) throw failure(FailureType.Conflict, `${input.periodLabel}的起草任务已经完成`);
      if (!request.actor.roles.includes('drafter') || request.actor.departmentCode !== input.departmentCode) {
        throw failure(FailureType.Forbidden, `只有部门 ${input.departmentCode} 的起草人才能完成此任务`);
      }
      const problem = fulfilmentProblem(input, request.item);
      if (problem?.kind === 'forbidden') throw failure(FailureType.Forbidden, problem.problem);
      if (problem) throw failure(FailureType.InvalidInput, problem.problem, { fields: ['itemId'] });
    },
  });

  const now = () => new Date().toISOString();
  const audit = (step: string, action: string, fields: { actor?: string; actorRole?: string; departmentCode?: string; requestId?: string; detail?: Record<string, unknown> } = {}) =>
    activities.recordAuditEvent({
      eventKey: `${workflowId}:${step}`,
      taskId,
      actor: fields.actor ?? 'system',
      actorRole: fields.actorRole,
      departmentCode: fields.departmentCode ?? input.departmentCode,
      action,
      requestId: fields.requestId,
      occurredAt: now(),
      detail: { obligationId: input.obligationId, catalogItemCode: input.catalogItemCode, periodKey: input.periodKey, periodLabel: input.periodLabel, ...fields.detail },
    });

  // 1. The drafting task, due at the end of the period's due day (the instant comes from an activity).
  const deadline = await activities.computeObligationDeadline({ periodLabel: input.periodLabel, dueDate: input.dueDate });
  const held = await activities.openObligationTask({
    taskId,
    workflowId,
    obligationId: input.obligationId,
    periodKey: input.periodKey,
    periodLabel: input.periodLabel,
    periodStart: input.periodStart,
    dueDate: input.dueDate,
    dueAt: deadline.dueAt,
    dueExplanation: deadline.explanation,
    departmentCode: input.departmentCode,
    catalogItemCode: input.catalogItemCode,
    openedAt: now(),
  });
  if (held.taskId !== taskId) {
    // The period's id was reused after the earlier run left retention: its task stands, and no second one opens.
    state = 'DUPLICATE';
    await condition(allHandlersFinished);
    return view();
  }
  dueAt = deadline.dueAt;
  state = 'OPEN';
  await audit('opened', 'obligation.task-opened', { detail: { dueAt, why: deadline.explanation } });
  await activities.notify({
    key: `${workflowId}:opened`,
    to: { role: 'drafter', departmentCode: input.departmentCode },
    kind: 'obligation-task-opened',
    title: `定期公开任务：${subject}`,
    body: `请于${input.dueDate}（北京时间当日）前起草并公开本期信息。${deadline.explanation}`,
    taskId,
  });

  // 2. Fulfilment or the due time, on a durable timer; after the due time the task waits for a late fulfilment.
  // A fulfilment that cannot be recorded is refused and the task waits for the next one.
  const due = new DueTime({
    dueAt: () => dueAt,
    onDue: async (instant) => {
      overdue = true;
      await activities.recordObligationTaskOverdue({ taskId, at: now() });
      await audit('overdue', 'obligation.overdue', { detail: { dueAt: instant } });
      await activities.notify({
        key: `${workflowId}:overdue`,
        to: { role: 'supervisor' },
        kind: 'obligation-overdue',
        title: `定期公开已逾期：${subject}`,
        body: `截止 ${instant}，部门 ${input.departmentCode}。`,
        taskId,
      });
    },
  });
  // From the calendar recalculation batch: the due instant computed again by the calendar activity. Today
  // a period falls due at the end of its due day whatever the calendar says, so this rarely moves it; the
  // activity owns that rule, so the workflow asks rather than assumes.
  let recalculations = 0;
  setHandler(recalculateDeadlinesSignal, async (request) => {
    if (state !== 'OPEN' || accepted || !patched(CALENDAR_RECALCULATION)) return;
    const recalculation = ++recalculations;
    try {
      const next = await activities.computeObligationDeadline({ periodLabel: input.periodLabel, dueDate: input.dueDate });
      if (state !== 'OPEN' || next.dueAt === dueAt) return;
      const from = dueAt;
      const at = now();
      dueAt = next.dueAt;
      if (overdue && Date.parse(next.dueAt) > Date.parse(at)) overdue = false;
      due.rearm();
      await activities.rescheduleObligationTask({ taskId, dueAt: next.dueAt, dueExplanation: next.explanation, at });
      await audit(`deadline-recalculated:${recalculation}`, 'obligation.deadline-recalculated', {
        actor: request.actor.username,
        departmentCode: request.actor.departmentCode,
        requestId: request.actor.requestId,
        detail: { from, to: next.dueAt, why: next.explanation, reason: request.reason },
      });
    } catch (error) {
      log.warn('obligation deadline recalculation refused', { error: error instanceof Error ? error.message : String(error) });
    }
  });

  for (let attempt = 1; ; attempt++) {
    await due.waitUntil(() => accepted !== undefined);

    // 3. Fulfilled by the item the department reported.
    const request = accepted!;
    const fulfilledAt = now();
    const late = Date.parse(fulfilledAt) > Date.parse(dueAt!);
    try {
      await requestActivities.recordObligationFulfilment({ taskId, itemId: request.item.itemId, fulfilledBy: request.actor.username, fulfilledAt, late });
    } catch (error) {
      const refusal = refusalOf(error, '定期公开任务', ['itemId']);
      if (!refusal) throw error;
      accepted = undefined;
      refused = { request, refusal };
      await reportRefusal(attempt, request, refusal);
      continue;
    }
    await audit('fulfilled', 'obligation.fulfilled', {
      actor: request.actor.username,
      actorRole: 'drafter',
      departmentCode: request.actor.departmentCode,
      requestId: request.actor.requestId,
      detail: { itemId: request.item.itemId, dueAt, late },
    });
    fulfilment = { itemId: request.item.itemId, fulfilledBy: request.actor.username, fulfilledAt, late };
    state = 'FULFILLED';
    await condition(allHandlersFinished);
    return view();
  }

  /** Audits a fulfilment that could not be recorded and tells the supervisors; best effort. */
  async function reportRefusal(attempt: number, refusedRequest: FulfilObligationRequest, refusal: ApplicationFailure): Promise<void> {
    try {
      await requestActivities.recordAuditEvent({
        eventKey: `${workflowId}:refused:${attempt}`,
        taskId,
        actor: printable(refusedRequest.actor.username),
        departmentCode: input.departmentCode,
        action: 'request.refused',
        reason: refusal.message,
        occurredAt: now(),
        detail: { obligationId: input.obligationId, periodKey: input.periodKey, request: 'obligation.fulfil', failureType: refusal.type },
      });
      await requestActivities.notify({
        key: `${workflowId}:refused:${attempt}`,
        to: { role: 'supervisor', usernames: [printable(refusedRequest.actor.username)] },
        kind: 'request-refused',
        title: `定期公开办理未生效：${subject}`,
        body: `办理结果未能保存，任务仍待办理，可重新提交。${refusal.message}`,
        taskId,
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
  }
}
