import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  applicationRecordedUpdate,
  applicationStepUpdate,
  applicationViewQuery,
  FailureType,
  type ApplicationState,
  type ApplicationStepRequest,
  type ApplicationView,
  type DisclosureApplicationInput,
} from '@zwgk/contracts';
import {
  chinaDateOf,
  computeInformationFee,
  CONSULTATION_SILENCE_MEANING,
  describeOutcome,
  isApplicationOutcome,
  MAX_CORRECTION_PERIOD_WORKING_DAYS,
  MAX_EXTENSION_WORKING_DAYS,
  mayTakeApplicationStep,
  receiptDateOf,
  type ClockPause,
  type ReplyClock,
  type ReplyDeadline,
} from '@zwgk/domain/workflow';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure, refusalOf } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Step<S extends ApplicationStepRequest['step']> = Extract<ApplicationStepRequest, { step: S }>;

/** States in which the reply clock (条例 Art. 33) runs towards a due instant. */
const CLOCK_RUNNING: readonly ApplicationState[] = ['received', 'accepted', 'reply-review', 'reply-sign-off', 'reply-ready'];
const MAX_TEXT = 20_000;

/**
 * One application for disclosure (依申请公开), from 签收 to the delivered reply, with the statutory clock
 * on durable timers: the reply limit (条例 Art. 33) with a reminder and overdue at its instant; the 补正
 * period (Art. 30: unanswered = deemed withdrawn); a consultation's 15 working days (Art. 32, 34: the
 * clock stops meanwhile); the fee's 20 working days to pay (国办函〔2020〕109号 Art. 7: the clock stops from
 * the notice to the payment; unpaid = deemed withdrawn). Staff steps are one Update whose validator checks
 * actor, state and fields; the main loop applies accepted steps one at a time, in order.
 */
export async function disclosureApplicationWorkflow(input: DisclosureApplicationInput): Promise<ApplicationView> {
  const workflowId = workflowInfo().workflowId;
  const today = () => chinaDateOf(new Date());
  const now = () => new Date().toISOString();

  const v: Mutable<ApplicationView> = { applicationId: input.applicationId, queryNumber: input.queryNumber, state: 'submitted', clockStopped: false, overdue: false };
  let recorded = false;
  let clock: ReplyClock | undefined;
  let deadline: ReplyDeadline | undefined;
  let correctionWindowDate: string | undefined;
  let correctionDueAt: string | undefined;
  let consultationDueAt: string | undefined;
  let feeDueAt: string | undefined;
  let stateBeforeCorrection: ApplicationState = 'received';
  let auditSeq = 0;
  const queue: { request: ApplicationStepRequest; done: boolean; refusal?: ApplicationFailure }[] = [];
  const view = (): ApplicationView => ({ ...v });

  setHandler(applicationViewQuery, view);
  setHandler(applicationRecordedUpdate, async () => {
    await condition(() => recorded);
    return view();
  });
  setHandler(
    applicationStepUpdate,
    async (request) => {
      const entry: (typeof queue)[number] = { request, done: false };
      queue.push(entry);
      await condition(() => entry.done);
      if (entry.refusal) throw entry.refusal;
      return view();
    },
    { validator: (request) => validate(request) },
  );

  const facts = () => ({ officeDepartmentCode: input.officeDepartmentCode, handlingDepartmentCode: v.handlingDepartmentCode });
  const audit = (action: string, fields: { actor?: ApplicationStepRequest['actor']; reason?: string; detail?: Record<string, unknown> } = {}) =>
    activities.recordAuditEvent({
      eventKey: `${workflowId}:${++auditSeq}:${action}`,
      actor: fields.actor?.username ?? 'system',
      actorRole: fields.actor?.roles[0],
      departmentCode: fields.actor?.departmentCode ?? v.handlingDepartmentCode ?? input.officeDepartmentCode,
      action: `application.${action}`,
      reason: fields.reason,
      requestId: fields.actor?.requestId,
      occurredAt: now(),
      detail: { applicationId: input.applicationId, queryNumber: input.queryNumber, ...fields.detail },
    });
  const notifyStaff = (key: string, title: string, body: string) =>
    activities.notify({
      key: `${workflowId}:${key}`,
      to: { role: 'disclosure-office', departmentCode: input.officeDepartmentCode },
      kind: `application-${key.split(':')[0]}`,
      title: `${title}：${input.queryNumber}`,
      body,
    });

  /**
   * Tells the applicant by the configured SMS/e-mail gateways (the activity reads the address from the row, so
   * it never enters this history) and records on the timeline which channels reached them. The key is per
   * step: each notice is sent at most once per application.
   */
  const notifyApplicant = async (notice: 'receipt' | 'correction' | 'extension' | 'fee' | 'reply', text: string) => {
    const result = await activities.notifyApplicant({
      applicationId: input.applicationId,
      notice,
      key: `${workflowId}:applicant:${notice}`,
      subject: `政府信息公开申请 ${input.queryNumber}`,
      text: `您的政府信息公开申请（查询号 ${input.queryNumber}）：${text}`,
    });
    await audit(result.delivered.length > 0 ? 'applicant-notified' : 'applicant-not-notified', {
      reason:
        result.delivered.length > 0
          ? undefined
          : result.failed.length > 0
            ? '短信或电子邮件发送失败，请以其他方式告知申请人'
            : '未配置短信或电子邮件网关，或申请人未留手机号、电子邮箱，请以其他方式告知申请人',
      detail: { notice, delivered: result.delivered, failed: result.failed },
    });
  };

  // The reply limit's due time: reminded a working day before, overdue at the instant, re-armed when it moves.
  const replyDueAt = () => (deadline?.state === 'running' && CLOCK_RUNNING.includes(v.state) ? deadline.dueAt : undefined);
  const replyDue = new DueTime({
    dueAt: replyDueAt,
    reminderAt: (dueAt) => activities.computeReminderAt({ dueAt }),
    onReminder: async (dueAt) => {
      await notifyStaff(`reminder:${dueAt}`, '依申请公开即将到期', `答复期限 ${v.dueDate}。${v.dueExplanation ?? ''}`);
    },
    onArmed: async (_dueAt, wasOverdue) => {
      if (wasOverdue) {
        v.overdue = false;
        await project();
      }
    },
    onDue: async (dueAt, count) => {
      v.overdue = true;
      await project();
      await audit(`overdue`, { detail: { dueAt, count } });
      await notifyStaff(`overdue:${count}`, '依申请公开已逾期', `答复期限 ${v.dueDate} 已过，尚未答复。`);
    },
    remindAgainWhenRearmed: true,
  });
  const replyRun = replyDue.run();
  let armedFor: string | undefined;

  /** Writes the view to the read model and re-arms the reply timer when its instant changed. */
  async function project(): Promise<void> {
    const due = replyDueAt();
    if (due !== armedFor) {
      armedFor = due;
      replyDue.rearm();
    }
    await activities.recordApplicationView({ view: view(), extensionRequested: v.extension !== undefined && v.extension.decision === undefined });
  }

  /** Recomputes the reply deadline from the clock (an activity: the calendar is never read in workflow code). */
  async function recompute(): Promise<void> {
    if (!clock) return;
    deadline = await activities.computeApplicationReplyDeadline({ clock });
    v.clockStartOn = clock.startDate;
    v.clockStopped = deadline.state === 'stopped';
    v.dueAt = deadline.state === 'running' ? deadline.dueAt : undefined;
    v.dueDate = deadline.state === 'running' ? deadline.dueDate : undefined;
    v.dueExplanation = deadline.explanation;
  }

  function closePause(to: string): void {
    if (!clock) return;
    clock = { ...clock, pauses: clock.pauses.map((pause): ClockPause => (pause.to === undefined ? { ...pause, to: to < pause.from ? pause.from : to } : pause)) };
  }

  await project();
  await audit('submitted', { actor: input.registeredBy, detail: { channel: input.channel, submittedOn: input.submittedOn } });
  recorded = true;
  await notifyStaff('submitted', '收到政府信息公开申请', `渠道：${input.channel}，提交日期 ${input.submittedOn}，请签收。`);

  while (v.state !== 'closed') {
    const stepDue = v.state === 'correction' ? correctionDueAt : v.state === 'consultation' ? consultationDueAt : v.state === 'fee' ? feeDueAt : undefined;
    if (stepDue !== undefined && Date.parse(stepDue) <= Date.now() && queue.length === 0) {
      await stepFellDue();
      continue;
    }
    if (stepDue !== undefined) await condition(() => queue.length > 0, Date.parse(stepDue) - Date.now());
    else await condition(() => queue.length > 0);
    const entry = queue.shift();
    if (!entry) continue;
    try {
      validate(entry.request); // again: an earlier step may have changed what this one may do
      await apply(entry.request);
    } catch (error) {
      // A validator's refusal, or data an activity refused for good (a date the calendar does not cover).
      const refusal = error instanceof ApplicationFailure ? error : refusalOf(error, '办理步骤', []);
      if (!refusal) throw error;
      entry.refusal = refusal;
    }
    entry.done = true;
  }
  replyDue.stop();
  await replyRun;
  await condition(allHandlersFinished);
  return view();

  /** A period of the applicant or a consulted party ran out. */
  async function stepFellDue(): Promise<void> {
    if (v.state === 'correction') {
      // 条例 Art. 30: no correction in time = deemed withdrawn; table 三 （六）1.
      await close('otherNoCorrection', { detail: { correctionDue: v.correction?.dueDate } });
    } else if (v.state === 'fee') {
      // 国办函〔2020〕109号 Art. 7: unpaid in 20 working days = deemed withdrawn; table 三 （六）2.
      await close('otherUnpaidFee', { detail: { payBy: v.fee?.payByDate } });
    } else if (v.state === 'consultation' && v.consultation) {
      // Art. 32: a silent third party leaves the decision to the office; Art. 34: a silent agency agrees.
      closePause(v.consultation.dueDate);
      v.consultation = { ...v.consultation, answeredOn: v.consultation.dueDate, opinion: 'silent' };
      v.state = 'accepted';
      consultationDueAt = undefined;
      await recompute();
      await project();
      await audit('consultation-silent', { reason: CONSULTATION_SILENCE_MEANING[v.consultation.kind], detail: { dueDate: v.consultation.dueDate } });
    }
  }

  async function close(outcome: NonNullable<ApplicationView['outcome']>, fields: { actor?: ApplicationStepRequest['actor']; detail?: Record<string, unknown> } = {}): Promise<void> {
    const delivered = now();
    v.outcome = outcome;
    v.closedOn = today();
    v.late = v.dueAt !== undefined && Date.parse(delivered) > Date.parse(v.dueAt);
    v.state = 'closed';
    await project();
    await audit('closed', { actor: fields.actor, reason: describeOutcome(outcome).label, detail: { outcome, late: v.late, ...fields.detail } });
  }

  function validate(request: ApplicationStepRequest): void {
    if (!request || typeof request !== 'object' || !request.actor) throw failure(FailureType.InvalidInput, '请求格式有误', { fields: ['step'] });
    if (v.state === 'closed') throw failure(FailureType.Conflict, `申请 ${input.queryNumber} 已办结`);
    if (!mayTakeApplicationStep(request.actor, request.step, facts())) throw failure(FailureType.Forbidden, `无权执行该步骤（${request.step}）`);
    const inState = (...states: ApplicationState[]) => {
      if (!states.includes(v.state)) throw failure(FailureType.Conflict, `申请当前状态（${v.state}）不能执行该步骤（${request.step}）`);
    };
    const text = (field: string, value: unknown, label: string) => {
      if (typeof value !== 'string' || !value.trim()) throw failure(FailureType.InvalidInput, `请填写${label}`, { fields: [field] });
      if (value.length > MAX_TEXT) throw failure(FailureType.InvalidInput, `${label}过长`, { fields: [field] });
    };
    const decision = (r: { approve: boolean; comment?: string }) => {
      if (typeof r.approve !== 'boolean') throw failure(FailureType.InvalidInput, '请选择同意或退回', { fields: ['approve'] });
      if (!r.approve) text('comment', r.comment, '退回意见');
    };
    switch (request.step) {
      case 'sign': {
        inState('submitted');
        const receipt = receiptDateOf({ channel: input.channel, submittedOn: input.submittedOn, signedForOn: input.signedForOn ?? request.confirmedOn, confirmedOn: request.confirmedOn ?? today() });
        if (!receipt.ok) throw failure(FailureType.InvalidInput, receipt.problem, { fields: [receipt.field === 'submittedOn' ? 'confirmedOn' : 'confirmedOn'] });
        if (receipt.date > today()) throw failure(FailureType.InvalidInput, '收到申请日期不能晚于今天', { fields: ['confirmedOn'] });
        return;
      }
      case 'accept':
        inState('received');
        return text('departmentCode', request.departmentCode, '承办部门');
      case 'transfer':
        inState('accepted');
        text('departmentCode', request.departmentCode, '转办部门');
        if (request.departmentCode === v.handlingDepartmentCode) throw failure(FailureType.InvalidInput, '已由该部门承办', { fields: ['departmentCode'] });
        return text('reason', request.reason, '转办理由');
      case 'return':
        inState('accepted');
        return text('reason', request.reason, '退回理由');
      case 'request-correction':
        inState('received', 'accepted');
        if (v.correction) throw failure(FailureType.Conflict, '补正只能要求一次（条例第三十条）');
        if (correctionWindowDate && today() > correctionWindowDate) throw failure(FailureType.Conflict, `已超过补正告知期限：须在收到申请之日起7个工作日内（${correctionWindowDate}前）告知（条例第三十条）`);
        text('missing', request.missing, '需要补正的事项');
        if (!Number.isInteger(request.periodWorkingDays) || request.periodWorkingDays < 1 || request.periodWorkingDays > MAX_CORRECTION_PERIOD_WORKING_DAYS) {
          throw failure(FailureType.InvalidInput, `补正期限须为 1 至 ${MAX_CORRECTION_PERIOD_WORKING_DAYS} 个工作日`, { fields: ['periodWorkingDays'] });
        }
        return;
      case 'correction-received':
        return inState('correction');
      case 'request-extension':
        inState(...CLOCK_RUNNING, 'consultation', 'fee');
        if (v.extension && v.extension.decision !== 'rejected') throw failure(FailureType.Conflict, '答复期限只能延长一次（条例第三十三条）');
        if (v.dueAt && Date.parse(v.dueAt) < Date.now()) throw failure(FailureType.Conflict, '答复期限已过，不能再申请延期');
        text('reason', request.reason, '延期理由');
        if (!Number.isInteger(request.workingDays) || request.workingDays < 1 || request.workingDays > MAX_EXTENSION_WORKING_DAYS) {
          throw failure(FailureType.InvalidInput, `延长期限须为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（条例第三十三条）`, { fields: ['workingDays'] });
        }
        return;
      case 'decide-extension':
        if (!v.extension || v.extension.decision !== undefined) throw failure(FailureType.Conflict, '没有待审批的延期申请');
        if (v.extension.requestedBy === request.actor.username) throw failure(FailureType.Forbidden, '不能审批本人提出的延期申请');
        return decision(request);
      case 'start-consultation':
        inState('accepted');
        if (request.kind !== 'third-party' && request.kind !== 'agency') throw failure(FailureType.InvalidInput, '征求意见对象须为第三方或其他行政机关', { fields: ['kind'] });
        return text('party', request.party, '征求意见对象');
      case 'consultation-answered':
        inState('consultation');
        if (request.opinion !== 'agree' && request.opinion !== 'disagree') throw failure(FailureType.InvalidInput, '意见须为同意或不同意', { fields: ['opinion'] });
        return text('summary', request.summary, '意见摘要');
      case 'fee-notice': {
        inState('accepted');
        if (v.fee) throw failure(FailureType.Conflict, '本申请已发出收费通知');
        // 国办函〔2020〕109号 Art. 7: the notice goes out within the reply limit.
        if (v.dueAt && Date.parse(v.dueAt) < Date.now()) throw failure(FailureType.Conflict, '答复期限已过，不能再发出收费通知');
        const basis = request.basis;
        const ok = basis && ((basis.kind === 'per-item' && Number.isInteger(basis.items) && basis.items >= 1) || (basis.kind === 'per-page' && Number.isInteger(basis.pages) && basis.pages >= 1));
        if (!ok) throw failure(FailureType.InvalidInput, '收费方式须为按件（items ≥ 1）或按量（pages ≥ 1），二者择一', { fields: ['basis'] });
        return;
      }
      case 'fee-paid':
        return inState('fee');
      case 'draft-reply':
        inState('accepted');
        if (!isApplicationOutcome(request.outcome) || describeOutcome(request.outcome).deemedWithdrawn) {
          throw failure(FailureType.InvalidInput, '处理结果须为年度报告表三中的一项（逾期未补正、逾期未缴费由系统办结）', { fields: ['outcome'] });
        }
        if (request.letter !== undefined) text('letter', request.letter, '告知书');
        if (request.citedItemIds !== undefined && (!Array.isArray(request.citedItemIds) || request.citedItemIds.length > 20)) throw failure(FailureType.InvalidInput, '引用的已公开信息最多 20 条', { fields: ['citedItemIds'] });
        return;
      case 'review-reply':
        inState('reply-review');
        return decision(request);
      case 'sign-off-reply':
        inState('reply-sign-off');
        return decision(request);
      case 'deliver-reply':
        inState('reply-ready');
        return text('method', request.method, '送达方式');
      default:
        throw failure(FailureType.InvalidInput, '未知的办理步骤', { fields: ['step'] });
    }
  }

  async function apply(request: ApplicationStepRequest): Promise<void> {
    const actor = request.actor;
    switch (request.step) {
      case 'sign':
        return sign(request);
      case 'accept':
        v.handlingDepartmentCode = request.departmentCode;
        v.state = 'accepted';
        await project();
        return void (await audit('accepted', { actor, detail: { departmentCode: request.departmentCode } }));
      case 'transfer':
        await audit('transferred', { actor, reason: request.reason, detail: { from: v.handlingDepartmentCode, to: request.departmentCode } });
        v.handlingDepartmentCode = request.departmentCode;
        return project();
      case 'return':
        await audit('returned', { actor, reason: request.reason, detail: { from: v.handlingDepartmentCode } });
        v.handlingDepartmentCode = undefined;
        v.state = 'received';
        return project();
      case 'request-correction': {
        const due = await activities.computeApplicationStepDue({ kind: 'correction', requestDate: today(), periodWorkingDays: request.periodWorkingDays });
        v.correction = { missing: request.missing.trim(), requestedOn: today(), dueDate: due.dueDate };
        correctionDueAt = due.dueAt;
        stateBeforeCorrection = v.state;
        v.state = 'correction';
        v.dueAt = undefined;
        v.dueDate = undefined;
        v.clockStopped = true;
        v.dueExplanation = `已要求补正（条例第三十条），答复期限自收到补正后的申请之日起重新计算；${due.explanation}`;
        await project();
        await audit('correction-requested', { actor, reason: request.missing.trim(), detail: { dueDate: due.dueDate, applicantNotice: `请于${due.dueDate}前补正：${request.missing.trim()}` } });
        return notifyApplicant('correction', `请于${due.dueDate}前补正：${request.missing.trim()}。逾期无正当理由未补正的，视为放弃申请（条例第三十条）。`);
      }
      case 'correction-received':
        // 条例 Art. 30: the reply limit counts again from the day the corrected application is received.
        v.correction = { ...v.correction!, receivedOn: today() };
        correctionDueAt = undefined;
        clock = { startDate: today(), start: 'correction', pauses: [], extensionWorkingDays: 0 };
        v.state = stateBeforeCorrection;
        await recompute();
        replyDue.restart();
        armedFor = undefined;
        await project();
        return void (await audit('correction-received', { actor, detail: { clockStartOn: today(), dueDate: v.dueDate } }));
      case 'request-extension':
        v.extension = { requestedBy: actor.username, reason: request.reason.trim(), workingDays: request.workingDays };
        await project();
        await audit('extension-requested', { actor, reason: request.reason.trim(), detail: { workingDays: request.workingDays } });
        return void (await activities.notify({
          key: `${workflowId}:extension-requested:${auditSeq}`,
          to: { role: 'supervisor', departmentCode: input.officeDepartmentCode },
          kind: 'application-extension-approval',
          title: `延期审批：${input.queryNumber}`,
          body: `申请延长答复期限${request.workingDays}个工作日。理由：${request.reason.trim()}`,
        }));
      case 'decide-extension':
        v.extension = { ...v.extension!, decision: request.approve ? 'approved' : 'rejected', decidedBy: actor.username };
        if (request.approve && clock) {
          clock = { ...clock, extensionWorkingDays: v.extension.workingDays };
          await recompute();
        }
        await project();
        await audit(request.approve ? 'extension-approved' : 'extension-rejected', {
          actor,
          reason: request.comment,
          detail: request.approve ? { workingDays: v.extension.workingDays, dueDate: v.dueDate, applicantNotice: `经政府信息公开工作机构负责人同意，答复期限延长${v.extension.workingDays}个工作日（条例第三十三条）` } : {},
        });
        if (!request.approve) return;
        return notifyApplicant('extension', `经政府信息公开工作机构负责人同意，答复期限延长${v.extension.workingDays}个工作日${v.dueDate ? `，至${v.dueDate}` : ''}（条例第三十三条）。`);
      case 'start-consultation': {
        const due = await activities.computeApplicationStepDue({ kind: 'consultation', party: request.kind, sentOn: today() });
        v.consultation = { kind: request.kind, party: request.party.trim(), sentOn: today(), dueDate: due.dueDate };
        consultationDueAt = due.dueAt;
        clock = { ...clock!, pauses: [...clock!.pauses, { kind: request.kind === 'third-party' ? 'third-party-consultation' : 'agency-consultation', from: today() }] };
        v.state = 'consultation';
        await recompute();
        await project();
        return void (await audit('consultation-started', { actor, detail: { kind: request.kind, dueDate: due.dueDate } }));
      }
      case 'consultation-answered':
        closePause(today());
        v.consultation = { ...v.consultation!, answeredOn: today(), opinion: request.opinion };
        consultationDueAt = undefined;
        v.state = 'accepted';
        await recompute();
        await project();
        return void (await audit('consultation-answered', { actor, reason: request.summary.trim(), detail: { opinion: request.opinion, dueDate: v.dueDate } }));
      case 'fee-notice': {
        const basis = request.basis.kind === 'per-item'
          ? { kind: 'per-item' as const, items: request.basis.items, priorItemsThisMonth: await activities.countApplicantItemsThisMonth({ applicationId: input.applicationId, month: today().slice(0, 7) }) }
          : { kind: 'per-page' as const, pages: request.basis.pages };
        const fee = computeInformationFee(basis);
        if (fee.amountYuan === 0) throw failure(FailureType.Conflict, `未达到收费标准，不收取信息处理费：${fee.explanation}`);
        const due = await activities.computeApplicationStepDue({ kind: 'fee-payment', noticeReceivedOn: today() });
        v.fee = { amountYuan: fee.amountYuan, explanation: fee.explanation, noticeOn: today(), payByDate: due.dueDate };
        feeDueAt = due.dueAt;
        clock = { ...clock!, pauses: [...clock!.pauses, { kind: 'fee', from: today() }] };
        v.state = 'fee';
        await recompute();
        await project();
        await audit('fee-notice', { actor, reason: fee.explanation, detail: { amountYuan: fee.amountYuan, payBy: due.dueDate, applicantNotice: `请于${due.dueDate}前缴纳信息处理费${fee.amountYuan}元，逾期未缴纳视为放弃申请` } });
        return notifyApplicant('fee', `请于${due.dueDate}前缴纳信息处理费${fee.amountYuan}元（${fee.explanation}），逾期未缴纳视为放弃申请。`);
      }
      case 'fee-paid':
        closePause(today());
        v.fee = { ...v.fee!, paidOn: today() };
        feeDueAt = undefined;
        v.state = 'accepted';
        await recompute();
        await project();
        return void (await audit('fee-paid', { actor, detail: { dueDate: v.dueDate } }));
      case 'draft-reply': {
        const citedItemIds = [...(request.citedItemIds ?? [])];
        const letter = request.letter?.trim() ?? (await activities.renderReplyLetter({ applicationId: input.applicationId, outcome: request.outcome, receiptDate: v.receivedOn!, citedItemIds }));
        v.reply = { outcome: request.outcome, letter, citedItemIds };
        // 保密审查 applies to what is released (条例 Art. 17); a reply releasing nothing goes to 签发.
        v.state = describeOutcome(request.outcome).releasesInformation ? 'reply-review' : 'reply-sign-off';
        await project();
        return void (await audit('reply-drafted', { actor, detail: { outcome: request.outcome } }));
      }
      case 'review-reply':
      case 'sign-off-reply':
        v.state = request.approve ? (request.step === 'review-reply' ? 'reply-sign-off' : 'reply-ready') : 'accepted';
        await project();
        return void (await audit(`${request.step === 'review-reply' ? 'reply-reviewed' : 'reply-signed-off'}${request.approve ? '' : '-returned'}`, { actor, reason: request.comment }));
      case 'deliver-reply':
        await close(v.reply!.outcome, { actor, detail: { method: request.method.trim() } });
        return notifyApplicant('reply', `已作出答复（${describeOutcome(v.reply!.outcome).label}），送达方式：${request.method.trim()}。可凭查询号和验证码在门户网站查看。`);
    }
  }

  async function sign(request: Step<'sign'>): Promise<void> {
    const receipt = receiptDateOf({ channel: input.channel, submittedOn: input.submittedOn, signedForOn: input.signedForOn ?? request.confirmedOn, confirmedOn: request.confirmedOn ?? today() });
    if (!receipt.ok) throw failure(FailureType.InvalidInput, receipt.problem, { fields: ['confirmedOn'] });
    correctionWindowDate = (await activities.computeApplicationStepDue({ kind: 'correction-window', receiptDate: receipt.date })).dueDate;
    v.receivedOn = receipt.date;
    clock = { startDate: receipt.date, start: 'receipt', pauses: [], extensionWorkingDays: 0 };
    v.state = 'received';
    await recompute();
    await project();
    await audit('signed', { actor: request.actor, reason: receipt.explanation, detail: { receivedOn: receipt.date, dueDate: v.dueDate, applicantNotice: `已收到您的申请（${receipt.date}），答复期限${v.dueDate}` } });
    await notifyApplicant('receipt', `已于${receipt.date}收到，答复期限${v.dueDate}（条例第三十一条、第三十三条）。`);
  }
}
