import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** How long a department has to answer a demand when the supervisor does not say. */
export const DEFAULT_DEMAND_WORKING_DAYS = 3;

export class CreateSupervisionDemandDto {
  @ApiProperty({ format: 'uuid', description: 'the disclosure item the department must act on' })
  @IsUUID()
  itemId!: string;

  @ApiProperty({ description: 'what the department must do, and why (督办事由); kept in the audit trail' })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: '督办理由（reason）不能为空' })
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: DEFAULT_DEMAND_WORKING_DAYS, description: 'working days to answer, from today (official calendar)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  dueWorkingDays?: number;
}

export class RespondToSupervisionDemandDto {
  @ApiProperty({ description: "the department head's answer: what was done, or when it will be" })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: '答复内容（response）不能为空' })
  @MaxLength(5000)
  response!: string;
}

export const DEMAND_STATES = ['open', 'overdue', 'answered'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

export class ListSupervisionDemandsQuery {
  @ApiPropertyOptional({ enum: DEMAND_STATES })
  @IsOptional()
  @IsIn(DEMAND_STATES)
  state?: DemandState;

  @ApiPropertyOptional({ description: 'the department that must answer' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  department?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  itemId?: string;
}
