import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMENT_ADOPTIONS, COMMENT_MODERATION_STATES, CONSULTATION_KINDS, CONSULTATION_STATES } from '@zwgk/domain';

/**
 * What the consultation endpoints answer (GET /api/consultations, /api/consultations/:id, and the portal's
 * /api/public/consultations, /api/public/consultations/:id), documented for the OpenAPI document the web
 * app's types are generated from. consultation.mapper.ts builds these shapes; the classes only describe them.
 */

export class ConsultationSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONSULTATION_KINDS }) kind!: string;
  @ApiProperty({ example: '行政规范性文件' }) kindLabel!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date' }) closesOn!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ type: 'integer', description: 'days left in China, today included; 0 once closed' }) daysLeft!: number;
  @ApiProperty({ enum: CONSULTATION_STATES }) state!: string;
  @ApiProperty({ example: '征求意见中' }) stateLabel!: string;
  @ApiProperty({ type: 'integer', description: 'opinions shown on the portal' }) commentCount!: number;
  @ApiProperty() feedbackPublished!: boolean;
}

/** A row of the staff list: the portal's summary with the real state and the feedback deadline. */
export class StaffConsultationListItemView extends ConsultationSummaryView {
  @ApiProperty() feedbackOverdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackDueAt!: string | null;
}

export class StaffConsultationListView {
  @ApiProperty({ type: [StaffConsultationListItemView] }) items!: StaffConsultationListItemView[];
}

export class StaffConsultationCommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) clause!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'only for who may see how to reach the commenter' }) contact?: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: COMMENT_MODERATION_STATES }) state!: string;
  @ApiProperty({ type: String, nullable: true }) moderatedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) moderatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ type: String, enum: COMMENT_ADOPTIONS, nullable: true }) adoption!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '部分采纳' }) adoptionLabel!: string | null;
  @ApiProperty({ type: String, nullable: true }) adoptionReason!: string | null;
}

/** One consultation for its department's staff and oversight. */
export class StaffConsultationDetailView extends StaffConsultationListItemView {
  @ApiProperty() draftText!: string;
  @ApiProperty() explanation!: string;
  @ApiProperty() affectsMarketEntities!: boolean;
  @ApiProperty({ type: String, nullable: true }) shortenedReason!: string | null;
  @ApiProperty() minimumBasis!: string;
  @ApiProperty() openedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) feedbackDueExplanation!: string | null;
  @ApiProperty({ type: String, nullable: true }) feedbackSummary!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) feedbackItemId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) feedbackPublishedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) feedbackLate!: boolean | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decisionItemId!: string | null;
  @ApiProperty({ type: 'integer' }) pendingCount!: number;
  @ApiProperty({ type: [StaffConsultationCommentView] }) comments!: StaffConsultationCommentView[];
}

export class PublicConsultationListView {
  @ApiProperty({ type: [ConsultationSummaryView] }) items!: ConsultationSummaryView[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) limit!: number;
  @ApiProperty({ type: 'integer' }) offset!: number;
}

/** An opinion on the portal: never a contact; its answer once the feedback is published. */
export class PublicOpinionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) clause!: string | null;
  @ApiProperty() content!: string;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional({ enum: COMMENT_ADOPTIONS }) adoption?: string;
  @ApiPropertyOptional({ example: '采纳' }) adoptionLabel?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) adoptionReason?: string | null;
}

export class PublicConsultationFeedbackView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) itemId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty() late!: boolean;
}

export class PublicConsultationDecisionView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() title!: string;
}

export class PublicConsultationDetailView extends ConsultationSummaryView {
  @ApiProperty() draftText!: string;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: String, nullable: true }) shortenedReason!: string | null;
  @ApiProperty() minimumBasis!: string;
  @ApiProperty({ type: [PublicOpinionView] }) comments!: PublicOpinionView[];
  @ApiProperty({ type: PublicConsultationFeedbackView, nullable: true }) feedback!: PublicConsultationFeedbackView | null;
  @ApiProperty({ type: PublicConsultationDecisionView, nullable: true }) decision!: PublicConsultationDecisionView | null;
}

/** What POST /api/public/consultations/:id/comments answers: the comment is received and waits for moderation. */
export class CommentReceiptView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty({ enum: ['pending'] }) state!: 'pending';
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ example: '意见已收到，经审核后公开显示' }) message!: string;
}

/** GET /api/public/items/:id/consultation: the consultation a released item came out of (decision) or answers (feedback). */
export class ItemConsultationLinkView {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['decision', 'feedback'] }) relation!: 'decision' | 'feedback';
}
