import type {
  ConcernClassification,
  ConcernDeadline,
  ConcernKind,
  ConcernReviewDecision,
  ConcernState,
} from '@zwgk/domain';
import type { ActorRef } from './disclosure-item.types';

/** One workflow per concern, a child of its item's workflow, addressed by its business id. */
export function publicConcernWorkflowId(concernId: string): string {
  return `public-concern-${concernId}`;
}

export const PUBLIC_CONCERN_WORKFLOW_TYPE = 'publicConcernWorkflow';

/**
 * What starts a concern's workflow: a question from the public on a released item (回应关切), or a
 * public-opinion incident staff registered (政务舆情). The parent item's workflow passes it to startChild.
 */
export interface PublicConcernInput {
  readonly concernId: string;
  readonly itemId: string;
  /** The department that published the item; it sees the concern in its inbox before triage. */
  readonly itemDepartmentCode: string;
  readonly kind: ConcernKind;
  /** The question as asked, or the incident's summary. */
  readonly content: string;
  /** How to reach the asker; never published. */
  readonly contact?: string;
  /** The receipt instant (ISO 8601): every deadline counts from it. */
  readonly receivedAt: string;
  /** The staff member who registered an incident; absent for a question from the public. */
  readonly registeredBy?: ActorRef;
  /** The HTTP request that carried a public question, for the audit trail. */
  readonly requestId?: string;
}

/** A due time of the concern as the workflow keeps it. */
export interface ConcernDeadlineView extends ConcernDeadline {
  /** When the workflow recorded it as passed without being met. */
  readonly overdueAt?: string;
  /** When it was met: the response published, or the press conference held. */
  readonly metAt?: string;
}

/** The workflow's answer to its query and to every Update. */
export interface PublicConcernView {
  readonly concernId: string;
  readonly itemId: string;
  readonly kind: ConcernKind;
  readonly state: ConcernState;
  readonly receivedAt: string;
  /** Bumped when the leader returns a draft: each draft is one revision. */
  readonly revision: number;
  readonly classification?: ConcernClassification;
  readonly assignedDepartmentCode?: string;
  readonly draft?: string;
  readonly draftedBy?: string;
  /** Why the leader returned the last draft. */
  readonly returnComment?: string;
  readonly deadlines: readonly ConcernDeadlineView[];
  readonly deadlineExtended: boolean;
  readonly extensionReason?: string;
  readonly pressConferenceHeldAt?: string;
  readonly pressConferenceSummary?: string;
  readonly publishedAt?: string;
}

/** 分办: the disclosure office classifies the concern and assigns the department that answers it. */
export interface TriageConcernRequest {
  readonly actor: ActorRef;
  readonly classification: ConcernClassification;
  readonly assignDepartmentCode: string;
}

/** A drafter of the assigned department writes (or rewrites, after a return) the response. */
export interface DraftConcernResponseRequest {
  readonly actor: ActorRef;
  readonly draft: string;
}

/** The assigned department's leader approves the draft (which publishes it) or returns it with a comment. */
export interface ReviewConcernResponseRequest {
  readonly actor: ActorRef;
  readonly decision: ConcernReviewDecision;
  readonly comment?: string;
}

/** The disclosure office extends a message's limit once (7 → 15 working days by default), with a reason. */
export interface ExtendConcernDeadlineRequest {
  readonly actor: ActorRef;
  readonly reason: string;
}

/** A major emergency's press conference has been held. */
export interface RecordPressConferenceRequest {
  readonly actor: ActorRef;
  readonly summary: string;
}
