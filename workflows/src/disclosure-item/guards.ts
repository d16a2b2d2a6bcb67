import {
  FailureType,
  type ActorRef,
  type CompleteTaskRequest,
  type DelegateTaskRequest,
  type DisclosureItemInput,
  type ExtendDeadlineRequest,
  type NewEditionRequest,
  type OpenTaskView,
  type RecalculateDeadlinesRequest,
  type PublicConcernInput,
  type ReviseRequest,
  type SubmitRequest,
  type ClaimTaskRequest,
  type WithdrawRequest,
  type ConfirmManualChannelRequest,
  type LedgerEntryFacts,
  type RetryChannelReleaseRequest,
} from '@zwgk/contracts';
import {
  DISCLOSURE_STATE_LABELS,
  holdsStageRole,
  mayActOnTask,
  mayWorkReleaseLedger,
  releaseChannelsOf,
  REVIEW_DECISIONS,
  REVIEW_STAGE_LABELS,
  roleLabel,
  separationOfDutiesRefusal,
  taskHolderDescription,
} from '@zwgk/domain/workflow';
import { needsInterpretation, type ItemState } from './state';

/**
 * The Update validators of an item, as pure functions: given what the item knows, the request and the item's
 * input, each answers why the request is refused, or undefined when it may go ahead. A refusal here never
 * reaches the history; the workflow turns it into a non-retryable failure the API maps to 4xx.
 */
export interface Refusal {
  readonly type: FailureType;
  readonly message: string;
  /** The fields at fault, for the API's answer. */
  readonly details?: { readonly fields: readonly string[] };
}

export const MAX_EXTENSION_WORKING_DAYS = 60;

const refuse = (type: FailureType, message: string, fields?: readonly string[]): Refusal => ({ type, message, ...(fields ? { details: { fields } } : {}) });
const CONTENT_FIELDS = ['title', 'body', 'interpretation'] as const;
const CONTENT_FIELD_LABELS: Readonly<Record<(typeof CONTENT_FIELDS)[number], string>> = { title: '标题（title）', body: '正文（body）', interpretation: '解读（interpretation）' };
/** The item's state in words, as refusals quote it. */
const stateWords = (s: ItemState): string => `「${DISCLOSURE_STATE_LABELS[s.state] ?? s.state}」`;

const isDrafter = (input: DisclosureItemInput, actor: ActorRef) => actor.username === input.drafter.username;

/** A change of title, body or interpretation must name at least one of them, and none empty. */
function contentChangeRefusal(request: { readonly title?: string; readonly body?: string; readonly interpretation?: string }): Refusal | undefined {
  const fields = CONTENT_FIELDS.filter((field) => request[field] !== undefined);
  if (fields.length === 0) return refuse(FailureType.InvalidInput, '请至少填写标题（title）、正文（body）、解读（interpretation）中的一项', CONTENT_FIELDS);
  const empty = fields.filter((field) => !request[field]?.trim());
  if (empty.length) return refuse(FailureType.InvalidInput, `${empty.map((field) => CONTENT_FIELD_LABELS[field]).join('、')}不能为空`, empty);
  return undefined;
}

/** The task is the item's open task (a task decided before is a repeat, answered as a conflict). */
export function openTaskRefusal(s: ItemState, taskId: string): Refusal | undefined {
  if (!s.openTask || s.openTask.taskId !== taskId) {
    if (s.decidedTaskIds.has(taskId)) return refuse(FailureType.Conflict, `任务 ${taskId} 已经办理完毕`);
    return refuse(FailureType.NotFound, `任务 ${taskId} 不是本事项当前待办的任务`);
  }
  return undefined;
}

/**
 * Who may work on the task now: nobody against separation of duties (四眼原则), then the access policy's answer
 * (an overdue task has escalated to the department head).
 */
export function actionableRefusal(s: ItemState, input: DisclosureItemInput, actor: ActorRef, task: OpenTaskView): Refusal | undefined {
  const separation = separationOfDutiesRefusal({ username: actor.username, drafterUsername: input.drafter.username, stageDeciders: s.stageDeciders });
  if (separation) return refuse(FailureType.Forbidden, separation);
  const facts = { role: task.role, departmentCode: task.departmentCode, assignee: task.assignee, escalated: task.overdue === true };
  if (!mayActOnTask(actor, facts)) return refuse(FailureType.Forbidden, `该${REVIEW_STAGE_LABELS[task.stage]}任务应由${taskHolderDescription(facts)}办理`);
  return undefined;
}

const claimedByAnotherRefusal = (task: OpenTaskView, actor: ActorRef, type: FailureType): Refusal | undefined =>
  task.claimedBy && task.claimedBy !== actor.username ? refuse(type, `任务 ${task.taskId} 已由 ${task.claimedBy} 认领`) : undefined;

export function submitRefusal(s: ItemState, request: SubmitRequest, input: DisclosureItemInput): Refusal | undefined {
  if (!isDrafter(input, request.actor)) return refuse(FailureType.Forbidden, '只有本事项的起草人才能提交');
  if (s.state !== 'DRAFT' && s.state !== 'RETURNED') return refuse(FailureType.Conflict, `事项当前为${stateWords(s)}，只有草稿或退回修改的事项才能提交`);
  // Two different waits: saying "being submitted" of a draft still being recorded misled the reader of a first submit.
  if (s.releaseDeadline === undefined) return refuse(FailureType.Conflict, '草稿尚未登记完成，请稍后再提交');
  if (s.pendingSubmit) return refuse(FailureType.Conflict, '事项正在提交中，请勿重复提交');
  // 谁起草、谁解读: a policy document goes to review with its interpretation, signed together.
  if (needsInterpretation(input) && !s.content.interpretation?.trim() && !(input.interpretationLagWorkingDays ?? 0)) {
    return refuse(
      FailureType.InvalidInput,
      input.normativeDocument ? '规范性文件须与其政策解读同步报审：请先填写解读再提交' : '该目录事项为政策文件：请先填写政策解读（解读）再提交',
      ['interpretation'],
    );
  }
  return undefined;
}

export function reviseRefusal(s: ItemState, request: ReviseRequest, input: DisclosureItemInput): Refusal | undefined {
  if (!isDrafter(input, request.actor)) return refuse(FailureType.Forbidden, '只有本事项的起草人才能修改');
  if (s.state !== 'DRAFT' && s.state !== 'RETURNED' && !(s.state === 'APPROVED' && !s.signOffVoided)) {
    return refuse(FailureType.Conflict, `事项当前为${stateWords(s)}，只有草稿、退回修改或已签发未发布的事项才能修改`);
  }
  return contentChangeRefusal(request);
}

export function completeTaskRefusal(s: ItemState, request: CompleteTaskRequest, input: DisclosureItemInput): Refusal | undefined {
  const missing = openTaskRefusal(s, request.taskId);
  if (missing) return missing;
  const task = s.openTask!;
  if (s.pendingDecision) return refuse(FailureType.Conflict, `任务 ${request.taskId} 正在办理中，请勿重复提交`);
  const refusal = actionableRefusal(s, input, request.actor, task) ?? claimedByAnotherRefusal(task, request.actor, FailureType.Conflict);
  if (refusal) return refusal;
  if (!REVIEW_DECISIONS.includes(request.decision)) return refuse(FailureType.InvalidInput, '审核结论（decision）须为 approve（同意）、return（退回修改）或 reject（不予公开）', ['decision']);
  if (request.decision !== 'approve' && !request.comment?.trim()) return refuse(FailureType.InvalidInput, `${request.decision === 'return' ? '退回修改' : '不予公开'}须填写审核意见（comment）`, ['comment']);
  if (request.releaseAt !== undefined) {
    if (task.stage !== 'sign-off' || request.decision !== 'approve') return refuse(FailureType.InvalidInput, '发布时间（releaseAt）只能在签发环节同意时填写', ['releaseAt']);
    if (Number.isNaN(Date.parse(request.releaseAt))) return refuse(FailureType.InvalidInput, '发布时间（releaseAt）须为 ISO 8601 日期时间', ['releaseAt']);
  }
  return undefined;
}

/** Claiming a task the actor already holds is allowed: the handler then changes nothing. */
export function claimTaskRefusal(s: ItemState, request: ClaimTaskRequest, input: DisclosureItemInput): Refusal | undefined {
  const missing = openTaskRefusal(s, request.taskId);
  if (missing) return missing;
  const task = s.openTask!;
  return actionableRefusal(s, input, request.actor, task) ?? claimedByAnotherRefusal(task, request.actor, FailureType.Conflict);
}

/** Releasing an unclaimed task is allowed: the handler then changes nothing. */
export function unclaimTaskRefusal(s: ItemState, request: ClaimTaskRequest, input: DisclosureItemInput): Refusal | undefined {
  const missing = openTaskRefusal(s, request.taskId);
  if (missing) return missing;
  const task = s.openTask!;
  return claimedByAnotherRefusal(task, request.actor, FailureType.Forbidden) ?? actionableRefusal(s, input, request.actor, task);
}

export function delegateTaskRefusal(s: ItemState, request: DelegateTaskRequest, input: DisclosureItemInput): Refusal | undefined {
  const missing = openTaskRefusal(s, request.taskId);
  if (missing) return missing;
  const task = s.openTask!;
  const refusal = actionableRefusal(s, input, request.actor, task) ?? claimedByAnotherRefusal(task, request.actor, FailureType.Conflict);
  if (refusal) return refusal;
  const separation = separationOfDutiesRefusal({ username: request.delegate.username, drafterUsername: input.drafter.username, stageDeciders: s.stageDeciders });
  if (separation) return refuse(FailureType.Forbidden, `不能转交给${request.delegate.displayName}：${separation}`, ['delegateTo']);
  if (!holdsStageRole(request.delegate, task)) {
    return refuse(FailureType.InvalidInput, `${request.delegate.displayName}（${request.delegate.username}）不是部门 ${task.departmentCode} 的${roleLabel(task.role)}（${task.role}），不能转交给此人`, ['delegateTo']);
  }
  if (request.delegate.username === request.actor.username) return refuse(FailureType.InvalidInput, '不能转交给自己，请选择其他人员（delegateTo）', ['delegateTo']);
  return undefined;
}

export function extensionRefusal(s: ItemState, request: ExtendDeadlineRequest): Refusal | undefined {
  if (!request.actor.roles.includes('supervisor')) return refuse(FailureType.Forbidden, '只有督查考核人员才能延长期限');
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, '请填写理由（reason）', ['reason']);
  if (!Number.isInteger(request.workingDays) || request.workingDays < 1 || request.workingDays > MAX_EXTENSION_WORKING_DAYS) {
    return refuse(FailureType.InvalidInput, `延长的工作日数（workingDays）须为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 的整数`, ['workingDays']);
  }
  if (request.target === 'release') {
    if (s.releaseDeadline === undefined || s.releasedAt || s.state === 'REJECTED' || s.state === 'WITHDRAWN') {
      return refuse(FailureType.Conflict, `事项当前为${stateWords(s)}，不能延长发布期限`);
    }
    return undefined;
  }
  return openTaskRefusal(s, request.target);
}

export function newEditionRefusal(s: ItemState, request: NewEditionRequest, input: DisclosureItemInput): Refusal | undefined {
  if (!isDrafter(input, request.actor)) return refuse(FailureType.Forbidden, '只有本事项的起草人才能变更');
  if (s.state !== 'RELEASED') return refuse(FailureType.Conflict, `事项当前为${stateWords(s)}，只有已发布的事项才能发布新版本`);
  if (s.pendingEdition || s.pendingWithdrawal) return refuse(FailureType.Conflict, '事项正在变更中，请勿重复提交');
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, '请填写变更理由（reason）', ['reason']);
  return contentChangeRefusal(request);
}

export function concernRefusal(s: ItemState, concern: PublicConcernInput, input: DisclosureItemInput): Refusal | undefined {
  if (concern.itemId !== input.itemId) return refuse(FailureType.InvalidInput, '该关切所针对的是另一事项（itemId）', ['itemId']);
  if (s.state !== 'RELEASED') return refuse(FailureType.Conflict, `事项当前为${stateWords(s)}，只有已发布的事项才能受理关切`);
  return undefined;
}

/** The drafter, the leader of the drafter's department or the disclosure office may withdraw a released item. */
export function withdrawalRefusal(s: ItemState, request: WithdrawRequest, input: DisclosureItemInput): Refusal | undefined {
  const mayWithdraw =
    isDrafter(input, request.actor) ||
    (request.actor.departmentCode === input.drafter.departmentCode && request.actor.roles.includes('leader')) ||
    request.actor.roles.includes('disclosure-office');
  if (!mayWithdraw) return refuse(FailureType.Forbidden, '只有起草人、本部门领导或政务公开办才能撤回');
  if (s.state !== 'RELEASED') return refuse(FailureType.Conflict, `事项当前为${stateWords(s)}，只有已发布的事项才能撤回`);
  if (s.pendingWithdrawal) return refuse(FailureType.Conflict, '事项正在撤回中，请勿重复提交');
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, '请填写向社会公开的撤回理由（reason）', ['reason']);
  return undefined;
}

export function recalculationRefusal(s: ItemState, request: RecalculateDeadlinesRequest): Refusal | undefined {
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, '请填写理由（reason）', ['reason']);
  if (s.releaseDeadline === undefined) return refuse(FailureType.Conflict, '草稿尚未登记完成，请稍后再试');
  if (s.state === 'REJECTED' || s.state === 'WITHDRAWN') return refuse(FailureType.Conflict, `事项当前为${stateWords(s)}，不能重新计算期限`);
  return undefined;
}

/** Whether the calendar batch's signal may recompute the deadlines (it has no caller to refuse). */
export const mayRecalculate = (s: ItemState): boolean => s.releaseDeadline !== undefined && s.state !== 'REJECTED' && s.state !== 'WITHDRAWN';

/** A channel a person posts on and takes down: 公示栏, and every channel the engine cannot release on (办事大厅…). */
export const isManualChannelEntry = (entry: LedgerEntryFacts): boolean =>
  entry.channelKind === 'notice-board' || entry.channelKind === 'manual' || entry.status === 'manual-required';

/** The item's department's drafters and reviewers, or the disclosure office (the access policy's rule). */
function ledgerActorRefusal(request: { readonly actor: ActorRef }, input: DisclosureItemInput): Refusal | undefined {
  if (mayWorkReleaseLedger(request.actor, input.drafter.departmentCode)) return undefined;
  return refuse(FailureType.Forbidden, '只有本部门的起草人、审核人或政务公开办可以处理发布台账');
}

function ledgerChannelRefusal(channel: string, input: DisclosureItemInput): Refusal | undefined {
  if (typeof channel !== 'string' || !releaseChannelsOf(input.channels).includes(channel)) return refuse(FailureType.NotFound, `该事项没有发布渠道“${String(channel)}”`, ['channel']);
  return undefined;
}

/** A retry releases again only a channel whose last ledger entry failed, of an item still released. */
export function retryChannelRefusal(s: ItemState, request: RetryChannelReleaseRequest, input: DisclosureItemInput): Refusal | undefined {
  const refusal = ledgerActorRefusal(request, input) ?? ledgerChannelRefusal(request.channel, input);
  if (refusal) return refusal;
  if (s.state !== 'RELEASED' || !s.lastRelease) return refuse(FailureType.Conflict, `事项当前状态为${s.state}，只有已发布的事项可以重新发布渠道`);
  const entry = request.lastEntry;
  if (!entry || entry.action !== 'publish' || entry.revision !== s.lastRelease.revision) return refuse(FailureType.Conflict, '该渠道没有本版次的发布记录可重试');
  if (entry.status !== 'failed') return refuse(FailureType.Conflict, '该渠道最近一次发布未失败，无需重试');
  if (s.channelRetriesUnderWay.has(request.channel)) return refuse(FailureType.Conflict, '该渠道正在重新发布');
  if (!Number.isInteger(request.attempt) || request.attempt < 2) return refuse(FailureType.InvalidInput, 'attempt 须为不小于2的整数', ['attempt']);
  return undefined;
}

/**
 * A confirmation is for a manual channel's row not yet confirmed: posted for the current edition's
 * publication, taken down for its withdrawal. A note is required; the photo is optional.
 */
export function confirmManualChannelRefusal(s: ItemState, request: ConfirmManualChannelRequest, input: DisclosureItemInput): Refusal | undefined {
  const refusal = ledgerActorRefusal(request, input) ?? ledgerChannelRefusal(request.channel, input);
  if (refusal) return refusal;
  if (request.action !== 'posted' && request.action !== 'taken-down') return refuse(FailureType.InvalidInput, 'action 须为 posted（已张贴）或 taken-down（已撤下）', ['action']);
  if (typeof request.note !== 'string' || !request.note.trim()) return refuse(FailureType.InvalidInput, '请填写办理说明（note）', ['note']);
  const entry = request.entry;
  const wanted = request.action === 'posted' ? 'publish' : 'withdraw';
  if (!entry || entry.action !== wanted || (s.lastRelease && entry.revision !== s.lastRelease.revision)) {
    return refuse(FailureType.Conflict, request.action === 'posted' ? '该渠道没有本版次的发布记录' : '该渠道尚未撤回，不能确认撤下');
  }
  if (!isManualChannelEntry(entry)) return refuse(FailureType.Conflict, '该渠道由系统自动发布，无需人工确认');
  if (entry.status === 'failed') return refuse(FailureType.Conflict, '该渠道发布失败，请先重新发布');
  if (entry.confirmed || s.confirmedChannels.has(`${wanted}:${entry.revision}:${request.channel}`)) return refuse(FailureType.Conflict, '该渠道已确认过');
  if (request.action === 'posted' && s.state !== 'RELEASED') return refuse(FailureType.Conflict, `事项当前状态为${s.state}，不能确认张贴`);
  return undefined;
}
