import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@zwgk/domain';
import { ItemUpdateView } from '../items/item-update.views';

/**
 * What the inbox answers (GET /api/tasks, /api/tasks/counts), documented for the OpenAPI document the web app's
 * types are generated from. toInboxPage and toInboxCounts (inbox-query.ts) build these shapes; the classes only
 * describe them.
 */

export class InboxTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ description: 'the review stage', example: 'confidentiality-review' }) kind!: string;
  @ApiProperty({ example: '保密审查' }) kindLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: "the catalog area of the item's row", example: '义务教育' }) area!: string | null;
  @ApiProperty({ description: 'the role that may handle it' }) role!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ enum: ['open', 'completed'] }) state!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['approve', 'return', 'reject'] }) decision!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the user it was delegated to' }) assignee!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the user name of whoever claimed it' }) claimedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the holder's display name (the user name when the user is gone)" }) claimedByName!: string | null;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) priority!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'past its due time (an open task), or decided late (a completed one)' }) overdue!: boolean;
  @ApiProperty() escalated!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InboxPageView {
  @ApiProperty({ type: [InboxTaskView] }) items!: InboxTaskView[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' }) nextCursor!: string | null;
}

export class InboxCountLabelsView {
  @ApiProperty({ example: '12' }) open!: string;
  @ApiProperty({ example: '999+' }) overdue!: string;
  @ApiProperty() dueSoon!: string;
  @ApiProperty() completedToday!: string;
}

export class InboxCountsView {
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer' }) dueSoon!: number;
  @ApiProperty({ type: 'integer' }) completedToday!: number;
  @ApiProperty({ type: InboxCountLabelsView, description: 'what a badge shows: the number, or "999+" once the cap is reached' }) labels!: InboxCountLabelsView;
  @ApiProperty({ type: 'integer' }) cap!: number;
  @ApiProperty({ type: 'integer' }) dueSoonHours!: number;
}

const CLAIM_OUTCOMES = ['claimed', 'already-claimed-by-you', 'refused'] as const;

/** GET /api/tasks/:id: one task with who holds it, for the review screen's claim / release / delegate buttons. */
export class TaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ description: 'a review stage, or `supervision-demand` for a 督办单', example: 'confidentiality-review' }) stage!: string;
  @ApiProperty({ example: '保密审查' }) stageLabel!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) state!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the user it was delegated to' }) assignee!: string | null;
  @ApiProperty({ type: String, nullable: true }) claimedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who delegated it' }) delegatedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class DelegateView {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
}

/** Colleagues who hold the task's role in its department (not the caller, not the drafter): whom it may be delegated to. */
export class TaskDelegatesView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ type: [DelegateView] }) items!: DelegateView[];
}


/** POST /api/tasks/:id/claim and /unclaim: who holds the task now. */
export class TaskClaimView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: "the open task's holder after the step; null when nobody holds it" }) claimedBy!: string | null;
  @ApiProperty({ type: ItemUpdateView }) item!: ItemUpdateView;
}

/** POST /api/tasks/:id/delegate: whom the task is delegated to now. */
export class TaskDelegationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: "the open task's assignee after the step" }) assignee!: string | null;
  @ApiProperty({ type: ItemUpdateView }) item!: ItemUpdateView;
}

/** POST /api/tasks/:id/complete: the decision taken and the item after it. */
export class TaskDecisionView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: ['approve', 'return', 'reject'] }) decision!: string;
  @ApiProperty({ type: ItemUpdateView }) item!: ItemUpdateView;
}

/** What happened to one task of a bulk claim, with the status a single claim would have answered. */
export class ClaimOutcomeView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: CLAIM_OUTCOMES }) outcome!: (typeof CLAIM_OUTCOMES)[number];
  @ApiProperty({ type: 'integer', description: '200, or 403/404/409/503 for a refusal' }) status!: number;
  @ApiPropertyOptional({ description: "a refusal's error code (`task.claimed-by-other`, `task.not-yours`, …; see error-codes.ts)" }) code?: string;
  @ApiPropertyOptional({ description: 'with `task.claimed-by-other`: who holds the task' }) claimedBy?: string;
  @ApiProperty() message!: string;
}

export class BulkClaimSummaryView {
  @ApiProperty({ type: 'integer' }) claimed!: number;
  @ApiProperty({ type: 'integer' }) alreadyClaimedByYou!: number;
  @ApiProperty({ type: 'integer' }) refused!: number;
}

/** POST /api/tasks/claims (批量认领): one outcome per task, in the order asked. */
export class BulkClaimView {
  @ApiProperty({ type: [ClaimOutcomeView] }) results!: ClaimOutcomeView[];
  @ApiProperty({ type: BulkClaimSummaryView }) summary!: BulkClaimSummaryView;
}
