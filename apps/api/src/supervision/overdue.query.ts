import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OVERDUE_KINDS, REVIEW_STAGES, type OverdueKind, type ReviewStage } from '@zwgk/domain';

export class OverdueQuery {
  @ApiPropertyOptional({ description: "the item's (or the task's) department" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  departmentCode?: string;

  @ApiPropertyOptional({ description: 'catalog area (领域), e.g. 义务教育' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  area?: string;

  @ApiPropertyOptional({ enum: REVIEW_STAGES, description: "the task's stage; for statutory rows the item's current stage" })
  @IsOptional()
  @IsIn(REVIEW_STAGES)
  stage?: ReviewStage;

  @ApiPropertyOptional({ description: 'due on or after this instant, or this China day (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'due on or before this instant, or the end of this China day (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: OVERDUE_KINDS, description: 'statutory: a legal release limit passed; sla: an internal stage due time passed' })
  @IsOptional()
  @IsIn(OVERDUE_KINDS)
  kind?: OverdueKind;

  @ApiPropertyOptional({
    description: "a leader's username (分管/签发领导): rows whose 签发 task that leader holds, or, before anyone holds it, items of a department where they hold the leader role",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  leader?: string;
}
