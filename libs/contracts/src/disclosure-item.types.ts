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
    readonly timeLimit: { readonly text: string; readonly rule: TimeLimitRule };
  };
  readonly title: string;
  readonly body: string;
  /** The day the information was formed (形成), China time, YYYY-MM-DD. */
  readonly formedAt: string;
  readonly channels: readonly string[];
}

/** A human task the workflow is waiting on. */
export interface OpenTaskView {
  readonly taskId: string;
  readonly stage: ReviewStage;
  readonly role: Role;
  readonly departmentCode: string;
  readonly dueAt: string;
  readonly revision: number;
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
}

export interface SubmitRequest {
  readonly actor: ActorRef;
}

export interface CompleteTaskRequest {
  readonly taskId: string;
  readonly actor: ActorRef;
  readonly decision: ReviewDecision;
  readonly comment?: string;
}

export interface WithdrawRequest {
  readonly actor: ActorRef;
  readonly reason: string;
}

export interface RecalculateDeadlinesRequest {
  readonly actor: ActorRef;
  /** Why, for the audit trail, e.g. 2027年节假日安排已公布. */
  readonly reason: string;
}
