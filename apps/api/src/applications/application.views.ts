import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the staff's application list and detail answer (GET /api/applications, GET /api/applications/:id),
 * documented for the OpenAPI document the web app's types are generated from. toStaffApplication
 * (application.mapper.ts) builds these shapes; the classes only describe them. The steps' records (补正, 延期,
 * 征求意见, 收费, 答复) are the workflow's view, as ApplicationView in @zwgk/contracts states them.
 */

export class ApplicantView {
  @ApiProperty({ type: String, nullable: true, description: 'masked (张**) for whoever may not see who applied' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) idDocument!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiPropertyOptional({ description: 'true when the applicant data is withheld' }) masked?: boolean;
}

export class ApplicationCorrectionView {
  @ApiProperty() missing!: string;
  @ApiProperty({ format: 'date' }) requestedOn!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiPropertyOptional({ format: 'date' }) receivedOn?: string;
}

export class ApplicationExtensionView {
  @ApiProperty() requestedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: 'integer' }) workingDays!: number;
  @ApiPropertyOptional({ enum: ['approved', 'rejected'] }) decision?: 'approved' | 'rejected';
  @ApiPropertyOptional() decidedBy?: string;
}

export class ApplicationConsultationView {
  @ApiProperty({ enum: ['third-party', 'agency'] }) kind!: 'third-party' | 'agency';
  @ApiProperty() party!: string;
  @ApiProperty({ format: 'date' }) sentOn!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiPropertyOptional({ format: 'date' }) answeredOn?: string;
  @ApiPropertyOptional({ enum: ['agree', 'disagree', 'silent'] }) opinion?: 'agree' | 'disagree' | 'silent';
}

export class ApplicationFeeView {
  @ApiProperty() amountYuan!: number;
  @ApiProperty() explanation!: string;
  @ApiProperty({ format: 'date' }) noticeOn!: string;
  @ApiProperty({ format: 'date' }) payByDate!: string;
  @ApiPropertyOptional({ format: 'date' }) paidOn?: string;
}

export class ApplicationReplyView {
  @ApiProperty({ example: 'granted' }) outcome!: string;
  @ApiProperty({ description: 'the reply letter (告知书)' }) letter!: string;
  @ApiProperty({ type: [String], description: 'released items the reply cites' }) citedItemIds!: string[];
}

export class ApplicationResultView {
  @ApiProperty({ example: 'granted' }) outcome!: string;
  @ApiProperty({ description: "the annual report's result category" }) category!: string;
  @ApiProperty({ example: '予以公开' }) label!: string;
  @ApiProperty({ description: 'the article of the regulation it rests on' }) basis!: string;
}

/** The 督办 still to be closed on an application (on the list only). */
export class ApplicationDemandRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['open', 'overdue', 'answered', 'closed'] }) state!: 'open' | 'overdue' | 'answered' | 'closed';
  @ApiProperty({ example: '待答复' }) stateLabel!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
}

export class ApplicationTimelineEventView {
  @ApiProperty({ example: 'application.signed' }) action!: string;
  @ApiProperty({ description: "the user name, or 'system'" }) actor!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class StaffApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '查询号' }) queryNumber!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ example: '网上申请' }) channelLabel!: string;
  @ApiProperty() applicantType!: string;
  @ApiProperty({ example: '自然人' }) applicantTypeLabel!: string;
  @ApiProperty({ type: ApplicantView }) applicant!: ApplicantView;
  @ApiProperty() description!: string;
  @ApiProperty() deliveryForm!: string;
  @ApiProperty({ format: 'date' }) submittedOn!: string;
  @ApiProperty({ example: 'accepted' }) state!: string;
  @ApiProperty({ example: '办理中' }) stateLabel!: string;
  @ApiProperty() officeDepartmentCode!: string;
  @ApiProperty({ type: String, nullable: true }) handlingDepartmentCode!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) receivedOn!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why this date, naming every stop of the clock' }) dueExplanation!: string | null;
  @ApiProperty() clockStopped!: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: ApplicationCorrectionView, nullable: true }) correction!: ApplicationCorrectionView | null;
  @ApiProperty({ type: ApplicationExtensionView, nullable: true }) extension!: ApplicationExtensionView | null;
  @ApiProperty({ type: ApplicationConsultationView, nullable: true }) consultation!: ApplicationConsultationView | null;
  @ApiProperty({ type: ApplicationFeeView, nullable: true }) fee!: ApplicationFeeView | null;
  @ApiProperty({ type: ApplicationReplyView, nullable: true }) reply!: ApplicationReplyView | null;
  @ApiProperty({ type: ApplicationResultView, nullable: true }) result!: ApplicationResultView | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'delivered after the due instant' }) late!: boolean | null;
}

export class StaffApplicationListItemView extends StaffApplicationView {
  @ApiProperty({ type: ApplicationDemandRefView, nullable: true }) demand!: ApplicationDemandRefView | null;
}

export class StaffApplicationListView {
  @ApiProperty({ type: [StaffApplicationListItemView], description: 'newest first, at most 500' }) items!: StaffApplicationListItemView[];
}

export class StaffApplicationDetailView extends StaffApplicationView {
  @ApiProperty({ type: [ApplicationTimelineEventView], description: '办理记录, oldest first' }) timeline!: ApplicationTimelineEventView[];
}

/** What POST /api/applications answers: the registered application, with its 验证码 when this request registered it. */
export class RegisteredApplicationView extends StaffApplicationView {
  @ApiPropertyOptional({ description: 'the 验证码 the applicant looks the application up with; only in the answer that registered it (a retry with the same Idempotency-Key does not repeat it)' })
  verificationCode?: string;
}

/** What the portal's online application answers: the 查询号 and 验证码 to look it up with. */
export class ApplicationReceiptView {
  @ApiProperty({ description: '查询号' }) queryNumber!: string;
  @ApiProperty({ description: '验证码, given once' }) verificationCode!: string;
}

class PublicApplicationEventView {
  @ApiProperty({ example: '已受理' }) action!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ description: 'what the applicant is told with it (补正, 延期…)' }) notice?: string;
}

/** What anyone with the 查询号 and 验证码 sees (POST /api/public/applications/lookup): never who applied. */
export class PublicApplicationStatusView {
  @ApiProperty({ description: '查询号' }) queryNumber!: string;
  @ApiProperty({ example: 'accepted' }) state!: string;
  @ApiProperty({ example: '办理中' }) stateLabel!: string;
  @ApiProperty({ format: 'date' }) submittedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) receivedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueExplanation!: string | null;
  @ApiProperty() clockStopped!: boolean;
  @ApiProperty({ type: ApplicationResultView, nullable: true }) result!: ApplicationResultView | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the reply letter, once delivered' }) replyLetter!: string | null;
  @ApiProperty({ type: [PublicApplicationEventView], description: 'oldest first' }) timeline!: PublicApplicationEventView[];
}
