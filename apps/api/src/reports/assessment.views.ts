import { ApiProperty } from '@nestjs/swagger';

/**
 * What GET /api/reports/assessment answers (考核评估), documented for the OpenAPI document the web app's types
 * are generated from. AssessmentService builds the shapes; the classes only describe them. Rates are
 * fractions 0..1, null when nothing was owed.
 */

const rate = (description: string) => ({ type: Number, nullable: true, description });

export class AssessmentReleaseView {
  @ApiProperty({ type: 'integer', description: 'items whose release deadline falls in the period' }) due!: number;
  @ApiProperty({ type: 'integer' }) onTime!: number;
  @ApiProperty(rate('按时公开率')) onTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'working days late, median' }) medianDelayWorkingDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'working days late, 90th percentile' }) p90DelayWorkingDays!: number | null;
}

export class AssessmentInterpretationView {
  @ApiProperty({ type: 'integer', description: 'policy items released in the period' }) policyItems!: number;
  @ApiProperty({ type: 'integer' }) withInterpretation!: number;
  @ApiProperty(rate('解读覆盖率')) coverage!: number | null;
  @ApiProperty({ type: 'integer', description: 'interpretations released in the period' }) released!: number;
  @ApiProperty({ type: 'integer' }) late!: number;
  @ApiProperty(rate('解读及时率')) timelinessRate!: number | null;
}

export class AssessmentConcernsView {
  @ApiProperty({ type: 'integer', description: 'concerns answered in the period' }) answered!: number;
  @ApiProperty({ type: 'integer' }) onTime!: number;
  @ApiProperty(rate('回应及时率')) timelinessRate!: number | null;
}

export class AssessmentReturnsView {
  @ApiProperty({ type: 'integer', description: '退回 decisions on the items due in the period' }) returns!: number;
  @ApiProperty({ type: 'integer' }) items!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'returns per item' }) perItem!: number | null;
}

export class SatisfactionFigureView {
  @ApiProperty({ type: 'integer' }) ratings!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'two decimals; null when nobody rated' }) average!: number | null;
}

export class AssessmentSatisfactionView {
  @ApiProperty({ type: SatisfactionFigureView, description: "ratings of the department's items" }) items!: SatisfactionFigureView;
  @ApiProperty({ type: SatisfactionFigureView, description: "ratings of the department's responses" }) responses!: SatisfactionFigureView;
}

export class DepartmentAssessmentView {
  @ApiProperty({ example: 'edu' }) departmentCode!: string;
  @ApiProperty({ example: '县教育局' }) departmentName!: string;
  @ApiProperty({ type: AssessmentReleaseView }) release!: AssessmentReleaseView;
  @ApiProperty({ type: AssessmentInterpretationView }) interpretation!: AssessmentInterpretationView;
  @ApiProperty({ type: AssessmentConcernsView }) concerns!: AssessmentConcernsView;
  @ApiProperty({ type: AssessmentReturnsView }) returns!: AssessmentReturnsView;
  @ApiProperty({ type: AssessmentSatisfactionView }) satisfaction!: AssessmentSatisfactionView;
}

export class AssessmentView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'the holiday tables the working days were counted on' }) calendarVersion!: string;
  @ApiProperty({ type: [DepartmentAssessmentView] }) departments!: DepartmentAssessmentView[];
}
