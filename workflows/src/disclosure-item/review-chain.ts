import { condition, uuid4 } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import { DisclosureStateAttribute, DueAtAttribute, OverdueAttribute, StageAttribute, type ActorRef, type CompleteTaskRequest, type OpenTaskView } from '@zwgk/contracts';
import { contentFingerprint, REVIEW_STAGE_LABELS, STAGE_ROLE, type ReviewStage } from '@zwgk/domain/workflow';
import { refusalOf } from '../workflow-support';
import { activities, primaryRole, requestActivities, type AuditFields, type ItemContext } from './context';
import { SIGN_OFF_RELEASES } from './patches';
import { editionToRelease, releasedLean, releaseEdition, releaseEverywhereRequest } from './release';
import { nearestDueAt, overdueNow, type ReleasedEdition } from './state';
import { taskTimer } from './timers';

/** A task a lean step opened, with its due time and reminder, and when. */
type LeanOpenedTask = NonNullable<Awaited<ReturnType<DisclosureActivities['applyItemStep']>>['openedTask']> & { readonly openedAt: string };
/** 签发 approved and released in the same activity (patched 'sign-off-releases'); `released` absent when that activity left the release to `releaseEverywhere`. */
interface SignedAndReleased {
  readonly release: ReleasedEdition;
  readonly request: Parameters<DisclosureActivities['releaseEverywhere']>[0];
  readonly released?: Awaited<ReturnType<DisclosureActivities['releaseEverywhere']>>;
}
type ChainOutcome = 'approved' | 'returned' | 'rejected' | SignedAndReleased;

const signedContentOf = (ctx: ItemContext) => contentFingerprint([ctx.s.content.title, ctx.s.content.body, ctx.s.content.interpretation ?? '']);

/**
 * Review, sign-off and release of one edition. A return goes back to the drafter and an edit after
 * 签发 restarts the chain; a rejection ends a first edition, and leaves a later one's predecessor public.
 */
export async function reviewSignAndRelease(ctx: ItemContext, firstSubmitter: ActorRef | undefined, newEdition = false): Promise<'released' | 'rejected' | 'refused'> {
  const { s, input, workflowId, lean, audit, auditRecord, now } = ctx;
  let submitter = firstSubmitter;
  // Until its content is stored, a new edition can still be refused and the released edition stands.
  let startingEdition = newEdition;
  for (let attempt = 1; ; attempt++) {
    if (s.signOffVoided) {
      s.signOffVoided = false;
      s.revision++;
      submitter = input.drafter;
      await audit(`sign-off-voided:r${s.revision}`, { actor: input.drafter.username, actorRole: 'drafter', departmentCode: input.drafter.departmentCode, action: 'sign-off.voided', detail: { revision: s.revision } });
    } else if (!submitter) {
      await condition(() => s.pendingSubmit !== undefined);
      submitter = s.pendingSubmit!.actor;
    }
    const chainRequest = { departmentCode: input.drafter.departmentCode, catalogItemCode: input.catalogItem.code, normativeDocument: input.normativeDocument ?? false };
    // A submission or a new edition waits on these writes: data they cannot store refuses that request.
    const waiting = startingEdition || s.pendingSubmit !== undefined;
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
        detail: { revision: s.revision, edition: s.edition + 1 },
      };
      if (lean) {
        // One step: the chain read, the submission's audit row (with the chain), the content, IN_REVIEW, the first task.
        const openedAt = now();
        const step = await via.applyItemStep({
          itemId: input.itemId,
          resolveChain: chainRequest,
          chainInto: `${workflowId}:submitted:r${s.revision}`,
          ...(s.revision > 1 ? { content: { revision: s.revision, ...s.content } } : {}),
          state: { state: 'IN_REVIEW', revision: s.revision, at: openedAt },
          openTask: { taskId: uuid4(), departmentCode: input.drafter.departmentCode, revision: s.revision, openedAt },
          audit: [auditRecord(`submitted:r${s.revision}`, submitted)],
        });
        chain = step.reviewChain!;
        firstTask = { ...step.openedTask!, openedAt };
      } else {
        chain = await activities.resolveReviewChain(chainRequest);
        s.reviewChain = chain.stages;
        await audit(`submitted:r${s.revision}`, { ...submitted, detail: { ...submitted.detail, reviewChain: chain.stages, policyId: chain.policyId } }, via);
        if (s.revision > 1) await via.recordContent({ itemId: input.itemId, revision: s.revision, ...s.content });
      }
      s.reviewChain = chain.stages;
    } catch (error) {
      const refusal = waiting ? refusalOf(error, startingEdition ? '变更' : '提交', startingEdition ? ['title', 'body', 'interpretation'] : []) : undefined;
      if (!refusal) throw error;
      const actor = submitter;
      submitter = undefined;
      s.pendingSubmit = undefined;
      ctx.refuseStep(refusal);
      await ctx.reportRefusal(`submit:r${s.revision}:${attempt}`, actor, startingEdition ? 'item.new-edition' : 'item.submit', refusal);
      if (startingEdition) return 'refused';
      continue; // still a draft (or returned): wait for the next submission
    }
    submitter = undefined;
    startingEdition = false;
    // Answers the submission, the new edition, or the edit after 签发 that restarted the chain.
    const onSubmitted = () => {
      s.pendingSubmit = undefined;
      s.completedSteps++;
    };
    let outcome: ChainOutcome;
    if (firstTask) {
      s.state = 'IN_REVIEW';
      ctx.upsert([{ key: DisclosureStateAttribute, value: s.state }]);
      outcome = await runLeanReviewChain(ctx, chain.stages, firstTask, onSubmitted);
    } else {
      await ctx.setState('IN_REVIEW');
      outcome = await runReviewChain(ctx, chain.stages, onSubmitted);
    }
    if (outcome === 'rejected') return 'rejected';
    if (outcome === 'returned') continue;
    if (typeof outcome === 'object') {
      // Signed and released in one step: the sign-off bound this content, and the release is recorded.
      s.signedContentHash = outcome.release.contentHash;
      s.signOffAnswered = false;
      return releasedLean(ctx, outcome.release, outcome.released ?? (await activities.releaseEverywhere(outcome.request)));
    }

    // Signed: the sign-off binds this exact content. Release now, or at the scheduled time.
    s.signedContentHash = signedContentOf(ctx);
    s.signOffAnswered = false;
    if (lean) {
      // The 签发 step has stored APPROVED and the sign-off with its decision.
      s.state = 'APPROVED';
      ctx.upsert([{ key: DisclosureStateAttribute, value: s.state }]);
    } else {
      await ctx.setState('APPROVED');
      await activities.recordSignOff({ itemId: input.itemId, contentHash: s.signedContentHash, scheduledReleaseAt: s.scheduledReleaseAt });
    }
    if (s.scheduledReleaseAt && Date.parse(s.scheduledReleaseAt) > Date.now()) {
      s.completedSteps++; // the 签发 decision is applied; the release waits for its time
      s.signOffAnswered = true;
      await condition(() => s.signOffVoided, Date.parse(s.scheduledReleaseAt) - Date.now());
      if (s.signOffVoided) {
        s.signedContentHash = undefined;
        s.scheduledReleaseAt = undefined;
        await activities.recordSignOff({ itemId: input.itemId, contentHash: null });
        continue;
      }
    }
    break;
  }
  return releaseEdition(ctx);
}

/**
 * A change (变更) to the released item, accepted by its Update: recorded, then sent through the chain as a
 * new edition. Refused (nothing recorded, or its content cannot be stored), the released edition stands.
 */
export async function startNewEdition(ctx: ItemContext): Promise<void> {
  const { s, input } = ctx;
  const change = s.pendingEdition!;
  s.pendingEdition = undefined;
  const released = s.lastRelease!;
  s.revision++;
  s.content = {
    title: change.title ?? s.content.title,
    body: change.body ?? s.content.body,
    ...((change.interpretation ?? s.content.interpretation) ? { interpretation: change.interpretation ?? s.content.interpretation } : {}),
  };
  try {
    await ctx.audit(`edition-started:r${s.revision}`, {
      actor: change.actor.username,
      actorRole: 'drafter',
      departmentCode: change.actor.departmentCode,
      action: 'edition.started',
      reason: change.reason,
      requestId: change.actor.requestId,
      detail: { edition: s.edition + 1, revision: s.revision },
    }, requestActivities);
  } catch (error) {
    const refusal = refusalOf(error, '变更', ['reason']);
    if (!refusal) throw error;
    // Nothing of the change was recorded: the released edition stands as it was.
    s.revision--;
    s.content = { ...released.content };
    ctx.refuseStep(refusal);
    await ctx.reportRefusal(`edition:r${s.revision + 1}`, change.actor, 'item.new-edition', refusal);
    return;
  }
  if ((await reviewSignAndRelease(ctx, change.actor, true)) === 'refused') {
    // The new content could not be stored: the released edition stays in force, as after a rejection.
    s.content = { ...released.content };
    await activities.recordContent({ itemId: input.itemId, revision: s.revision, ...s.content });
  }
}

/** The decided task is closed: nothing is open until the next stage's task. */
function taskClosed(ctx: ItemContext, taskId: string): void {
  const { s } = ctx;
  s.decidedTaskIds.add(taskId);
  s.openTask = undefined;
  s.openTaskOpenedAt = undefined;
  s.openTaskDue = undefined;
  s.pendingDecision = undefined;
}

/**
 * The lean review chain: each decision is one step (close the task, record it, and open the next stage's
 * task, or store the outcome: APPROVED with the sign-off, RETURNED, REJECTED) in one transaction. A
 * refused step stored nothing: the task stays open for a decision that can be recorded.
 */
async function runLeanReviewChain(ctx: ItemContext, stages: readonly ReviewStage[], first: LeanOpenedTask, onSubmitted: () => void): Promise<ChainOutcome> {
  const { s, input, auditRecord, now } = ctx;
  s.stageDeciders.clear(); // a new revision: its stages are decided afresh (四眼原则 per revision)
  let opened = first;
  let signedOff: SignedAndReleased | undefined;
  for (const [index, stage] of stages.entries()) {
    const taskId = opened.taskId;
    const task: OpenTaskView = { taskId, stage, role: opened.role, departmentCode: input.drafter.departmentCode, dueAt: opened.dueAt, revision: s.revision };
    s.openTask = task;
    s.openTaskOpenedAt = opened.openedAt;
    s.knownReminders.set(task.dueAt, opened.reminderAt);
    ctx.upsert([
      { key: StageAttribute, value: stage },
      { key: DueAtAttribute, value: nearestDueAt(s) ?? new Date(task.dueAt) },
      { key: OverdueAttribute, value: overdueNow(s) },
    ]);
    if (index === 0) onSubmitted();
    else s.completedSteps++; // the previous stage's approval has now opened this one

    const taskDue = taskTimer(ctx, taskId, stage);
    s.openTaskDue = taskDue;
    const next = stages[index + 1];
    let decision: CompleteTaskRequest;
    let nextTask: LeanOpenedTask | undefined;
    for (let attempt = 1; ; attempt++) {
      await taskDue.waitUntil(() => s.pendingDecision !== undefined);
      decision = s.pendingDecision!;
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
          revision: s.revision,
          late: Date.parse(decidedAt) > Date.parse(s.openTask!.dueAt),
          ...(stage === 'sign-off' ? { contentHash: signedContentOf(ctx), releaseAt: decision.releaseAt } : {}),
        },
      });
      const closeTask = { taskId, decision: decision.decision, comment: decision.comment, decidedBy: decision.actor.username, decidedAt };
      const outcome = leanDecisionOutcome(ctx, decision, stage, next, decidedAt);
      const step = { itemId: input.itemId, closeTask, ...outcome.step, audit: [decided, ...outcome.audit] };
      try {
        if (!next && decision.decision === 'approve' && releasesNow(decision) && ctx.patched(SIGN_OFF_RELEASES)) {
          signedOff = await signOffAndRelease(ctx, step);
          break;
        }
        const applied = await requestActivities.applyItemStep(step);
        if (applied.openedTask) nextTask = { ...applied.openedTask, openedAt: decidedAt };
        break;
      } catch (error) {
        const refusal = refusalOf(error, '审核决定', decision.comment !== undefined ? ['comment'] : []);
        if (!refusal) throw error;
        s.pendingDecision = undefined;
        ctx.refuseStep(refusal);
        await ctx.reportRefusal(`decide:${taskId}:${attempt}`, decision.actor, `${REVIEW_STAGE_LABELS[stage]}：${decision.decision}`, refusal, taskId);
      }
    }
    taskClosed(ctx, taskId);
    if (decision.decision === 'reject') {
      if (s.lastRelease) {
        // The new edition is refused; the released edition stays public and in force.
        s.content = { ...s.lastRelease.content };
        s.revision++;
        s.state = 'RELEASED';
      } else {
        s.releaseDue?.stop();
        s.state = 'REJECTED';
      }
      ctx.upsert([{ key: DisclosureStateAttribute, value: s.state }]);
      s.completedSteps++;
      return 'rejected';
    }
    if (decision.decision === 'return') {
      s.revision++;
      s.state = 'RETURNED';
      ctx.upsert([{ key: DisclosureStateAttribute, value: s.state }]);
      s.completedSteps++;
      return 'returned';
    }
    s.stageDeciders.set(decision.actor.username, stage);
    if (stage === 'sign-off') s.scheduledReleaseAt = decision.releaseAt;
    if (next) opened = nextTask!;
  }
  return signedOff ?? 'approved';
}

/** Whether an approved 签发 releases at once (no release time ahead). */
const releasesNow = (decision: CompleteTaskRequest): boolean => !(decision.releaseAt && Date.parse(decision.releaseAt) > Date.now());

/**
 * 签发 approved, released at once: the decision's step and the release in one activity. The statutory
 * release timer stops first, as for any release (its overdue notice under way is written before the release's
 * timing); refused, the decision stored nothing, and the timer goes on where it was.
 */
async function signOffAndRelease(ctx: ItemContext, step: Parameters<DisclosureActivities['applyItemStep']>[0]): Promise<SignedAndReleased> {
  const { s } = ctx;
  const release = editionToRelease(ctx);
  const timed = s.releaseDue !== undefined && !s.releaseDue.isStopped;
  if (timed) {
    s.releaseDue!.stop();
    await s.releaseTimer;
  }
  const request = releaseEverywhereRequest(ctx, release, timed);
  try {
    const applied = await requestActivities.signOffAndRelease({ signOff: step, release: request });
    return { release, request, ...(applied.released ? { released: applied.released } : {}) };
  } catch (error) {
    if (timed) {
      s.releaseDue!.resume();
      s.releaseTimer = s.releaseDue!.run();
    }
    throw error;
  }
}

/** What a decision stores beside the task's close, in the same step. */
function leanDecisionOutcome(ctx: ItemContext, decision: CompleteTaskRequest, stage: ReviewStage, next: ReviewStage | undefined, decidedAt: string) {
  const { s, input, auditRecord } = ctx;
  type Step = Omit<Parameters<DisclosureActivities['applyItemStep']>[0], 'itemId' | 'closeTask' | 'audit'>;
  if (decision.decision === 'reject') {
    if (!s.lastRelease) return { step: { state: { state: 'REJECTED', revision: s.revision, at: decidedAt } } satisfies Step, audit: [] };
    const restored = s.revision + 1;
    return {
      step: { content: { revision: restored, ...s.lastRelease.content }, state: { state: 'RELEASED', revision: restored, at: decidedAt } } satisfies Step,
      audit: [
        auditRecord(`edition-rejected:r${restored}`, { actor: decision.actor.username, actorRole: STAGE_ROLE[stage], departmentCode: decision.actor.departmentCode, action: 'edition.rejected', reason: decision.comment, detail: { edition: s.lastRelease.edition + 1 } }),
      ],
    };
  }
  if (decision.decision === 'return') return { step: { state: { state: 'RETURNED', revision: s.revision + 1, at: decidedAt } } satisfies Step, audit: [] };
  if (next) return { step: { openTask: { taskId: uuid4(), stage: next, departmentCode: input.drafter.departmentCode, revision: s.revision, openedAt: decidedAt } } satisfies Step, audit: [] };
  // The last stage (签发) approved: the sign-off binds this exact content.
  const contentHash = signedContentOf(ctx);
  return {
    step: { state: { state: 'APPROVED', revision: s.revision, at: decidedAt }, signOff: { contentHash, ...(stage === 'sign-off' && decision.releaseAt ? { scheduledReleaseAt: decision.releaseAt } : {}) } } satisfies Step,
    audit: [],
  };
}

/** Runs the stages in order (a history older than the lean item); returns when one returns or rejects, or when all approve. */
async function runReviewChain(ctx: ItemContext, stages: readonly ReviewStage[], onSubmitted: () => void): Promise<ChainOutcome> {
  const { s, input, audit, now } = ctx;
  s.stageDeciders.clear(); // a new revision: its stages are decided afresh (四眼原则 per revision)
  for (const [index, stage] of stages.entries()) {
    const taskId = uuid4();
    const openedAt = now();
    const due = await activities.computeStageDeadline({ stage, openedAt });
    const task: OpenTaskView = { taskId, stage, role: STAGE_ROLE[stage], departmentCode: input.drafter.departmentCode, dueAt: due.dueAt, revision: s.revision };
    await activities.openReviewTask({ ...task, itemId: input.itemId, dueExplanation: due.explanation });
    s.openTask = task;
    s.openTaskOpenedAt = openedAt;
    ctx.upsert([
      { key: StageAttribute, value: stage },
      { key: DueAtAttribute, value: nearestDueAt(s) ?? new Date(task.dueAt) },
      { key: OverdueAttribute, value: overdueNow(s) },
    ]);
    if (index === 0) onSubmitted();
    else s.completedSteps++; // the previous stage's approval has now opened this one

    const taskDue = taskTimer(ctx, taskId, stage);
    s.openTaskDue = taskDue;
    let decision: CompleteTaskRequest;
    for (let attempt = 1; ; attempt++) {
      await taskDue.waitUntil(() => s.pendingDecision !== undefined);
      decision = s.pendingDecision!;
      const decidedAt = now();
      const decidedTask = s.openTask!;
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
            revision: s.revision,
            late: Date.parse(decidedAt) > Date.parse(decidedTask.dueAt),
            ...(stage === 'sign-off' ? { contentHash: signedContentOf(ctx), releaseAt: decision.releaseAt } : {}),
          },
        }, requestActivities);
        break;
      } catch (error) {
        const refusal = refusalOf(error, '审核决定', decision.comment !== undefined ? ['comment'] : []);
        if (!refusal) throw error;
        // The decision is not applied: the task stays open for a decision that can be recorded.
        s.pendingDecision = undefined;
        ctx.refuseStep(refusal);
        if (closed) await activities.reopenReviewTask({ taskId });
        await ctx.reportRefusal(`decide:${taskId}:${attempt}`, decision.actor, `${REVIEW_STAGE_LABELS[stage]}：${decision.decision}`, refusal, taskId);
      }
    }
    taskClosed(ctx, taskId);
    if (decision.decision === 'reject') {
      if (s.lastRelease) {
        // The new edition is refused; the released edition stays public and in force.
        s.content = { ...s.lastRelease.content };
        s.revision++;
        await activities.recordContent({ itemId: input.itemId, revision: s.revision, ...s.content });
        await ctx.setState('RELEASED');
        await audit(`edition-rejected:r${s.revision}`, { actor: decision.actor.username, actorRole: task.role, departmentCode: decision.actor.departmentCode, action: 'edition.rejected', reason: decision.comment, detail: { edition: s.lastRelease.edition + 1 } });
      } else {
        s.releaseDue?.stop();
        await ctx.setState('REJECTED');
      }
      s.completedSteps++;
      return 'rejected';
    }
    if (decision.decision === 'return') {
      s.revision++;
      await ctx.setState('RETURNED');
      s.completedSteps++;
      return 'returned';
    }
    s.stageDeciders.set(decision.actor.username, stage);
    if (stage === 'sign-off') s.scheduledReleaseAt = decision.releaseAt;
  }
  return 'approved';
}
