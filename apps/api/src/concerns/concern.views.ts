import { ApiProperty } from '@nestjs/swagger';
import { CONCERN_CLASSIFICATIONS, CONCERN_KINDS, CONCERN_MILESTONES, CONCERN_STATES } from '@zwgk/domain';

/**
 * What the concern routes answer (回应关切, 政务舆情), documented for the OpenAPI document the web app's types are
 * generated from. ConcernsService and concern.mapper.ts build these shapes; the classes only describe them.
 * Instants are ISO 8601 strings.
 */

/** One clock of a concern as the public is told it on submission. */
export class ConcernReceiptDeadlineView {
  @ApiProperty({ enum: CONCERN_MILESTONES }) milestone!: string;
  @ApiProperty({ example: '答复' }) label!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'why this due time, in Chinese' }) why!: string;
}

/** One clock of a concern: the 5 h / 24 h / 48 h limits of an incident, or the working days of a message. */
export class ConcernDeadlineView extends ConcernReceiptDeadlineView {
  @ApiProperty({ description: 'counted on a calendar not yet confirmed for the year' }) provisional!: boolean;
  @ApiProperty({ description: 'past its due time and not met' }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) overdueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) metAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'met in time (true), met late (false), not met yet (null)' }) met!: boolean | null;
}

export class ConcernPressConferenceView {
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
}

/** A concern as staff see it after each step (分办, 答复, 审核, 延期, 新闻发布会). */
export class ConcernView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: CONCERN_KINDS }) kind!: (typeof CONCERN_KINDS)[number];
  @ApiProperty({ example: '网民留言' }) kindLabel!: string;
  @ApiProperty({ enum: CONCERN_STATES }) state!: (typeof CONCERN_STATES)[number];
  @ApiProperty({ example: '待分办' }) stateLabel!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: String, enum: CONCERN_CLASSIFICATIONS, nullable: true }) classification!: (typeof CONCERN_CLASSIFICATIONS)[number] | null;
  @ApiProperty({ type: String, nullable: true, example: '咨询' }) classificationLabel!: string | null;
  @ApiProperty({ type: String, nullable: true }) assignedDepartmentCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) draft!: string | null;
  @ApiProperty({ type: String, nullable: true }) draftedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnComment!: string | null;
  @ApiProperty({ type: [ConcernDeadlineView] }) deadlines!: ConcernDeadlineView[];
  @ApiProperty() deadlineExtended!: boolean;
  @ApiProperty({ type: String, nullable: true }) extensionReason!: string | null;
  @ApiProperty({ type: ConcernPressConferenceView, nullable: true }) pressConference!: ConcernPressConferenceView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

/** A step of the concern's timeline, from the audit trail. */
export class ConcernTimelineEventView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'concern.triaged' }) action!: string;
  @ApiProperty({ description: 'a user name, `public` or `system`' }) actor!: string;
  @ApiProperty({ description: 'the staff member by name, 公众 or 系统' }) actorName!: string;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the audit event's own detail" }) detail!: Record<string, unknown>;
}

/** One concern with the asker's contact (for those who may see it), the question and its timeline. */
export class ConcernDetailView extends ConcernView {
  @ApiProperty({ type: String, nullable: true }) itemTitle!: string | null;
  @ApiProperty() itemDepartmentCode!: string;
  @ApiProperty({ description: 'the question, or the incident summary' }) content!: string;
  @ApiProperty({ type: String, nullable: true, description: "null for a question without one, or for whoever may not see the asker's contact" }) contact!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'who registered an incident; null for a question from the public' }) registeredBy!: string | null;
  @ApiProperty({ type: [ConcernTimelineEventView] }) timeline!: ConcernTimelineEventView[];
}

/** A row of the staff queue. */
export class ConcernInboxRowView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ enum: CONCERN_KINDS }) kind!: (typeof CONCERN_KINDS)[number];
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ enum: CONCERN_STATES }) state!: (typeof CONCERN_STATES)[number];
  @ApiProperty() stateLabel!: string;
  @ApiProperty({ type: String, enum: CONCERN_CLASSIFICATIONS, nullable: true }) classification!: (typeof CONCERN_CLASSIFICATIONS)[number] | null;
  @ApiProperty({ type: String, nullable: true }) classificationLabel!: string | null;
  @ApiProperty() itemDepartmentCode!: string;
  @ApiProperty({ type: String, nullable: true }) assignedDepartmentCode!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the soonest unmet due time; null when every clock is met' }) nextDueAt!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class ConcernInboxView {
  @ApiProperty({ type: [ConcernInboxRowView], description: 'soonest unmet due time first' }) items!: ConcernInboxRowView[];
}

/** What the public is told on submission: the receipt and when to expect an answer (no internal fields). */
export class ConcernReceiptView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: [ConcernReceiptDeadlineView] }) deadlines!: ConcernReceiptDeadlineView[];
}
