import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition } from '@temporalio/workflow';
import { releaseDeadlineRequestOf, ReleaseDueAtAttribute, type DisclosureItemView, type ReviseRequest } from '@zwgk/contracts';
import type { Deadline } from '@zwgk/domain/workflow';
import { refusalOf } from '../workflow-support';
import { activities, requestActivities, type AuditFields, type ItemContext } from './context';
import { DRAFT_STEP_COMPUTES_DEADLINE } from './patches';

/** The draft: recorded with its statutory deadline when the workflow starts, revised by its drafter until release. */

/** The draft cannot be recorded: its request is refused, and the workflow ends failed with the same refusal. */
async function refuseDraft(ctx: ItemContext, error: unknown, fields: string[]): Promise<unknown> {
  const refusal = refusalOf(error, '草稿', fields);
  if (!refusal) return error;
  ctx.s.draftRefusal = refusal;
  await condition(allHandlersFinished);
  return refusal;
}

/**
 * Records the draft: its statutory deadline comes from the catalog rule it started under. A draft whose
 * deadline cannot be computed or whose data cannot be stored is refused, and the workflow ends with it.
 */
export async function recordDraft(ctx: ItemContext): Promise<void> {
  const { s, input, lean, now } = ctx;
  const created = (deadline?: Deadline): AuditFields => ({
    actor: input.drafter.username,
    actorRole: 'drafter',
    departmentCode: input.drafter.departmentCode,
    action: 'item.created',
    requestId: input.drafter.requestId,
    detail: { catalogItemCode: input.catalogItem.code, catalogVersionId: input.catalogVersionId, ...(deadline ? { releaseDueAt: deadline.dueAt, why: deadline.explanation, calendarVersion: deadline.calendarVersion } : {}) },
  });
  let deadline: Deadline;
  if (lean && ctx.patched(DRAFT_STEP_COMPUTES_DEADLINE)) {
    // One step: the deadline, the draft, its audit row (completed with the deadline) and its release reminder.
    try {
      const step = await activities.recordDraftStep({ input, deadlineRequest: releaseDeadlineRequestOf(input), createdAt: now(), audit: ctx.auditRecord('created', created()) });
      deadline = step.deadline;
      s.knownReminders.set(deadline.dueAt, step.releaseReminderAt);
    } catch (error) {
      // The step names formedAt when the rule refused it; otherwise it was the draft's data.
      const named = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? (error.cause.details?.[0] as { fields?: string[] } | undefined)?.fields : undefined;
      throw await refuseDraft(ctx, error, named?.includes('formedAt') ? ['formedAt'] : ['title', 'body', 'interpretation']);
    }
  } else {
    try {
      // A full activity even in a lean history: a local one would refuse a bad formedAt inside the first
      // workflow task, before the server has recorded the draft's Update as accepted, and its answer would be lost.
      deadline = await activities.computeReleaseDeadline(releaseDeadlineRequestOf(input));
    } catch (error) {
      throw await refuseDraft(ctx, error, ['formedAt']);
    }
    if (lean) {
      // The draft, its audit row and its release reminder in one step.
      try {
        const { releaseReminderAt } = await activities.recordDraftStep({ input, deadline, createdAt: now(), audit: ctx.auditRecord('created', created(deadline)) });
        s.knownReminders.set(deadline.dueAt, releaseReminderAt);
      } catch (error) {
        throw await refuseDraft(ctx, error, ['title', 'body', 'interpretation']);
      }
    } else {
      try {
        await activities.recordDraft({ input, deadline, createdAt: now() });
      } catch (error) {
        throw await refuseDraft(ctx, error, ['title', 'body', 'interpretation']);
      }
      await ctx.audit('created', created(deadline));
    }
  }
  ctx.upsert([{ key: ReleaseDueAtAttribute, value: new Date(deadline.dueAt) }]);
  s.releaseDeadline = deadline;
}

/**
 * The drafter's edit, stored at once (a draft, a returned item) or, after 签发, stored and then sent through
 * the chain again by the main loop: any edit after 签发 voids the sign-off.
 */
export async function revise(ctx: ItemContext, request: ReviseRequest): Promise<DisclosureItemView> {
  const { s, input } = ctx;
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
  await ctx.audit(`revised:${step}`, {
    actor: request.actor.username,
    actorRole: 'drafter',
    departmentCode: request.actor.departmentCode,
    action: 'item.revised',
    requestId: request.actor.requestId,
    detail: { revision: s.revision, fields: ['title', 'body', 'interpretation'].filter((field) => request[field as keyof typeof request] !== undefined), voidsSignOff: afterSignOff },
  });
  if (afterSignOff) {
    s.signOffVoided = true;
    return ctx.awaitStep();
  }
  return ctx.view();
}
