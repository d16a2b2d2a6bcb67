import type { CatalogItem, DisclosureState, ReviewDecision, ReviewStage, Role, TimeLimitRule } from '@zwgk/domain';

/** The person behind a decision, as the API resolved them from the bearer token. */
export interface ActorRef {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: readonly Role[];
  /** The HTTP request that carried the decision, for the audit trail. */
  readonly requestId?: string;
}

/** What starts a disclosure item's workflow. The catalog row is copied in: a running item keeps its rule. */
export interface DisclosureItemInput {
  readonly itemId: string;
  readonly drafter: ActorRef;
  readonly catalogVersionId: string;
  readonly catalogItem: Pick<CatalogItem, 'code' | 'area' | 'level1' | 'level2' | 'level3' | 'content' | 'basis' | 'subject' | 'channels' | 'mode'> & {
    /** A policy document: its interpretation (解读) is drafted, signed and released with it. */
    readonly needsInterpretation?: boolean;
    readonly timeLimit: { readonly text: string; readonly rule: TimeLimitRule };
  };
  readonly title: string;
  readonly body: string;
  /** The day the information was formed (形成), China time, YYYY-MM-DD. */
  readonly formedAt: string;
  readonly channels: readonly string[];
  /** A normative document (行政规范性文件) also goes through 合法性审查. */
  readonly normativeDocument?: boolean;
  /** The interpretation material (政策解读), prepared by the drafter with the document. */
  readonly interpretation?: string;
  /**
   * The county's interpretation policy when the item started: 0 = released together with the policy;
   * N = the interpretation may follow within N working days of the release.
   */
  readonly interpretationLagWorkingDays?: number;
  /** Set when the workflow continued as new after release: where it carries on from. */
  readonly resume?: DisclosureItemResume;
  /** The case of a composite rule the drafter chose (一般情形, 行政许可、行政处罚事项): it times the item. */
  readonly timeLimitCase?: string;
  /** The due day the drafter gave (YYYY-MM-DD, China time) when the rule has no limit that can be computed. */
  readonly manualDueDate?: string;
  /** Why that day: quoted in the deadline's explanation. */
  readonly manualDueReason?: string;
}

/** What the release deadline is computed from: the item's rule, its clock start day and the drafter's choice. */
export interface ReleaseDeadlineRequest {
  readonly rule: TimeLimitRule;
  readonly formedAt: string;
  readonly timeLimitCase?: string;
  readonly manualDueDate?: string;
  readonly manualDueReason?: string;
}

/** The release deadline request of an item: every computation and recomputation of its deadline uses this. */
export function releaseDeadlineRequestOf(input: DisclosureItemInput): ReleaseDeadlineRequest {
  return {
    rule: input.catalogItem.timeLimit.rule,
    formedAt: input.formedAt,
    ...(input.timeLimitCase !== undefined ? { timeLimitCase: input.timeLimitCase } : {}),
    ...(input.manualDueDate !== undefined ? { manualDueDate: input.manualDueDate } : {}),
    ...(input.manualDueReason !== undefined ? { manualDueReason: input.manualDueReason } : {}),
  };
}

/** What computePublicityPeriod answers: the 公示期 of a released item, or null when its rule has none. */
export interface PublicityPeriodView {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly explanation: string;
}

/** The state a released item's workflow carries into a fresh history (continue-as-new). */
export interface DisclosureItemResume {
  readonly state: DisclosureState;
  readonly revision: number;
  readonly edition: number;
  readonly content: { readonly title: string; readonly body: string; readonly interpretation?: string };
  readonly releasedAt: string;
  readonly releaseDeadline: { readonly dueAt: string; readonly dueDate: string; readonly provisional: boolean; readonly explanation: string; readonly calendarVersion: string };
  readonly interpretationDueAt?: string;
  /** The 公示期 of the released edition still running, if the rule sets one: when it ends. */
  readonly publicityEndsAt?: string;
  readonly lastRelease: { readonly edition: number; readonly revision: number; readonly content: { readonly title: string; readonly body: string; readonly interpretation?: string }; readonly contentHash: string; readonly releasedAt: string };
}

/** A human task the workflow is waiting on. */
export interface OpenTaskView {
  readonly taskId: string;
  readonly stage: ReviewStage;
  readonly role: Role;
  readonly departmentCode: string;
  readonly dueAt: string;
  readonly revision: number;
  /** Whoever claimed it; only they may decide it until they unclaim. */
  readonly claimedBy?: string;
  /** Set by a delegation: only this person may decide it. */
  readonly assignee?: string;
  readonly overdue?: boolean;
}

/** The workflow's answer to a state query and to every Update. */
export interface DisclosureItemView {
  readonly itemId: string;
  readonly state: DisclosureState;
  readonly revision: number;
  readonly releaseDueAt?: string;
  readonly releaseDueExplanation?: string;
  readonly releaseDueProvisional?: boolean;
  readonly openTask?: OpenTaskView;
  readonly releasedAt?: string;
  readonly scheduledReleaseAt?: string;
  /** How many editions have been released. */
  readonly edition?: number;
  /** The open task or the statutory release deadline is overdue. */
  readonly overdue?: boolean;
  /** The release deadline's timer found the item unreleased at its due instant (cleared when the deadline moves ahead). */
  readonly releaseOverdue?: boolean;
  /** The first release came after the release deadline, by this many working days. */
  readonly releaseLateWorkingDays?: number;
  readonly reviewChain?: readonly ReviewStage[];
}

export interface SubmitRequest {
  readonly actor: ActorRef;
}

export interface CompleteTaskRequest {
  readonly taskId: string;
  readonly actor: ActorRef;
  readonly decision: ReviewDecision;
  readonly comment?: string;
  /** 签发 only: release at this instant instead of at once. */
  readonly releaseAt?: string;
}

/** The drafter's edit: any field left out stays as it is. An edit after 签发 voids the sign-off. */
export interface ReviseRequest {
  readonly actor: ActorRef;
  readonly title?: string;
  readonly body?: string;
  readonly interpretation?: string;
}

export interface ClaimTaskRequest {
  readonly taskId: string;
  readonly actor: ActorRef;
}

/** Hands an open task to a colleague who holds the stage's role in the same department. */
export interface DelegateTaskRequest {
  readonly taskId: string;
  readonly actor: ActorRef;
  readonly delegate: ActorRef;
  readonly comment?: string;
}

/** A change (变更) to a released item: a new edition through the chain again, with a reason. */
export interface NewEditionRequest {
  readonly actor: ActorRef;
  readonly reason: string;
  readonly title?: string;
  readonly body?: string;
  readonly interpretation?: string;
}

/** A supervisor gives more time: N working days after the current due day, with an audited reason. */
export interface ExtendDeadlineRequest {
  readonly actor: ActorRef;
  /** The open task's id, or 'release' for the item's statutory release deadline. */
  readonly target: string;
  readonly workingDays: number;
  readonly reason: string;
}

export interface WithdrawRequest {
  readonly actor: ActorRef;
  readonly reason: string;
}

/**
 * A release ledger row as the API read it when the request came in: the workflow's validator decides on
 * these facts (a re-opened workflow does not carry the ledger), and the activity re-reads the row itself.
 */
export interface LedgerEntryFacts {
  /** The edition's revision the row is about. */
  readonly revision: number;
  readonly action: 'publish' | 'withdraw';
  readonly status: 'published' | 'withdrawn' | 'manual-required' | 'failed';
  /** The channel's kind: website, new-media, gazette, notice-board or manual. */
  readonly channelKind: string;
  /** Whether a person has already confirmed the row (posted or taken down). */
  readonly confirmed?: boolean;
}

/** Releases one channel again whose last ledger entry failed (渠道重新发布). */
export interface RetryChannelReleaseRequest {
  readonly actor: ActorRef;
  /** The catalog channel name, as in the ledger. */
  readonly channel: string;
  /** The channel's last ledger entry. */
  readonly lastEntry: LedgerEntryFacts;
  /** 2 for the first retry, then 3…: each attempt has its own idempotency key at the receiver. */
  readonly attempt: number;
  /** The client's Idempotency-Key, kept with the attempt so that a repeat answers the same result. */
  readonly requestKey?: string;
}

export type ManualChannelAction = 'posted' | 'taken-down';

/** A person confirms that a manual channel's notice was posted (张贴) or taken down (撤下), with a note. */
export interface ConfirmManualChannelRequest {
  readonly actor: ActorRef;
  readonly channel: string;
  readonly action: ManualChannelAction;
  readonly note: string;
  /** An uploaded photo of the notice (attachment id), optional. */
  readonly photoAttachmentId?: string;
  /** The ledger row the confirmation is about: the edition's publication, or its withdrawal. */
  readonly entry: LedgerEntryFacts;
  readonly requestKey?: string;
}

/** What a retry or a confirmation answers: the ledger row as it now stands. */
export interface ChannelLedgerResult {
  readonly itemId: string;
  readonly channel: string;
  readonly revision: number;
  readonly action: 'publish' | 'withdraw';
  readonly status: string;
  readonly reference?: string;
  readonly confirmation?: ChannelConfirmation;
}

/** Who confirmed a manual channel's posting or taking down, when, and what they noted. */
export interface ChannelConfirmation {
  readonly action: ManualChannelAction;
  readonly by: string;
  readonly byName: string;
  readonly at: string;
  readonly note: string;
  readonly photoAttachmentId?: string;
  readonly requestKey?: string;
}

export interface RecalculateDeadlinesRequest {
  readonly actor: ActorRef;
  /** Why, for the audit trail, e.g. 2027年节假日安排已公布. */
  readonly reason: string;
}
