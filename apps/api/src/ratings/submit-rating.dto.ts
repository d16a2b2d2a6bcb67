import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../concerns/trim.transform';

/** The longest comment a rating may carry: a remark, not a second channel for questions (those are concerns). */
export const RATING_COMMENT_MAX_LENGTH = 200;

/** A public satisfaction rating (公众满意度评价) of a released item or a published response. */
export class SubmitRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5, description: '1 非常不满意 … 5 非常满意' })
  @IsInt({ message: '评分（score）须为 1 至 5 的整数' })
  @Min(1, { message: '评分（score）须为 1 至 5 的整数' })
  @Max(5, { message: '评分（score）须为 1 至 5 的整数' })
  score!: number;

  @ApiPropertyOptional({ maxLength: RATING_COMMENT_MAX_LENGTH, example: '内容清楚，办事指引很实用。' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(RATING_COMMENT_MAX_LENGTH)
  comment?: string;
}
