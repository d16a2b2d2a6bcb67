import type { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import type { DisclosureItemInput, ReleaseDeadlineRequest } from '@zwgk/contracts';
import { computePublicityPeriod, computeReleaseDeadline, STAGE_ROLE, type Deadline, type ReviewStage, type Role, type TimeLimitRule, type WorkingDayCalendar } from '@zwgk/domain';
import { auditEventsInsert } from '@zwgk/db';
import { classifyActivityError } from './activity-failures';
import type { AuditEventRecord } from './audit.activities';
import { extendedDeadline, stageDeadline, taskReminderAt } from './calendar.activities';
import { calendarSource } from './calendar-source';
import {
  addCloseTask,
  addDraft,
  addEdition,
  addOpenTask,
  CombinedWrite,
  itemRowPart,
  writeCloseTask,
  writeContent,
  type SqlRunner,
  type CloseReviewTaskRequest,
  type ContentChange,
  type EditionRecord,
  type ItemStateChange,
  type SignOffRecord,
} from './projection.activities';
import { releaseReminderAt, releaseTimingOf } from './release-deadline.activities';
import { resolveReviewChainWith, type ResolvedReviewChain, type ReviewChainRequest } from './review.activities';

/**
 * What one human step of an item changes, written in ONE transaction (one statement where it can be): the decided task closed, the item's
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
  /** Written in this order (the hash chain follows it). */
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

/** The step's audit rows, in their order, as the statement's last part. */
function addAudit(w: CombinedWrite, events: readonly AuditEventRecord[]): void {
  if (events.length > 0) w.add('audit', auditEventsInsert(events, w.p));
}

/**
 * One human step's writes (see ItemStep), as ONE statement: atomic as a transaction is, without the round
 * trips of its BEGIN and COMMIT. The review chain is read before (it decides the stage, so the due time, of
 * the task opened). A step that edits the content is one transaction instead: the revision its content is
 * recorded under depends on what it reads after the task is closed.
 */
export async function recordItemStep(dataSource: DataSource, current: WorkingDayCalendar | undefined, step: ItemStep): Promise<ItemStepOutcome> {
  const reviewChain = step.resolveChain ? await resolveReviewChainWith(dataSource, step.resolveChain) : undefined;
  let openedTask: OpenedTask | undefined;
  if (step.openTask && current) {
    const stage = step.openTask.stage ?? reviewChain?.stages[0];
    if (!stage) throw new RangeError('a task to open needs its stage, or the chain it is the first stage of');
    const due = stageDeadline(current, stage, step.openTask.openedAt);
    openedTask = { taskId: step.openTask.taskId, stage, role: STAGE_ROLE[stage], dueAt: due.dueAt, dueExplanation: due.explanation, reminderAt: taskReminderAt(current, due.dueAt) };
  }
  const audit = step.audit.map((event) =>
    reviewChain && event.eventKey === step.chainInto ? { ...event, detail: { ...event.detail, reviewChain: reviewChain.stages, policyId: reviewChain.policyId } } : event,
  );
  const rest = (w: CombinedWrite) => {
    // One UPDATE of the item's row: its state, the sign-off, and (when the closed task was overdue) its overdue flag.
    w.add('item', itemRowPart(w, step.itemId, { state: step.state, signOff: step.signOff }));
    // Not overdue when opened, so the item's flag stays as it is.
    if (openedTask) addOpenTask(w, { ...openedTask, itemId: step.itemId, departmentCode: step.openTask!.departmentCode, revision: step.openTask!.revision });
    addAudit(w, audit);
  };
  if (step.content) {
    const content = step.content;
    await dataSource.transaction(async (manager) => {
      if (step.closeTask) await writeCloseTask(manager, step.closeTask);
      await writeContent(manager, { itemId: step.itemId, ...content });
      const w = new CombinedWrite();
      rest(w);
      await w.run(manager);
    });
  } else {
    const w = new CombinedWrite();
    if (step.closeTask) addCloseTask(w, step.closeTask);
    rest(w);
    await w.run(dataSource);
  }
  return { ...(reviewChain ? { reviewChain } : {}), ...(openedTask ? { openedTask } : {}) };
}

/**
 * A release's writes after its channels (see ReleaseStep), as ONE statement: the edition's row, the item's
 * row (state, the edition shown, the timing, the 公示期) and the audit rows in their order.
 */
export async function recordReleaseStep(sql: SqlRunner, current: WorkingDayCalendar, step: ReleaseStep): Promise<ReleaseStepOutcome> {
  const itemId = step.edition.itemId;
  const timing = step.timedAgainst ? releaseTimingOf(current, { dueAt: step.timedAgainst, releasedAt: step.edition.releasedAt }) : undefined;
  const audit: AuditEventRecord[] = [...step.before, { ...step.released, detail: { ...step.released.detail, ...(timing && step.timedAgainst ? { dueAt: step.timedAgainst, ...timing } : {}) } }];
  let publicity: ReleaseStepOutcome['publicity'];
  if (step.publicity) {
    const period = computePublicityPeriod(current, step.publicity.rule, step.edition.releasedAt);
    if (period) {
      publicity = { startsAt: period.startsAt, endsAt: period.endsAt, explanation: period.explanation };
      const row = step.publicity.audit;
      audit.push({ ...row, detail: { ...row.detail, startsAt: period.startsAt, endsAt: period.endsAt, why: period.explanation } });
    }
  }
  let interpretationDue: ReleaseStepOutcome['interpretationDue'];
  if (step.interpretationPending) {
    const due = extendedDeadline(current, step.edition.releasedAt, step.interpretationPending.workingDays);
    interpretationDue = { dueAt: due.dueAt, explanation: due.explanation };
    const row = step.interpretationPending.audit;
    audit.push({ ...row, detail: { ...row.detail, dueAt: due.dueAt, why: due.explanation } });
  }
  audit.push(...step.after);
  const w = new CombinedWrite();
  addEdition(w, step.edition);
  w.add(
    'item',
    itemRowPart(w, itemId, {
      state: step.state,
      currentEdition: step.edition.edition,
      releaseTiming: timing,
      ...(publicity ? { publicity: { startsAt: publicity.startsAt, endsAt: publicity.endsAt } } : {}),
    }),
  );
  addAudit(w, audit);
  await w.run(sql);
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
      // The draft's rows and its audit row: one statement.
      const w = new CombinedWrite();
      addDraft(w, { input: request.input, deadline, createdAt: request.createdAt });
      addAudit(w, [audit]);
      await w.run(dataSource);
      return { releaseReminderAt: releaseReminderAt(current, deadline.dueAt, settings.reminderWorkingDays), deadline };
    },

    async applyItemStep(step: ItemStep): Promise<ItemStepOutcome> {
      const current = step.openTask ? await calendar() : undefined;
      return recordItemStep(dataSource, current, step);
    },

    async recordReleaseStep(step: ReleaseStep): Promise<ReleaseStepOutcome> {
      const current = await calendar();
      return recordReleaseStep(dataSource, current, step);
    },
  };
}
