import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_STAGES } from '@zwgk/domain';

/**
 * What the supervision routes answer (督查督办), documented for the OpenAPI document the web app's types are
 * generated from. SupervisionService, SupervisionDashboardService, SupervisionDemandsService and
 * overdueApplications build these shapes; the classes only describe them. Instants are ISO 8601 strings.
 */

const DEMAND_STATES = ['open', 'overdue', 'answered'] as const;
const APPLICATION_DEMAND_STATES = ['open', 'overdue', 'answered', 'closed'] as const;
const OVERDUE_KINDS = ['statutory', 'sla'] as const;

/** A supervisor's demand for action (督办) on an item. */
export class SupervisionDemandView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ example: '县教育局' }) departmentName!: string;
  @ApiProperty({ description: '督办事由' }) reason!: string;
  @ApiProperty() demandedBy!: string;
  @ApiProperty() demandedByName!: string;
  @ApiProperty({ type: 'integer' }) dueWorkingDays!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'how the due time was counted (working days, holidays skipped)' }) dueExplanation!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: DEMAND_STATES }) state!: (typeof DEMAND_STATES)[number];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) overdueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) response!: string | null;
  @ApiProperty({ type: String, nullable: true }) responder!: string | null;
  @ApiProperty({ description: 'answered after the due time' }) late!: boolean;
}

export class SupervisionDemandListView {
  @ApiProperty({ type: [SupervisionDemandView], description: 'newest first' }) items!: SupervisionDemandView[];
}

/** An escalation, extension or supervisor comment on the item, from the audit trail. */
export class SupervisionEventView {
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId!: string | null;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: "the audit event's own detail" }) detail!: unknown;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

class ResponsibleView {
  @ApiProperty({ enum: ['claimed', 'assigned', 'decided', 'role-holders', 'drafter'] }) basis!: string;
  @ApiProperty({ type: [String] }) usernames!: string[];
}

class LeadersView {
  @ApiProperty({ enum: ['sign-off', 'department-leaders'] }) basis!: 'sign-off' | 'department-leaders';
  @ApiProperty({ type: [String] }) usernames!: string[];
}

/** One row of the overdue list: an item past its statutory limit, or a review task past its internal one. */
export class OverdueRowView {
  @ApiProperty({ enum: OVERDUE_KINDS }) kind!: (typeof OVERDUE_KINDS)[number];
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() area!: string;
  @ApiProperty() itemState!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId!: string | null;
  @ApiProperty({ type: String, enum: REVIEW_STAGES, nullable: true }) stage!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '初审' }) stageLabel!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was released or decided; null while outstanding' }) finishedAt!: string | null;
  @ApiProperty() stillOverdue!: boolean;
  @ApiProperty({ type: 'integer' }) workingDaysLate!: number;
  @ApiProperty({ type: ResponsibleView }) responsible!: ResponsibleView;
  @ApiProperty({ type: [SupervisionEventView] }) escalations!: SupervisionEventView[];
  @ApiProperty({ type: [SupervisionEventView] }) extensions!: SupervisionEventView[];
  @ApiProperty({ type: [SupervisionEventView] }) comments!: SupervisionEventView[];
  @ApiProperty({ type: LeadersView }) leaders!: LeadersView;
  @ApiProperty({ type: [SupervisionDemandView], description: 'oldest first' }) demands!: SupervisionDemandView[];
}

class OverdueApplicationDemandView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPLICATION_DEMAND_STATES }) state!: (typeof APPLICATION_DEMAND_STATES)[number];
  @ApiProperty({ example: '待答复' }) stateLabel!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
}

/** An application for disclosure past its reply limit; no personal data of the applicant. */
export class OverdueApplicationRowView {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() queryNumber!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty() stillOverdue!: boolean;
  @ApiProperty({ type: 'integer' }) workingDaysLate!: number;
  @ApiProperty({ type: OverdueApplicationDemandView, nullable: true, description: 'the 督办 on it still to be closed' }) demand!: OverdueApplicationDemandView | null;
}

class OverdueApplicationCountsView {
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer' }) stillOverdue!: number;
}

export class OverdueApplicationsView {
  @ApiProperty({ type: OverdueApplicationCountsView }) counts!: OverdueApplicationCountsView;
  @ApiProperty({ type: [OverdueApplicationRowView], description: 'longest overdue first' }) items!: OverdueApplicationRowView[];
}

class OverdueCountsView {
  @ApiProperty({ type: 'integer' }) statutory!: number;
  @ApiProperty({ type: 'integer' }) sla!: number;
}

export class OverdueListView {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'the working-day calendar the lateness was counted with' }) calendarVersion!: string;
  @ApiProperty({ type: OverdueCountsView }) counts!: OverdueCountsView;
  @ApiProperty({ type: [OverdueRowView], description: 'longest overdue first' }) items!: OverdueRowView[];
  @ApiProperty({ type: OverdueApplicationsView }) applications!: OverdueApplicationsView;
}

/** One bar of a chart: statutory and internal overdue, and how many of them are still outstanding. */
export class OverdueBarView {
  @ApiProperty({ description: 'the filter value the bar drills down to' }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: 'integer' }) statutory!: number;
  @ApiProperty({ type: 'integer' }) sla!: number;
  @ApiProperty({ type: 'integer' }) stillOverdue!: number;
}

class DashboardCountsView extends OverdueCountsView {
  @ApiProperty({ type: 'integer' }) stillOverdue!: number;
}

class DemandCountsView {
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer' }) answered!: number;
}

class AnnualReportLinksView {
  @ApiProperty() html!: string;
  @ApiProperty() xlsx!: string;
}

/** The annual report's own statutory deadline (January 31 of the next year). */
export class AnnualReportDeadlineView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ type: 'integer', description: 'negative once overdue' }) daysLeft!: number;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) inputsSavedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) inputsSavedBy!: string | null;
  @ApiProperty({ type: AnnualReportLinksView }) links!: AnnualReportLinksView;
}

export class SupervisionDashboardView {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: DashboardCountsView }) counts!: DashboardCountsView;
  @ApiProperty({ type: [OverdueBarView] }) byDepartment!: OverdueBarView[];
  @ApiProperty({ type: [OverdueBarView] }) byArea!: OverdueBarView[];
  @ApiProperty({ type: [OverdueBarView], description: "review stages in order, then 'outside-review'" }) byStage!: OverdueBarView[];
  @ApiProperty({ type: DemandCountsView }) demands!: DemandCountsView;
  @ApiProperty({ type: OverdueApplicationCountsView }) applications!: OverdueApplicationCountsView;
  @ApiProperty({ type: AnnualReportDeadlineView }) annualReport!: AnnualReportDeadlineView;
}

class TrendPeriodView {
  @ApiProperty({ example: '2026-Q4' }) key!: string;
  @ApiProperty({ example: '2026年第4季度' }) label!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

export class TrendPointView {
  @ApiProperty({ description: 'the period key' }) period!: string;
  @ApiProperty({ type: 'integer' }) due!: number;
  @ApiProperty({ type: 'integer' }) onTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'onTime / due; null when nothing was due' }) onTimeRate!: number | null;
  @ApiProperty({ type: 'integer' }) overdue!: number;
}

class TrendDepartmentView {
  @ApiProperty() departmentCode!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ type: [TrendPointView] }) series!: TrendPointView[];
}

export class SupervisionTrendView {
  @ApiProperty({ enum: ['quarter', 'month'] }) unit!: 'quarter' | 'month';
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [TrendPeriodView] }) periods!: TrendPeriodView[];
  @ApiProperty({ type: [TrendDepartmentView] }) departments!: TrendDepartmentView[];
  @ApiProperty({ type: [TrendPointView] }) totals!: TrendPointView[];
}

class FilterDepartmentView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

class FilterStageView {
  @ApiProperty({ enum: REVIEW_STAGES }) stage!: string;
  @ApiProperty() label!: string;
}

class FilterLeaderView {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() departmentCode!: string;
}

export class SupervisionFilterOptionsView {
  @ApiProperty({ type: [FilterDepartmentView] }) departments!: FilterDepartmentView[];
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiProperty({ type: [FilterStageView] }) stages!: FilterStageView[];
  @ApiProperty({ type: [FilterLeaderView] }) leaders!: FilterLeaderView[];
}

/** A supervisor's comment (督查意见) as stored. */
export class SupervisionCommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}
