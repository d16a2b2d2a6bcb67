import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REVIEW_DECISIONS, type ReviewDecision } from '@zwgk/domain';

export class CompleteTaskDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS as ReviewDecision[])
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'required to return or reject' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}
