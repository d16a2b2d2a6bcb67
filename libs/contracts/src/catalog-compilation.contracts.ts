import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DisclosureCategory, Role } from '@zwgk/domain';
import type { ActorRef } from './disclosure-item.types';

/** One workflow per compilation round (编制轮次) of the standard catalog, addressed by the round's id. */
export function catalogCompilationWorkflowId(roundId: string): string {
  return `catalog-compilation-${roundId}`;
}

export const CATALOG_COMPILATION_WORKFLOW_TYPE = 'catalogCompilationWorkflow';

/** Who does what in a round: the office opens, reviews and activates it, departments propose, a leader approves. */
export const COMPILATION_OFFICE_ROLE = 'disclosure-office' satisfies Role;
export const COMPILATION_LEGAL_ROLE = 'legal-reviewer' satisfies Role;
export const COMPILATION_LEADER_ROLE = 'leader' satisfies Role;

/** Where a proposed row comes from: a 权责清单 item, a public-service item, or a law. */
export type CatalogRowSourceKind = 'power-list' | 'service-item' | 'law';

/** A row as a department proposes it: the six elements (六要素), its 五公开 category and its responsible units. */
export interface ProposedCatalogRow {
  readonly area: string;
  readonly level1: string;
  readonly level2: string;
  readonly level3?: string;
  readonly content: string;
  readonly basis: string;
  readonly timeLimitText: string;
  readonly subject: string;
  readonly departmentCodes: readonly string[];
  readonly channels: readonly string[];
  readonly audience: 'public' | 'specific-group' | 'both';
  readonly mode: 'proactive' | 'on-application' | 'both';
  readonly levels: readonly ('county' | 'township')[];
  readonly category: DisclosureCategory;
  readonly needsInterpretation?: boolean;
}

/** One change a department proposes against the active version: a new row, a changed one, or a removal. */
export interface CatalogRowProposal {
  readonly action: 'add' | 'change' | 'remove';
  /** The row's code: a new code for `add`, an existing one for `change` and `remove`. */
  readonly code: string;
  /** The row as it should read (not for `remove`). */
  readonly row?: ProposedCatalogRow;
  readonly source: { readonly kind: CatalogRowSourceKind; readonly reference: string };
  /** Why a row is removed or changed. */
  readonly reason?: string;
}

export interface RowReview {
  readonly code: string;
  readonly decision: 'accept' | 'return';
  readonly comment?: string;
}

export type DepartmentProposalState = 'open' | 'submitted' | 'returned' | 'accepted';

export interface DepartmentProposalView {
  readonly departmentCode: string;
  readonly state: DepartmentProposalState;
  /** 1 for the first submission, one more for each resubmission after a return. */
  readonly revision: number;
  readonly rows: readonly CatalogRowProposal[];
  /** The office's decision on each row of the latest submission. */
  readonly reviews: readonly RowReview[];
  readonly overdue: boolean;
}

export type CompilationRoundState = 'PROPOSING' | 'LEGAL_REVIEW' | 'LEADER_APPROVAL' | 'APPROVED' | 'ACTIVATED';

export interface CatalogCompilationInput {
  readonly roundId: string;
  /** 年度编制 (a year's round) or 动态调整 (a small round between them, same review). */
  readonly kind: 'annual' | 'adjustment';
  readonly year: number;
  readonly areas: readonly string[];
  readonly departmentCodes: readonly string[];
  /** The instant proposals are due (the end of the due day, China time). */
  readonly dueAt: string;
  /** The office asks for a legal review (合法性审查) before the leader approves. */
  readonly legalReview: boolean;
  /** The active catalog version the proposals are made against. */
  readonly baseVersionId: string;
  /** The office's unit: its legal reviewer and leader take the later steps. */
  readonly officeDepartmentCode: string;
  readonly openedBy: ActorRef;
}

export interface CatalogCompilationView {
  readonly roundId: string;
  readonly kind: CatalogCompilationInput['kind'];
  readonly year: number;
  readonly areas: readonly string[];
  readonly state: CompilationRoundState;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly legalReview: boolean;
  readonly baseVersionId: string;
  readonly proposals: readonly DepartmentProposalView[];
  /** The new catalog version, once the leader approved, and its diff against the base version. */
  readonly resultVersionId?: string;
  readonly diff?: { readonly added: readonly string[]; readonly removed: readonly string[]; readonly changed: readonly string[] };
  /** The last return by the legal reviewer or the leader, for the office. */
  readonly lastReturn?: { readonly by: string; readonly stage: 'legal-review' | 'leader-approval'; readonly comment: string };
}

export interface SubmitProposalRequest {
  readonly actor: ActorRef;
  readonly departmentCode: string;
  readonly rows: readonly CatalogRowProposal[];
}

export interface ReviewProposalRequest {
  readonly actor: ActorRef;
  readonly departmentCode: string;
  readonly reviews: readonly RowReview[];
}

export interface DecideRoundRequest {
  readonly actor: ActorRef;
  readonly stage: 'legal-review' | 'leader-approval';
  readonly decision: 'approve' | 'return';
  readonly comment?: string;
}

export interface ActivateRoundRequest {
  readonly actor: ActorRef;
}

/** Resolves once the round's tasks are open (the API starts the workflow with it). */
export const compilationRoundOpenedUpdate = defineUpdate<CatalogCompilationView>('compilationRoundOpened');
/** A department submits (or resubmits after a return) its rows. */
export const submitProposalUpdate = defineUpdate<CatalogCompilationView, [SubmitProposalRequest]>('submitProposal');
/** The office accepts or returns each row of a department's submission; any return sends it back. */
export const reviewProposalUpdate = defineUpdate<CatalogCompilationView, [ReviewProposalRequest]>('reviewProposal');
/** The legal reviewer or the leader approves the round, or returns it to the office with a comment. */
export const decideRoundUpdate = defineUpdate<CatalogCompilationView, [DecideRoundRequest]>('decideRound');
/** The office activates the approved version: the last step. */
export const activateRoundUpdate = defineUpdate<CatalogCompilationView, [ActivateRoundRequest]>('activateRound');
export const catalogCompilationViewQuery = defineQuery<CatalogCompilationView>('catalogCompilationView');
