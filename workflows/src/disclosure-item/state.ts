import type { ApplicationFailure } from '@temporalio/common';
import type { CompleteTaskRequest, DisclosureItemInput, DisclosureItemView, NewEditionRequest, OpenTaskView, SubmitRequest, WithdrawRequest } from '@zwgk/contracts';
import type { Deadline, DisclosureState, ReviewStage } from '@zwgk/domain/workflow';
import type { DueTime } from '../due-time';

/** What the sign-off covers: the body, the title and the interpretation (attachments join with the web UI). */
export interface Content {
  title: string;
  body: string;
  interpretation?: string;
}

/** What was released as one edition: the public page and the channels show exactly this. */
export interface ReleasedEdition {
  readonly edition: number;
  readonly revision: number;
  readonly content: Content;
  readonly contentHash: string;
  readonly releasedAt: string;
}

/**
 * Everything one item's workflow knows, in one place: the handlers, the review chain, the release and the
 * timers read and change this object (the workflow is single-threaded, so nothing else can).
 */
export interface ItemState {
  state: DisclosureState;
  revision: number;
  content: Content;
  /** Set once the calendar activity answers for the draft. */
  releaseDeadline: Deadline | undefined;
  reviewChain: readonly ReviewStage[] | undefined;
  openTask: OpenTaskView | undefined;
  openTaskOpenedAt: string | undefined;
  releasedAt: string | undefined;
  signedContentHash: string | undefined;
  scheduledReleaseAt: string | undefined;
  signOffVoided: boolean;
  signOffAnswered: boolean;
  /** Editions released so far. */
  edition: number;
  lastRelease: ReleasedEdition | undefined;
  /** A policy document released before its interpretation (the lag policy allows it): when it is due. */
  interpretationDueAt: string | undefined;
  interpretationOverdueRecorded: boolean;
  /** The 公示期 of the released edition (公示N个工作日), while it runs: the post-release loop closes it on time. */
  publicityEndsAt: string | undefined;
  readonly decidedTaskIds: Set<string>;
  /** Who approved which stage of the revision under review: nobody decides two of them (四眼原则). */
  readonly stageDeciders: Map<string, ReviewStage>;
  // Requests accepted by a validator, waiting for the main loop to act on them.
  pendingSubmit: SubmitRequest | undefined;
  pendingDecision: CompleteTaskRequest | undefined;
  pendingWithdrawal: WithdrawRequest | undefined;
  pendingEdition: NewEditionRequest | undefined;
  /** How many requests the main loop has finished, so an Update can answer after its effects. */
  completedSteps: number;
  /** The steps the main loop could not apply, by number: their Update answers with this refusal. */
  readonly refusedSteps: Map<number, ApplicationFailure>;
  /** Channels being released again now (one retry at a time per channel). */
  readonly channelRetriesUnderWay: Set<string>;
  /** Manual channels confirmed in this run, as `action:revision:channel` (the ledger keeps them for later runs). */
  readonly confirmedChannels: Set<string>;
  /** Set when the draft itself cannot be recorded (a formedAt the calendar cannot compute, data refused). */
  draftRefusal: ApplicationFailure | undefined;
  /** Counts the due-time moves (recalculation, extension); each also re-arms the open task's timer. */
  deadlineRevision: number;
  /** The open task's reminder and overdue timer; its state is kept across a refused decision. */
  openTaskDue: DueTime | undefined;
  /** The statutory release deadline's timer, from the draft until the first release (or the rejection). */
  releaseDue: DueTime | undefined;
  releaseTimer: Promise<void> | undefined;
  releaseLateWorkingDays: number | undefined;
  /** The supervisors' extensions of the release deadline, in working days: a recalculation applies them again. */
  readonly releaseExtensions: { readonly workingDays: number; readonly reason: string }[];
  /** Numbers the handlers' own steps, for idempotency keys. */
  handlerSequence: number;
  /** Reminder instants a step's activity already computed with the due instant it opened, by due instant. */
  readonly knownReminders: Map<string, string>;
}

/**
 * The state a workflow starts from: a fresh draft, or (continued as new after release, or re-opened by
 * update-with-start) the snapshot its input carries.
 */
export function initialItemState(input: DisclosureItemInput): ItemState {
  const s: ItemState = {
    state: 'DRAFT',
    revision: 1,
    content: { title: input.title, body: input.body, ...(input.interpretation ? { interpretation: input.interpretation } : {}) },
    releaseDeadline: undefined,
    reviewChain: undefined,
    openTask: undefined,
    openTaskOpenedAt: undefined,
    releasedAt: undefined,
    signedContentHash: undefined,
    scheduledReleaseAt: undefined,
    signOffVoided: false,
    signOffAnswered: false,
    edition: 0,
    lastRelease: undefined,
    interpretationDueAt: undefined,
    interpretationOverdueRecorded: false,
    publicityEndsAt: undefined,
    decidedTaskIds: new Set(),
    stageDeciders: new Map(),
    pendingSubmit: undefined,
    pendingDecision: undefined,
    pendingWithdrawal: undefined,
    pendingEdition: undefined,
    completedSteps: 0,
    refusedSteps: new Map(),
    channelRetriesUnderWay: new Set(),
    confirmedChannels: new Set(),
    draftRefusal: undefined,
    deadlineRevision: 0,
    openTaskDue: undefined,
    releaseDue: undefined,
    releaseTimer: undefined,
    releaseLateWorkingDays: undefined,
    releaseExtensions: [],
    handlerSequence: 0,
    knownReminders: new Map(),
  };
  if (input.resume) {
    const resume = input.resume;
    s.state = resume.state;
    s.revision = resume.revision;
    s.edition = resume.edition;
    s.content = resume.content;
    s.releasedAt = resume.releasedAt;
    s.releaseDeadline = resume.releaseDeadline;
    s.lastRelease = resume.lastRelease;
    s.signedContentHash = resume.lastRelease.contentHash;
    s.interpretationDueAt = resume.interpretationDueAt;
    s.publicityEndsAt = resume.publicityEndsAt;
  }
  return s;
}

/** 三同步: a policy document of the catalog, and any normative document (行政规范性文件), goes out with its interpretation. */
export function needsInterpretation(input: DisclosureItemInput): boolean {
  return input.catalogItem.needsInterpretation === true || input.normativeDocument === true;
}

export function releaseOverdueNow(s: ItemState): boolean {
  return s.releaseDue !== undefined && !s.releasedAt && s.releaseDue.overdue;
}

export function overdueNow(s: ItemState): boolean {
  return (s.openTask?.overdue ?? false) || releaseOverdueNow(s);
}

/** The DueAt search attribute: the nearest instant the item waits on, the open task's or the release deadline's. */
export function nearestDueAt(s: ItemState): Date | undefined {
  const instants = [s.openTask?.dueAt, s.releaseDue && !s.releaseDue.isStopped ? s.releaseDeadline?.dueAt : undefined].filter((at): at is string => at !== undefined);
  return instants.length ? new Date(Math.min(...instants.map((at) => Date.parse(at)))) : undefined;
}

/** What the item's query answers, and every Update after its effects. */
export function itemView(input: DisclosureItemInput, s: ItemState): DisclosureItemView {
  return {
    itemId: input.itemId,
    state: s.state,
    revision: s.revision,
    releaseDueAt: s.releaseDeadline?.dueAt,
    releaseDueExplanation: s.releaseDeadline?.explanation,
    releaseDueProvisional: s.releaseDeadline?.provisional,
    openTask: s.openTask,
    releasedAt: s.releasedAt,
    scheduledReleaseAt: s.scheduledReleaseAt,
    edition: s.edition,
    overdue: overdueNow(s),
    ...(s.releaseDue ? { releaseOverdue: releaseOverdueNow(s) } : {}),
    ...(s.releaseLateWorkingDays !== undefined ? { releaseLateWorkingDays: s.releaseLateWorkingDays } : {}),
    reviewChain: s.reviewChain,
  };
}
