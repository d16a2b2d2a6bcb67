import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_STAGES, ROLES } from '@zwgk/domain';
import { ChannelConfirmationView } from './item.views';

/**
 * What the item's workflow answers to an Update (submit, revise, withdraw, a new edition, an extension), which
 * the routes pass on as it is: DisclosureItemView of @zwgk/contracts, built by the workflow's itemView. Fields
 * the workflow has not set are absent, not null. Documented for the web app's generated types.
 */

const DISCLOSURE_STATES = ['DRAFT', 'IN_REVIEW', 'RETURNED', 'REJECTED', 'APPROVED', 'RELEASED', 'WITHDRAWN'];

/** The review task open on the item. */
export class ItemUpdateOpenTaskView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: REVIEW_STAGES }) stage!: string;
  @ApiProperty({ enum: ROLES, description: 'the role that decides it' }) role!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: 'integer', description: 'the revision it reviews' }) revision!: number;
  @ApiPropertyOptional({ description: 'whoever claimed it; only they may decide it until they unclaim' }) claimedBy?: string;
  @ApiPropertyOptional({ description: 'set by a delegation: only this person may decide it' }) assignee?: string;
  @ApiPropertyOptional() overdue?: boolean;
}

export class ItemUpdateView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: DISCLOSURE_STATES }) state!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'the statutory release deadline' }) releaseDueAt?: string;
  @ApiPropertyOptional({ description: 'why that date' }) releaseDueExplanation?: string;
  @ApiPropertyOptional({ description: 'computed on a calendar year not yet loaded' }) releaseDueProvisional?: boolean;
  @ApiPropertyOptional({ type: ItemUpdateOpenTaskView }) openTask?: ItemUpdateOpenTaskView;
  @ApiPropertyOptional({ format: 'date-time' }) releasedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) scheduledReleaseAt?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'how many editions have been released' }) edition?: number;
  @ApiPropertyOptional({ description: 'the open task or the statutory release deadline is overdue' }) overdue?: boolean;
  @ApiPropertyOptional({ description: 'the release deadline found the item unreleased at its due instant' }) releaseOverdue?: boolean;
  @ApiPropertyOptional({ type: 'integer', description: 'the first release came after the deadline, by this many working days' }) releaseLateWorkingDays?: number;
  @ApiPropertyOptional({ enum: REVIEW_STAGES, isArray: true, description: 'the review chain of the current round' }) reviewChain?: string[];
}

/** What POST /api/items answers: the new item (or, for a retried request, the one it made). */
export class CreatedItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DISCLOSURE_STATES, example: 'DRAFT' }) state!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the statutory release deadline' }) releaseDueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why that date' }) releaseDueExplanation!: string | null;
}

/** What a ledger retry or a manual channel's confirmation answers: the channel's ledger entry (ChannelLedgerResult). */
export class ChannelLedgerResultView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: '政府网站' }) channel!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ enum: ['publish', 'withdraw'] }) action!: 'publish' | 'withdraw';
  @ApiProperty({ example: 'published' }) status!: string;
  @ApiPropertyOptional({ description: "the channel's reference for the release (its URL or number)" }) reference?: string;
  @ApiPropertyOptional({ type: ChannelConfirmationView, description: 'on a manual channel, once confirmed' }) confirmation?: ChannelConfirmationView;
}
