import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  completeTaskUpdate,
  DepartmentCodeAttribute,
  disclosureItemViewQuery,
  DisclosureStateAttribute,
  draftRecordedUpdate,
  FailureType,
  recalculateDeadlinesUpdate,
  ReleaseDueAtAttribute,
  submitForReviewUpdate,
  withdrawUpdate,
  type ActorRef,
  type CompleteTaskRequest,
  type DisclosureItemInput,
  type DisclosureItemView,
  type OpenTaskView,
  type SubmitRequest,
  type WithdrawRequest,
} from '@zwgk/contracts';
import {
  contentFingerprint,
  defaultReviewChain,
  REVIEW_DECISIONS,
  STAGE_ROLE,
  type Deadline,
  type DisclosureState,
  type ReviewStage,
} from '@zwgk/domain';

const activities = proxyActivities<DisclosureActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

function failure(type: FailureType, message: string, details?: unknown): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] });
}

function primaryRole(actor: ActorRef): string | undefined {
  return actor.roles[0];
}

/**
 * One disclosure item from draft to release and beyond (发布—解读—回应). The workflow is the source of
 * truth; activities write the read models and the audit trail. Human decisions arrive as Updates whose
 * validators reject a wrong actor, a wrong task or a stale state before anything reaches history.
 */
export async function disclosureItemWorkflow(input: DisclosureItemInput): Promise<DisclosureItemView> {
  const workflowId = workflowInfo().workflowId;
  let state: DisclosureState = 'DRAFT';
  let revision = 1;
  let releaseDeadline: Deadline | undefined = undefined; // set once the calendar activity answers
  let openTask: OpenTaskView | undefined;
  let releasedAt: string | undefined = undefined;
  const decidedTaskIds = new Set<string>();
  // Requests accepted by a validator, waiting for the main loop to act on them.
  let pendingSubmit: SubmitRequest | undefined;
  let pendingDecision: CompleteTaskRequest | undefined;
  let pendingWithdrawal: WithdrawRequest | undefined;
  // Counts how many requests the main loop has finished, so an Update can answer after its effects.
  let completedSteps = 0;
  // Bumped when deadlines are recalculated, so a waiting timer re-arms with the new due time.
  let deadlineRevision = 0;
  let openTaskOpenedAt: string | undefined;

  const view = (): DisclosureItemView => ({
    itemId: input.itemId,
    state,
    revision,
    releaseDueAt: releaseDeadline?.dueAt,
    releaseDueExplanation: releaseDeadline?.explanation,
    releaseDueProvisional: releaseDeadline?.provisional,
    openTask,
    releasedAt,
  });

  const awaitStep = async (): Promise<DisclosureItemView> => {
    const target = completedSteps + 1;
    await condition(() => completedSteps >= target);
    return view();
  };

  setHandler(disclosureItemViewQuery, view);

  setHandler(draftRecordedUpdate, async () => {
    await condition(() => releaseDeadline !== undefined);
    return view();
  });

  setHandler(submitForReviewUpdate, async (request) => {
    pendingSubmit = request;
    return awaitStep();
  }, {
    validator: (request) => {
      if (request.actor.username !== input.drafter.username) {
        throw failure(FailureType.Forbidden, 'only the drafter of this item can submit it');
      }
      if (state !== 'DRAFT' && state !== 'RETURNED') {
        throw failure(FailureType.Conflict, `the item is ${state}; only a draft or a returned item can be submitted`);
      }
      if (pendingSubmit || releaseDeadline === undefined) {
        throw failure(FailureType.Conflict, 'the item is already being submitted');
      }
    },
  });

  setHandler(completeTaskUpdate, async (request) => {
    pendingDecision = request;
    return awaitStep();
  }, {
    validator: (request) => {
      if (!openTask || openTask.taskId !== request.taskId) {
        if (decidedTaskIds.has(request.taskId)) {
          throw failure(FailureType.Conflict, `task ${request.taskId} has already been completed`);
        }
        throw failure(FailureType.NotFound, `task ${request.taskId} is not an open task of this item`);
      }
      if (pendingDecision) throw failure(FailureType.Conflict, `task ${request.taskId} is already being decided`);
      if (request.actor.username === input.drafter.username) {
        throw failure(FailureType.Forbidden, 'the drafter of an item cannot decide any review stage of it');
      }
      if (!request.actor.roles.includes(openTask.role) || request.actor.departmentCode !== openTask.departmentCode) {
        throw failure(FailureType.Forbidden, `this ${openTask.stage} task is for the role ${openTask.role} in department ${openTask.departmentCode}`);
      }
      if (!REVIEW_DECISIONS.includes(request.decision)) {
        throw failure(FailureType.InvalidInput, 'decision must be approve, return or reject', { fields: ['decision'] });
      }
      if (request.decision !== 'approve' && !request.comment?.trim()) {
        throw failure(FailureType.InvalidInput, `a comment is required to ${request.decision} a task`, { fields: ['comment'] });
      }
    },
  });

  setHandler(withdrawUpdate, async (request) => {
    pendingWithdrawal = request;
    return awaitStep();
  }, {
    validator: (request) => {
      const mayWithdraw =
        request.actor.username === input.drafter.username ||
        (request.actor.departmentCode === input.drafter.departmentCode && request.actor.roles.includes('leader')) ||
        request.actor.roles.includes('disclosure-office');
      if (!mayWithdraw) throw failure(FailureType.Forbidden, 'only the drafter, the department leader or the disclosure office can withdraw');
      if (state !== 'RELEASED') throw failure(FailureType.Conflict, `the item is ${state}; only a released item can be withdrawn`);
      if (pendingWithdrawal) throw failure(FailureType.Conflict, 'the item is already being withdrawn');
      if (!request.reason?.trim()) throw failure(FailureType.InvalidInput, 'a public reason is required', { fields: ['reason'] });
    },
  });

  const now = () => new Date().toISOString();
  const audit = (step: string, fields: Omit<Parameters<DisclosureActivities['recordAuditEvent']>[0], 'eventKey' | 'itemId' | 'occurredAt'>) =>
    activities.recordAuditEvent({ eventKey: `${workflowId}:${step}`, itemId: input.itemId, occurredAt: now(), ...fields });
  // Operators' search attributes are kept current only when the starter set them (the API does); a
  // cluster without them registered, such as the time-skipping test server, is then never asked to.
  const visibility = workflowInfo().typedSearchAttributes.get(DepartmentCodeAttribute) !== undefined;
  const setState = async (next: DisclosureState, extra: { releasedAt?: string; withdrawalReason?: string } = {}) => {
    state = next;
    if (visibility) upsertSearchAttributes([{ key: DisclosureStateAttribute, value: next }]);
    await activities.recordItemState({ itemId: input.itemId, state: next, revision, at: now(), ...extra });
  };

  setHandler(recalculateDeadlinesUpdate, async (request) => {
    const recalculation = ++deadlineRevision;
    const previous = releaseDeadline!;
    const next = await activities.computeReleaseDeadline({ rule: input.catalogItem.timeLimit.rule, formedAt: input.formedAt });
    releaseDeadline = next;
    await activities.recordReleaseDeadline({ itemId: input.itemId, deadline: next });
    if (visibility) upsertSearchAttributes([{ key: ReleaseDueAtAttribute, value: new Date(next.dueAt) }]);
    const task = openTask;
    if (task && openTaskOpenedAt) {
      const due = await activities.computeStageDeadline({ stage: task.stage, openedAt: openTaskOpenedAt });
      if (openTask?.taskId === task.taskId) openTask = { ...task, dueAt: due.dueAt };
      await activities.rescheduleReviewTask({ taskId: task.taskId, dueAt: due.dueAt, dueExplanation: due.explanation });
    }
    deadlineRevision++; // wake the waiting timer now that the new due time is in place
    await audit(`deadlines-recalculated:${recalculation}`, {
      actor: request.actor.username,
      actorRole: primaryRole(request.actor),
      departmentCode: request.actor.departmentCode,
      action: 'deadline.recalculated',
      reason: request.reason,
      requestId: request.actor.requestId,
      detail: { from: previous.dueAt, to: next.dueAt, provisional: next.provisional, calendarVersion: next.calendarVersion, why: next.explanation },
    });
    return view();
  }, {
    validator: (request) => {
      if (!request.reason?.trim()) throw failure(FailureType.InvalidInput, 'a reason is required', { fields: ['reason'] });
      if (releaseDeadline === undefined) throw failure(FailureType.Conflict, 'the draft is not recorded yet');
      if (state === 'REJECTED' || state === 'WITHDRAWN') throw failure(FailureType.Conflict, `the item is ${state}`);
    },
  });

  // 1. The draft: its statutory deadline comes from the catalog rule it started under.
  const deadline = await activities.computeReleaseDeadline({ rule: input.catalogItem.timeLimit.rule, formedAt: input.formedAt });
  await activities.recordDraft({ input, deadline, createdAt: now() });
  await audit('created', {
    actor: input.drafter.username,
    actorRole: 'drafter',
    departmentCode: input.drafter.departmentCode,
    action: 'item.created',
    requestId: input.drafter.requestId,
    detail: { catalogItemCode: input.catalogItem.code, catalogVersionId: input.catalogVersionId, releaseDueAt: deadline.dueAt, why: deadline.explanation },
  });
  if (visibility) upsertSearchAttributes([{ key: ReleaseDueAtAttribute, value: new Date(deadline.dueAt) }]);
  releaseDeadline = deadline;

  // 2. Review: submit, then each stage of the chain in order. A return sends it back to the drafter.
  let approved = false;
  while (!approved) {
    await condition(() => pendingSubmit !== undefined);
    const submitter = pendingSubmit!.actor;
    await audit(`submitted:r${revision}`, {
      actor: submitter.username,
      actorRole: primaryRole(submitter),
      departmentCode: submitter.departmentCode,
      action: 'item.submitted',
      requestId: submitter.requestId,
      detail: { revision },
    });
    await setState('IN_REVIEW');
    const outcome = await runReviewChain(defaultReviewChain(), () => {
      pendingSubmit = undefined;
      completedSteps++;
    });
    if (outcome === 'rejected') {
      await condition(allHandlersFinished);
      return view();
    }
    approved = outcome === 'approved';
  }

  // 3. Release on the government website, first and mandatory.
  await setState('APPROVED');
  const contentHash = contentFingerprint([input.title, input.body]);
  const publication = await activities.publishOnGovernmentWebsite({ itemId: input.itemId, revision, contentHash, at: now() });
  releasedAt = publication.occurredAt;
  await setState('RELEASED', { releasedAt });
  await audit(`released:r${revision}`, {
    actor: 'system',
    action: 'item.released',
    departmentCode: input.drafter.departmentCode,
    detail: { channel: publication.channel, reference: publication.reference, contentHash },
  });
  completedSteps++; // the sign-off decision that led here is now fully applied

  // 4. After release: the item stays addressable for withdrawal (and, later, changes and concerns).
  await condition(() => pendingWithdrawal !== undefined);
  const withdrawal = pendingWithdrawal!;
  await activities.withdrawFromGovernmentWebsite({ itemId: input.itemId, revision, contentHash, at: now() });
  await setState('WITHDRAWN', { withdrawalReason: withdrawal.reason });
  await audit(`withdrawn:r${revision}`, {
    actor: withdrawal.actor.username,
    actorRole: primaryRole(withdrawal.actor),
    departmentCode: withdrawal.actor.departmentCode,
    action: 'item.withdrawn',
    reason: withdrawal.reason,
    requestId: withdrawal.actor.requestId,
  });
  completedSteps++;
  await condition(allHandlersFinished);
  return view();

  /** Runs the stages in order; returns when one returns or rejects, or when all approve. */
  async function runReviewChain(stages: readonly ReviewStage[], onSubmitted: () => void): Promise<'approved' | 'returned' | 'rejected'> {
    for (const [index, stage] of stages.entries()) {
      const taskId = uuid4();
      const openedAt = now();
      const due = await activities.computeStageDeadline({ stage, openedAt });
      const task: OpenTaskView = {
        taskId,
        stage,
        role: STAGE_ROLE[stage],
        departmentCode: input.drafter.departmentCode,
        dueAt: due.dueAt,
        revision,
      };
      await activities.openReviewTask({ ...task, itemId: input.itemId, dueExplanation: due.explanation });
      openTask = task;
      openTaskOpenedAt = openedAt;
      if (index === 0) onSubmitted();
      else completedSteps++; // the previous stage's approval has now opened this one

      let overdueRecorded = false;
      let armedFor = deadlineRevision;
      const woken = () => pendingDecision !== undefined || deadlineRevision !== armedFor;
      while (!pendingDecision) {
        armedFor = deadlineRevision;
        const dueAt = openTask?.dueAt ?? task.dueAt; // a recalculation may have moved it
        const remaining = Date.parse(dueAt) - Date.now();
        if (remaining > 0) {
          await condition(woken, remaining);
          continue; // decided, re-armed, or due: look again
        }
        if (!overdueRecorded) {
          overdueRecorded = true;
          await audit(`task-overdue:${taskId}`, { actor: 'system', action: 'task.overdue', taskId, departmentCode: task.departmentCode, detail: { stage, dueAt } });
        }
        await condition(woken);
      }
      const decision = pendingDecision;
      const decidedAt = now();
      await activities.closeReviewTask({ taskId, decision: decision.decision, comment: decision.comment, decidedBy: decision.actor.username, decidedAt });
      await audit(`decided:${taskId}`, {
        actor: decision.actor.username,
        actorRole: task.role,
        departmentCode: decision.actor.departmentCode,
        action: `task.${decision.decision}`,
        taskId,
        reason: decision.comment,
        requestId: decision.actor.requestId,
        detail: { stage, revision, ...(stage === 'sign-off' ? { contentHash: contentFingerprint([input.title, input.body]) } : {}) },
      });
      decidedTaskIds.add(taskId);
      openTask = undefined;
      openTaskOpenedAt = undefined;
      pendingDecision = undefined;
      if (decision.decision === 'reject') {
        await setState('REJECTED');
        completedSteps++;
        return 'rejected';
      }
      if (decision.decision === 'return') {
        revision++;
        await setState('RETURNED');
        completedSteps++;
        return 'returned';
      }
    }
    return 'approved';
  }
}
