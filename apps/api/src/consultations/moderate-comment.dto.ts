import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMMENT_MODERATION_DECISIONS, CONSULTATION_REASON_MAX_LENGTH, type CommentModerationDecision } from '@zwgk/domain';
import { Trim } from '../concerns/trim.transform';

/** Staff approve a comment for the portal, or reject it with a reason kept for the record. */
export class ModerateCommentDto {
  @ApiProperty({ enum: COMMENT_MODERATION_DECISIONS })
  @IsIn(COMMENT_MODERATION_DECISIONS)
  decision!: CommentModerationDecision;

  @ApiPropertyOptional({ maxLength: CONSULTATION_REASON_MAX_LENGTH, description: 'required to reject' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONSULTATION_REASON_MAX_LENGTH)
  reason?: string;
}
