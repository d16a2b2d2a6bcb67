import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RowProposalDto, RowReviewDto } from './catalog-compilation.dto';

/**
 * What GET /api/catalog-compilation/rounds and /rounds/:id answer, documented for the OpenAPI document the web
 * app's types are generated from. The service builds these shapes; the classes only describe them. A
 * proposal's rows and reviews are stored as they were submitted, so they read as the request bodies did.
 */

export class RoundDiffView {
  @ApiProperty({ type: [String], description: 'codes added by the new version' }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
  @ApiProperty({ type: [String] }) changed!: string[];
}

export class CompilationRoundView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['annual', 'adjustment'] }) kind!: 'annual' | 'adjustment';
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiProperty({ type: [String] }) departmentCodes!: string[];
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() legalReview!: boolean;
  @ApiProperty({ format: 'uuid' }) baseVersionId!: string;
  @ApiProperty() officeDepartmentCode!: string;
  @ApiProperty() openedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ enum: ['PROPOSING', 'LEGAL_REVIEW', 'LEADER_APPROVAL', 'APPROVED', 'ACTIVATED'] }) state!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resultVersionId!: string | null;
  @ApiProperty({ type: RoundDiffView, nullable: true, description: 'the new version against the base, once approved' }) diff!: RoundDiffView | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the last return at legal review or approval' })
  lastReturn!: Record<string, unknown> | null;
}

export class CompilationRoundListView {
  @ApiProperty({ type: [CompilationRoundView] }) items!: CompilationRoundView[];
}

export class CompilationProposalView {
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
  @ApiProperty({ enum: ['open', 'submitted', 'returned', 'accepted'] }) state!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: [RowProposalDto] }) rows!: RowProposalDto[];
  @ApiProperty({ type: [RowReviewDto] }) reviews!: RowReviewDto[];
  @ApiProperty() overdue!: boolean;
}

/** A round with the proposals the reader may see. */
export class CompilationRoundDetailView extends CompilationRoundView {
  @ApiProperty({ type: [CompilationProposalView] }) proposals!: CompilationProposalView[];
}

/** A department's proposal as the round's workflow answers a step with it. */
export class CompilationStepProposalView {
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ enum: ['open', 'submitted', 'returned', 'accepted'] }) state!: string;
  @ApiProperty({ type: 'integer', description: '1 for the first submission, one more for each resubmission' }) revision!: number;
  @ApiProperty({ type: [RowProposalDto] }) rows!: RowProposalDto[];
  @ApiProperty({ type: [RowReviewDto], description: "the office's decision on each row of the latest submission" }) reviews!: RowReviewDto[];
  @ApiProperty() overdue!: boolean;
}

export class CompilationLastReturnView {
  @ApiProperty() by!: string;
  @ApiProperty({ enum: ['legal-review', 'leader-approval'] }) stage!: 'legal-review' | 'leader-approval';
  @ApiProperty() comment!: string;
}

/**
 * What each step of a round answers (open, submit, review, decide, activate): the round as its workflow holds
 * it after the step, read from the workflow's Update rather than from the stored projection.
 */
export class CompilationRoundStepView {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: ['annual', 'adjustment'] }) kind!: 'annual' | 'adjustment';
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiProperty({ enum: ['PROPOSING', 'LEGAL_REVIEW', 'LEADER_APPROVAL', 'APPROVED', 'ACTIVATED'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() legalReview!: boolean;
  @ApiProperty({ format: 'uuid' }) baseVersionId!: string;
  @ApiProperty({ type: [CompilationStepProposalView] }) proposals!: CompilationStepProposalView[];
  @ApiPropertyOptional({ format: 'uuid', description: 'the new catalog version, once the leader approved' }) resultVersionId?: string;
  @ApiPropertyOptional({ type: RoundDiffView, description: 'the new version against the base, once approved' }) diff?: RoundDiffView;
  @ApiPropertyOptional({ type: CompilationLastReturnView, description: 'the last return at legal review or approval' }) lastReturn?: CompilationLastReturnView;
}

/** A row read from a spreadsheet, for the department to complete (the 五公开 category may be missing). */
export class ImportedCatalogRowView {
  @ApiProperty() area!: string;
  @ApiProperty() level1!: string;
  @ApiProperty() level2!: string;
  @ApiPropertyOptional() level3?: string;
  @ApiProperty() content!: string;
  @ApiProperty() basis!: string;
  @ApiProperty() timeLimitText!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: [String] }) departmentCodes!: string[];
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ enum: ['public', 'specific-group', 'both'] }) audience!: 'public' | 'specific-group' | 'both';
  @ApiProperty({ enum: ['proactive', 'on-application', 'both'] }) mode!: 'proactive' | 'on-application' | 'both';
  @ApiProperty({ enum: ['county', 'township'], isArray: true }) levels!: ('county' | 'township')[];
  @ApiProperty({ type: String, nullable: true, description: '五公开 category, when the sheet gives one' }) category!: string | null;
  @ApiProperty() needsInterpretation!: boolean;
}

export class ImportedRowProposalView {
  @ApiProperty({ enum: ['add', 'change'], description: 'change for a code the base version has' }) action!: 'add' | 'change';
  @ApiProperty() code!: string;
  @ApiProperty({ type: ImportedCatalogRowView }) row!: ImportedCatalogRowView;
}

export class ImportedRowWarningView {
  @ApiProperty() file!: string;
  @ApiProperty({ type: 'integer' }) row!: number;
  @ApiPropertyOptional() column?: string;
  @ApiProperty() message!: string;
}

/** A spreadsheet read into proposals; nothing is stored. */
export class ImportedRowsView {
  @ApiProperty({ type: [ImportedRowProposalView] }) rows!: ImportedRowProposalView[];
  @ApiProperty({ type: [ImportedRowWarningView] }) warnings!: ImportedRowWarningView[];
}
