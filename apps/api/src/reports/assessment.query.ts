import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AssessmentQuery {
  @ApiPropertyOptional({ description: 'period start: a China day (YYYY-MM-DD) or an ISO 8601 instant; with `to`, or use `quarter`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'period end: the end of this China day, or an ISO 8601 instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ pattern: '^[0-9]{4}-?[Qq][1-4]$', description: 'a quarter (季度报送), e.g. 2026-Q3, instead of from/to' })
  @IsOptional()
  @Matches(/^\d{4}-?Q[1-4]$/i, { message: '季度（quarter）须形如 2026-Q3' })
  quarter?: string;

  @ApiPropertyOptional({ description: 'one department; otherwise every department' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  departmentCode?: string;
}

export class AnnualReportQuery {
  @ApiPropertyOptional({ pattern: '^[0-9]{4}$', description: 'the report year, e.g. 2025' })
  @IsOptional()
  @IsString()
  year?: string;
}
