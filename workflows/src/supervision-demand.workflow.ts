import { ActivityFailure, type ApplicationFailure, allHandlersFinished, condition, log, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  FailureType,
  recalculateDeadlinesSignal,
  respondToDemandUpdate,
  SUPERVISION_DEMAND_ROLE,
  supervisionDemandOpenedUpdate,
  supervisionDemandViewQuery,
  type RespondToDemandRequest,
  type SupervisionDemandInput,
  type SupervisionDemandState,
  type SupervisionDemandView,
} from '@zwgk/contracts';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure, printable, refusalOf, REQUEST_ACTIVITY_OPTIONS } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);
// Recording an answer while its sender waits: a few attempts, then the answer is refused (see there).
const requestActivities = proxyActivities<DisclosureActivities>(REQUEST_ACTIVITY_OPTIONS);

/** patched(): the calendar recalculation batch makes the demand recompute its due instant. */
const CALENDAR_RECALCULATION = 'demand-calendar-recalculation';

/**
 * A supervisor's demand for action (督办) on an item: a task in the department head's inbox with a due time
 * from the calendar activity, then a durable timer. Unanswered at the due time, the demand is marked
 * overdue, audited and the supervisors are told; it stays open for a late answer. The answer is an Update
 * whose validator checks the actor before anything reaches history.
 */
export async function supervisionDemandWorkflow(input: SupervisionDemandInput): Promise<SupervisionDemandView> {
  const workflowId = workflowInfo().workflowId;
  let state: SupervisionDemandState = 'OPENING';
  let dueAt: string | undefined = undefined; // set once the deadline activity answers
  let dueExplanation: string | undefined = undefined;
  let overdue = false;
  let response: SupervisionDemandView['response'] = undefined;
  // Set by the handler as soon as an answer is accepted, so that a second one is refused; the main loop acts on it.
  let accepted: RespondToDemandRequest | undefined;
  // An answer that could not be recorded, with its refusal: its Update answers with that, and the demand stays open.
  let refused: { request: RespondToDemandRequest; refusal: ApplicationFailure } | undefined;
  // Set when the demand itself cannot be opened (its reason refused): the request that opens it is refused.
  let openingRefusal: ApplicationFailure | undefined;

  const view = (): SupervisionDemandView => ({
    demandId: input.demandId,
    itemId: input.itemId,
    departmentCode: input.departmentCode,
    state,
    ...(dueAt !== undefined ? { dueAt } : {}),
    ...(dueExplanation !== undefined ? { dueExplanation } : {}),
    overdue,
    ...(response ? { response } : {}),
  });

  setHandler(supervisionDemandViewQuery, view);
  setHandler(supervisionDemandOpenedUpdate, async () => {
    await condition(() => state !== 'OPENING' || openingRefusal !== undefined);
    if (state === 'OPENING' && openingRefusal) throw openingRefusal;
    return view();
  });
  setHandler(
    respondToDemandUpdate,
    async (request) => {
      accepted ??= request;
      await condition(() => state === 'ANSWERED' || refused?.request === request);
      if (state !== 'ANSWERED' && refused?.request === request) throw refused.refusal;
      return view();
    },
    {
      validator: (request) => {
        if (request.demandId !== input.demandId) throw failure(FailureType.NotFound, `督办单 ${request.demandId} 不属于本督办流程`);
        if (state === 'ANSWERED' || accepted) throw failure(FailureType.Conflict, `督办单 ${input.demandId} 已经答复`);
        if (!request.actor.roles.includes(SUPERVISION_DEMAND_ROLE) || request.actor.departmentCode !== input.departmentCode) {
          throw failure(FailureType.Forbidden, `只有部门 ${input.departmentCode} 的负责人（${SUPERVISION_DEMAND_ROLE}）才能答复本督办单`);
        }
        if (!request.response.trim()) throw failure(FailureType.InvalidInput, '请填写答复内容（response）', { fields: ['response'] });
      },
    },
  );

  const now = () => new Date().toISOString();
  const audit = (step: string, action: string, fields: { actor?: string; actorRole?: string; departmentCode?: string; requestId?: string; reason?: string; detail?: Record<string, unknown> } = {}) =>
    activities.recordAuditEvent({
      eventKey: `${workflowId}:${step}`,
      itemId: input.itemId,
      taskId: input.demandId,
      actor: fields.actor ?? 'system',
      actorRole: fields.actorRole,
      departmentCode: fields.departmentCode ?? input.departmentCode,
      action,
      reason: fields.reason,
      requestId: fields.requestId,
      occurredAt: now(),
      detail: { demandId: input.demandId, ...fields.detail },
    });

  // 1. The task in the head's inbox, due N working days after today (the instant comes from the calendar activity).
  const openedAt = now();
  let deadline: Awaited<ReturnType<DisclosureActivities['computeExtendedDeadline']>>;
  try {
    deadline = await activities.computeExtendedDeadline({ dueAt: openedAt, workingDays: input.dueWorkingDays });
  } catch (error) {
    throw await refuseOpening(error, ['dueWorkingDays']);
  }
  dueAt = deadline.dueAt;
  dueExplanation = `督办：${input.dueWorkingDays}个工作日内答复（${deadline.explanation}）`;
  await activities.openSupervisionDemand({
    demandId: input.demandId,
    workflowId,
    itemId: input.itemId,
    departmentCode: input.departmentCode,
    reason: input.reason,
    demandedBy: input.demandedBy.username,
    dueWorkingDays: input.dueWorkingDays,
    dueAt,
    dueExplanation,
    openedAt,
  }).catch(async (error: unknown) => {
    throw await refuseOpening(error, ['reason']);
  });
  await audit('demanded', 'supervision.demanded', {
    actor: input.demandedBy.username,
    actorRole: 'supervisor',
    departmentCode: input.demandedBy.departmentCode,
    requestId: input.demandedBy.requestId,
    reason: input.reason,
    detail: { to: input.departmentCode, dueAt, dueWorkingDays: input.dueWorkingDays },
  });
  state = 'OPEN';
  await activities.notify({
    key: `${workflowId}:demanded`,
    to: { role: SUPERVISION_DEMAND_ROLE, departmentCode: input.departmentCode },
    kind: 'supervision-demand',
    title: `督办：${input.itemTitle}`,
    body: `${input.reason}（请于 ${dueAt} 前答复）`,
    itemId: input.itemId,
    taskId: input.demandId,
  });

  // 2. The answer or the due time, on a durable timer; after the due time the demand waits for a late answer.
  // An answer that cannot be recorded is refused and the demand waits for the next one.
  const due = new DueTime({
    dueAt: () => dueAt,
    onDue: async (instant) => {
      overdue = true;
      state = 'OVERDUE';
      await activities.recordSupervisionDemandOverdue({ demandId: input.demandId, at: now() });
      await audit('overdue', 'supervision.demand-overdue', { detail: { dueAt: instant } });
      await activities.notify({
        key: `${workflowId}:overdue`,
        to: { role: 'supervisor' },
        kind: 'supervision-demand-overdue',
        title: `督办逾期未答复：${input.itemTitle}`,
        body: `截止 ${instant}，部门 ${input.departmentCode}。督办事由：${input.reason}`,
        itemId: input.itemId,
        taskId: input.demandId,
      });
    },
  });
  // From the calendar recalculation batch (an official year loaded or corrected): the same N working days
  // from the opening, counted on the calendar now in force. An answered demand owes nothing any more.
  let recalculations = 0;
  const answered = () => state === 'ANSWERED' || accepted !== undefined;
  setHandler(recalculateDeadlinesSignal, async (request) => {
    if (answered() || !patched(CALENDAR_RECALCULATION)) return;
    const recalculation = ++recalculations;
    try {
      const next = await activities.computeExtendedDeadline({ dueAt: openedAt, workingDays: input.dueWorkingDays });
      if (answered() || next.dueAt === dueAt) return;
      const from = dueAt;
      const at = now();
      dueAt = next.dueAt;
      dueExplanation = `督办：${input.dueWorkingDays}个工作日内答复（${next.explanation}）`;
      if (overdue && Date.parse(next.dueAt) > Date.parse(at)) {
        // Moved past now: running again, and it may fall overdue again at the new instant.
        overdue = false;
        state = 'OPEN';
      }
      due.rearm();
      await activities.rescheduleSupervisionDemand({ demandId: input.demandId, dueAt: next.dueAt, dueExplanation, at });
      await audit(`deadline-recalculated:${recalculation}`, 'supervision.demand-deadline-recalculated', {
        actor: request.actor.username,
        departmentCode: request.actor.departmentCode,
        requestId: request.actor.requestId,
        reason: request.reason,
        detail: { from, to: next.dueAt, why: next.explanation },
      });
    } catch (error) {
      // A signal has no caller to answer: the old due instant stays in force, and a later load can try again.
      log.warn('demand deadline recalculation refused', { error: error instanceof Error ? error.message : String(error) });
    }
  });

  for (let attempt = 1; ; attempt++) {
    await due.waitUntil(() => accepted !== undefined);

    // 3. Answered.
    const request = accepted!;
    const respondedAt = now();
    const late = Date.parse(respondedAt) > Date.parse(dueAt!);
    const text = request.response.trim();
    try {
      await requestActivities.recordSupervisionDemandResponse({ demandId: input.demandId, response: text, responder: request.actor.username, respondedAt, late });
    } catch (error) {
      const refusal = refusalOf(error, '督办答复', ['response']);
      if (!refusal) throw error;
      accepted = undefined;
      refused = { request, refusal };
      await reportRefusal(attempt, request, refusal);
      continue;
    }
    await audit('answered', 'supervision.demand-answered', {
      actor: request.actor.username,
      actorRole: SUPERVISION_DEMAND_ROLE,
      departmentCode: request.actor.departmentCode,
      requestId: request.actor.requestId,
      reason: text,
      detail: { dueAt, late },
    });
    response = { text, responder: request.actor.username, respondedAt, late };
    state = 'ANSWERED';
    await activities.notify({
      key: `${workflowId}:answered`,
      to: { usernames: [input.demandedBy.username] },
      kind: 'supervision-demand-answered',
      title: `督办已答复：${input.itemTitle}`,
      body: text,
      itemId: input.itemId,
      taskId: input.demandId,
    });
    await condition(allHandlersFinished);
    return view();
  }

  /** Audits an answer that could not be recorded and tells the supervisors; best effort. */
  async function reportRefusal(attempt: number, refusedRequest: RespondToDemandRequest, refusal: ApplicationFailure): Promise<void> {
    try {
      await requestActivities.recordAuditEvent({
        eventKey: `${workflowId}:refused:${attempt}`,
        itemId: input.itemId,
        taskId: input.demandId,
        actor: printable(refusedRequest.actor.username),
        departmentCode: input.departmentCode,
        action: 'request.refused',
        reason: refusal.message,
        occurredAt: now(),
        detail: { demandId: input.demandId, request: 'supervision.respond', failureType: refusal.type },
      });
      await requestActivities.notify({
        key: `${workflowId}:refused:${attempt}`,
        to: { role: 'supervisor', usernames: [printable(refusedRequest.actor.username)] },
        kind: 'request-refused',
        title: `督办答复未生效：${input.itemTitle}`,
        body: `答复未能保存，督办仍待答复，可重新提交。${refusal.message}`,
        itemId: input.itemId,
        taskId: input.demandId,
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
  }

  /** The demand cannot be opened: the request that opens it is refused, and the workflow ends failed with it. */
  async function refuseOpening(error: unknown, fields: string[]): Promise<unknown> {
    const refusal = refusalOf(error, '督办', fields);
    if (!refusal) return error;
    openingRefusal = refusal;
    await condition(allHandlersFinished);
    return refusal;
  }
}
