import { allHandlersFinished, condition, continueAsNew, log, patched, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  delegateTaskUpdate,
  disclosureItemViewQuery,
  draftRecordedUpdate,
  extendDeadlineUpdate,
  newEditionUpdate,
  PUBLIC_CONCERN_WORKFLOW_TYPE,
  publicConcernWorkflowId,
  recalculateDeadlinesSignal,
  recalculateDeadlinesUpdate,
  registerConcernUpdate,
  releaseDeadlineRequestOf,
  ReleaseDueAtAttribute,
  reviseUpdate,
  submitForReviewUpdate,
  unclaimTaskUpdate,
  withdrawUpdate,
  type DisclosureItemInput,
  type DisclosureItemView,
} from '@zwgk/contracts';
import { REVIEW_STAGE_LABELS, type Deadline } from '@zwgk/domain/workflow';
import { failure, refusalOf } from '../workflow-support';
import { activities, createItemContext, requestActivities, type AuditFields } from './context';
import { extendDeadline, recalculateDeadlines } from './deadlines';
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
import { LEAN_ITEM, RELEASE_DEADLINE_TIMER } from './patches';
import { interpretationPending, recordInterpretationOverdue, withdraw } from './release';
import { reviewSignAndRelease, startNewEdition } from './review-chain';
import { initialItemState } from './state';
import { endPublicityPeriod, startReleaseTimer } from './timers';

/** A validator's answer: the guard's refusal, thrown as the non-retryable failure the API maps to 4xx. */
function reject(refusal: Refusal | undefined): void {
  if (refusal) throw failure(refusal.type, refusal.message, refusal.details);
}

/**
 * One disclosure item from draft to release and beyond (发布—解读—回应). The workflow is the source of
 * truth; activities write the read models, notifications and the audit trail. Human decisions arrive as
 * Updates whose validators (guards.ts) reject a wrong actor, a wrong task or a stale state before anything
 * reaches history. Every due time is a durable timer (timers.ts): a reminder before it, overdue and
 * escalation at it. This file holds the handlers and the main loop; review-chain.ts and release.ts the steps.
 */
export async function disclosureItemWorkflow(input: DisclosureItemInput): Promise<DisclosureItemView> {
  const lean = patched(LEAN_ITEM);
  // Restored from input.resume (continued as new, or re-opened) before any handler is registered, because
  // buffered Updates are validated as soon as their handler is set.
  const s = initialItemState(input);
  const ctx = createItemContext(input, s, lean);
  const { workflowId, view, audit, now } = ctx;

  setHandler(disclosureItemViewQuery, view);

  setHandler(draftRecordedUpdate, async () => {
    await condition(() => s.releaseDeadline !== undefined || s.draftRefusal !== undefined);
    if (s.releaseDeadline === undefined && s.draftRefusal) throw s.draftRefusal;
    return view();
  });

  setHandler(submitForReviewUpdate, async (request) => {
    s.pendingSubmit = request;
    return ctx.awaitStep();
  }, { validator: (request) => reject(submitRefusal(s, request, input)) });

  setHandler(reviseUpdate, async (request) => {
    const afterSignOff = s.state === 'APPROVED';
    const previous = s.content;
    const revised = {
      title: request.title ?? s.content.title,
      body: request.body ?? s.content.body,
      ...((request.interpretation ?? s.content.interpretation) ? { interpretation: request.interpretation ?? s.content.interpretation } : {}),
    };
    s.content = revised;
    const step = ++s.handlerSequence;
    try {
      await requestActivities.recordContent({ itemId: input.itemId, revision: s.revision, ...s.content });
    } catch (error) {
      const refusal = refusalOf(error, '修改', (['title', 'body', 'interpretation'] as const).filter((field) => request[field] !== undefined));
      if (!refusal) throw error;
      // Nothing was stored: the item keeps the content it had, unless a later revision replaced it meanwhile.
      if (s.content === revised) s.content = previous;
      await ctx.reportRefusal(`revise:${step}`, request.actor, 'item.revise', refusal);
      throw refusal;
    }
    await audit(`revised:${step}`, {
      actor: request.actor.username,
      actorRole: 'drafter',
      departmentCode: request.actor.departmentCode,
      action: 'item.revised',
      requestId: request.actor.requestId,
      detail: { revision: s.revision, fields: ['title', 'body', 'interpretation'].filter((field) => request[field as keyof typeof request] !== undefined), voidsSignOff: afterSignOff },
    });
    if (afterSignOff) {
      // Any edit after 签发 voids it: the main loop sends the new content through the chain again.
      s.signOffVoided = true;
      return ctx.awaitStep();
    }
    return view();
  }, { validator: (request) => reject(reviseRefusal(s, request, input)) });

  setHandler(completeTaskUpdate, async (request) => {
    s.pendingDecision = request;
    return ctx.awaitStep();
  }, { validator: (request) => reject(completeTaskRefusal(s, request, input)) });

  setHandler(claimTaskUpdate, async (request) => {
    const task = s.openTask!;
    if (task.claimedBy !== request.actor.username) {
      s.openTask = { ...task, claimedBy: request.actor.username };
      await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: request.actor.username });
      await audit(`claimed:${task.taskId}:${++s.handlerSequence}`, { actor: request.actor.username, actorRole: task.role, departmentCode: request.actor.departmentCode, action: 'task.claimed', taskId: task.taskId, requestId: request.actor.requestId });
    }
    return view();
  }, { validator: (request) => reject(claimTaskRefusal(s, request, input)) });

  setHandler(unclaimTaskUpdate, async (request) => {
    const task = s.openTask!;
    if (task.claimedBy) {
      s.openTask = { ...task, claimedBy: undefined };
      await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: null });
      await audit(`unclaimed:${task.taskId}:${++s.handlerSequence}`, { actor: request.actor.username, actorRole: task.role, departmentCode: request.actor.departmentCode, action: 'task.unclaimed', taskId: task.taskId, requestId: request.actor.requestId });
    }
    return view();
  }, { validator: (request) => reject(unclaimTaskRefusal(s, request, input)) });

  setHandler(delegateTaskUpdate, async (request) => {
    const task = s.openTask!;
    s.openTask = { ...task, assignee: request.delegate.username, claimedBy: request.delegate.username };
    await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: request.delegate.username, assignee: request.delegate.username, delegatedBy: request.actor.username });
    const step = ++s.handlerSequence;
    const delegated = s.openTask;
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
      if (s.openTask === delegated) s.openTask = task;
      await activities.recordTaskAssignment({ taskId: task.taskId, claimedBy: task.claimedBy ?? null, assignee: task.assignee ?? null });
      await ctx.reportRefusal(`delegate:${task.taskId}:${step}`, request.actor, '转交', refusal, task.taskId);
      throw refusal;
    }
    await activities.notify({
      key: `${workflowId}:delegated:${task.taskId}:${step}`,
      to: { usernames: [request.delegate.username] },
      kind: 'task-delegated',
      title: `${REVIEW_STAGE_LABELS[task.stage]}任务已转交给您：${s.content.title}`,
      body: `${request.actor.displayName}将任务转交给您${request.comment ? `：${request.comment}` : ''}。截止 ${task.dueAt}`,
      itemId: input.itemId,
      taskId: task.taskId,
    });
    return view();
  }, { validator: (request) => reject(delegateTaskRefusal(s, request, input)) });

  setHandler(extendDeadlineUpdate, (request) => extendDeadline(ctx, request), { validator: (request) => reject(extensionRefusal(s, request)) });

  setHandler(newEditionUpdate, async (request) => {
    s.pendingEdition = request;
    return ctx.awaitStep();
  }, { validator: (request) => reject(newEditionRefusal(s, request, input)) });

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
  }, { validator: (concern) => reject(concernRefusal(s, concern, input)) });

  setHandler(withdrawUpdate, async (request) => {
    s.pendingWithdrawal = request;
    return ctx.awaitStep();
  }, { validator: (request) => reject(withdrawalRefusal(s, request, input)) });

  ctx.startAttributeFlush();

  // From the calendar recalculation batch: a signal, so that it reaches the item even while no worker runs it.
  // A draft not yet recorded computes with the new calendar anyway, and a closed item has no deadline left.
  setHandler(recalculateDeadlinesSignal, async (request) => {
    if (!mayRecalculate(s)) return;
    try {
      await recalculateDeadlines(ctx, request);
    } catch (error) {
      // A signal has no caller to answer: an error here would fail the whole item. The old deadline stays
      // in force and the batch's next run (or an admin's Update) can try again.
      log.warn('deadline recalculation refused', { error: error instanceof Error ? error.message : String(error) });
    }
  });

  setHandler(recalculateDeadlinesUpdate, async (request) => {
    await recalculateDeadlines(ctx, request);
    return view();
  }, { validator: (request) => reject(recalculationRefusal(s, request)) });

  /** The draft cannot be recorded: its request is refused, and the workflow ends failed with the same refusal. */
  const refuseDraft = async (error: unknown, fields: string[]): Promise<unknown> => {
    const refusal = refusalOf(error, '草稿', fields);
    if (!refusal) return error;
    s.draftRefusal = refusal;
    await condition(allHandlersFinished);
    return refusal;
  };

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
        const { releaseReminderAt } = await activities.recordDraftStep({ input, deadline, createdAt: now(), audit: ctx.auditRecord('created', created) });
        s.knownReminders.set(deadline.dueAt, releaseReminderAt);
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
    ctx.upsert([{ key: ReleaseDueAtAttribute, value: new Date(deadline.dueAt) }]);
    s.releaseDeadline = deadline;
    if (lean || patched(RELEASE_DEADLINE_TIMER)) startReleaseTimer(ctx);

    // 2–4. Review, sign-off and release of the first edition.
    if ((await reviewSignAndRelease(ctx, undefined)) === 'rejected') {
      s.releaseDue?.stop(); // a rejected item owes no release
      await s.releaseTimer;
      await condition(allHandlersFinished);
      ctx.flushAttributes();
      return view();
    }
  }

  // 5. After release: a change (变更) is a new edition through the chain again; a withdrawal ends the item.
  // The loop also keeps the 公示期 and the interpretation's due time, and completes (lean) once nothing is left to time.
  for (;;) {
    const woken = () => s.pendingWithdrawal !== undefined || s.pendingEdition !== undefined || workflowInfo().continueAsNewSuggested;
    const untilPublicityEnds = s.publicityEndsAt !== undefined ? Date.parse(s.publicityEndsAt) - Date.now() : undefined;
    if (untilPublicityEnds !== undefined && untilPublicityEnds <= 0) {
      await endPublicityPeriod(ctx);
      continue;
    }
    if (interpretationPending(ctx) && Date.parse(s.interpretationDueAt!) > Date.now()) {
      const untilInterpretationDue = Date.parse(s.interpretationDueAt!) - Date.now();
      if (!(await condition(woken, Math.min(untilInterpretationDue, untilPublicityEnds ?? untilInterpretationDue)))) continue;
    } else if (interpretationPending(ctx)) {
      await recordInterpretationOverdue(ctx);
      continue;
    } else if (untilPublicityEnds !== undefined) {
      if (!(await condition(woken, untilPublicityEnds))) continue;
    } else if (lean && !(s.interpretationDueAt !== undefined && !s.lastRelease?.content.interpretation)) {
      // Released, with nothing left to time nor owed (an overdue interpretation keeps the item in progress
      // until an edition carries it): the workflow completes once no request is under way. A later
      // withdrawal, new edition or concern starts it again from the read model (update-with-start).
      await condition(() => woken() || allHandlersFinished());
      if (!woken()) break;
    } else {
      await condition(woken);
    }
    if (s.pendingWithdrawal) {
      if (await withdraw(ctx)) break;
      continue; // refused: the item stays released
    }
    if (s.pendingEdition) {
      await startNewEdition(ctx);
      continue;
    }
    // A long-lived item with many concerns: start a fresh history once the server suggests it.
    await condition(allHandlersFinished);
    if (s.pendingWithdrawal || s.pendingEdition) continue;
    ctx.flushAttributes();
    await continueAsNew<typeof disclosureItemWorkflow>({
      ...input,
      resume: {
        state: s.state,
        revision: s.revision,
        edition: s.edition,
        content: s.content,
        releasedAt: s.releasedAt!,
        releaseDeadline: s.releaseDeadline!,
        lastRelease: s.lastRelease!,
        interpretationDueAt: s.interpretationDueAt,
        ...(s.publicityEndsAt ? { publicityEndsAt: s.publicityEndsAt } : {}),
      },
    });
  }

  await condition(allHandlersFinished);
  ctx.flushAttributes();
  return view();
}
