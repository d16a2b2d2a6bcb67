import { ApiProperty } from '@nestjs/swagger';

/** A period's drafting task (本期起草任务) as the inbox and the obligations screen show it. */
export class ObligationTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) obligationId!: string;
  @ApiProperty({ enum: ['periodic-drafting'] }) kind!: string;
  @ApiProperty() catalogItemCode!: string;
  @ApiProperty({ required: false, description: 'in the catalog version the obligation was registered under' }) catalogItemName?: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ example: '2027-H1' }) periodKey!: string;
  @ApiProperty({ example: '2027年上半年' }) periodLabel!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'how the due time was reached (期限依据)' }) why!: string | null;
  @ApiProperty({ enum: ['open', 'fulfilled'] }) state!: string;
  @ApiProperty({ enum: ['open', 'overdue', 'fulfilled'] }) status!: 'open' | 'overdue' | 'fulfilled';
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fulfilledItemId!: string | null;
  @ApiProperty({ type: String, nullable: true }) fulfilledBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) fulfilledAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'fulfilled after the due time' }) late!: boolean | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}

export class ObligationTaskListView {
  @ApiProperty({ type: [ObligationTaskView] }) items!: ObligationTaskView[];
}

class ObligationTimeLimitView {
  @ApiProperty({ example: '半年至少更新1次' }) text!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the catalog time-limit rule the schedule follows' }) rule!: Record<string, unknown>;
}

class ObligationScheduleView {
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ type: [Number], description: 'the months a period opens in (1–12)' }) months!: number[];
  @ApiProperty({ type: 'integer' }) dayOfMonth!: number;
  @ApiProperty({ example: '00:00:00' }) at!: string;
  @ApiProperty() comment!: string;
}

class ObligationPeriodView {
  @ApiProperty({ example: '2027-H1' }) key!: string;
  @ApiProperty({ example: '2027年上半年' }) label!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
}

/** A standing obligation (定期公开) with where it stands now. */
export class ObligationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() catalogItemCode!: string;
  @ApiProperty({ type: String, nullable: true }) catalogItemName!: string | null;
  @ApiProperty({ format: 'uuid' }) catalogVersionId!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
  @ApiProperty({ type: ObligationTimeLimitView }) timeLimit!: ObligationTimeLimitView;
  @ApiProperty({ enum: ['active', 'deleted'] }) state!: string;
  @ApiProperty() scheduleId!: string;
  @ApiProperty({ type: ObligationScheduleView }) schedule!: ObligationScheduleView;
  @ApiProperty({ type: ObligationPeriodView, description: 'the period today falls in' }) currentPeriod!: ObligationPeriodView;
  @ApiProperty({ format: 'date' }) nextDueDate!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextOpensAt!: string | null;
  @ApiProperty({ type: ObligationTaskView, nullable: true, description: 'the latest period\'s drafting task' }) currentTask!: ObligationTaskView | null;
  @ApiProperty({ enum: ['awaiting-opening', 'open', 'overdue', 'fulfilled', 'deleted'] }) currentState!: 'awaiting-opening' | 'open' | 'overdue' | 'fulfilled' | 'deleted';
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) deletedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt!: string | null;
}

export class ObligationListView {
  @ApiProperty({ type: [ObligationView] }) items!: ObligationView[];
}

/** A disclosure item the department may name as a period's fulfilment (履行). */
export class FulfilmentCandidateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['DRAFT', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'RELEASED'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt!: string | null;
}

export class FulfilmentCandidateListView {
  @ApiProperty({ type: [FulfilmentCandidateView], description: 'released items first, then the newest' }) items!: FulfilmentCandidateView[];
}

class ObligationFulfilmentDetailView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() fulfilledBy!: string;
  @ApiProperty({ format: 'date-time' }) fulfilledAt!: string;
  @ApiProperty() late!: boolean;
}

/** The period's workflow after a fulfilment. */
export class ObligationFulfilmentView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ format: 'uuid' }) obligationId!: string;
  @ApiProperty() periodKey!: string;
  @ApiProperty() periodLabel!: string;
  @ApiProperty({ enum: ['OPENING', 'OPEN', 'FULFILLED', 'DUPLICATE'] }) state!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: ObligationFulfilmentDetailView, nullable: true }) fulfilment!: ObligationFulfilmentDetailView | null;
}
