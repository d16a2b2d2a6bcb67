import { allHandlersFinished, condition, continueAsNew, log, patched, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  confirmManualChannelUpdate,
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
  retryChannelReleaseUpdate,
  reviseUpdate,
  submitForReviewUpdate,
  unclaimTaskUpdate,
  withdrawUpdate,
  type DisclosureItemInput,
  type DisclosureItemView,
} from '@zwgk/contracts';
import { failure } from '../workflow-support';
import { createItemContext } from './context';
import { extendDeadline, recalculateDeadlines } from './deadlines';
import { recordDraft, revise } from './draft';
import {
  claimTaskRefusal,
  completeTaskRefusal,
  concernRefusal,
  confirmManualChannelRefusal,
  delegateTaskRefusal,
  extensionRefusal,
  mayRecalculate,
  newEditionRefusal,
  recalculationRefusal,
  retryChannelRefusal,
  reviseRefusal,
  submitRefusal,
  unclaimTaskRefusal,
  withdrawalRefusal,
  type Refusal,
} from './guards';
import { EVERY_ITEM_PATCH_AT_ONCE, LEAN_ITEM, RELEASE_DEADLINE_TIMER } from './patches';
import { confirmManualChannel, interpretationPending, recordInterpretationOverdue, retryChannelRelease, withdraw } from './release';
import { reviewSignAndRelease, startNewEdition } from './review-chain';
import { initialItemState } from './state';
import { claimTask, delegateTask, unclaimTask } from './task-assignment';
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
  // Asked first: a new run takes every item patch with one marker (see patches.ts).
  const everyPatchAtOnce = patched(EVERY_ITEM_PATCH_AT_ONCE);
  const lean = everyPatchAtOnce || patched(LEAN_ITEM);
  // Restored from input.resume (continued as new, or re-opened) before any handler is registered, because
  // buffered Updates are validated as soon as their handler is set.
  const s = initialItemState(input);
  const ctx = createItemContext(input, s, lean, everyPatchAtOnce);
  const { view } = ctx;

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

  setHandler(reviseUpdate, (request) => revise(ctx, request), { validator: (request) => reject(reviseRefusal(s, request, input)) });

  setHandler(completeTaskUpdate, async (request) => {
    s.pendingDecision = request;
    return ctx.awaitStep();
  }, { validator: (request) => reject(completeTaskRefusal(s, request, input)) });

  setHandler(claimTaskUpdate, (request) => claimTask(ctx, request), { validator: (request) => reject(claimTaskRefusal(s, request, input)) });
  setHandler(unclaimTaskUpdate, (request) => unclaimTask(ctx, request), { validator: (request) => reject(unclaimTaskRefusal(s, request, input)) });
  setHandler(delegateTaskUpdate, (request) => delegateTask(ctx, request), { validator: (request) => reject(delegateTaskRefusal(s, request, input)) });

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

  // The release ledger's follow-ups: new handlers only, so an older history's commands are unchanged.
  setHandler(retryChannelReleaseUpdate, (request) => retryChannelRelease(ctx, request), { validator: (request) => reject(retryChannelRefusal(s, request, input)) });
  setHandler(confirmManualChannelUpdate, (request) => confirmManualChannel(ctx, request), { validator: (request) => reject(confirmManualChannelRefusal(s, request, input)) });

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

  if (!input.resume) {
    // 1. The draft, with its statutory deadline (a draft that cannot be recorded ends the workflow, refused).
    await recordDraft(ctx);
    if (lean || ctx.patched(RELEASE_DEADLINE_TIMER)) startReleaseTimer(ctx);

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
