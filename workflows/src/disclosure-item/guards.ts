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
import { holdsStageRole, mayActOnTask, REVIEW_DECISIONS, REVIEW_STAGE_LABELS, separationOfDutiesRefusal, taskHolderDescription } from '@zwgk/domain/workflow';
import { mayWorkReleaseLedger, releaseChannelsOf } from '@zwgk/domain/workflow';
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

const isDrafter = (input: DisclosureItemInput, actor: ActorRef) => actor.username === input.drafter.username;

/** A change of title, body or interpretation must name at least one of them, and none empty. */
function contentChangeRefusal(request: { readonly title?: string; readonly body?: string; readonly interpretation?: string }): Refusal | undefined {
  const fields = CONTENT_FIELDS.filter((field) => request[field] !== undefined);
  if (fields.length === 0) return refuse(FailureType.InvalidInput, 'give at least one of title, body, interpretation', CONTENT_FIELDS);
  const empty = fields.filter((field) => !request[field]?.trim());
  if (empty.length) return refuse(FailureType.InvalidInput, `${empty.join(', ')} must not be empty`, empty);
  return undefined;
}

/** The task is the item's open task (a task decided before is a repeat, answered as a conflict). */
export function openTaskRefusal(s: ItemState, taskId: string): Refusal | undefined {
  if (!s.openTask || s.openTask.taskId !== taskId) {
    if (s.decidedTaskIds.has(taskId)) return refuse(FailureType.Conflict, `task ${taskId} has already been completed`);
    return refuse(FailureType.NotFound, `task ${taskId} is not an open task of this item`);
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
  if (!mayActOnTask(actor, facts)) return refuse(FailureType.Forbidden, `this ${REVIEW_STAGE_LABELS[task.stage]} task is for ${taskHolderDescription(facts)}`);
  return undefined;
}

const claimedByAnotherRefusal = (task: OpenTaskView, actor: ActorRef, type: FailureType): Refusal | undefined =>
  task.claimedBy && task.claimedBy !== actor.username ? refuse(type, `task ${task.taskId} is claimed by ${task.claimedBy}`) : undefined;

export function submitRefusal(s: ItemState, request: SubmitRequest, input: DisclosureItemInput): Refusal | undefined {
  if (!isDrafter(input, request.actor)) return refuse(FailureType.Forbidden, 'only the drafter of this item can submit it');
  if (s.state !== 'DRAFT' && s.state !== 'RETURNED') return refuse(FailureType.Conflict, `the item is ${s.state}; only a draft or a returned item can be submitted`);
  if (s.pendingSubmit || s.releaseDeadline === undefined) return refuse(FailureType.Conflict, 'the item is already being submitted');
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
  if (!isDrafter(input, request.actor)) return refuse(FailureType.Forbidden, 'only the drafter of this item can revise it');
  if (s.state !== 'DRAFT' && s.state !== 'RETURNED' && !(s.state === 'APPROVED' && !s.signOffVoided)) {
    return refuse(FailureType.Conflict, `the item is ${s.state}; it can be revised as a draft, when returned, or after 签发 before release`);
  }
  return contentChangeRefusal(request);
}

export function completeTaskRefusal(s: ItemState, request: CompleteTaskRequest, input: DisclosureItemInput): Refusal | undefined {
  const missing = openTaskRefusal(s, request.taskId);
  if (missing) return missing;
  const task = s.openTask!;
  if (s.pendingDecision) return refuse(FailureType.Conflict, `task ${request.taskId} is already being decided`);
  const refusal = actionableRefusal(s, input, request.actor, task) ?? claimedByAnotherRefusal(task, request.actor, FailureType.Conflict);
  if (refusal) return refusal;
  if (!REVIEW_DECISIONS.includes(request.decision)) return refuse(FailureType.InvalidInput, 'decision must be approve, return or reject', ['decision']);
  if (request.decision !== 'approve' && !request.comment?.trim()) return refuse(FailureType.InvalidInput, `a comment is required to ${request.decision} a task`, ['comment']);
  if (request.releaseAt !== undefined) {
    if (task.stage !== 'sign-off' || request.decision !== 'approve') return refuse(FailureType.InvalidInput, 'releaseAt goes with a 签发 approval only', ['releaseAt']);
    if (Number.isNaN(Date.parse(request.releaseAt))) return refuse(FailureType.InvalidInput, 'releaseAt must be an ISO date-time', ['releaseAt']);
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
    return refuse(FailureType.InvalidInput, `${request.delegate.username} does not hold the role ${task.role} in department ${task.departmentCode}`, ['delegateTo']);
  }
  if (request.delegate.username === request.actor.username) return refuse(FailureType.InvalidInput, 'delegate to someone else', ['delegateTo']);
  return undefined;
}

export function extensionRefusal(s: ItemState, request: ExtendDeadlineRequest): Refusal | undefined {
  if (!request.actor.roles.includes('supervisor')) return refuse(FailureType.Forbidden, 'only a supervisor can extend a deadline');
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, 'a reason is required', ['reason']);
  if (!Number.isInteger(request.workingDays) || request.workingDays < 1 || request.workingDays > MAX_EXTENSION_WORKING_DAYS) {
    return refuse(FailureType.InvalidInput, `workingDays must be a whole number from 1 to ${MAX_EXTENSION_WORKING_DAYS}`, ['workingDays']);
  }
  if (request.target === 'release') {
    if (s.releaseDeadline === undefined || s.releasedAt || s.state === 'REJECTED' || s.state === 'WITHDRAWN') {
      return refuse(FailureType.Conflict, `the release deadline of a ${s.state} item cannot be extended`);
    }
    return undefined;
  }
  return openTaskRefusal(s, request.target);
}

export function newEditionRefusal(s: ItemState, request: NewEditionRequest, input: DisclosureItemInput): Refusal | undefined {
  if (!isDrafter(input, request.actor)) return refuse(FailureType.Forbidden, 'only the drafter of this item can change it');
  if (s.state !== 'RELEASED') return refuse(FailureType.Conflict, `the item is ${s.state}; a new edition starts from a released item`);
  if (s.pendingEdition || s.pendingWithdrawal) return refuse(FailureType.Conflict, 'the item is already changing');
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, 'a reason for the change is required', ['reason']);
  return contentChangeRefusal(request);
}

export function concernRefusal(s: ItemState, concern: PublicConcernInput, input: DisclosureItemInput): Refusal | undefined {
  if (concern.itemId !== input.itemId) return refuse(FailureType.InvalidInput, 'the concern is for another item', ['itemId']);
  if (s.state !== 'RELEASED') return refuse(FailureType.Conflict, `the item is ${s.state}; concerns are taken on released items`);
  return undefined;
}

/** The drafter, the leader of the drafter's department or the disclosure office may withdraw a released item. */
export function withdrawalRefusal(s: ItemState, request: WithdrawRequest, input: DisclosureItemInput): Refusal | undefined {
  const mayWithdraw =
    isDrafter(input, request.actor) ||
    (request.actor.departmentCode === input.drafter.departmentCode && request.actor.roles.includes('leader')) ||
    request.actor.roles.includes('disclosure-office');
  if (!mayWithdraw) return refuse(FailureType.Forbidden, 'only the drafter, the department leader or the disclosure office can withdraw');
  if (s.state !== 'RELEASED') return refuse(FailureType.Conflict, `the item is ${s.state}; only a released item can be withdrawn`);
  if (s.pendingWithdrawal) return refuse(FailureType.Conflict, 'the item is already being withdrawn');
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, 'a public reason is required', ['reason']);
  return undefined;
}

export function recalculationRefusal(s: ItemState, request: RecalculateDeadlinesRequest): Refusal | undefined {
  if (!request.reason?.trim()) return refuse(FailureType.InvalidInput, 'a reason is required', ['reason']);
  if (s.releaseDeadline === undefined) return refuse(FailureType.Conflict, 'the draft is not recorded yet');
  if (s.state === 'REJECTED' || s.state === 'WITHDRAWN') return refuse(FailureType.Conflict, `the item is ${s.state}`);
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
