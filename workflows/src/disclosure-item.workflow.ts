import {
  ActivityFailure,
  log,
  patched,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  proxyLocalActivities,
  continueAsNew,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  delegateTaskUpdate,
  DepartmentIdAttribute,
  disclosureItemViewQuery,
  DisclosureStateAttribute,
  draftRecordedUpdate,
  DueAtAttribute,
  extendDeadlineUpdate,
  FailureType,
  OverdueAttribute,
  PUBLIC_CONCERN_WORKFLOW_TYPE,
  publicConcernWorkflowId,
  recalculateDeadlinesSignal,
  recalculateDeadlinesUpdate,
  releaseDeadlineRequestOf,
  newEditionUpdate,
  registerConcernUpdate,
  ReleaseDueAtAttribute,
  reviseUpdate,
  StageAttribute,
  submitForReviewUpdate,
  unclaimTaskUpdate,
  withdrawUpdate,
  type ActorRef,
  type CompleteTaskRequest,
  type DisclosureItemInput,
  type DisclosureItemView,
  type ExtendDeadlineRequest,
  type NewEditionRequest,
  type OpenTaskView,
  type RecalculateDeadlinesRequest,
  type SubmitRequest,
  type WithdrawRequest,
} from '@zwgk/contracts';
import {
  catalogItemName,
  contentFingerprint,
  holdsStageRole,
  mayActOnTask,
  releaseChannelsOf,
  REVIEW_DECISIONS,
  REVIEW_STAGE_LABELS,
  separationOfDutiesRefusal,
  STAGE_ROLE,
  taskHolderDescription,
  type Deadline,
  type DisclosureState,
  type ReviewStage,
} from '@zwgk/domain/workflow';
import { DueTime } from './due-time';
import { ACTIVITY_OPTIONS, failure, printable, refusalOf, REQUEST_ACTIVITY_OPTIONS } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);
// The writes that carry a person's request while it waits: they give up after a few attempts (see there).
const requestActivities = proxyActivities<DisclosureActivities>(REQUEST_ACTIVITY_OPTIONS);
// Calendar look-ups (pure computations over the calendar in force): local activities, recorded as one
// marker each instead of a scheduled/started/completed round trip through the server.
const calendarLookups = proxyLocalActivities<DisclosureActivities>({ startToCloseTimeout: '10 seconds', retry: ACTIVITY_OPTIONS.retry });

function primaryRole(actor: ActorRef): string | undefined {
  return actor.roles[0];
}

/** What the sign-off covers: the body, the title and the interpretation (attachments join with the web UI). */
interface Content {
  title: string;
  body: string;
  interpretation?: string;
}

type AuditRecord = Parameters<DisclosureActivities['recordAuditEvent']>[0];
/** A task a lean step opened, with its due time and reminder, and when. */
type LeanOpenedTask = NonNullable<Awaited<ReturnType<DisclosureActivities['applyItemStep']>>['openedTask']> & { readonly openedAt: string };

const MAX_EXTENSION_WORKING_DAYS = 60;
/** patched(): a normative document's interpretation is tracked after release like a policy document's. */
const NORMATIVE_DOCUMENTS_NEED_INTERPRETATION = 'normative-documents-need-interpretation';
/** patched(): a release under a rule with a 公示期 records the period, and a timer closes it. */
const PUBLICITY_PERIOD = 'publicity-period';
/** patched(): the statutory release deadline runs on its own timer (reminder, overdue), and a release records whether it was late. */
const RELEASE_DEADLINE_TIMER = 'release-deadline-timer';
/** patched(): a recalculated release deadline keeps the supervisors' extensions granted before it. */
const RECALCULATION_KEEPS_EXTENSIONS = 'recalculation-keeps-extensions';
/**
 * patched(): the lean item. One activity per human step, writing the read model, the audit rows and the
 * next task in one transaction; calendar look-ups as local activities or folded into the step; channels
 * released website first, then the rest together; search attributes upserted once per workflow task. And a
 * released item with nothing left to time completes: a later change re-opens it with update-with-start.
 * Implies the three patches above (a lean history never asks for them).
 */
const LEAN_ITEM = 'lean-item';

/** What was released as one edition: the public page and the channels show exactly this. */
interface ReleasedEdition {
  readonly edition: number;
  readonly revision: number;
  readonly content: Content;
  readonly contentHash: string;
  readonly releasedAt: string;
}

/**
 * One disclosure item from draft to release and beyond (发布—解读—回应). The workflow is the source of
 * truth; activities write the read models, notifications and the audit trail. Human decisions arrive as
 * Updates whose validators reject a wrong actor, a wrong task or a stale state before anything reaches
 * history. Every due time is a durable timer: a reminder before it, overdue and escalation at it.
 */
export async function disclosureItemWorkflow(input: DisclosureItemInput): Promise<DisclosureItemView> {
  const workflowId = workflowInfo().workflowId;
  const lean = patched(LEAN_ITEM);
  /** The calendar's answers: local activities in a lean history, full activities in an older one. */
  const calendar = lean ? calendarLookups : activities;
  // Reminder instants a step's activity already computed with the due instant it opened, by due instant.
  const knownReminders = new Map<string, string>();
  let state: DisclosureState = 'DRAFT';
  let revision = 1;
  let content: Content = { title: input.title, body: input.body, ...(input.interpretation ? { interpretation: input.interpretation } : {}) };
  let releaseDeadline: Deadline | undefined = undefined; // set once the calendar activity answers
  let reviewChain: readonly ReviewStage[] | undefined;
  let openTask: OpenTaskView | undefined;
  let openTaskOpenedAt: string | undefined;
  let releasedAt: string | undefined = undefined;
  let signedContentHash: string | undefined;
  let scheduledReleaseAt: string | undefined;
  let signOffVoided = false;
  let signOffAnswered = false;
  let edition = 0; // editions released so far
  let lastRelease: ReleasedEdition | undefined;
  let pendingEdition: NewEditionRequest | undefined;
  // A policy document released before its interpretation (the lag policy allows it): when it is due.
  let interpretationDueAt: string | undefined;
  let interpretationOverdueRecorded = false;
  // The 公示期 of the released edition (公示N个工作日), while it runs: the post-release loop closes it on time.
  let publicityEndsAt: string | undefined;
  const decidedTaskIds = new Set<string>();
  // Who approved which stage of the revision under review: nobody decides two of them (四眼原则).
  const stageDeciders = new Map<string, ReviewStage>();
  // Requests accepted by a validator, waiting for the main loop to act on them.
  let pendingSubmit: SubmitRequest | undefined;
  let pendingDecision: CompleteTaskRequest | undefined;
  let pendingWithdrawal: WithdrawRequest | undefined;
  // Counts how many requests the main loop has finished, so an Update can answer after its effects.
  let completedSteps = 0;
  // The steps the main loop could not apply, by number: their Update answers with this refusal.
  const refusedSteps = new Map<number, ApplicationFailure>();
  // Set when the draft itself cannot be recorded (a formedAt the calendar cannot compute, data refused).
  let draftRefusal: ApplicationFailure | undefined;
  // Counts the due-time moves (recalculation, extension); each also re-arms the open task's timer.
  let deadlineRevision = 0;
  // The open task's reminder and overdue timer; its state is kept across a refused decision.
  let openTaskDue: DueTime | undefined;
  // The statutory release deadline's timer, from the draft until the first release (or the rejection).
  let releaseDue: DueTime | undefined;
  let releaseTimer: Promise<void> | undefined;
  let releaseLateWorkingDays: number | undefined;
  // The supervisors' extensions of the release deadline, in working days: a recalculation applies them again.
  const releaseExtensions: { readonly workingDays: number; readonly reason: string }[] = [];
  let handlerSequence = 0;

  if (input.resume) {
    // Continued as new after release: the history starts again from this snapshot. Restored before any
    // handler is registered, because buffered Updates are validated as soon as their handler is set.
    ({ state, revision, edition, content, releasedAt } = input.resume);
    releaseDeadline = input.resume.releaseDeadline;
    lastRelease = input.resume.lastRelease;
    signedContentHash = input.resume.lastRelease.contentHash;
    interpretationDueAt = input.resume.interpretationDueAt;
    publicityEndsAt = input.resume.publicityEndsAt;
  }

  const view = (): DisclosureItemView => ({
    itemId: input.itemId,
    state,
    revision,
    releaseDueAt: releaseDeadline?.dueAt,
    releaseDueExplanation: releaseDeadline?.explanation,
    releaseDueProvisional: releaseDeadline?.provisional,
    openTask,
    releasedAt,
    scheduledReleaseAt,
    edition,
    overdue: overdueNow(),
    ...(releaseDue ? { releaseOverdue: releaseOverdueNow() } : {}),
    ...(releaseLateWorkingDays !== undefined ? { releaseLateWorkingDays } : {}),
    reviewChain,
  });
  const releaseOverdueNow = () => releaseDue !== undefined && !releasedAt && releaseDue.overdue;
  const overdueNow = () => (openTask?.overdue ?? false) || releaseOverdueNow();
  /** The DueAt search attribute: the nearest instant the item waits on, the open task's or the release deadline's. */
  const nearestDueAt = (): Date | undefined => {
    const instants = [openTask?.dueAt, releaseDue && !releaseDue.isStopped ? releaseDeadline?.dueAt : undefined].filter((at): at is string => at !== undefined);
    return instants.length ? new Date(Math.min(...instants.map((at) => Date.parse(at)))) : undefined;
  };

  const awaitStep = async (): Promise<DisclosureItemView> => {
    const target = completedSteps + 1;
    await condition(() => completedSteps >= target);
    const refusal = refusedSteps.get(target);
    if (refusal) throw refusal;
    return view();
  };
  /** Finishes the waiting request's step without applying it: its Update answers with the refusal. */
  const refuseStep = (refusal: ApplicationFailure) => {
    refusedSteps.set(completedSteps + 1, refusal);
    completedSteps++;
  };

  const isDrafter = (actor: ActorRef) => actor.username === input.drafter.username;
  // 三同步: a policy document of the catalog, and any normative document (行政规范性文件), goes out with its interpretation.
  const needsInterpretation = input.catalogItem.needsInterpretation === true || input.normativeDocument === true;
  const holdsStage = (actor: ActorRef, task: OpenTaskView) => holdsStageRole(actor, task);
  const requireOpenTask = (taskId: string): OpenTaskView => {
    if (!openTask || openTask.taskId !== taskId) {
      if (decidedTaskIds.has(taskId)) throw failure(FailureType.Conflict, `task ${taskId} has already been completed`);
      throw failure(FailureType.NotFound, `task ${taskId} is not an open task of this item`);
    }
    return openTask;
  };
  /** Who may work on the task now: the access policy's answer (an overdue task has escalated to the department head). */
  const requireActionable = (actor: ActorRef, task: OpenTaskView) => {
    const separation = separationOfDutiesRefusal({ username: actor.username, drafterUsername: input.drafter.username, stageDeciders });
    if (separation) throw failure(FailureType.Forbidden, separation);
    const facts = { role: task.role, departmentCode: task.departmentCode, assignee: task.assignee, escalated: task.overdue === true };
    if (!mayActOnTask(actor, facts)) throw failure(FailureType.Forbidden, `this ${REVIEW_STAGE_LABELS[task.stage]} task is for ${taskHolderDescription(facts)}`);
  };

  setHandler(disclosureItemViewQuery, view);

  setHandler(draftRecordedUpdate, async () => {
    await condition(() => releaseDeadline !== undefined || draftRefusal !== undefined);
    if (releaseDeadline === undefined && draftRefusal) throw draftRefusal;
    return view();
  });

  setHandler(submitForReviewUpdate, async (request) => {
    pendingSubmit = request;
    return awaitStep();
  }, {
    validator: (request) => {
      if (!isDrafter(request.actor)) throw failure(FailureType.Forbidden, 'only the drafter of this item can submit it');
      if (state !== 'DRAFT' && state !== 'RETURNED') {
        throw failure(FailureType.Conflict, `the item is ${state}; only a draft or a returned item can be submitted`);
      }
      if (pendingSubmit || releaseDeadline === undefined) throw failure(FailureType.Conflict, 'the item is already being submitted');
      // 谁起草、谁解读: a policy document goes to review with its interpretation, signed together.
      if (needsInterpretation && !content.interpretation?.trim() && !(input.interpretationLagWorkingDays ?? 0)) {
        throw failure(FailureType.InvalidInput, input.normativeDocument ? '规范性文件须与其政策解读同步报审：请先填写解读再提交' : '该目录事项为政策文件：请先填写政策解读（解读）再提交', { fields: ['interpretation'] });
      }
    },
  });

  setHandler(reviseUpdate, async (request) => {
    const afterSignOff = state === 'APPROVED';
    const previous = content;
    const revised = {
      title: request.title ?? content.title,
      body: request.body ?? content.body,
      ...((request.interpretation ?? content.interpretation) ? { interpretation: request.interpretation ?? content.interpretation } : {}),
    };
    content = revised;
    const step = ++handlerSequence;
    try {
      await requestActivities.recordContent({ itemId: input.itemId, revision, ...content });
    } catch (error) {
      const refusal = refusalOf(error, '修改', (['title', 'body', 'interpretation'] as const).filter((field) => request[field] !== undefined));
      if (!refusal) throw error;
      // Nothing was stored: the item keeps the content it had, unless a later revision replaced it meanwhile.
      if (content === revised) content = previous;
      await reportRefusal(`revise:${step}`, request.actor, 'item.revise', refusal);
      throw refusal;
    }
    await audit(`revised:${step}`, {
      actor: request.actor.username,
      actorRole: 'drafter',
      departmentCode: request.actor.departmentCode,
      action: 'item.revised',
      requestId: request.actor.requestId,
      detail: { revision, fields: ['title', 'body', 'interpretation'].filter((field) => request[field as keyof typeof request] !== undefined), voidsSignOff: afterSignOff },
    });
    if (afterSignOff) {
      // Any edit after 签发 voids it: the main loop sends the new content through the chain again.
      signOffVoided = true;
      return awaitStep();
    }
    return view();
  }, {
    validator: (request) => {
      if (!isDrafter(request.actor)) throw failure(FailureType.Forbidden, 'only the drafter of this item can revise it');
      if (state !== 'DRAFT' && state !== 'RETURNED' && !(state === 'APPROVED' && !signOffVoided)) {
        throw failure(FailureType.Conflict, `the item is ${state}; it can be revised as a draft, when returned, or after 签发 before release`);
      }
      const fields = (['title', 'body', 'interpretation'] as const).filter((field) => request[field] !== undefined);
      if (fields.length === 0) throw failure(FailureType.InvalidInput, 'give at least one of title, body, interpretation', { fields: ['title', 'body', 'interpretation'] });
      const empty = fields.filter((field) => !request[field]?.trim());
      if (empty.length) throw failure(FailureType.InvalidInput, `${empty.join(', ')} must not be empty`, { fields: empty });
    },
  });

  setHandler(completeTaskUpdate, async (request) => {
    pendingDecision = request;
    return awaitStep();
  }, {
    validator: (request) => {
      const task = requireOpenTask(request.taskId);
      if (pendingDecision) throw failure(FailureType.Conflict, `task ${request.taskId} is already being decided`);
      requireActionable(request.actor, task);
      if (task.claimedBy && task.claimedBy !== request.actor.username) throw failure(FailureType.Conflict, `task ${request.taskId} is claimed by ${task.claimedBy}`);
      if (!REVIEW_DECISIONS.includes(request.decision)) {
        throw failure(FailureType.InvalidInput, 'decision must be approve, return or reject', { fields: ['decision'] });
      }
      if (request.decision !== 'approve' && !request.comment?.trim()) {
        throw failure(FailureType.InvalidInput, `a comment is required to ${request.decision} a task`, { fields: ['comment'] });
      }
      if (request.releaseAt !== undefined) {
        if (task.stage !== 'sign-off' || request.decision !== 'approve') throw failure(FailureType.InvalidInput, 'releaseAt goes with a 签发 approval only', { fields: ['releaseAt'] });
        if (Number.isNaN(Date.parse(request.releaseAt))) throw failure(FailureType.InvalidInput, 'releaseAt must be an ISO date-time', { fields: ['releaseAt'] });
      }
    },
  });

  setHandler(claimTaskUpdate, async (request) => {
    const task = openTask!;
    if (task.claimedBy !== request.actor.username) {
      openTask = { ...task, claimedBy: request.actor.username };
      await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: request.actor.username });
      await audit(`claimed:${task.taskId}:${++handlerSequence}`, { actor: request.actor.username, actorRole: task.role, departmentCode: request.actor.departmentCode, action: 'task.claimed', taskId: task.taskId, requestId: request.actor.requestId });
    }
    return view();
  }, {
    validator: (request) => {
      const task = requireOpenTask(request.taskId);
      requireActionable(request.actor, task);
      if (task.claimedBy && task.claimedBy !== request.actor.username) throw failure(FailureType.Conflict, `task ${request.taskId} is claimed by ${task.claimedBy}`);
    },
  });

  setHandler(unclaimTaskUpdate, async (request) => {
    const task = openTask!;
    if (task.claimedBy) {
      openTask = { ...task, claimedBy: undefined };
      await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: null });
      await audit(`unclaimed:${task.taskId}:${++handlerSequence}`, { actor: request.actor.username, actorRole: task.role, departmentCode: request.actor.departmentCode, action: 'task.unclaimed', taskId: task.taskId, requestId: request.actor.requestId });
    }
    return view();
  }, {
    validator: (request) => {
      const task = requireOpenTask(request.taskId);
      if (task.claimedBy && task.claimedBy !== request.actor.username) throw failure(FailureType.Forbidden, `task ${request.taskId} is claimed by ${task.claimedBy}`);
      requireActionable(request.actor, task);
    },
  });

  setHandler(delegateTaskUpdate, async (request) => {
    const task = openTask!;
    openTask = { ...task, assignee: request.delegate.username, claimedBy: request.delegate.username };
    await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: request.delegate.username, assignee: request.delegate.username, delegatedBy: request.actor.username });
    const step = ++handlerSequence;
    const delegated = openTask;
    try {
      await audit(`delegated:${task.taskId}:${step}`, {
        actor: request.actor.username,
        actorRole: task.role,
        departmentCode: request.actor.departmentCode,
        action: 'task.delegated',
        taskId: task.taskId,
        reason: request.comment,
        requestId: request.actor.requestId,
        detail: { to: request.delegate.username },
      });
    } catch (error) {
      const refusal = refusalOf(error, '转交', ['comment']);
      if (!refusal) throw error;
      // Undone: the task is held as it was before (unless another request has changed it since).
      if (openTask === delegated) openTask = task;
      await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: task.claimedBy ?? null, assignee: task.assignee ?? null });
      await reportRefusal(`delegate:${task.taskId}:${step}`, request.actor, '转交', refusal, task.taskId);
      throw refusal;
    }
    await activities.notify({
      key: `${workflowId}:delegated:${task.taskId}:${step}`,
      to: { usernames: [request.delegate.username] },
      kind: 'task-delegated',
      title: `${REVIEW_STAGE_LABELS[task.stage]}任务已转交给您：${content.title}`,
      body: `${request.actor.displayName}将任务转交给您${request.comment ? `：${request.comment}` : ''}。截止 ${task.dueAt}`,
      itemId: input.itemId,
      taskId: task.taskId,
    });
    return view();
  }, {
    validator: (request) => {
      const task = requireOpenTask(request.taskId);
      requireActionable(request.actor, task);
      if (task.claimedBy && task.claimedBy !== request.actor.username) throw failure(FailureType.Conflict, `task ${request.taskId} is claimed by ${task.claimedBy}`);
      const separation = separationOfDutiesRefusal({ username: request.delegate.username, drafterUsername: input.drafter.username, stageDeciders });
      if (separation) throw failure(FailureType.Forbidden, `不能转交给${request.delegate.displayName}：${separation}`, { fields: ['delegateTo'] });
      if (!holdsStage(request.delegate, task)) {
        throw failure(FailureType.InvalidInput, `${request.delegate.username} does not hold the role ${task.role} in department ${task.departmentCode}`, { fields: ['delegateTo'] });
      }
      if (request.delegate.username === request.actor.username) throw failure(FailureType.InvalidInput, 'delegate to someone else', { fields: ['delegateTo'] });
    },
  });

  setHandler(extendDeadlineUpdate, async (request) => {
    const step = ++handlerSequence;
    const before = { releaseDeadline, openTask };
    try {
      return await extend(request, step);
    } catch (error) {
      const refusal = refusalOf(error, '延期', ['reason']);
      if (!refusal) throw error;
      // The reason could not be stored with the new due time: the old one stands.
      if (request.target === 'release') releaseDeadline = before.releaseDeadline;
      else if (before.openTask && openTask?.taskId === before.openTask.taskId) openTask = { ...openTask, dueAt: before.openTask.dueAt, overdue: before.openTask.overdue };
      await reportRefusal(`extend:${step}`, request.actor, '延期', refusal);
      throw refusal;
    }
  }, {
    validator: validateExtension,
  });

  async function extend(request: ExtendDeadlineRequest, step: number): Promise<DisclosureItemView> {
    if (request.target === 'release') {
      const previous = releaseDeadline!;
      const next = await calendar.computeExtendedDeadline({ dueAt: previous.dueAt, workingDays: request.workingDays });
      releaseDeadline = next;
      await activities.recordReleaseDeadline({ itemId: input.itemId, deadline: { ...next, explanation: `${previous.explanation}；督查延期${request.workingDays}个工作日：${request.reason}，截止${next.dueDate}` } });
      upsert([{ key: ReleaseDueAtAttribute, value: new Date(next.dueAt) }]);
      await auditExtension(step, request.actor, request.reason, { target: 'release', from: previous.dueAt, to: next.dueAt, workingDays: request.workingDays });
      releaseExtensions.push({ workingDays: request.workingDays, reason: request.reason });
      releaseDue?.rearm(); // a new reminder before the new instant; no longer overdue if it is ahead
    } else {
      const task = openTask!;
      const next = await calendar.computeExtendedDeadline({ dueAt: task.dueAt, workingDays: request.workingDays });
      if (openTask?.taskId === task.taskId) openTask = { ...openTask, dueAt: next.dueAt, overdue: false };
      await activities.rescheduleReviewTask({ taskId: task.taskId, dueAt: next.dueAt, dueExplanation: `督查延期${request.workingDays}个工作日：${request.reason}（${next.explanation}）` });
      await activities.recordTaskOverdue({ taskId: task.taskId, itemId: input.itemId, overdue: false });
      await auditExtension(step, request.actor, request.reason, { target: task.taskId, stage: task.stage, from: task.dueAt, to: next.dueAt, workingDays: request.workingDays });
      rearmTaskTimer();
    }
    return view();
  }

  function validateExtension(request: ExtendDeadlineRequest): void {
    if (!request.actor.roles.includes('supervisor')) throw failure(FailureType.Forbidden, 'only a supervisor can extend a deadline');
    if (!request.reason?.trim()) throw failure(FailureType.InvalidInput, 'a reason is required', { fields: ['reason'] });
    if (!Number.isInteger(request.workingDays) || request.workingDays < 1 || request.workingDays > MAX_EXTENSION_WORKING_DAYS) {
      throw failure(FailureType.InvalidInput, `workingDays must be a whole number from 1 to ${MAX_EXTENSION_WORKING_DAYS}`, { fields: ['workingDays'] });
    }
    if (request.target === 'release') {
      if (releaseDeadline === undefined || releasedAt || state === 'REJECTED' || state === 'WITHDRAWN') throw failure(FailureType.Conflict, `the release deadline of a ${state} item cannot be extended`);
    } else {
      requireOpenTask(request.target);
    }
  }

  setHandler(newEditionUpdate, async (request) => {
    pendingEdition = request;
    return awaitStep();
  }, {
    validator: (request) => {
      if (!isDrafter(request.actor)) throw failure(FailureType.Forbidden, 'only the drafter of this item can change it');
      if (state !== 'RELEASED') throw failure(FailureType.Conflict, `the item is ${state}; a new edition starts from a released item`);
      if (pendingEdition || pendingWithdrawal) throw failure(FailureType.Conflict, 'the item is already changing');
      if (!request.reason?.trim()) throw failure(FailureType.InvalidInput, 'a reason for the change is required', { fields: ['reason'] });
      const fields = (['title', 'body', 'interpretation'] as const).filter((field) => request[field] !== undefined);
      if (fields.length === 0) throw failure(FailureType.InvalidInput, 'give at least one of title, body, interpretation', { fields: ['title', 'body', 'interpretation'] });
      const empty = fields.filter((field) => !request[field]?.trim());
      if (empty.length) throw failure(FailureType.InvalidInput, `${empty.join(', ')} must not be empty`, { fields: empty });
    },
  });

  // Each public concern is a child workflow with its own deadline. ABANDON: a concern is still answered
  // after the item is withdrawn.
  setHandler(registerConcernUpdate, async (concern) => {
    const workflowId = publicConcernWorkflowId(concern.concernId);
    try {
      await startChild(PUBLIC_CONCERN_WORKFLOW_TYPE, { workflowId, args: [concern], parentClosePolicy: 'ABANDON', workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return { concernId: concern.concernId, workflowId };
  }, {
    validator: (concern) => {
      if (concern.itemId !== input.itemId) throw failure(FailureType.InvalidInput, 'the concern is for another item', { fields: ['itemId'] });
      if (state !== 'RELEASED') throw failure(FailureType.Conflict, `the item is ${state}; concerns are taken on released items`);
    },
  });

  setHandler(withdrawUpdate, async (request) => {
    pendingWithdrawal = request;
    return awaitStep();
  }, {
    validator: (request) => {
      const mayWithdraw =
        isDrafter(request.actor) ||
        (request.actor.departmentCode === input.drafter.departmentCode && request.actor.roles.includes('leader')) ||
        request.actor.roles.includes('disclosure-office');
      if (!mayWithdraw) throw failure(FailureType.Forbidden, 'only the drafter, the department leader or the disclosure office can withdraw');
      if (state !== 'RELEASED') throw failure(FailureType.Conflict, `the item is ${state}; only a released item can be withdrawn`);
      if (pendingWithdrawal) throw failure(FailureType.Conflict, 'the item is already being withdrawn');
      if (!request.reason?.trim()) throw failure(FailureType.InvalidInput, 'a public reason is required', { fields: ['reason'] });
    },
  });

  const now = () => new Date().toISOString();
  type AuditFields = Omit<AuditRecord, 'eventKey' | 'itemId' | 'occurredAt'>;
  /** An audit row of this item's step, keyed by the step so that a retried write stores it once. */
  const auditRecord = (step: string, fields: AuditFields): AuditRecord => ({ eventKey: `${workflowId}:${step}`, itemId: input.itemId, occurredAt: now(), ...fields });
  const audit = (step: string, fields: AuditFields, via = activities) => via.recordAuditEvent(auditRecord(step, fields));
  /**
   * Records a request that could not be applied and tells the supervisors and the sender. Best effort:
   * when the database is what failed these fail too, and the refusal the sender got is the record.
   */
  const reportRefusal = async (step: string, actor: ActorRef, request: string, refusal: ApplicationFailure, taskId?: string) => {
    const detail = refusal.details?.[0] as { fields?: string[]; activity?: string } | undefined;
    const who = printable(actor.displayName || actor.username);
    try {
      await requestActivities.recordAuditEvent({
        eventKey: `${workflowId}:refused:${step}`,
        itemId: input.itemId,
        taskId,
        actor: printable(actor.username),
        actorRole: primaryRole(actor),
        departmentCode: printable(actor.departmentCode),
        action: 'request.refused',
        reason: refusal.message,
        occurredAt: now(),
        detail: { request, failureType: refusal.type, fields: detail?.fields ?? [], activity: detail?.activity },
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
    try {
      await requestActivities.notify({
        key: `${workflowId}:refused:${step}`,
        to: { role: 'supervisor', usernames: [printable(actor.username)] },
        kind: 'request-refused',
        title: `办理未生效：${content.title}`,
        body: `${who}的操作（${request}）未能生效，事项保持原状，可重新办理。${refusal.message}`,
        itemId: input.itemId,
        taskId,
      });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
    }
  };
  const auditExtension = (step: number, actor: ActorRef, reason: string, detail: Record<string, unknown>) =>
    audit(`extended:${step}`, { actor: actor.username, actorRole: 'supervisor', departmentCode: actor.departmentCode, action: 'deadline.extended', reason, requestId: actor.requestId, detail });
  // Operators' search attributes are kept current only when the starter set them (the API does); a
  // cluster without them registered, such as the time-skipping test server, is then never asked to.
  const visibility = workflowInfo().typedSearchAttributes.get(DepartmentIdAttribute) !== undefined;
  // A lean history upserts what changed once per workflow task (see flushAttributes), not once per write.
  const published = new Map<string, string>();
  const pendingAttributes = new Map<string, SearchAttributeUpdatePair>();
  const stateAtStart = workflowInfo().typedSearchAttributes.get(DisclosureStateAttribute);
  if (stateAtStart !== undefined) published.set(DisclosureStateAttribute.name, JSON.stringify(stateAtStart));
  function upsert(pairs: SearchAttributeUpdatePair[]): void {
    if (!visibility) return;
    if (!lean) {
      upsertSearchAttributes(pairs);
      return;
    }
    for (const pair of pairs) pendingAttributes.set(pair.key.name, pair);
  }
  /** Upserts the attributes whose values changed since the last upsert, in one command. */
  function flushAttributes(): void {
    const changed = [...pendingAttributes.values()].filter((pair) => published.get(pair.key.name) !== JSON.stringify(pair.value));
    pendingAttributes.clear();
    if (changed.length === 0) return;
    for (const pair of changed) published.set(pair.key.name, JSON.stringify(pair.value));
    upsertSearchAttributes(changed);
  }
  if (lean && visibility) {
    // Runs whenever the workflow waits: everything a step changed goes out together.
    void (async () => {
      for (;;) {
        await condition(() => pendingAttributes.size > 0);
        flushAttributes();
      }
    })();
  }
  const setState = async (next: DisclosureState, extra: { releasedAt?: string; withdrawalReason?: string } = {}, via = activities) => {
    state = next;
    upsert([{ key: DisclosureStateAttribute, value: next }]);
    await via.recordItemState({ itemId: input.itemId, state: next, revision, at: now(), ...extra });
  };

  const rearmTaskTimer = () => {
    deadlineRevision++;
    openTaskDue?.rearm();
  };

  /** Recomputes every deadline with the calendar now in force and re-arms the timers. */
  const recalculateDeadlines = async (request: RecalculateDeadlinesRequest) => {
    const recalculation = deadlineRevision + 1;
    rearmTaskTimer();
    const previous = releaseDeadline!;
    const next = await recalculatedReleaseDeadline();
    releaseDeadline = next;
    await activities.recordReleaseDeadline({ itemId: input.itemId, deadline: next });
    upsert([{ key: ReleaseDueAtAttribute, value: new Date(next.dueAt) }]);
    releaseDue?.rearm();
    const task = openTask;
    if (task && openTaskOpenedAt) {
      const due = await calendar.computeStageDeadline({ stage: task.stage, openedAt: openTaskOpenedAt });
      if (openTask?.taskId === task.taskId) openTask = { ...openTask, dueAt: due.dueAt };
      await activities.rescheduleReviewTask({ taskId: task.taskId, dueAt: due.dueAt, dueExplanation: due.explanation });
    }
    rearmTaskTimer(); // wake the waiting timer now that the new due time is in place
    await audit(`deadlines-recalculated:${recalculation}`, {
      actor: request.actor.username,
      actorRole: primaryRole(request.actor),
      departmentCode: request.actor.departmentCode,
      action: 'deadline.recalculated',
      reason: request.reason,
      requestId: request.actor.requestId,
      detail: { from: previous.dueAt, to: next.dueAt, provisional: next.provisional, calendarVersion: next.calendarVersion, why: next.explanation },
    });
  };
  /**
   * The release deadline under the calendar now in force: the catalog rule's, then the working days every
   * extension granted, counted again on the new calendar (an extension is days, not a date).
   */
  async function recalculatedReleaseDeadline(): Promise<Deadline> {
    const base = await calendar.computeReleaseDeadline(releaseDeadlineRequestOf(input));
    if (releaseExtensions.length === 0 || !patched(RECALCULATION_KEEPS_EXTENSIONS)) return base;
    const workingDays = releaseExtensions.reduce((sum, extension) => sum + extension.workingDays, 0);
    const extended = await calendar.computeExtendedDeadline({ dueAt: base.dueAt, workingDays });
    const granted = releaseExtensions.map((extension) => `督查延期${extension.workingDays}个工作日：${extension.reason}`).join('；');
    return {
      ...base,
      dueAt: extended.dueAt,
      dueDate: extended.dueDate,
      provisional: base.provisional || extended.provisional,
      explanation: `${base.explanation}；${granted}，截止${extended.dueDate}`,
    };
  }
  const mayRecalculate = () => releaseDeadline !== undefined && state !== 'REJECTED' && state !== 'WITHDRAWN';

  // From the calendar recalculation batch: a signal, so that it reaches the item even while no worker runs it.
  // A draft not yet recorded computes with the new calendar anyway, and a closed item has no deadline left.
  setHandler(recalculateDeadlinesSignal, async (request) => {
    if (!mayRecalculate()) return;
    try {
      await recalculateDeadlines(request);
    } catch (error) {
      // A signal has no caller to answer: an error here would fail the whole item. The old deadline stays
      // in force and the batch's next run (or an admin's Update) can try again.
      log.warn('deadline recalculation refused', { error: error instanceof Error ? error.message : String(error) });
    }
  });

  setHandler(recalculateDeadlinesUpdate, async (request) => {
    await recalculateDeadlines(request);
    return view();
  }, {
    validator: (request) => {
      if (!request.reason?.trim()) throw failure(FailureType.InvalidInput, 'a reason is required', { fields: ['reason'] });
      if (releaseDeadline === undefined) throw failure(FailureType.Conflict, 'the draft is not recorded yet');
      if (state === 'REJECTED' || state === 'WITHDRAWN') throw failure(FailureType.Conflict, `the item is ${state}`);
    },
  });

  if (!input.resume) {
    // 1. The draft: its statutory deadline comes from the catalog rule it started under. A draft whose
    // deadline cannot be computed or whose data cannot be stored is refused, and the workflow ends with it.
    let deadline: Deadline;
    try {
      // A full activity even in a lean history: a local one would refuse a bad formedAt inside the first
      // workflow task, before the server has recorded the draft's Update as accepted, and its answer would be lost.
      deadline = await activities.computeReleaseDeadline(releaseDeadlineRequestOf(input));
    } catch (error) {
      throw await refuseDraft(error, ['formedAt']);
    }
    const created: AuditFields = {
      actor: input.drafter.username,
      actorRole: 'drafter',
      departmentCode: input.drafter.departmentCode,
      action: 'item.created',
      requestId: input.drafter.requestId,
      detail: { catalogItemCode: input.catalogItem.code, catalogVersionId: input.catalogVersionId, releaseDueAt: deadline.dueAt, why: deadline.explanation, calendarVersion: deadline.calendarVersion },
    };
    if (lean) {
      // The draft, its audit row and its release reminder in one step.
      try {
        const { releaseReminderAt } = await activities.recordDraftStep({ input, deadline, createdAt: now(), audit: auditRecord('created', created) });
        knownReminders.set(deadline.dueAt, releaseReminderAt);
      } catch (error) {
        throw await refuseDraft(error, ['title', 'body', 'interpretation']);
      }
    } else {
      try {
        await activities.recordDraft({ input, deadline, createdAt: now() });
      } catch (error) {
        throw await refuseDraft(error, ['title', 'body', 'interpretation']);
      }
      await audit('created', created);
    }
    upsert([{ key: ReleaseDueAtAttribute, value: new Date(deadline.dueAt) }]);
    releaseDeadline = deadline;
    if (lean || patched(RELEASE_DEADLINE_TIMER)) startReleaseTimer();

    // 2–4. Review, sign-off and release of the first edition.
    if ((await reviewSignAndRelease(undefined)) === 'rejected') {
      releaseDue?.stop(); // a rejected item owes no release
      await releaseTimer;
      await condition(allHandlersFinished);
      flushAttributes();
      return view();
    }
  }

  // 5. After release: a change (变更) is a new edition through the chain again; a withdrawal ends the item.
  for (;;) {
    const woken = () => pendingWithdrawal !== undefined || pendingEdition !== undefined || workflowInfo().continueAsNewSuggested;
    const untilPublicityEnds = publicityEndsAt !== undefined ? Date.parse(publicityEndsAt) - Date.now() : undefined;
    if (untilPublicityEnds !== undefined && untilPublicityEnds <= 0) {
      // 公示期已结束: recorded on the timeline; the portal shows it from the recorded end.
      const ended = publicityEndsAt!;
      publicityEndsAt = undefined;
      await audit(`publicity-ended:${edition}`, { actor: 'system', action: 'publicity.ended', departmentCode: input.drafter.departmentCode, detail: { edition, endsAt: ended } });
      continue;
    }
    const interpretationPending = interpretationDueAt !== undefined && !interpretationOverdueRecorded && !lastRelease?.content.interpretation;
    if (interpretationPending && Date.parse(interpretationDueAt!) > Date.now()) {
      const untilInterpretationDue = Date.parse(interpretationDueAt!) - Date.now();
      if (!(await condition(woken, Math.min(untilInterpretationDue, untilPublicityEnds ?? untilInterpretationDue)))) continue;
    } else if (interpretationPending) {
      // The interpretation is late: overdue like anything else.
      interpretationOverdueRecorded = true;
      await audit('interpretation-overdue', { actor: 'system', action: 'interpretation.overdue', departmentCode: input.drafter.departmentCode, detail: { dueAt: interpretationDueAt } });
      await activities.notify({
        key: `${workflowId}:interpretation-overdue`,
        to: { role: 'supervisor', usernames: [input.drafter.username] },
        kind: 'interpretation-overdue',
        title: `政策解读已逾期：${content.title}`,
        body: `解读应于 ${interpretationDueAt} 前发布。`,
        itemId: input.itemId,
      });
      continue;
    } else if (untilPublicityEnds !== undefined) {
      if (!(await condition(woken, untilPublicityEnds))) continue;
    } else if (lean && !(interpretationDueAt !== undefined && !lastRelease?.content.interpretation)) {
      // Released, with nothing left to time nor owed (an overdue interpretation keeps the item in progress
      // until an edition carries it): the workflow completes once no request is under way. A later
      // withdrawal, new edition or concern starts it again from the read model (update-with-start).
      await condition(() => woken() || allHandlersFinished());
      if (!woken()) break;
    } else {
      await condition(woken);
    }
    if (pendingWithdrawal) {
      if (await withdraw()) break;
      continue; // refused: the item stays released
    }
    if (pendingEdition) {
      const change = pendingEdition;
      pendingEdition = undefined;
      const released = lastRelease!;
      revision++;
      content = {
        title: change.title ?? content.title,
        body: change.body ?? content.body,
        ...((change.interpretation ?? content.interpretation) ? { interpretation: change.interpretation ?? content.interpretation } : {}),
      };
      try {
        await audit(`edition-started:r${revision}`, {
          actor: change.actor.username,
          actorRole: 'drafter',
          departmentCode: change.actor.departmentCode,
          action: 'edition.started',
          reason: change.reason,
          requestId: change.actor.requestId,
          detail: { edition: edition + 1, revision },
        }, requestActivities);
      } catch (error) {
        const refusal = refusalOf(error, '变更', ['reason']);
        if (!refusal) throw error;
        // Nothing of the change was recorded: the released edition stands as it was.
        revision--;
        content = { ...released.content };
        refuseStep(refusal);
        await reportRefusal(`edition:r${revision + 1}`, change.actor, 'item.new-edition', refusal);
        continue;
      }
      if ((await reviewSignAndRelease(change.actor, true)) === 'refused') {
        // The new content could not be stored: the released edition stays in force, as after a rejection.
        content = { ...released.content };
        await activities.recordContent({ itemId: input.itemId, revision, ...content });
      }
      continue;
    }
    // A long-lived item with many concerns: start a fresh history once the server suggests it.
    await condition(allHandlersFinished);
    if (pendingWithdrawal || pendingEdition) continue;
    flushAttributes();
    await continueAsNew<typeof disclosureItemWorkflow>({
      ...input,
      resume: { state, revision, edition, content, releasedAt: releasedAt!, releaseDeadline: releaseDeadline!, lastRelease: lastRelease!, interpretationDueAt, ...(publicityEndsAt ? { publicityEndsAt } : {}) },
    });
  }

  await condition(allHandlersFinished);
  flushAttributes();
  return view();

  /**
   * Withdraws the released edition from every channel. Returns false when the withdrawal could not be
   * applied (its reason refused, the database unreachable): the request is refused and the item stays
   * released; a channel already taken down stays recorded in the ledger, and a new withdrawal skips it.
   */
  async function withdraw(): Promise<boolean> {
    const withdrawal = pendingWithdrawal!;
    const withdrawnAt = now();
    const released = lastRelease!;
    const withdrawn: AuditFields = {
      actor: withdrawal.actor.username,
      actorRole: primaryRole(withdrawal.actor),
      departmentCode: withdrawal.actor.departmentCode,
      action: 'item.withdrawn',
      reason: withdrawal.reason,
      requestId: withdrawal.actor.requestId,
      detail: { edition: released.edition },
    };
    try {
      if (lean) {
        // Every channel at once (the ledger skips one already taken down), then WITHDRAWN and its audit row together.
        const outcomes = await Promise.allSettled(
          releaseChannelsOf(input.channels).map((channel) => requestActivities.withdrawFromChannel({ ...channelRequest(channel, released), reason: withdrawal.reason, withdrawnAt })),
        );
        const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        if (failed) throw failed.reason;
        await requestActivities.applyItemStep({
          itemId: input.itemId,
          state: { state: 'WITHDRAWN', revision, at: now(), withdrawalReason: withdrawal.reason },
          audit: [auditRecord(`withdrawn:r${released.revision}`, withdrawn)],
        });
        state = 'WITHDRAWN';
        upsert([{ key: DisclosureStateAttribute, value: state }]);
        completedSteps++;
        return true;
      }
      for (const channel of releaseChannelsOf(input.channels)) {
        await requestActivities.withdrawFromChannel({ ...channelRequest(channel, released), reason: withdrawal.reason, withdrawnAt });
      }
      await setState('WITHDRAWN', { withdrawalReason: withdrawal.reason }, requestActivities);
    } catch (error) {
      const refusal = refusalOf(error, '撤回', ['reason']);
      if (!refusal) throw error;
      pendingWithdrawal = undefined;
      if (state !== 'RELEASED') await setState('RELEASED');
      refuseStep(refusal);
      await reportRefusal(`withdraw:${++handlerSequence}`, withdrawal.actor, 'item.withdraw', refusal);
      return false;
    }
    await audit(`withdrawn:r${released.revision}`, withdrawn);
    completedSteps++;
    return true;
  }

  /** The draft cannot be recorded: its request is refused, and the workflow ends failed with the same refusal. */
  async function refuseDraft(error: unknown, fields: string[]): Promise<unknown> {
    const refusal = refusalOf(error, '草稿', fields);
    if (!refusal) return error;
    draftRefusal = refusal;
    await condition(allHandlersFinished);
    return refusal;
  }

  function channelRequest(channel: string, release: ReleasedEdition) {
    return {
      itemId: input.itemId,
      revision: release.revision,
      channel,
      ...release.content,
      contentHash: release.contentHash,
      releasedAt: release.releasedAt,
      departmentCode: input.drafter.departmentCode,
      catalogItemName: catalogItemName(input.catalogItem),
    };
  }

  /**
   * Review, sign-off and release of one edition. A return goes back to the drafter and an edit after
   * 签发 restarts the chain; a rejection ends a first edition, and leaves a later one's predecessor public.
   */
  async function reviewSignAndRelease(firstSubmitter: ActorRef | undefined, newEdition = false): Promise<'released' | 'rejected' | 'refused'> {
    let submitter = firstSubmitter;
    // Until its content is stored, a new edition can still be refused and the released edition stands.
    let startingEdition = newEdition;
    for (let attempt = 1; ; attempt++) {
      if (signOffVoided) {
        signOffVoided = false;
        revision++;
        submitter = input.drafter;
        await audit(`sign-off-voided:r${revision}`, { actor: input.drafter.username, actorRole: 'drafter', departmentCode: input.drafter.departmentCode, action: 'sign-off.voided', detail: { revision } });
      } else if (!submitter) {
        await condition(() => pendingSubmit !== undefined);
        submitter = pendingSubmit!.actor;
      }
      const chainRequest = { departmentCode: input.drafter.departmentCode, catalogItemCode: input.catalogItem.code, normativeDocument: input.normativeDocument ?? false };
      // A submission or a new edition waits on these writes: data they cannot store refuses that request.
      const waiting = startingEdition || pendingSubmit !== undefined;
      const via = waiting ? requestActivities : activities;
      let chain: { stages: ReviewStage[]; policyId: string | null };
      let firstTask: LeanOpenedTask | undefined;
      try {
        const submitted: AuditFields = {
          actor: submitter.username,
          actorRole: primaryRole(submitter),
          departmentCode: submitter.departmentCode,
          action: 'item.submitted',
          requestId: submitter.requestId,
          detail: { revision, edition: edition + 1 },
        };
        if (lean) {
          // One step: the chain read, the submission's audit row (with the chain), the content, IN_REVIEW, the first task.
          const openedAt = now();
          const step = await via.applyItemStep({
            itemId: input.itemId,
            resolveChain: chainRequest,
            chainInto: `${workflowId}:submitted:r${revision}`,
            ...(revision > 1 ? { content: { revision, ...content } } : {}),
            state: { state: 'IN_REVIEW', revision, at: openedAt },
            openTask: { taskId: uuid4(), departmentCode: input.drafter.departmentCode, revision, openedAt },
            audit: [auditRecord(`submitted:r${revision}`, submitted)],
          });
          chain = step.reviewChain!;
          firstTask = { ...step.openedTask!, openedAt };
        } else {
          chain = await activities.resolveReviewChain(chainRequest);
          reviewChain = chain.stages;
          await audit(`submitted:r${revision}`, { ...submitted, detail: { ...submitted.detail, reviewChain: chain.stages, policyId: chain.policyId } }, via);
          if (revision > 1) await via.recordContent({ itemId: input.itemId, revision, ...content });
        }
        reviewChain = chain.stages;
      } catch (error) {
        const refusal = waiting ? refusalOf(error, startingEdition ? '变更' : '提交', startingEdition ? ['title', 'body', 'interpretation'] : []) : undefined;
        if (!refusal) throw error;
        const actor = submitter;
        submitter = undefined;
        pendingSubmit = undefined;
        refuseStep(refusal);
        await reportRefusal(`submit:r${revision}:${attempt}`, actor, startingEdition ? 'item.new-edition' : 'item.submit', refusal);
        if (startingEdition) return 'refused';
        continue; // still a draft (or returned): wait for the next submission
      }
      submitter = undefined;
      startingEdition = false;
      // Answers the submission, the new edition, or the edit after 签发 that restarted the chain.
      const onSubmitted = () => {
        pendingSubmit = undefined;
        completedSteps++;
      };
      let outcome: 'approved' | 'returned' | 'rejected';
      if (firstTask) {
        state = 'IN_REVIEW';
        upsert([{ key: DisclosureStateAttribute, value: state }]);
        outcome = await runLeanReviewChain(chain.stages, firstTask, onSubmitted);
      } else {
        await setState('IN_REVIEW');
        outcome = await runReviewChain(chain.stages, onSubmitted);
      }
      if (outcome === 'rejected') return 'rejected';
      if (outcome === 'returned') continue;

      // Signed: the sign-off binds this exact content. Release now, or at the scheduled time.
      signedContentHash = contentFingerprint([content.title, content.body, content.interpretation ?? '']);
      signOffAnswered = false;
      if (lean) {
        // The 签发 step has stored APPROVED and the sign-off with its decision.
        state = 'APPROVED';
        upsert([{ key: DisclosureStateAttribute, value: state }]);
      } else {
        await setState('APPROVED');
        await activities.recordSignOff({ itemId: input.itemId, contentHash: signedContentHash, scheduledReleaseAt });
      }
      if (scheduledReleaseAt && Date.parse(scheduledReleaseAt) > Date.now()) {
        completedSteps++; // the 签发 decision is applied; the release waits for its time
        signOffAnswered = true;
        await condition(() => signOffVoided, Date.parse(scheduledReleaseAt) - Date.now());
        if (signOffVoided) {
          signedContentHash = undefined;
          scheduledReleaseAt = undefined;
          await activities.recordSignOff({ itemId: input.itemId, contentHash: null });
          continue;
        }
      }
      break;
    }

    // Release on every channel of the item, the government website first. A channel that refuses is
    // recorded and the others go on; the ledger makes a retried release publish once per channel.
    const contentHash = contentFingerprint([content.title, content.body, content.interpretation ?? '']);
    if (contentHash !== signedContentHash) throw ApplicationFailure.nonRetryable('the content changed after 签发 without a new sign-off', 'SignOffMismatch');
    const release: ReleasedEdition = { edition: edition + 1, revision, content: { ...content }, contentHash, releasedAt: now() };
    // Released: the deadline is met or missed at this instant, whatever the channels take.
    const timedRelease = releaseDue !== undefined && !releaseDue.isStopped;
    releaseDue?.stop();
    if (lean) return releaseLean(release, timedRelease, contentHash);
    const channelOutcomes: { channel: string; status: string; reference?: string }[] = [];
    for (const channel of releaseChannelsOf(input.channels)) {
      try {
        const outcome = await activities.releaseOnChannel(channelRequest(channel, release));
        channelOutcomes.push({ channel, status: outcome.status, reference: outcome.reference });
      } catch (error) {
        if (!(error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'ChannelRejected')) throw error;
        channelOutcomes.push({ channel, status: 'failed' });
        await audit(`channel-failed:r${revision}:${channel}`, { actor: 'system', action: 'channel.failed', departmentCode: input.drafter.departmentCode, reason: error.cause.message, detail: { channel, revision } });
      }
    }
    await activities.recordEdition({ itemId: input.itemId, ...release, ...release.content });
    edition = release.edition;
    lastRelease = release;
    releasedAt = release.releasedAt;
    scheduledReleaseAt = undefined;
    await setState('RELEASED', { releasedAt });
    let timing: { dueAt: string; late: boolean; workingDaysLate: number } | undefined;
    if (timedRelease) {
      await releaseTimer; // an overdue notice under way is written before the release's timing overwrites its flag
      const dueAt = releaseDeadline!.dueAt;
      timing = { dueAt, ...(await activities.recordReleaseTiming({ itemId: input.itemId, dueAt, releasedAt: release.releasedAt })) };
      if (timing.late) releaseLateWorkingDays = timing.workingDaysLate;
    }
    await audit(`released:r${revision}`, {
      actor: 'system',
      action: 'item.released',
      departmentCode: input.drafter.departmentCode,
      detail: { edition, channels: channelOutcomes, contentHash, revision, ...(content.interpretation ? { interpretation: 'released together' } : {}), ...(timing ?? {}) },
    });
    upsert([{ key: OverdueAttribute, value: false }]);
    if (patched(PUBLICITY_PERIOD)) {
      // 公示N个工作日: the period starts with the release; the post-release loop's timer closes it.
      const publicity = await activities.computePublicityPeriod({ releasedAt: release.releasedAt, rule: input.catalogItem.timeLimit.rule });
      if (publicity) {
        await activities.recordPublicityPeriod({ itemId: input.itemId, startsAt: publicity.startsAt, endsAt: publicity.endsAt });
        await audit(`publicity-started:${edition}`, { actor: 'system', action: 'publicity.started', departmentCode: input.drafter.departmentCode, detail: { edition, startsAt: publicity.startsAt, endsAt: publicity.endsAt, why: publicity.explanation } });
        publicityEndsAt = publicity.endsAt;
      }
    }
    if (input.catalogItem.needsInterpretation || (input.normativeDocument && patched(NORMATIVE_DOCUMENTS_NEED_INTERPRETATION))) await trackInterpretation(release);
    if (!signOffAnswered) completedSteps++; // an immediate 签发 answers once the item is released
    return 'released';
  }

  /**
   * The lean release: the government website first (the authoritative copy), then every other channel
   * together; then one step records the edition, RELEASED, the timing against the statutory deadline, the
   * 公示期, the interpretation's tracking and their audit rows, in one transaction.
   */
  async function releaseLean(release: ReleasedEdition, timedRelease: boolean, contentHash: string): Promise<'released'> {
    const failedChannels: AuditRecord[] = [];
    const releaseOn = async (channel: string) => {
      try {
        const outcome = await activities.releaseOnChannel(channelRequest(channel, release));
        return { channel, status: outcome.status, reference: outcome.reference };
      } catch (error) {
        if (!(error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'ChannelRejected')) throw error;
        failedChannels.push(auditRecord(`channel-failed:r${revision}:${channel}`, { actor: 'system', action: 'channel.failed', departmentCode: input.drafter.departmentCode, reason: error.cause.message, detail: { channel, revision } }));
        return { channel, status: 'failed' };
      }
    };
    const [website, ...others] = releaseChannelsOf(input.channels);
    const channelOutcomes = [await releaseOn(website!), ...(await Promise.all(others.map(releaseOn)))];
    edition = release.edition;
    lastRelease = release;
    releasedAt = release.releasedAt;
    scheduledReleaseAt = undefined;
    state = 'RELEASED';
    if (timedRelease) await releaseTimer; // an overdue notice under way is written before the release's timing overwrites its flag
    const departmentCode = input.drafter.departmentCode;
    const tracksInterpretation = input.catalogItem.needsInterpretation === true || input.normativeDocument === true;
    const interpretationFollows = tracksInterpretation && !release.content.interpretation;
    const outcome = await activities.recordReleaseStep({
      edition: { itemId: input.itemId, ...release, ...release.content },
      state: { state: 'RELEASED', revision, at: now(), releasedAt: release.releasedAt },
      ...(timedRelease ? { timedAgainst: releaseDeadline!.dueAt } : {}),
      before: failedChannels,
      released: auditRecord(`released:r${revision}`, {
        actor: 'system',
        action: 'item.released',
        departmentCode,
        detail: { edition, channels: channelOutcomes, contentHash, revision, ...(content.interpretation ? { interpretation: 'released together' } : {}) },
      }),
      publicity: { rule: input.catalogItem.timeLimit.rule, audit: auditRecord(`publicity-started:${edition}`, { actor: 'system', action: 'publicity.started', departmentCode, detail: { edition } }) },
      ...(interpretationFollows && !interpretationDueAt
        ? { interpretationPending: { workingDays: input.interpretationLagWorkingDays ?? 0, audit: auditRecord('interpretation-pending', { actor: 'system', action: 'interpretation.pending', departmentCode }) } }
        : {}),
      after: tracksInterpretation && !interpretationFollows
        ? [
            auditRecord(`interpretation-released:${release.edition}`, {
              actor: 'system',
              action: 'interpretation.released',
              departmentCode,
              detail: { edition: release.edition, together: interpretationDueAt === undefined, dueAt: interpretationDueAt ?? release.releasedAt, late: interpretationDueAt !== undefined && Date.parse(release.releasedAt) > Date.parse(interpretationDueAt) },
            }),
          ]
        : [],
    });
    if (outcome.timing?.late) releaseLateWorkingDays = outcome.timing.workingDaysLate;
    if (outcome.publicity) publicityEndsAt = outcome.publicity.endsAt;
    if (outcome.interpretationDue) interpretationDueAt = outcome.interpretationDue.dueAt;
    upsert([{ key: DisclosureStateAttribute, value: state }, { key: OverdueAttribute, value: false }]);
    if (!signOffAnswered) completedSteps++; // an immediate 签发 answers once the item is released
    return 'released';
  }

  /**
   * 三同步: a policy document's interpretation is released with it. Where the lag policy let the policy go
   * first, the interpretation falls due N working days after the release; a later edition carries it.
   */
  async function trackInterpretation(release: ReleasedEdition): Promise<void> {
    if (!release.content.interpretation) {
      if (interpretationDueAt) return;
      const due = await activities.computeExtendedDeadline({ dueAt: release.releasedAt, workingDays: input.interpretationLagWorkingDays ?? 0 });
      interpretationDueAt = due.dueAt;
      await audit('interpretation-pending', { actor: 'system', action: 'interpretation.pending', departmentCode: input.drafter.departmentCode, detail: { dueAt: due.dueAt, why: due.explanation } });
      return;
    }
    const late = interpretationDueAt !== undefined && Date.parse(release.releasedAt) > Date.parse(interpretationDueAt);
    await audit(`interpretation-released:${release.edition}`, {
      actor: 'system',
      action: 'interpretation.released',
      departmentCode: input.drafter.departmentCode,
      detail: { edition: release.edition, together: interpretationDueAt === undefined, dueAt: interpretationDueAt ?? release.releasedAt, late },
    });
  }

  /**
   * The lean review chain: each decision is one step (close the task, record it, and open the next stage's
   * task, or store the outcome: APPROVED with the sign-off, RETURNED, REJECTED) in one transaction. A
   * refused step stored nothing: the task stays open for a decision that can be recorded.
   */
  async function runLeanReviewChain(stages: readonly ReviewStage[], first: LeanOpenedTask, onSubmitted: () => void): Promise<'approved' | 'returned' | 'rejected'> {
    stageDeciders.clear(); // a new revision: its stages are decided afresh (四眼原则 per revision)
    let opened = first;
    for (const [index, stage] of stages.entries()) {
      const taskId = opened.taskId;
      const task: OpenTaskView = { taskId, stage, role: opened.role, departmentCode: input.drafter.departmentCode, dueAt: opened.dueAt, revision };
      openTask = task;
      openTaskOpenedAt = opened.openedAt;
      knownReminders.set(task.dueAt, opened.reminderAt);
      upsert([
        { key: StageAttribute, value: stage },
        { key: DueAtAttribute, value: nearestDueAt() ?? new Date(task.dueAt) },
        { key: OverdueAttribute, value: overdueNow() },
      ]);
      if (index === 0) onSubmitted();
      else completedSteps++; // the previous stage's approval has now opened this one

      const taskDue = taskTimer(taskId, stage);
      openTaskDue = taskDue;
      const next = stages[index + 1];
      let decision: CompleteTaskRequest;
      let nextTask: LeanOpenedTask | undefined;
      for (let attempt = 1; ; attempt++) {
        await taskDue.waitUntil(() => pendingDecision !== undefined);
        decision = pendingDecision!;
        const decidedAt = now();
        const decided = auditRecord(`decided:${taskId}`, {
          actor: decision.actor.username,
          actorRole: task.role,
          departmentCode: decision.actor.departmentCode,
          action: `task.${decision.decision}`,
          taskId,
          reason: decision.comment,
          requestId: decision.actor.requestId,
          detail: {
            stage,
            revision,
            late: Date.parse(decidedAt) > Date.parse(openTask!.dueAt),
            ...(stage === 'sign-off' ? { contentHash: contentFingerprint([content.title, content.body, content.interpretation ?? '']), releaseAt: decision.releaseAt } : {}),
          },
        });
        const closeTask = { taskId, decision: decision.decision, comment: decision.comment, decidedBy: decision.actor.username, decidedAt };
        const outcome = leanDecisionOutcome(decision, stage, next, decidedAt);
        try {
          const applied = await requestActivities.applyItemStep({ itemId: input.itemId, closeTask, ...outcome.step, audit: [decided, ...outcome.audit] });
          if (applied.openedTask) nextTask = { ...applied.openedTask, openedAt: decidedAt };
          break;
        } catch (error) {
          const refusal = refusalOf(error, '审核决定', decision.comment !== undefined ? ['comment'] : []);
          if (!refusal) throw error;
          pendingDecision = undefined;
          refuseStep(refusal);
          await reportRefusal(`decide:${taskId}:${attempt}`, decision.actor, `${REVIEW_STAGE_LABELS[stage]}：${decision.decision}`, refusal, taskId);
        }
      }
      decidedTaskIds.add(taskId);
      openTask = undefined;
      openTaskOpenedAt = undefined;
      openTaskDue = undefined;
      pendingDecision = undefined;
      if (decision.decision === 'reject') {
        if (lastRelease) {
          // The new edition is refused; the released edition stays public and in force.
          content = { ...lastRelease.content };
          revision++;
          state = 'RELEASED';
        } else {
          releaseDue?.stop();
          state = 'REJECTED';
        }
        upsert([{ key: DisclosureStateAttribute, value: state }]);
        completedSteps++;
        return 'rejected';
      }
      if (decision.decision === 'return') {
        revision++;
        state = 'RETURNED';
        upsert([{ key: DisclosureStateAttribute, value: state }]);
        completedSteps++;
        return 'returned';
      }
      stageDeciders.set(decision.actor.username, stage);
      if (stage === 'sign-off') scheduledReleaseAt = decision.releaseAt;
      if (next) opened = nextTask!;
    }
    return 'approved';
  }

  /** What a decision stores beside the task's close, in the same step. */
  function leanDecisionOutcome(decision: CompleteTaskRequest, stage: ReviewStage, next: ReviewStage | undefined, decidedAt: string) {
    type Step = Omit<Parameters<DisclosureActivities['applyItemStep']>[0], 'itemId' | 'closeTask' | 'audit'>;
    if (decision.decision === 'reject') {
      if (!lastRelease) return { step: { state: { state: 'REJECTED', revision, at: decidedAt } } satisfies Step, audit: [] };
      const restored = revision + 1;
      return {
        step: { content: { revision: restored, ...lastRelease.content }, state: { state: 'RELEASED', revision: restored, at: decidedAt } } satisfies Step,
        audit: [
          auditRecord(`edition-rejected:r${restored}`, { actor: decision.actor.username, actorRole: STAGE_ROLE[stage], departmentCode: decision.actor.departmentCode, action: 'edition.rejected', reason: decision.comment, detail: { edition: lastRelease.edition + 1 } }),
        ],
      };
    }
    if (decision.decision === 'return') return { step: { state: { state: 'RETURNED', revision: revision + 1, at: decidedAt } } satisfies Step, audit: [] };
    if (next) return { step: { openTask: { taskId: uuid4(), stage: next, departmentCode: input.drafter.departmentCode, revision, openedAt: decidedAt } } satisfies Step, audit: [] };
    // The last stage (签发) approved: the sign-off binds this exact content.
    const contentHash = contentFingerprint([content.title, content.body, content.interpretation ?? '']);
    return {
      step: { state: { state: 'APPROVED', revision, at: decidedAt }, signOff: { contentHash, ...(stage === 'sign-off' && decision.releaseAt ? { scheduledReleaseAt: decision.releaseAt } : {}) } } satisfies Step,
      audit: [],
    };
  }

  /** Runs the stages in order; returns when one returns or rejects, or when all approve. */
  async function runReviewChain(stages: readonly ReviewStage[], onSubmitted: () => void): Promise<'approved' | 'returned' | 'rejected'> {
    stageDeciders.clear(); // a new revision: its stages are decided afresh (四眼原则 per revision)
    for (const [index, stage] of stages.entries()) {
      const taskId = uuid4();
      const openedAt = now();
      const due = await activities.computeStageDeadline({ stage, openedAt });
      const task: OpenTaskView = { taskId, stage, role: STAGE_ROLE[stage], departmentCode: input.drafter.departmentCode, dueAt: due.dueAt, revision };
      await activities.openReviewTask({ ...task, itemId: input.itemId, dueExplanation: due.explanation });
      openTask = task;
      openTaskOpenedAt = openedAt;
      upsert([
        { key: StageAttribute, value: stage },
        { key: DueAtAttribute, value: nearestDueAt() ?? new Date(task.dueAt) },
        { key: OverdueAttribute, value: overdueNow() },
      ]);
      if (index === 0) onSubmitted();
      else completedSteps++; // the previous stage's approval has now opened this one

      const taskDue = taskTimer(taskId, stage);
      openTaskDue = taskDue;
      let decision: CompleteTaskRequest;
      for (let attempt = 1; ; attempt++) {
        await taskDue.waitUntil(() => pendingDecision !== undefined);
        decision = pendingDecision!;
        const decidedAt = now();
        const decidedTask = openTask!;
        let closed = false;
        try {
          await requestActivities.closeReviewTask({ taskId, decision: decision.decision, comment: decision.comment, decidedBy: decision.actor.username, decidedAt });
          closed = true;
          await audit(`decided:${taskId}`, {
            actor: decision.actor.username,
            actorRole: task.role,
            departmentCode: decision.actor.departmentCode,
            action: `task.${decision.decision}`,
            taskId,
            reason: decision.comment,
            requestId: decision.actor.requestId,
            detail: {
              stage,
              revision,
              late: Date.parse(decidedAt) > Date.parse(decidedTask.dueAt),
              ...(stage === 'sign-off' ? { contentHash: contentFingerprint([content.title, content.body, content.interpretation ?? '']), releaseAt: decision.releaseAt } : {}),
            },
          }, requestActivities);
          break;
        } catch (error) {
          const refusal = refusalOf(error, '审核决定', decision.comment !== undefined ? ['comment'] : []);
          if (!refusal) throw error;
          // The decision is not applied: the task stays open for a decision that can be recorded.
          pendingDecision = undefined;
          refuseStep(refusal);
          if (closed) await activities.reopenReviewTask({ taskId });
          await reportRefusal(`decide:${taskId}:${attempt}`, decision.actor, `${REVIEW_STAGE_LABELS[stage]}：${decision.decision}`, refusal, taskId);
        }
      }
      decidedTaskIds.add(taskId);
      openTask = undefined;
      openTaskOpenedAt = undefined;
      openTaskDue = undefined;
      pendingDecision = undefined;
      if (decision.decision === 'reject') {
        if (lastRelease) {
          // The new edition is refused; the released edition stays public and in force.
          content = { ...lastRelease.content };
          revision++;
          await activities.recordContent({ itemId: input.itemId, revision, ...content });
          await setState('RELEASED');
          await audit(`edition-rejected:r${revision}`, { actor: decision.actor.username, actorRole: task.role, departmentCode: decision.actor.departmentCode, action: 'edition.rejected', reason: decision.comment, detail: { edition: lastRelease.edition + 1 } });
        } else {
          releaseDue?.stop();
          await setState('REJECTED');
        }
        completedSteps++;
        return 'rejected';
      }
      if (decision.decision === 'return') {
        revision++;
        await setState('RETURNED');
        completedSteps++;
        return 'returned';
      }
      stageDeciders.set(decision.actor.username, stage);
      if (stage === 'sign-off') scheduledReleaseAt = decision.releaseAt;
    }
    return 'approved';
  }

  /**
   * The open task's due time (its state is the task's, kept across a refused decision so that waiting again
   * neither reminds nor escalates twice): a reminder one working day before the due time, then at the due
   * time the task and the item become overdue, the supervisors are told and the task escalates to the
   * department head. An extension moves the due time and re-arms it; the reminder is not sent again.
   */
  function taskTimer(taskId: string, stage: ReviewStage): DueTime {
    return new DueTime({
      dueAt: () => openTask!.dueAt,
      reminderAt: async (dueAt) => knownReminders.get(dueAt) ?? calendar.computeReminderAt({ dueAt }),
      onArmed: () => {
        // An extension gives the task a fresh due time.
        upsert([{ key: DueAtAttribute, value: nearestDueAt() ?? new Date(openTask!.dueAt) }, { key: OverdueAttribute, value: overdueNow() }]);
      },
      onReminder: async () => {
        const task = openTask!;
        await activities.notify({
          key: `${workflowId}:reminder:${taskId}`,
          to: task.assignee ? { usernames: [task.assignee] } : task.claimedBy ? { usernames: [task.claimedBy] } : { role: task.role, departmentCode: task.departmentCode },
          kind: 'task-reminder',
          title: `${REVIEW_STAGE_LABELS[stage]}即将到期：${content.title}`,
          body: `请于 ${task.dueAt} 前办理。`,
          itemId: input.itemId,
          taskId,
        });
        await activities.recordTaskReminder({ taskId, at: now() });
      },
      onDue: async (_dueAt, count) => {
        const task = openTask!;
        openTask = { ...task, overdue: true };
        await activities.recordTaskOverdue({ taskId, itemId: input.itemId, overdue: true });
        upsert([{ key: OverdueAttribute, value: true }]);
        await audit(`task-overdue:${taskId}:${count}`, { actor: 'system', action: 'task.overdue', taskId, departmentCode: task.departmentCode, detail: { stage, dueAt: task.dueAt } });
        const title = `${REVIEW_STAGE_LABELS[stage]}已逾期：${content.title}`;
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
  function startReleaseTimer(): void {
    const departmentCode = input.drafter.departmentCode;
    const due = new DueTime({
      dueAt: () => releaseDeadline?.dueAt,
      remindAgainWhenRearmed: true,
      reminderAt: async (dueAt) => knownReminders.get(dueAt) ?? calendar.computeReleaseReminderAt({ dueAt }),
      onArmed: async (_dueAt, wasOverdue) => {
        if (wasOverdue) await activities.recordReleaseOverdue({ itemId: input.itemId, overdue: false, at: now() });
        upsertDueAttributes();
      },
      onReminder: async (dueAt) => {
        await activities.notify({
          key: `${workflowId}:release-reminder:${dueAt}`,
          to: { role: 'reviewer', departmentCode, usernames: [input.drafter.username] },
          kind: 'release-reminder',
          title: `法定公开时限即将到期：${content.title}`,
          body: `该事项应于 ${dueAt} 前公开（${releaseDeadline?.explanation ?? ''}），当前状态：${state}。`,
          itemId: input.itemId,
        });
      },
      onDue: async (dueAt, count) => {
        await activities.recordReleaseOverdue({ itemId: input.itemId, overdue: true, at: now() });
        upsertDueAttributes();
        await audit(`release-overdue:${count}`, { actor: 'system', action: 'item.release-overdue', departmentCode, detail: { dueAt, state, why: releaseDeadline?.explanation } });
        const title = `法定公开时限已过仍未公开：${content.title}`;
        const body = `应于 ${dueAt} 前公开，部门 ${departmentCode}，当前状态：${state}。`;
        await activities.notify({ key: `${workflowId}:release-overdue:${count}`, to: { role: 'supervisor' }, kind: 'release-overdue', title, body, itemId: input.itemId });
        await activities.notify({ key: `${workflowId}:release-overdue-head:${count}`, to: { role: 'reviewer', departmentCode }, kind: 'release-overdue', title, body, itemId: input.itemId });
      },
    });
    releaseDue = due;
    releaseTimer = due.run();
  }

  function upsertDueAttributes(): void {
    const dueAt = nearestDueAt();
    upsert([{ key: OverdueAttribute, value: overdueNow() }, ...(dueAt ? [{ key: DueAtAttribute, value: dueAt }] : [])]);
  }
}
