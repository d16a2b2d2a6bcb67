import { type ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  answerApplicationDemandUpdate,
  applicationDemandOpenedUpdate,
  applicationDemandViewQuery,
  closeApplicationDemandUpdate,
  FailureType,
  type AnswerApplicationDemandRequest,
  type ApplicationDemandInput,
  type ApplicationDemandState,
  type ApplicationDemandView,
  type CloseApplicationDemandRequest,
} from '@zwgk/contracts';
import { applicationDemandAnswerRole, mayAnswerApplicationDemand, maySuperviseApplicationDemand } from '@zwgk/domain/workflow';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure, refusalOf, REQUEST_ACTIVITY_OPTIONS } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);
// Recording a person's answer or closing while they wait: a few attempts, then the request is refused.
const requestActivities = proxyActivities<DisclosureActivities>(REQUEST_ACTIVITY_OPTIONS);

const STATE_LABEL: Record<ApplicationDemandState, string> = { OPENING: '督办中', OPEN: '待答复', OVERDUE: '逾期未答复', ANSWERED: '已答复', CLOSED: '已办结' };

/**
 * A supervisor's 督办 on an application for disclosure. The department holding the application must answer
 * by the supervisor's response date with 说明情况 and 整改措施: reminded a working day before (the instant
 * comes from the calendar activity), marked overdue at the end of the date and left open for a late answer.
 * The supervisor then closes it (办结) and the workflow completes. Answering and closing are Updates whose
 * validators check the actor (libs/domain access policy) before anything reaches history; the main loop
 * records each step, audits it on the application's timeline and tells whoever acts next.
 */
export async function applicationDemandWorkflow(input: ApplicationDemandInput): Promise<ApplicationDemandView> {
  const workflowId = workflowInfo().workflowId;
  let state: ApplicationDemandState = 'OPENING';
  let reminded = false;
  let overdue = false;
  let answer: ApplicationDemandView['answer'] = undefined;
  let closing: ApplicationDemandView['closing'] = undefined;
  // Set by a handler once its request is accepted, so that a second one is refused; the main loop acts on it.
  let pendingAnswer: AnswerApplicationDemandRequest | undefined;
  let pendingClose: CloseApplicationDemandRequest | undefined;
  // A request the database refused (data it cannot take): its Update answers with the refusal, the demand waits on.
  let refused: { request: object; refusal: ApplicationFailure } | undefined;
  // Set when the demand itself cannot be recorded (data the database refuses): the request that issues it is refused.
  let openingRefusal: ApplicationFailure | undefined;

  const view = (): ApplicationDemandView => ({
    demandId: input.demandId,
    applicationId: input.applicationId,
    departmentCode: input.departmentCode,
    state,
    dueDate: input.dueDate,
    dueAt: input.dueAt,
    reminded,
    overdue,
    ...(answer ? { answer } : {}),
    ...(closing ? { closing } : {}),
  });
  const answerer = { departmentCode: input.departmentCode, officeDepartmentCode: input.officeDepartmentCode };
  const checkDemand = (demandId: string) => {
    if (demandId !== input.demandId) throw failure(FailureType.NotFound, `督办 ${demandId} 不是本流程的督办`);
  };

  setHandler(applicationDemandViewQuery, view);
  setHandler(applicationDemandOpenedUpdate, async () => {
    await condition(() => state !== 'OPENING' || openingRefusal !== undefined);
    if (state === 'OPENING' && openingRefusal) throw openingRefusal;
    return view();
  });
  setHandler(
    answerApplicationDemandUpdate,
    async (request) => {
      pendingAnswer ??= request;
      await condition(() => answer !== undefined || refused?.request === request);
      if (answer === undefined && refused?.request === request) throw refused.refusal;
      return view();
    },
    {
      validator: (request) => {
        checkDemand(request.demandId);
        if (answer !== undefined || pendingAnswer) throw failure(FailureType.Conflict, `督办已答复，不能再次答复（${STATE_LABEL[state]}）`);
        if (!mayAnswerApplicationDemand(request.actor, answerer)) {
          throw failure(FailureType.Forbidden, `该督办须由部门 ${input.departmentCode} 的${applicationDemandAnswerRole(answerer) === 'reviewer' ? '负责人' : '政务公开工作人员'}答复`);
        }
        const missing = (['situation', 'measures'] as const).filter((field) => !request[field].trim());
        if (missing.length) throw failure(FailureType.InvalidInput, missing.map((field) => (field === 'situation' ? '说明情况不能为空' : '整改措施不能为空')).join('；'), { fields: missing });
      },
    },
  );
  setHandler(
    closeApplicationDemandUpdate,
    async (request) => {
      pendingClose ??= request;
      await condition(() => closing !== undefined || refused?.request === request);
      if (closing === undefined && refused?.request === request) throw refused.refusal;
      return view();
    },
    {
      validator: (request) => {
        checkDemand(request.demandId);
        if (!maySuperviseApplicationDemand(request.actor)) throw failure(FailureType.Forbidden, '只有督查人员可以办结督办');
        if (closing !== undefined || pendingClose) throw failure(FailureType.Conflict, '督办已办结');
        if (answer === undefined) throw failure(FailureType.Conflict, `督办尚未答复，不能办结（${STATE_LABEL[state]}）`);
      },
    },
  );

  const now = () => new Date().toISOString();
  const audit = (step: string, action: string, fields: { actor?: AnswerApplicationDemandRequest['actor']; actorRole?: string; reason?: string; detail?: Record<string, unknown> } = {}) =>
    activities.recordAuditEvent({
      eventKey: `${workflowId}:${step}`,
      actor: fields.actor?.username ?? 'system',
      actorRole: fields.actorRole,
      departmentCode: fields.actor?.departmentCode ?? input.departmentCode,
      action,
      reason: fields.reason,
      requestId: fields.actor?.requestId,
      occurredAt: now(),
      // applicationId puts the step on the application's timeline.
      detail: { applicationId: input.applicationId, queryNumber: input.queryNumber, demandId: input.demandId, ...fields.detail },
    });
  const toDepartment = { role: applicationDemandAnswerRole(answerer), departmentCode: input.departmentCode };

  // 1. Recorded, audited, and the department told; the request that issued it answers after that.
  await activities.openApplicationDemand({
    demandId: input.demandId,
    workflowId,
    applicationId: input.applicationId,
    departmentCode: input.departmentCode,
    reason: input.reason,
    demandedBy: input.demandedBy.username,
    dueDate: input.dueDate,
    dueAt: input.dueAt,
    openedAt: now(),
  }).catch(async (error: unknown) => {
    const refusal = refusalOf(error, '督办', ['reason']);
    if (!refusal) throw error;
    openingRefusal = refusal;
    await condition(allHandlersFinished);
    throw refusal;
  });
  await audit('issued', 'application-demand.issued', {
    actor: input.demandedBy,
    actorRole: 'supervisor',
    reason: input.reason,
    detail: { to: input.departmentCode, dueDate: input.dueDate, dueAt: input.dueAt },
  });
  await activities.notify({
    key: `${workflowId}:issued`,
    to: toDepartment,
    kind: 'application-demand',
    title: `督办：依申请公开 ${input.queryNumber}`,
    body: `${input.reason}（请于 ${input.dueDate} 前说明情况并提出整改措施）`,
  });
  // Open once the department has been told: the supervisor's request answers then.
  state = 'OPEN';

  // 2. The answer, or the reminder and the due instant on durable timers; overdue, it waits for a late answer.
  const due = new DueTime({
    dueAt: () => input.dueAt,
    reminderAt: (dueAt) => activities.computeReminderAt({ dueAt }),
    onReminder: async () => {
      reminded = true;
      await activities.recordApplicationDemandReminded({ demandId: input.demandId, at: now() });
      await audit('reminded', 'application-demand.reminded', { detail: { dueAt: input.dueAt } });
      await activities.notify({
        key: `${workflowId}:reminder`,
        to: toDepartment,
        kind: 'application-demand-reminder',
        title: `督办即将到期：依申请公开 ${input.queryNumber}`,
        body: `请于 ${input.dueDate} 前答复。督办事由：${input.reason}`,
      });
    },
    onDue: async (dueAt) => {
      overdue = true;
      state = 'OVERDUE';
      await activities.recordApplicationDemandOverdue({ demandId: input.demandId, at: now() });
      await audit('overdue', 'application-demand.overdue', { detail: { dueAt } });
      await activities.notify({
        key: `${workflowId}:overdue`,
        to: { role: 'supervisor', usernames: [input.demandedBy.username] },
        kind: 'application-demand-overdue',
        title: `督办逾期未答复：依申请公开 ${input.queryNumber}`,
        body: `截止 ${input.dueDate}，部门 ${input.departmentCode}。督办事由：${input.reason}`,
      });
    },
  });

  for (let attempt = 1; answer === undefined; attempt++) {
    await due.waitUntil(() => pendingAnswer !== undefined);
    const request = pendingAnswer!;
    const respondedAt = now();
    const late = Date.parse(respondedAt) > Date.parse(input.dueAt);
    const situation = request.situation.trim();
    const measures = request.measures.trim();
    try {
      await requestActivities.recordApplicationDemandAnswer({ demandId: input.demandId, situation, measures, responder: request.actor.username, respondedAt });
    } catch (error) {
      const refusal = refusalOf(error, '督办答复', ['situation', 'measures']);
      if (!refusal) throw error;
      pendingAnswer = undefined;
      refused = { request, refusal };
      await audit(`answer-refused:${attempt}`, 'request.refused', { actor: request.actor, reason: refusal.message, detail: { request: 'application-demand.answer', failureType: refusal.type } });
      continue;
    }
    await audit('answered', 'application-demand.answered', {
      actor: request.actor,
      actorRole: applicationDemandAnswerRole(answerer),
      reason: situation,
      detail: { measures, late, dueAt: input.dueAt },
    });
    state = 'ANSWERED';
    answer = { situation, measures, responder: request.actor.username, respondedAt, late };
    await activities.notify({
      key: `${workflowId}:answered`,
      to: { usernames: [input.demandedBy.username] },
      kind: 'application-demand-answered',
      title: `督办已答复：依申请公开 ${input.queryNumber}`,
      body: `说明情况：${situation}\n整改措施：${measures}`,
    });
  }

  // 3. The supervisor closes it.
  for (let attempt = 1; closing === undefined; attempt++) {
    await condition(() => pendingClose !== undefined);
    const request = pendingClose!;
    const closedAt = now();
    const remark = request.remark?.trim() || undefined;
    try {
      await requestActivities.recordApplicationDemandClosed({ demandId: input.demandId, closedBy: request.actor.username, closedAt, ...(remark ? { remark } : {}) });
    } catch (error) {
      const refusal = refusalOf(error, '督办办结', ['remark']);
      if (!refusal) throw error;
      pendingClose = undefined;
      refused = { request, refusal };
      await audit(`close-refused:${attempt}`, 'request.refused', { actor: request.actor, reason: refusal.message, detail: { request: 'application-demand.close', failureType: refusal.type } });
      continue;
    }
    await audit('closed', 'application-demand.closed', { actor: request.actor, actorRole: 'supervisor', reason: remark });
    state = 'CLOSED';
    closing = { closedBy: request.actor.username, closedAt, ...(remark ? { remark } : {}) };
    await activities.notify({
      key: `${workflowId}:closed`,
      to: toDepartment,
      kind: 'application-demand-closed',
      title: `督办已办结：依申请公开 ${input.queryNumber}`,
      body: remark ?? '督办已办结。',
    });
  }
  await condition(allHandlersFinished);
  return view();
}
