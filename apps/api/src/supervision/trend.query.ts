import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class TrendQuery {
  @ApiPropertyOptional({ enum: ['quarter', 'month'], default: 'quarter' })
  @IsOptional()
  @IsIn(['quarter', 'month'])
  unit?: 'quarter' | 'month';

  @ApiPropertyOptional({ minimum: 2, maximum: 24, description: 'how many periods, ending with the current one; 6 quarters or 12 months by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(24)
  periods?: number;

  @ApiPropertyOptional({ description: 'one department; otherwise every department' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  departmentCode?: string;
}
