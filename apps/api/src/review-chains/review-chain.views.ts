import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_STAGES, type ReviewStage } from '@zwgk/domain';

/**
 * What the review-chain routes answer, documented for the OpenAPI document the web app's types are generated
 * from. ReviewChainsService builds these shapes; the classes only describe them.
 */

/** The chain set for a department and/or a catalog item, as PUT answers it. */
export class ReviewChainPolicySetView {
  @ApiProperty({ description: 'a number, as a string', example: '3' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: every department' }) departmentCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: every catalog item' }) catalogItemCode!: string | null;
  @ApiProperty({ enum: REVIEW_STAGES, isArray: true }) stages!: ReviewStage[];
}

/** A stored policy, with who set it last and when. */
export class ReviewChainPolicyView extends ReviewChainPolicySetView {
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ReviewChainsView {
  @ApiProperty({ enum: REVIEW_STAGES, isArray: true, description: 'the chain where no policy applies' }) default!: ReviewStage[];
  @ApiProperty({ type: [ReviewChainPolicyView] }) policies!: ReviewChainPolicyView[];
}
