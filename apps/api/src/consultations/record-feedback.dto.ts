import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { COMMENT_ADOPTIONS, CONSULTATION_REASON_MAX_LENGTH, type CommentAdoption } from '@zwgk/domain';
import { Trim } from '../concerns/trim.transform';

/** The department's answer to one opinion. */
export class OpinionFeedbackDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  commentId!: string;

  @ApiProperty({ enum: COMMENT_ADOPTIONS })
  @IsIn(COMMENT_ADOPTIONS)
  adoption!: CommentAdoption;

  @ApiPropertyOptional({ maxLength: CONSULTATION_REASON_MAX_LENGTH, description: 'required unless adopted: why not (or only partly)' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONSULTATION_REASON_MAX_LENGTH)
  reason?: string;
}

/**
 * The feedback (采纳情况) of a closed consultation: an answer to every opinion shown on the portal. It is
 * drafted as a disclosure item under the given catalog row and goes through the review chain like any item.
 */
export class RecordFeedbackDto {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'EDU-001', description: 'the catalog row the feedback is published under' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  catalogItemCode!: string;

  @ApiProperty({ minLength: 1, maxLength: 20_000, description: 'the overall account of how the opinions were handled' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  summary!: string;

  @ApiProperty({ type: [OpinionFeedbackDto] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => OpinionFeedbackDto)
  opinions!: OpinionFeedbackDto[];
}
