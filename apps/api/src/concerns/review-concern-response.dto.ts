import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONCERN_COMMENT_MAX_LENGTH, CONCERN_REVIEW_DECISIONS, type ConcernReviewDecision } from '@zwgk/domain';

export class ReviewConcernResponseDto {
  @ApiProperty({ enum: CONCERN_REVIEW_DECISIONS, description: 'approve publishes the response next to the item' })
  @IsIn(CONCERN_REVIEW_DECISIONS)
  decision!: ConcernReviewDecision;

  @ApiPropertyOptional({ description: 'required to return' })
  @IsOptional()
  @IsString()
  @MaxLength(CONCERN_COMMENT_MAX_LENGTH)
  comment?: string;
}
