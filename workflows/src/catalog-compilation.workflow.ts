import { allHandlersFinished, condition, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  activateRoundUpdate,
  catalogCompilationViewQuery,
  COMPILATION_LEADER_ROLE,
  COMPILATION_LEGAL_ROLE,
  COMPILATION_OFFICE_ROLE,
  compilationRoundOpenedUpdate,
  decideRoundUpdate,
  FailureType,
  reviewProposalUpdate,
  submitProposalUpdate,
  type ActorRef,
  type CatalogCompilationInput,
  type CatalogCompilationView,
  type CatalogRowProposal,
  type CompilationRoundState,
  type DecideRoundRequest,
  type DepartmentProposalView,
  type ReviewProposalRequest,
  type RowReview,
  type SubmitProposalRequest,
} from '@zwgk/contracts';
import { mayProposeCatalogRows, type Role } from '@zwgk/domain/workflow';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

type Proposal = { -readonly [K in keyof DepartmentProposalView]: DepartmentProposalView[K] };

const STAGE_LABEL = { 'legal-review': '合法性审查', 'leader-approval': '领导审批' } as const;

/**
 * A compilation round of the standard catalog (目录编制, or a 动态调整 between rounds): every department of
 * the round proposes its rows against the active version by the due time (a durable timer with a reminder);
 * the office accepts or returns each row, and a department resubmits what was returned; once every
 * department's rows are accepted, a legal review where the office asked for one, then the leader's
 * approval, compile a new catalog version with its diff; the office's activation is the last step.
 * Each human step is an Update whose validator checks actor and state before anything reaches history;
 * the main loop acts on them one at a time, in order.
 */
export async function catalogCompilationWorkflow(input: CatalogCompilationInput): Promise<CatalogCompilationView> {
  const workflowId = workflowInfo().workflowId;
  const openedAt = new Date().toISOString();
  let state = 'PROPOSING' as CompilationRoundState;
  let opened = false;
  let overdue = false;
  let resultVersionId: string | undefined;
  let diff: CatalogCompilationView['diff'];
  let lastReturn: CatalogCompilationView['lastReturn'];
  const proposals = new Map<string, Proposal>(input.departmentCodes.map((code) => [code, { departmentCode: code, state: 'open', revision: 0, rows: [], reviews: [], overdue: false }]));
  // Requests accepted by a validator, waiting for the main loop, oldest first; `applied` counts the ones done.
  const pending: (
    | { kind: 'submit'; request: SubmitProposalRequest }
    | { kind: 'review'; request: ReviewProposalRequest }
    | { kind: 'decide'; request: DecideRoundRequest }
    | { kind: 'activate'; actor: ActorRef }
  )[] = [];
  let queued = 0;
  let applied = 0;

  const view = (): CatalogCompilationView => ({
    roundId: input.roundId,
    kind: input.kind,
    year: input.year,
    areas: input.areas,
    state,
    dueAt: input.dueAt,
    overdue,
    legalReview: input.legalReview,
    baseVersionId: input.baseVersionId,
    proposals: [...proposals.values()].map((proposal) => ({ ...proposal })),
    ...(resultVersionId ? { resultVersionId } : {}),
    ...(diff ? { diff } : {}),
    ...(lastReturn ? { lastReturn } : {}),
  });
  const enqueue = async (entry: (typeof pending)[number]) => {
    const ticket = ++queued;
    pending.push(entry);
    await condition(() => applied >= ticket);
    return view();
  };
  const proposalOf = (departmentCode: string) => {
    const proposal = proposals.get(departmentCode);
    if (!proposal) throw failure(FailureType.NotFound, `部门 ${departmentCode} 不在本轮编制范围内`, { fields: ['departmentCode'] });
    return proposal;
  };
  // What the proposal will be once the queued requests are applied: validators judge against that.
  const queuedFor = (departmentCode: string) => pending.filter((entry) => (entry.kind === 'submit' || entry.kind === 'review') && entry.request.departmentCode === departmentCode);

  setHandler(catalogCompilationViewQuery, view);
  setHandler(compilationRoundOpenedUpdate, async () => {
    await condition(() => opened);
    return view();
  });
  setHandler(submitProposalUpdate, (request) => enqueue({ kind: 'submit', request }), {
    validator: (request: SubmitProposalRequest) => {
      const proposal = proposalOf(request.departmentCode);
      if (!mayProposeCatalogRows(request.actor, request.departmentCode)) {
        throw failure(FailureType.Forbidden, `只有部门 ${request.departmentCode} 的起草人或负责人可以提交本部门的目录事项`);
      }
      if (state !== 'PROPOSING' || (proposal.state !== 'open' && proposal.state !== 'returned') || queuedFor(request.departmentCode).length > 0) {
        throw failure(FailureType.Conflict, `部门 ${request.departmentCode} 的目录事项已提交，等待审核（${proposal.state}）`);
      }
      if (request.rows.length === 0) throw failure(FailureType.InvalidInput, 'rows: 至少提出一条目录事项（新增、调整或删除）', { fields: ['rows'] });
      const codes = request.rows.map((row) => row.code);
      const twice = codes.find((code, index) => codes.indexOf(code) !== index);
      if (twice) throw failure(FailureType.InvalidInput, `rows: 事项编码 ${twice} 出现了两次`, { fields: ['rows'] });
    },
  });
  setHandler(reviewProposalUpdate, (request) => enqueue({ kind: 'review', request }), {
    validator: (request: ReviewProposalRequest) => {
      const proposal = proposalOf(request.departmentCode);
      if (!request.actor.roles.includes(COMPILATION_OFFICE_ROLE)) throw failure(FailureType.Forbidden, '只有政务公开办公室可以审核部门提出的目录事项');
      if (state !== 'PROPOSING' || proposal.state !== 'submitted' || queuedFor(request.departmentCode).length > 0) {
        throw failure(FailureType.Conflict, `部门 ${request.departmentCode} 当前没有待审核的提交（${proposal.state}）`);
      }
      const expected = proposal.rows.map((row) => row.code).sort();
      const given = request.reviews.map((review) => review.code).sort();
      if (expected.join('\n') !== given.join('\n')) {
        throw failure(FailureType.InvalidInput, `reviews: 请对每一条事项逐条作出决定（${expected.join('、')}）`, { fields: ['reviews'] });
      }
      const silent = request.reviews.find((review) => review.decision === 'return' && !review.comment?.trim());
      if (silent) throw failure(FailureType.InvalidInput, `reviews: 退回事项 ${silent.code} 须写明意见`, { fields: ['reviews'] });
    },
  });
  setHandler(decideRoundUpdate, (request) => enqueue({ kind: 'decide', request }), {
    validator: (request: DecideRoundRequest) => {
      const expectedState = request.stage === 'legal-review' ? 'LEGAL_REVIEW' : 'LEADER_APPROVAL';
      const role = request.stage === 'legal-review' ? COMPILATION_LEGAL_ROLE : COMPILATION_LEADER_ROLE;
      if (!request.actor.roles.includes(role) || request.actor.departmentCode !== input.officeDepartmentCode) {
        throw failure(FailureType.Forbidden, `${STAGE_LABEL[request.stage]}须由 ${input.officeDepartmentCode} 的${role}作出`);
      }
      if (state !== expectedState || pending.some((entry) => entry.kind === 'decide')) throw failure(FailureType.Conflict, `本轮编制当前不在${STAGE_LABEL[request.stage]}环节（${state}）`);
      if (request.decision === 'return' && !request.comment?.trim()) throw failure(FailureType.InvalidInput, 'comment: 退回须写明意见', { fields: ['comment'] });
    },
  });
  setHandler(activateRoundUpdate, (request) => enqueue({ kind: 'activate', actor: request.actor }), {
    validator: (request: { actor: ActorRef }) => {
      if (!request.actor.roles.includes(COMPILATION_OFFICE_ROLE)) throw failure(FailureType.Forbidden, '只有政务公开办公室可以启用编制结果');
      if (state !== 'APPROVED' || pending.some((entry) => entry.kind === 'activate')) throw failure(FailureType.Conflict, `本轮编制尚未审批通过或已启用（${state}）`);
    },
  });

  const now = () => new Date().toISOString();
  let step = 0;
  const audit = (name: string, action: string, actor: ActorRef | undefined, detail: Record<string, unknown> = {}, reason?: string) =>
    activities.recordAuditEvent({
      eventKey: `${workflowId}:${name}:${++step}`,
      actor: actor?.username ?? 'system',
      actorRole: actor?.roles[0],
      departmentCode: actor?.departmentCode ?? input.officeDepartmentCode,
      action,
      reason,
      requestId: actor?.requestId,
      occurredAt: now(),
      detail: { roundId: input.roundId, ...detail },
    });
  const project = () => activities.projectCompilationRound({ input, workflowId, openedAt, view: view() });
  const notify = (name: string, to: { role: Role; departmentCode: string }, title: string, body: string) =>
    activities.notify({ key: `${workflowId}:${name}`, to, kind: 'catalog-compilation', title, body });
  const roundName = `${input.year}年${input.kind === 'annual' ? '目录编制' : '目录动态调整'}（${input.areas.join('、')}）`;

  // 1. Opened: each department's task, audited and announced.
  await project();
  await audit('opened', 'catalog-compilation.opened', input.openedBy, { kind: input.kind, year: input.year, areas: input.areas, departments: input.departmentCodes, dueAt: input.dueAt, legalReview: input.legalReview });
  for (const code of input.departmentCodes) {
    await notify(`opened:${code}`, { role: 'drafter', departmentCode: code }, `请提出本部门目录事项：${roundName}`, `请于 ${input.dueAt} 前提交。`);
  }
  opened = true;

  // 2. The due time runs beside everything else until every department's rows are accepted.
  const outstanding = () => [...proposals.values()].filter((proposal) => proposal.state === 'open' || proposal.state === 'returned');
  const due = new DueTime({
    dueAt: () => input.dueAt,
    reminderAt: (dueAt) => activities.computeReminderAt({ dueAt }),
    onReminder: async (dueAt) => {
      for (const proposal of outstanding()) {
        await notify(`reminder:${proposal.departmentCode}`, { role: 'drafter', departmentCode: proposal.departmentCode }, `目录事项即将到期：${roundName}`, `请于 ${dueAt} 前提交。`);
      }
    },
    onDue: async (dueAt) => {
      const late = outstanding();
      overdue = late.length > 0;
      for (const proposal of late) proposal.overdue = true;
      await project();
      if (late.length === 0) return;
      await audit('overdue', 'catalog-compilation.overdue', undefined, { dueAt, departments: late.map((proposal) => proposal.departmentCode) });
      await notify('overdue', { role: COMPILATION_OFFICE_ROLE, departmentCode: input.officeDepartmentCode }, `目录编制逾期：${roundName}`, `未按期提交的部门：${late.map((p) => p.departmentCode).join('、')}`);
    },
  });
  const dueRunning = due.run();

  // 3. The main loop: one request at a time, in the order they were accepted.
  while (state !== 'ACTIVATED') {
    await condition(() => pending.length > 0);
    const entry = pending.shift()!;
    if (entry.kind === 'submit') await applySubmission(entry.request);
    else if (entry.kind === 'review') await applyReview(entry.request);
    else if (entry.kind === 'decide') await applyDecision(entry.request);
    else await applyActivation(entry.actor);
    applied++;
  }
  due.stop();
  await dueRunning;
  await condition(allHandlersFinished);
  return view();

  async function applySubmission(request: SubmitProposalRequest) {
    const proposal = proposals.get(request.departmentCode)!;
    proposal.rows = request.rows;
    proposal.reviews = [];
    proposal.revision++;
    proposal.state = 'submitted';
    await project();
    await audit(`submitted:${request.departmentCode}`, 'catalog-compilation.proposal-submitted', request.actor, { departmentCode: request.departmentCode, revision: proposal.revision, rows: request.rows.map((row) => ({ action: row.action, code: row.code })) });
    await notify(`submitted:${request.departmentCode}:${proposal.revision}`, { role: COMPILATION_OFFICE_ROLE, departmentCode: input.officeDepartmentCode }, `部门已提交目录事项：${roundName}`, `部门 ${request.departmentCode}，第 ${proposal.revision} 稿。`);
  }

  async function applyReview(request: ReviewProposalRequest) {
    const proposal = proposals.get(request.departmentCode)!;
    proposal.reviews = request.reviews.map((review): RowReview => ({ code: review.code, decision: review.decision, ...(review.comment?.trim() ? { comment: review.comment.trim() } : {}) }));
    const returned = proposal.reviews.filter((review) => review.decision === 'return');
    proposal.state = returned.length ? 'returned' : 'accepted';
    if (!returned.length) proposal.overdue = false;
    if (state === 'PROPOSING' && [...proposals.values()].every((p) => p.state === 'accepted')) {
      state = input.legalReview ? 'LEGAL_REVIEW' : 'LEADER_APPROVAL';
      due.stop();
    }
    await project();
    await audit(`reviewed:${request.departmentCode}`, returned.length ? 'catalog-compilation.proposal-returned' : 'catalog-compilation.proposal-accepted', request.actor, { departmentCode: request.departmentCode, revision: proposal.revision, reviews: proposal.reviews });
    if (returned.length) {
      await notify(`returned:${request.departmentCode}:${proposal.revision}`, { role: 'drafter', departmentCode: request.departmentCode }, `目录事项被退回：${roundName}`, returned.map((review) => `${review.code}：${review.comment}`).join('；'));
    }
    if (state !== 'PROPOSING') await announceStage();
  }

  async function announceStage() {
    const role = state === 'LEGAL_REVIEW' ? COMPILATION_LEGAL_ROLE : COMPILATION_LEADER_ROLE;
    await notify(`stage:${state}:${step}`, { role, departmentCode: input.officeDepartmentCode }, `目录编制待${state === 'LEGAL_REVIEW' ? '合法性审查' : '审批'}：${roundName}`, '各部门事项已审核通过。');
  }

  async function applyDecision(request: DecideRoundRequest) {
    const comment = request.comment?.trim();
    if (request.decision === 'return') {
      // Back to the office: every department's submission is open for its review again.
      lastReturn = { by: request.actor.username, stage: request.stage, comment: comment ?? '' };
      state = 'PROPOSING';
      for (const proposal of proposals.values()) proposal.state = 'submitted';
      await project();
      await audit(`returned:${request.stage}`, 'catalog-compilation.round-returned', request.actor, { stage: request.stage }, comment);
      await notify(`round-returned:${step}`, { role: COMPILATION_OFFICE_ROLE, departmentCode: input.officeDepartmentCode }, `目录编制被退回：${roundName}`, `${STAGE_LABEL[request.stage]}：${comment}`);
      return;
    }
    await audit(`approved:${request.stage}`, request.stage === 'legal-review' ? 'catalog-compilation.legal-reviewed' : 'catalog-compilation.approved', request.actor, { stage: request.stage }, comment);
    if (request.stage === 'legal-review') {
      state = 'LEADER_APPROVAL';
      await project();
      await announceStage();
      return;
    }
    // 4. Approved: the accepted rows become a new draft version, with its diff against the base.
    resultVersionId ??= uuid4();
    const rows: CatalogRowProposal[] = [...proposals.values()].flatMap((proposal) => proposal.rows);
    diff = await activities.compileCatalogVersion({ versionId: resultVersionId, baseVersionId: input.baseVersionId, label: roundName, createdBy: request.actor.username, rows });
    state = 'APPROVED';
    await project();
    await audit('compiled', 'catalog-compilation.compiled', request.actor, { versionId: resultVersionId, diff });
    await notify('approved', { role: COMPILATION_OFFICE_ROLE, departmentCode: input.officeDepartmentCode }, `目录编制已审批，待启用：${roundName}`, `新增 ${diff.added.length}，调整 ${diff.changed.length}，删除 ${diff.removed.length}。`);
  }

  async function applyActivation(actor: ActorRef) {
    // 5. Activation, the last step: the catalog code supersedes the old version and audits it.
    await activities.activateCompiledVersion({ versionId: resultVersionId!, username: actor.username, role: COMPILATION_OFFICE_ROLE, requestId: actor.requestId });
    state = 'ACTIVATED';
    await project();
    await audit('activated', 'catalog-compilation.activated', actor, { versionId: resultVersionId });
    for (const code of input.departmentCodes) {
      await notify(`activated:${code}`, { role: 'drafter', departmentCode: code }, `新版目录已启用：${roundName}`, '请按新版目录起草公开事项。');
    }
  }
}
