import { FailureType, type ActorRef, type DisclosureItemInput, type OpenTaskView } from '@zwgk/contracts';
import { DISCLOSURE_STATE_LABELS, type Deadline, type ReviewStage } from '@zwgk/domain/workflow';
import {
  claimTaskRefusal,
  completeTaskRefusal,
  concernRefusal,
  delegateTaskRefusal,
  extensionRefusal,
  mayRecalculate,
  newEditionRefusal,
  recalculationRefusal,
  reviseRefusal,
  submitRefusal,
  unclaimTaskRefusal,
  withdrawalRefusal,
  type Refusal,
} from './guards';
import { initialItemState, type ItemState } from './state';

const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
const head: ActorRef = { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] };
const otherHead: ActorRef = { username: 'edu.reviewer2', displayName: '周初审', departmentCode: 'edu', roles: ['reviewer'] };
const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
const secrecy2: ActorRef = { username: 'edu.secrecy2', displayName: '钱保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
const leader: ActorRef = { username: 'edu.leader', displayName: '孙局长', departmentCode: 'edu', roles: ['leader'] };
const healthLeader: ActorRef = { username: 'health.leader', displayName: '吴局长', departmentCode: 'health', roles: ['leader'] };
const office: ActorRef = { username: 'office.publisher', displayName: '冯公开', departmentCode: 'office', roles: ['disclosure-office'] };
const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };
/** Holds every review role in the department: only separation of duties can stop them. */
const everyRole: ActorRef = { username: 'edu.all', displayName: '全角色', departmentCode: 'edu', roles: ['reviewer', 'secrecy-reviewer', 'legal-reviewer', 'leader'] };

const deadline: Deadline = { dueAt: '2096-03-19T15:59:59.999Z', dueDate: '2096-03-19', provisional: false, explanation: '信息形成之日起20个工作日内', calendarVersion: 'test' };

function itemInput(overrides: Partial<DisclosureItemInput> = {}): DisclosureItemInput {
  return {
    itemId: 'item-1',
    drafter,
    catalogVersionId: 'catalog-1',
    catalogItem: {
      code: 'EDU-001',
      area: '义务教育',
      level1: '招生管理',
      level2: '招生政策',
      content: '●随迁子女入学办法',
      basis: '《中华人民共和国政府信息公开条例》',
      subject: '县教育局',
      channels: ['政府网站'],
      mode: 'proactive',
      timeLimit: { text: '信息形成之日起20个工作日内', rule: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' } },
    },
    title: '招生办法',
    body: '正文',
    formedAt: '2096-02-20',
    channels: ['政府网站'],
    ...overrides,
  };
}

const input = itemInput();

/** A recorded draft (its deadline known), changed as the test needs. */
function recorded(changes: Partial<ItemState> = {}, from = input): ItemState {
  return Object.assign(initialItemState(from), { releaseDeadline: deadline }, changes);
}

function task(stage: ReviewStage, changes: Partial<OpenTaskView> = {}): OpenTaskView {
  const role = ({ 'preliminary-review': 'reviewer', 'confidentiality-review': 'secrecy-reviewer', 'legality-review': 'legal-reviewer', 'sign-off': 'leader' } as const)[stage];
  return { taskId: `task-${stage}`, stage, role, departmentCode: 'edu', dueAt: '2096-03-08T15:59:59.999Z', revision: 1, ...changes };
}

/** An item in review with this task open; `deciders` have approved the earlier stages of this revision. */
function inReview(open: OpenTaskView, deciders: [string, ReviewStage][] = [], changes: Partial<ItemState> = {}): ItemState {
  const s = recorded({ state: 'IN_REVIEW', openTask: open, ...changes });
  for (const [username, stage] of deciders) s.stageDeciders.set(username, stage);
  return s;
}

const released = (changes: Partial<ItemState> = {}) => recorded({ state: 'RELEASED', releasedAt: '2096-03-06T01:00:00.000Z', edition: 1, ...changes });

const refusedAs = (refusal: Refusal | undefined) => (refusal ? { type: refusal.type, fields: refusal.details?.fields } : undefined);

describe('the item workflow guards (Update validators as pure functions)', () => {
  describe('submit', () => {
    it('lets the drafter submit a recorded draft or a returned item', () => {
      expect(submitRefusal(recorded(), { actor: drafter }, input)).toBeUndefined();
      expect(submitRefusal(recorded({ state: 'RETURNED' }), { actor: drafter }, input)).toBeUndefined();
    });

    it('refuses anyone but the drafter', () => {
      expect(refusedAs(submitRefusal(recorded(), { actor: head }, input))).toEqual({ type: FailureType.Forbidden, fields: undefined });
    });

    it.each(['IN_REVIEW', 'APPROVED', 'RELEASED', 'REJECTED', 'WITHDRAWN'] as const)('refuses an item that is %s', (state) => {
      const refusal = submitRefusal(recorded({ state }), { actor: drafter }, input);
      expect(refusal).toMatchObject({ type: FailureType.Conflict, message: `事项当前为「${DISCLOSURE_STATE_LABELS[state]}」，只有草稿或退回修改的事项才能提交` });
    });

    it('answers a repeated submission, and one before the draft is recorded, as a conflict', () => {
      expect(submitRefusal(recorded({ pendingSubmit: { actor: drafter } }), { actor: drafter }, input)).toMatchObject({ type: FailureType.Conflict, message: '事项正在提交中，请勿重复提交' });
      expect(submitRefusal(initialItemState(input), { actor: drafter }, input)).toMatchObject({ type: FailureType.Conflict, message: '草稿尚未登记完成，请稍后再提交' });
    });

    it('refuses a policy document without its interpretation plan, naming the field', () => {
      const policy = itemInput({ catalogItem: { ...input.catalogItem, needsInterpretation: true } });
      const refusal = submitRefusal(recorded({}, policy), { actor: drafter }, policy);
      expect(refusal).toEqual({ type: FailureType.InvalidInput, message: '该目录事项为政策文件：请先填写政策解读（解读）再提交', details: { fields: ['interpretation'] } });
      // A blank interpretation is none.
      expect(submitRefusal(recorded({ content: { title: 't', body: 'b', interpretation: '  ' } }, policy), { actor: drafter }, policy)).toMatchObject({ type: FailureType.InvalidInput });
    });

    it('says so for a normative document', () => {
      const normative = itemInput({ normativeDocument: true });
      expect(submitRefusal(recorded({}, normative), { actor: drafter }, normative)?.message).toBe('规范性文件须与其政策解读同步报审：请先填写解读再提交');
    });

    it('lets a policy document go with its interpretation, or without it where the lag policy allows one to follow', () => {
      const policy = itemInput({ catalogItem: { ...input.catalogItem, needsInterpretation: true }, interpretation: '解读' });
      expect(submitRefusal(recorded({}, policy), { actor: drafter }, policy)).toBeUndefined();
      const lagging = itemInput({ catalogItem: { ...input.catalogItem, needsInterpretation: true }, interpretationLagWorkingDays: 3 });
      expect(submitRefusal(recorded({}, lagging), { actor: drafter }, lagging)).toBeUndefined();
    });
  });

  describe('revise', () => {
    it('lets the drafter revise a draft, a returned item, and a signed item before release', () => {
      for (const state of ['DRAFT', 'RETURNED', 'APPROVED'] as const) expect(reviseRefusal(recorded({ state }), { actor: drafter, body: '新正文' }, input)).toBeUndefined();
    });

    it('refuses anyone but the drafter', () => {
      expect(reviseRefusal(recorded(), { actor: head, body: 'x' }, input)?.type).toBe(FailureType.Forbidden);
    });

    it('refuses an item in review, released, or whose sign-off an earlier edit already voided', () => {
      expect(reviseRefusal(recorded({ state: 'IN_REVIEW' }), { actor: drafter, body: 'x' }, input)?.type).toBe(FailureType.Conflict);
      expect(reviseRefusal(released(), { actor: drafter, body: 'x' }, input)?.type).toBe(FailureType.Conflict);
      expect(reviseRefusal(recorded({ state: 'APPROVED', signOffVoided: true }), { actor: drafter, body: 'x' }, input)?.type).toBe(FailureType.Conflict);
    });

    it('names the fields: none given, or given empty', () => {
      expect(refusedAs(reviseRefusal(recorded(), { actor: drafter }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['title', 'body', 'interpretation'] });
      expect(reviseRefusal(recorded(), { actor: drafter, title: '新标题', body: '  ' }, input)).toEqual({ type: FailureType.InvalidInput, message: '正文（body）不能为空', details: { fields: ['body'] } });
    });
  });

  describe('complete a task', () => {
    const preliminary = task('preliminary-review');
    const approve = (actor: ActorRef, taskId = preliminary.taskId) => ({ taskId, actor, decision: 'approve' as const });

    it('lets the holder of the stage role decide', () => {
      expect(completeTaskRefusal(inReview(preliminary), approve(head), input)).toBeUndefined();
    });

    it('answers an unknown task as not found, and a task decided before (a repeat) as a conflict', () => {
      expect(completeTaskRefusal(inReview(preliminary), approve(head, 'nope'), input)).toMatchObject({ type: FailureType.NotFound });
      const s = inReview(task('confidentiality-review'), [[head.username, 'preliminary-review']]);
      s.decidedTaskIds.add(preliminary.taskId);
      expect(completeTaskRefusal(s, approve(head), input)).toEqual({ type: FailureType.Conflict, message: `任务 ${preliminary.taskId} 已经办理完毕` });
    });

    it('refuses a second decision while one is being applied', () => {
      const s = inReview(preliminary, [], { pendingDecision: approve(otherHead) });
      expect(completeTaskRefusal(s, approve(head), input)).toMatchObject({ type: FailureType.Conflict, message: `任务 ${preliminary.taskId} 正在办理中，请勿重复提交` });
    });

    it('refuses the wrong actor: another role, another department', () => {
      expect(completeTaskRefusal(inReview(preliminary), approve(secrecy), input)).toMatchObject({ type: FailureType.Forbidden, message: '该初审任务应由部门 edu 的初审人（reviewer）办理' });
      expect(completeTaskRefusal(inReview(task('sign-off')), approve(healthLeader, 'task-sign-off'), input)?.type).toBe(FailureType.Forbidden);
    });

    it('refuses the drafter any stage, whatever roles they hold (separation of duties)', () => {
      const drafterWithRoles = itemInput({ drafter: everyRole });
      expect(completeTaskRefusal(inReview(preliminary, [], {}), approve(everyRole), drafterWithRoles)).toMatchObject({ type: FailureType.Forbidden, message: '起草人不能审核本人起草的事项的任何环节' });
    });

    it('refuses a second stage of the same revision to the same person (四眼原则)', () => {
      const confidentiality = task('confidentiality-review');
      const s = inReview(confidentiality, [[everyRole.username, 'preliminary-review']]);
      expect(completeTaskRefusal(s, approve(everyRole, confidentiality.taskId), input)).toEqual({
        type: FailureType.Forbidden,
        message: '四眼原则：您已办理本次修订的初审，同一修订的其他审核环节须由他人办理',
      });
      expect(completeTaskRefusal(s, approve(secrecy, confidentiality.taskId), input)).toBeUndefined();
    });

    it('lets the department head act on an overdue (escalated) task, and nobody on a colleague’s claim', () => {
      const overdue = task('confidentiality-review', { overdue: true });
      expect(completeTaskRefusal(inReview(overdue), approve(head, overdue.taskId), input)).toBeUndefined();
      expect(completeTaskRefusal(inReview(task('confidentiality-review')), approve(head, overdue.taskId), input)?.type).toBe(FailureType.Forbidden);
      const claimed = task('confidentiality-review', { claimedBy: secrecy2.username });
      expect(completeTaskRefusal(inReview(claimed), approve(secrecy, claimed.taskId), input)).toMatchObject({ type: FailureType.Conflict, message: `任务 ${claimed.taskId} 已由 ${secrecy2.username} 认领` });
    });

    it('names the field of a bad decision, a missing comment, a misplaced or malformed releaseAt', () => {
      const s = inReview(preliminary);
      expect(refusedAs(completeTaskRefusal(s, { ...approve(head), decision: 'maybe' as never }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['decision'] });
      expect(refusedAs(completeTaskRefusal(s, { ...approve(head), decision: 'return', comment: ' ' }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['comment'] });
      expect(completeTaskRefusal(s, { ...approve(head), decision: 'reject', comment: '不予公开' }, input)).toBeUndefined();
      expect(refusedAs(completeTaskRefusal(s, { ...approve(head), releaseAt: '2096-04-01T00:00:00Z' }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['releaseAt'] });
      const signOff = inReview(task('sign-off'));
      expect(refusedAs(completeTaskRefusal(signOff, { ...approve(leader, 'task-sign-off'), releaseAt: 'tomorrow' }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['releaseAt'] });
      expect(completeTaskRefusal(signOff, { ...approve(leader, 'task-sign-off'), releaseAt: '2096-04-01T00:00:00Z' }, input)).toBeUndefined();
    });
  });

  describe('claim, release and delegate a task', () => {
    const confidentiality = task('confidentiality-review');
    const request = (actor: ActorRef) => ({ taskId: confidentiality.taskId, actor });

    it('lets a holder claim, and claim again what they hold (a repeat changes nothing)', () => {
      expect(claimTaskRefusal(inReview(confidentiality), request(secrecy), input)).toBeUndefined();
      expect(claimTaskRefusal(inReview({ ...confidentiality, claimedBy: secrecy.username }), request(secrecy), input)).toBeUndefined();
    });

    it('refuses a claim on a colleague’s claim, by the wrong role, or on a task not open', () => {
      expect(claimTaskRefusal(inReview({ ...confidentiality, claimedBy: secrecy2.username }), request(secrecy), input)?.type).toBe(FailureType.Conflict);
      expect(claimTaskRefusal(inReview(confidentiality), request(leader), input)?.type).toBe(FailureType.Forbidden);
      expect(claimTaskRefusal(recorded(), request(secrecy), input)?.type).toBe(FailureType.NotFound);
    });

    it('lets a holder release a task, even one nobody claimed; a colleague’s claim is theirs to release', () => {
      expect(unclaimTaskRefusal(inReview({ ...confidentiality, claimedBy: secrecy.username }), request(secrecy), input)).toBeUndefined();
      expect(unclaimTaskRefusal(inReview(confidentiality), request(secrecy), input)).toBeUndefined();
      expect(unclaimTaskRefusal(inReview({ ...confidentiality, claimedBy: secrecy2.username }), request(secrecy), input)?.type).toBe(FailureType.Forbidden);
      expect(unclaimTaskRefusal(inReview(confidentiality), request(leader), input)?.type).toBe(FailureType.Forbidden);
    });

    it('delegates to a colleague holding the stage role', () => {
      expect(delegateTaskRefusal(inReview(confidentiality), { ...request(secrecy), delegate: secrecy2 }, input)).toBeUndefined();
    });

    it('refuses to delegate to the drafter or to someone who decided another stage of this revision', () => {
      const toDrafter = delegateTaskRefusal(inReview(confidentiality), { ...request(secrecy), delegate: itemInput().drafter }, input);
      expect(toDrafter).toEqual({ type: FailureType.Forbidden, message: '不能转交给王起草：起草人不能审核本人起草的事项的任何环节', details: { fields: ['delegateTo'] } });
      const s = inReview(confidentiality, [[everyRole.username, 'preliminary-review']]);
      expect(refusedAs(delegateTaskRefusal(s, { ...request(secrecy), delegate: everyRole }, input))).toEqual({ type: FailureType.Forbidden, fields: ['delegateTo'] });
    });

    it('refuses a delegate without the role, and delegating to oneself', () => {
      expect(refusedAs(delegateTaskRefusal(inReview(confidentiality), { ...request(secrecy), delegate: leader }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['delegateTo'] });
      expect(delegateTaskRefusal(inReview(confidentiality), { ...request(secrecy), delegate: secrecy }, input)).toMatchObject({ message: '不能转交给自己，请选择其他人员（delegateTo）' });
    });

    it('refuses a delegation by someone who may not act on the task', () => {
      expect(delegateTaskRefusal(inReview(confidentiality), { ...request(leader), delegate: secrecy2 }, input)?.type).toBe(FailureType.Forbidden);
    });
  });

  describe('extend a deadline', () => {
    const extension = (changes: object = {}) => ({ actor: supervisor, target: 'release', workingDays: 5, reason: '材料补充', ...changes });

    it('lets a supervisor extend the release deadline of an unreleased item, and an open task', () => {
      expect(extensionRefusal(inReview(task('sign-off')), extension())).toBeUndefined();
      expect(extensionRefusal(inReview(task('sign-off')), extension({ target: 'task-sign-off' }))).toBeUndefined();
    });

    it('refuses anyone but a supervisor', () => {
      expect(extensionRefusal(recorded(), extension({ actor: leader }))?.type).toBe(FailureType.Forbidden);
    });

    it.each([0, 61, 1.5, Number.NaN])('refuses %s working days, naming the field', (workingDays) => {
      expect(refusedAs(extensionRefusal(recorded(), extension({ workingDays })))).toEqual({ type: FailureType.InvalidInput, fields: ['workingDays'] });
    });

    it('requires a reason', () => {
      expect(refusedAs(extensionRefusal(recorded(), extension({ reason: ' ' })))).toEqual({ type: FailureType.InvalidInput, fields: ['reason'] });
    });

    it('refuses the release deadline of a released, rejected, withdrawn or unrecorded item, and a task not open', () => {
      expect(extensionRefusal(released(), extension())?.type).toBe(FailureType.Conflict);
      expect(extensionRefusal(recorded({ state: 'REJECTED' }), extension())?.type).toBe(FailureType.Conflict);
      expect(extensionRefusal(recorded({ state: 'WITHDRAWN' }), extension())?.type).toBe(FailureType.Conflict);
      expect(extensionRefusal(initialItemState(input), extension())?.type).toBe(FailureType.Conflict);
      expect(extensionRefusal(recorded(), extension({ target: 'task-x' }))?.type).toBe(FailureType.NotFound);
    });
  });

  describe('a new edition, a concern, a withdrawal, a recalculation', () => {
    it('lets the drafter change a released item with a reason', () => {
      expect(newEditionRefusal(released(), { actor: drafter, reason: '政策调整', body: '新正文' }, input)).toBeUndefined();
      expect(newEditionRefusal(released(), { actor: head, reason: '政策调整', body: '新正文' }, input)?.type).toBe(FailureType.Forbidden);
      expect(newEditionRefusal(recorded(), { actor: drafter, reason: '政策调整', body: '新正文' }, input)?.type).toBe(FailureType.Conflict);
      expect(refusedAs(newEditionRefusal(released(), { actor: drafter, reason: '', body: '新正文' }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['reason'] });
      expect(refusedAs(newEditionRefusal(released(), { actor: drafter, reason: '政策调整' }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['title', 'body', 'interpretation'] });
    });

    it('refuses a change while another change or a withdrawal is under way (a repeat)', () => {
      const change = { actor: drafter, reason: '政策调整', body: '新正文' };
      expect(newEditionRefusal(released({ pendingEdition: change }), change, input)).toMatchObject({ type: FailureType.Conflict, message: '事项正在变更中，请勿重复提交' });
      expect(newEditionRefusal(released({ pendingWithdrawal: { actor: drafter, reason: '撤回' } }), change, input)?.type).toBe(FailureType.Conflict);
    });

    it('takes concerns on the released item only', () => {
      const concern = { concernId: 'c1', itemId: input.itemId } as Parameters<typeof concernRefusal>[1];
      expect(concernRefusal(released(), concern, input)).toBeUndefined();
      expect(refusedAs(concernRefusal(released(), { ...concern, itemId: 'other' }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['itemId'] });
      expect(concernRefusal(recorded(), concern, input)?.type).toBe(FailureType.Conflict);
    });

    it('lets the drafter, the leader of the drafter’s department or the disclosure office withdraw, with a public reason', () => {
      for (const actor of [drafter, leader, office]) expect(withdrawalRefusal(released(), { actor, reason: '已失效' }, input)).toBeUndefined();
      expect(withdrawalRefusal(released(), { actor: healthLeader, reason: '已失效' }, input)?.type).toBe(FailureType.Forbidden);
      expect(withdrawalRefusal(released(), { actor: head, reason: '已失效' }, input)?.type).toBe(FailureType.Forbidden);
      expect(refusedAs(withdrawalRefusal(released(), { actor: drafter, reason: ' ' }, input))).toEqual({ type: FailureType.InvalidInput, fields: ['reason'] });
    });

    it('refuses to withdraw an unreleased item, or twice at once', () => {
      expect(withdrawalRefusal(recorded({ state: 'APPROVED' }), { actor: drafter, reason: '已失效' }, input)?.type).toBe(FailureType.Conflict);
      expect(withdrawalRefusal(released({ pendingWithdrawal: { actor: office, reason: '已失效' } }), { actor: drafter, reason: '已失效' }, input)).toMatchObject({
        type: FailureType.Conflict,
        message: '事项正在撤回中，请勿重复提交',
      });
    });

    it('recalculates the deadlines of an open item with a reason; the batch signal skips closed and unrecorded items', () => {
      const admin: ActorRef = { username: 'admin', displayName: '管理员', departmentCode: 'office', roles: ['admin'] };
      expect(recalculationRefusal(recorded(), { actor: admin, reason: '2097年节假日安排已公布' })).toBeUndefined();
      expect(refusedAs(recalculationRefusal(recorded(), { actor: admin, reason: '' }))).toEqual({ type: FailureType.InvalidInput, fields: ['reason'] });
      expect(recalculationRefusal(initialItemState(input), { actor: admin, reason: 'x' })).toMatchObject({ type: FailureType.Conflict, message: '草稿尚未登记完成，请稍后再试' });
      expect(recalculationRefusal(recorded({ state: 'WITHDRAWN' }), { actor: admin, reason: 'x' })?.type).toBe(FailureType.Conflict);
      expect([mayRecalculate(recorded()), mayRecalculate(released()), mayRecalculate(recorded({ state: 'REJECTED' })), mayRecalculate(initialItemState(input))]).toEqual([true, true, false, false]);
    });
  });
});

// The release ledger's follow-ups: retrying a failed channel, confirming a manual one.
import { confirmManualChannelRefusal, retryChannelRefusal } from './guards';

describe('the release ledger guards', () => {
  const channels = ['政府网站', '两微一端', '社区/企事业单位/村公示栏（电子屏）', '办事大厅'];
  const ledgerInput = itemInput({ channels });
  const edition = { edition: 1, revision: 1, content: { title: '招生办法', body: '正文' }, contentHash: 'h', releasedAt: '2096-03-06T01:00:00.000Z' };
  const onSale = () => released({ lastRelease: edition });
  const failedEntry = { revision: 1, action: 'publish', status: 'failed', channelKind: 'new-media' } as const;
  const retry = (changes: Partial<Parameters<typeof retryChannelRefusal>[1]> = {}) => ({ actor: drafter, channel: '两微一端', lastEntry: failedEntry, attempt: 2, ...changes });
  const manualEntry = { revision: 1, action: 'publish', status: 'manual-required', channelKind: 'manual' } as const;
  const confirm = (changes: Partial<Parameters<typeof confirmManualChannelRefusal>[1]> = {}) =>
    ({ actor: head, channel: '办事大厅', action: 'posted', note: '已在一楼大厅张贴', entry: manualEntry, ...changes }) as Parameters<typeof confirmManualChannelRefusal>[1];

  describe('retry', () => {
    it('lets the department drafter or reviewer, or the disclosure office, retry a channel whose last entry failed', () => {
      for (const actor of [drafter, head, office]) expect(retryChannelRefusal(onSale(), retry({ actor }), ledgerInput)).toBeUndefined();
    });

    it('refuses anyone else, even a leader of the department or a supervisor', () => {
      for (const actor of [leader, healthLeader, supervisor, { ...head, departmentCode: 'health' }]) {
        expect(retryChannelRefusal(onSale(), retry({ actor }), ledgerInput)?.type).toBe(FailureType.Forbidden);
      }
    });

    it('refuses a channel the item does not release on', () => {
      expect(refusedAs(retryChannelRefusal(onSale(), retry({ channel: '广播电视' }), ledgerInput))).toEqual({ type: FailureType.NotFound, fields: ['channel'] });
    });

    it('retries only a failed entry of the released edition, one retry at a time', () => {
      expect(retryChannelRefusal(onSale(), retry({ lastEntry: { ...failedEntry, status: 'published' } }), ledgerInput)?.type).toBe(FailureType.Conflict);
      expect(retryChannelRefusal(onSale(), retry({ lastEntry: { ...failedEntry, revision: 2 } }), ledgerInput)?.type).toBe(FailureType.Conflict);
      expect(retryChannelRefusal(onSale(), retry({ lastEntry: { ...failedEntry, action: 'withdraw' } }), ledgerInput)?.type).toBe(FailureType.Conflict);
      expect(retryChannelRefusal(recorded({ state: 'WITHDRAWN', lastRelease: edition }), retry(), ledgerInput)?.type).toBe(FailureType.Conflict);
      const busy = onSale();
      busy.channelRetriesUnderWay.add('两微一端');
      expect(retryChannelRefusal(busy, retry(), ledgerInput)).toMatchObject({ type: FailureType.Conflict, message: '该渠道正在重新发布' });
    });

    it('needs an attempt number from 2', () => {
      expect(refusedAs(retryChannelRefusal(onSale(), retry({ attempt: 1 }), ledgerInput))).toEqual({ type: FailureType.InvalidInput, fields: ['attempt'] });
      expect(refusedAs(retryChannelRefusal(onSale(), retry({ attempt: 2.5 }), ledgerInput))).toEqual({ type: FailureType.InvalidInput, fields: ['attempt'] });
    });
  });

  describe('manual channel confirmation', () => {
    it('lets the department or the office confirm a manual channel posted, with a note', () => {
      for (const actor of [drafter, head, office]) expect(confirmManualChannelRefusal(onSale(), confirm({ actor }), ledgerInput)).toBeUndefined();
      // 公示栏: the engine writes the printable notice (published), a person posts it.
      const noticeBoard = { revision: 1, action: 'publish', status: 'published', channelKind: 'notice-board' } as const;
      expect(confirmManualChannelRefusal(onSale(), confirm({ channel: '社区/企事业单位/村公示栏（电子屏）', entry: noticeBoard }), ledgerInput)).toBeUndefined();
    });

    it('refuses another department, a missing note, an unknown action', () => {
      expect(confirmManualChannelRefusal(onSale(), confirm({ actor: healthLeader }), ledgerInput)?.type).toBe(FailureType.Forbidden);
      expect(refusedAs(confirmManualChannelRefusal(onSale(), confirm({ note: '  ' }), ledgerInput))).toEqual({ type: FailureType.InvalidInput, fields: ['note'] });
      expect(refusedAs(confirmManualChannelRefusal(onSale(), confirm({ action: 'burnt' as never }), ledgerInput))).toEqual({ type: FailureType.InvalidInput, fields: ['action'] });
    });

    it('refuses a channel the engine releases by itself, a failed one, and one already confirmed', () => {
      const website = { revision: 1, action: 'publish', status: 'published', channelKind: 'website' } as const;
      expect(confirmManualChannelRefusal(onSale(), confirm({ channel: '政府网站', entry: website }), ledgerInput)?.type).toBe(FailureType.Conflict);
      expect(confirmManualChannelRefusal(onSale(), confirm({ channel: '两微一端', entry: failedEntry }), ledgerInput)?.type).toBe(FailureType.Conflict);
      expect(confirmManualChannelRefusal(onSale(), confirm({ entry: { ...manualEntry, confirmed: true } }), ledgerInput)).toMatchObject({ type: FailureType.Conflict, message: '该渠道已确认过' });
      const confirmedHere = onSale();
      confirmedHere.confirmedChannels.add('publish:1:办事大厅');
      expect(confirmManualChannelRefusal(confirmedHere, confirm(), ledgerInput)?.type).toBe(FailureType.Conflict);
    });

    it('confirms taking down only against the withdrawal row', () => {
      expect(confirmManualChannelRefusal(onSale(), confirm({ action: 'taken-down' }), ledgerInput)?.type).toBe(FailureType.Conflict);
      const withdrawal = { revision: 1, action: 'withdraw', status: 'manual-required', channelKind: 'manual' } as const;
      expect(confirmManualChannelRefusal(recorded({ state: 'WITHDRAWN', lastRelease: edition }), confirm({ action: 'taken-down', entry: withdrawal }), ledgerInput)).toBeUndefined();
    });
  });
});
