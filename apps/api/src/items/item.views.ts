import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What GET /api/items and GET /api/items/:id answer, documented for the OpenAPI document the web app's types are
 * generated from. ItemListService.toView and ItemsService.detail build these shapes; the classes only describe
 * them. Instants are ISO 8601 strings.
 */

class DeadlineRefView {
  @ApiProperty({ enum: ['task', 'release'] }) kind!: 'task' | 'release';
  @ApiProperty({ example: '保密审查办理时限' }) label!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

/** One row of 我的事项 (or the department's items). */
export class MyItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'IN_REVIEW' }) state!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() catalogItemCode!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty() drafter!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releaseDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt!: string | null;
  @ApiProperty({ type: DeadlineRefView, nullable: true, description: 'the nearest open deadline: a review task, or the release' }) nextDeadline!: DeadlineRefView | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'due within the inbox\'s "due soon" hours' }) dueSoon!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "the reviewer's comment when the item was returned" }) returnComment!: string | null;
  @ApiProperty({ type: 'integer' }) attachmentCount!: number;
}

export class MyItemPageView {
  @ApiProperty({ enum: ['mine', 'department'], description: "my items, or the department's (for its head)" }) scope!: 'mine' | 'department';
  @ApiProperty({ type: [MyItemView] }) items!: MyItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' }) nextCursor!: string | null;
}

export class ClockStartView {
  @ApiProperty({ example: '采购合同签订' }) event!: string;
  @ApiProperty({ example: '采购合同签订日期' }) dateLabel!: string;
}

export class TimeLimitCaseView {
  @ApiProperty({ example: '一般情形' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: ClockStartView }) clockStart!: ClockStartView;
}

/** A catalog row's 公开时限: the catalog's wording, the rule read back in Chinese, and what the drafter gives. */
export class TimeLimitView {
  @ApiProperty({ example: '信息形成或者变更之日起20个工作日内' }) text!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the machine-readable rule' }) rule?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String] }) notes?: string[];
  @ApiPropertyOptional({ description: 'the rule read back in Chinese' }) description?: string;
  @ApiPropertyOptional({ type: ClockStartView, description: 'the event whose date an item is drafted with' }) clockStart?: ClockStartView;
  @ApiPropertyOptional({ type: [TimeLimitCaseView], description: 'the cases the drafter chooses between; empty when there is one' }) cases?: TimeLimitCaseView[];
  @ApiPropertyOptional({ description: 'no limit can be computed from the rule: the drafter gives the due date and its reason' }) manualDue?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: "how long the released item's 公示期 runs, when the rule has one", example: '7个工作日' }) publicityPeriod?: string | null;
}

/** The item's catalog row in the version it started under; only `code` when the row is gone. */
export class ItemCatalogRowView {
  @ApiProperty({ example: 'EDU-001' }) code!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() area?: string;
  @ApiPropertyOptional() level1?: string;
  @ApiPropertyOptional() level2?: string;
  @ApiPropertyOptional() level3?: string;
  @ApiPropertyOptional() content?: string;
  @ApiPropertyOptional() basis?: string;
  @ApiPropertyOptional({ type: TimeLimitView }) timeLimit?: TimeLimitView;
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional({ type: [String] }) departmentCodes?: string[];
  @ApiPropertyOptional({ type: [String] }) channels?: string[];
  @ApiPropertyOptional() audience?: string;
  @ApiPropertyOptional({ enum: ['proactive', 'on-application', 'both'] }) mode?: string;
  @ApiPropertyOptional({ type: [String] }) levels?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, description: '五公开 category' }) category?: string | null;
  @ApiPropertyOptional() needsInterpretation?: boolean;
}

export class CatalogVersionRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() state!: string;
}

/** A released item's 公示期, when its rule has one. */
export class PublicityPeriodView {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() ended!: boolean;
}

export class ItemDeadlineView {
  @ApiProperty({ enum: ['task', 'release'] }) kind!: string;
  @ApiProperty({ example: '法定公开时限' }) label!: string;
  @ApiPropertyOptional({ format: 'uuid' }) taskId?: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'computed on a calendar year not yet loaded' }) provisional!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'why this date' }) why!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null while it runs' }) met!: boolean | null;
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) workingDaysLate?: number | null;
}

export class ItemTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ example: '保密审查' }) stageLabel!: string;
  @ApiProperty({ enum: ['open', 'completed'] }) state!: string;
  @ApiProperty({ type: String, nullable: true }) claimedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) assignee!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() escalated!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['approve', 'return', 'reject'] }) decision!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class ItemTimelineEventView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'item.submitted' }) action!: string;
  @ApiProperty({ description: "the user name, or 'system'" }) actor!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId!: string | null;
  @ApiPropertyOptional({ enum: ['approve', 'return', 'reject'], description: 'on a task.* decision' }) decision?: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class ItemAttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) removedAt!: string | null;
  @ApiProperty({ description: "the path (under the API's origin) to download it with a bearer token" }) downloadPath!: string;
}

/** A person's confirmation that a manual channel (公示栏, 办事大厅…) posted or took the item down. */
export class ChannelConfirmationView {
  @ApiProperty({ enum: ['posted', 'taken-down'] }) action!: 'posted' | 'taken-down';
  @ApiProperty() by!: string;
  @ApiProperty() byName!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ required: false, format: 'uuid', description: 'the photo of the notice: GET /api/items/{id}/ledger/photos/{photoAttachmentId}' }) photoAttachmentId?: string;
  @ApiProperty({ required: false, description: 'the Idempotency-Key of the request that confirmed it' }) requestKey?: string;
}

export class ItemPublicationView {
  @ApiProperty() channel!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ example: 'published' }) status!: string;
  @ApiProperty({ enum: ['publish', 'withdraw'] }) action!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty() contentHash!: string;
  @ApiProperty({ type: ChannelConfirmationView, nullable: true }) confirmation!: ChannelConfirmationView | null;
}

/** One item with its catalog row, deadlines, review tasks, timeline, attachments and release ledger. */
export class ItemDetailView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ example: 'IN_REVIEW' }) state!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() departmentCode!: string;
  @ApiProperty() drafter!: string;
  @ApiProperty({ format: 'date', description: 'the date the information was formed (or changed)' }) formedAt!: string;
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ format: 'uuid' }) catalogVersionId!: string;
  @ApiProperty({ type: CatalogVersionRefView, nullable: true }) catalogVersion!: CatalogVersionRefView | null;
  @ApiProperty({ type: ItemCatalogRowView }) catalogItem!: ItemCatalogRowView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releaseDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt!: string | null;
  @ApiProperty() normativeDocument!: boolean;
  @ApiProperty({ type: String, nullable: true }) interpretation!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scheduledReleaseAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) currentEdition!: number | null;
  @ApiProperty({ type: String, nullable: true }) signedContentHash!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason!: string | null;
  @ApiProperty({ type: PublicityPeriodView, nullable: true }) publicityPeriod!: PublicityPeriodView | null;
  @ApiProperty({ type: [ItemDeadlineView] }) deadlines!: ItemDeadlineView[];
  @ApiProperty({ type: [ItemTaskView] }) tasks!: ItemTaskView[];
  @ApiProperty({ type: [ItemTimelineEventView] }) timeline!: ItemTimelineEventView[];
  @ApiProperty({ type: [ItemAttachmentView] }) attachments!: ItemAttachmentView[];
  @ApiProperty({ type: [ItemPublicationView] }) publications!: ItemPublicationView[];
}
