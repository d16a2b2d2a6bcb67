import type { DataSource, EntityManager } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import type { DisclosureItemInput, ReleaseDeadlineRequest } from '@zwgk/contracts';
import { computePublicityPeriod, computeReleaseDeadline, STAGE_ROLE, type Deadline, type ReviewStage, type Role, type TimeLimitRule, type WorkingDayCalendar } from '@zwgk/domain';
import { writeAuditEvent } from '@zwgk/db';
import { classifyActivityError } from './activity-failures';
import type { AuditEventRecord } from './audit.activities';
import { extendedDeadline, stageDeadline, taskReminderAt } from './calendar.activities';
import { calendarSource } from './calendar-source';
import {
  editionInsert,
  writeCloseTask,
  writeContent,
  writeDraft,
  writeItemRow,
  writeOpenTask,
  writePublicityPeriod,
  type CloseReviewTaskRequest,
  type ContentChange,
  type EditionRecord,
  type ItemStateChange,
  type SignOffRecord,
} from './projection.activities';
import { releaseReminderAt, releaseTimingOf } from './release-deadline.activities';
import { resolveReviewChainWith, type ResolvedReviewChain, type ReviewChainRequest } from './review.activities';

/**
 * What one human step of an item changes, written in ONE transaction: the decided task closed, the item's
 * content and state, the sign-off, the next task opened with its due time, and the audit rows that record
 * it all. Either the whole step is stored or none of it, so a refused step needs no undoing, and the audit
 * row commits with the change it records (its hash chain is kept by the table's insert trigger).
 * Every write is an upsert or guarded, so a retried step changes nothing more.
 */
export interface ItemStep {
  readonly itemId: string;
  readonly closeTask?: CloseReviewTaskRequest;
  readonly content?: Omit<ContentChange, 'itemId'>;
  readonly state?: Omit<ItemStateChange, 'itemId'>;
  readonly signOff?: Omit<SignOffRecord, 'itemId'>;
  /** A submission: the review chain is read, and its first stage opens (`openTask` without a stage). */
  readonly resolveChain?: ReviewChainRequest;
  /** The audit row (by event key) whose detail records the chain read. */
  readonly chainInto?: string;
  /** The task to open; its due time (and reminder) come from the stage's limit counted from `openedAt`. */
  readonly openTask?: { readonly taskId: string; readonly stage?: ReviewStage; readonly departmentCode: string; readonly revision: number; readonly openedAt: string };
  /** Written last, in this order. */
  readonly audit: readonly AuditEventRecord[];
}

export interface OpenedTask {
  readonly taskId: string;
  readonly stage: ReviewStage;
  readonly role: Role;
  readonly dueAt: string;
  readonly dueExplanation: string;
  /** When to remind its holders: computed here so that the workflow's timer needs no calendar call of its own. */
  readonly reminderAt: string;
}

export interface ItemStepOutcome {
  readonly reviewChain?: ResolvedReviewChain;
  readonly openedTask?: OpenedTask;
}

/** The first release of an edition, after its channels: everything the portal and the timeline need, in one transaction. */
export interface ReleaseStep {
  readonly edition: EditionRecord;
  readonly state: Omit<ItemStateChange, 'itemId'>;
  /** The statutory deadline it was released against (the first edition only): on time or late by how many working days. */
  readonly timedAgainst?: string;
  /** Channel refusals, recorded before the release. */
  readonly before: readonly AuditEventRecord[];
  /** The release's own audit row; the timing is added to its detail. */
  readonly released: AuditEventRecord;
  /** A rule with a 公示期: the period is computed from the release and recorded, and this row (its detail completed) says so. */
  readonly publicity?: { readonly rule: TimeLimitRule; readonly audit: AuditEventRecord };
  /** An interpretation that follows the policy (三同步 lag): its due time is computed and this row (completed) records it. */
  readonly interpretationPending?: { readonly workingDays: number; readonly audit: AuditEventRecord };
  /** Rows written after everything else (the interpretation released together, or late). */
  readonly after: readonly AuditEventRecord[];
}

export interface ReleaseStepOutcome {
  readonly timing?: { readonly late: boolean; readonly workingDaysLate: number };
  readonly publicity?: { readonly startsAt: string; readonly endsAt: string; readonly explanation: string };
  readonly interpretationDue?: { readonly dueAt: string; readonly explanation: string };
}

/** One human step's writes, inside the caller's transaction (see ItemStep). */
export async function writeItemStep(manager: EntityManager, current: WorkingDayCalendar | undefined, step: ItemStep): Promise<ItemStepOutcome> {
  // Closing the task settles the item's overdue flag in the same statement; a task opened below is not overdue yet.
  if (step.closeTask) await writeCloseTask(manager, step.closeTask);
  if (step.content) await writeContent(manager, { itemId: step.itemId, ...step.content });
  // The state and the sign-off are columns of the same row: one UPDATE.
  if (step.state || step.signOff) await writeItemRow(manager, step.itemId, { state: step.state, signOff: step.signOff });
  const reviewChain = step.resolveChain ? await resolveReviewChainWith(manager, step.resolveChain) : undefined;
  let openedTask: OpenedTask | undefined;
  if (step.openTask && current) {
    const stage = step.openTask.stage ?? reviewChain?.stages[0];
    if (!stage) throw new RangeError('a task to open needs its stage, or the chain it is the first stage of');
    const due = stageDeadline(current, stage, step.openTask.openedAt);
    openedTask = { taskId: step.openTask.taskId, stage, role: STAGE_ROLE[stage], dueAt: due.dueAt, dueExplanation: due.explanation, reminderAt: taskReminderAt(current, due.dueAt) };
    await writeOpenTask(manager, { ...openedTask, itemId: step.itemId, departmentCode: step.openTask.departmentCode, revision: step.openTask.revision });
  }
  for (const event of step.audit) {
    const withChain = reviewChain && event.eventKey === step.chainInto;
    await writeAuditEvent(manager, withChain ? { ...event, detail: { ...event.detail, reviewChain: reviewChain.stages, policyId: reviewChain.policyId } } : event);
  }
  return { ...(reviewChain ? { reviewChain } : {}), ...(openedTask ? { openedTask } : {}) };
}

/** A release's writes after its channels, inside the caller's transaction (see ReleaseStep). */
export async function writeReleaseStep(manager: EntityManager, current: WorkingDayCalendar, step: ReleaseStep): Promise<ReleaseStepOutcome> {
  const itemId = step.edition.itemId;
  for (const event of step.before) await writeAuditEvent(manager, event);
  const timing = step.timedAgainst ? releaseTimingOf(current, { dueAt: step.timedAgainst, releasedAt: step.edition.releasedAt }) : undefined;
  // The edition's row, and on the item's row its state, the edition shown and the release's timing: one statement.
  await writeItemRow(manager, itemId, { state: step.state, currentEdition: step.edition.edition, releaseTiming: timing }, editionInsert(step.edition));
  await writeAuditEvent(manager, { ...step.released, detail: { ...step.released.detail, ...(timing && step.timedAgainst ? { dueAt: step.timedAgainst, ...timing } : {}) } });
  let publicity: ReleaseStepOutcome['publicity'];
  if (step.publicity) {
    const period = computePublicityPeriod(current, step.publicity.rule, step.edition.releasedAt);
    if (period) {
      publicity = { startsAt: period.startsAt, endsAt: period.endsAt, explanation: period.explanation };
      await writePublicityPeriod(manager, { itemId, startsAt: period.startsAt, endsAt: period.endsAt });
      const audit = step.publicity.audit;
      await writeAuditEvent(manager, { ...audit, detail: { ...audit.detail, startsAt: period.startsAt, endsAt: period.endsAt, why: period.explanation } });
    }
  }
  let interpretationDue: ReleaseStepOutcome['interpretationDue'];
  if (step.interpretationPending) {
    const due = extendedDeadline(current, step.edition.releasedAt, step.interpretationPending.workingDays);
    interpretationDue = { dueAt: due.dueAt, explanation: due.explanation };
    const audit = step.interpretationPending.audit;
    await writeAuditEvent(manager, { ...audit, detail: { ...audit.detail, dueAt: due.dueAt, why: due.explanation } });
  }
  for (const event of step.after) await writeAuditEvent(manager, event);
  return { ...(timing ? { timing } : {}), ...(publicity ? { publicity } : {}), ...(interpretationDue ? { interpretationDue } : {}) };
}

/** The draft's step: with its deadline computed by the workflow (older histories), or with what to compute it from. */
export type DraftStep = { readonly input: DisclosureItemInput; readonly createdAt: string; readonly audit: AuditEventRecord } & (
  | { readonly deadline: Deadline; readonly deadlineRequest?: undefined }
  | { readonly deadline?: undefined; readonly deadlineRequest: ReleaseDeadlineRequest }
);

/** The release deadline for a draft; what the rule refuses is refused naming formedAt, as the draft's own refusal says. */
function deadlineOf(current: WorkingDayCalendar, request: ReleaseDeadlineRequest): Deadline {
  try {
    return computeReleaseDeadline(current, request.rule, request.formedAt, { timeLimitCase: request.timeLimitCase, manualDueDate: request.manualDueDate, manualDueReason: request.manualDueReason });
  } catch (error) {
    const classified = classifyActivityError(error, 'recordDraftStep');
    if (!(classified instanceof ApplicationFailure && classified.nonRetryable)) throw error;
    throw ApplicationFailure.create({ type: classified.type ?? undefined, message: classified.message, nonRetryable: true, details: [{ fields: ['formedAt'] }], cause: classified });
  }
}

export function createItemStepActivities(dataSource: DataSource, settings: { reminderWorkingDays: number }, fixedCalendar?: WorkingDayCalendar) {
  const calendar = calendarSource(dataSource, fixedCalendar);
  return {
    /**
     * The draft, its creation's audit row, and when to remind before its statutory deadline. Given the
     * deadline's request instead of the deadline (patched 'draft-step-computes-deadline'), it computes the
     * deadline first with the calendar it reminds by, completes the audit row's detail with it, and returns it:
     * a formedAt the rule cannot count from is refused naming that field, before anything is written.
     */
    async recordDraftStep(request: DraftStep): Promise<{ releaseReminderAt: string; deadline: Deadline }> {
      const current = await calendar();
      const deadline = request.deadline ?? deadlineOf(current, request.deadlineRequest!);
      const audit = request.deadline
        ? request.audit
        : { ...request.audit, detail: { ...request.audit.detail, releaseDueAt: deadline.dueAt, why: deadline.explanation, calendarVersion: deadline.calendarVersion } };
      await dataSource.transaction(async (manager) => {
        await writeDraft(manager, { input: request.input, deadline, createdAt: request.createdAt });
        await writeAuditEvent(manager, audit);
      });
      return { releaseReminderAt: releaseReminderAt(current, deadline.dueAt, settings.reminderWorkingDays), deadline };
    },

    async applyItemStep(step: ItemStep): Promise<ItemStepOutcome> {
      const current = step.openTask ? await calendar() : undefined;
      return dataSource.transaction((manager) => writeItemStep(manager, current, step));
    },

    async recordReleaseStep(step: ReleaseStep): Promise<ReleaseStepOutcome> {
      const current = await calendar();
      return dataSource.transaction((manager) => writeReleaseStep(manager, current, step));
    },
  };
}
