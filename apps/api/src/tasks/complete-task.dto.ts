import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { REVIEW_DECISIONS, type ReviewDecision } from '@zwgk/domain';
import { IsCalendarInstant } from '../common/calendar-date';

export class CompleteTaskDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS as ReviewDecision[])
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'required to return or reject' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  @ApiPropertyOptional({ format: 'date-time', description: '签发 only: release at this instant (ISO 8601) instead of at once' })
  @IsOptional()
  @IsCalendarInstant()
  releaseAt?: string;
}

export class DelegateTaskDto {
  @ApiProperty({ description: 'the username of a colleague who holds the stage role in the same department', example: 'edu.secrecy2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  to!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
