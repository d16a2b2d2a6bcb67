import { ApiProperty } from '@nestjs/swagger';
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
