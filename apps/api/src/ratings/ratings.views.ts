import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the rating routes answer, documented for the OpenAPI document (the web app's types are generated from
 * it). RatingsService builds these shapes; the classes only describe them.
 */

/** How many ratings gave each score, 1 to 5. */
export class RatingDistributionView {
  @ApiProperty({ type: 'integer' }) '1'!: number;
  @ApiProperty({ type: 'integer' }) '2'!: number;
  @ApiProperty({ type: 'integer' }) '3'!: number;
  @ApiProperty({ type: 'integer' }) '4'!: number;
  @ApiProperty({ type: 'integer' }) '5'!: number;
}

export class RatingSummaryView {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'two decimals; null before the first rating' }) average!: number | null;
  @ApiProperty({ type: RatingDistributionView }) distribution!: RatingDistributionView;
  @ApiProperty({ description: 'whether this client (its cookie) has rated already' }) ratedByYou!: boolean;
}

export class RatingTargetView {
  @ApiProperty({ enum: ['item', 'response'] }) kind!: 'item' | 'response';
  @ApiProperty({ format: 'uuid', description: 'the rated item, or the item the rated response belongs to' }) itemId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'for a response' }) concernId?: string;
}

/** The accepted rating and the summary with it counted. */
export class RatingAnswerView {
  @ApiProperty({ type: RatingTargetView }) target!: RatingTargetView;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) ratedAt!: string;
  @ApiProperty({ type: RatingSummaryView }) summary!: RatingSummaryView;
}
