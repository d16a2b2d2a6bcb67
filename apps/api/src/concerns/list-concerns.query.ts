import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CONCERN_STATES, type ConcernState } from '@zwgk/domain';

/** `open` is every state before publication; `all` includes published ones. */
export const CONCERN_STATE_FILTERS = ['open', 'all', ...CONCERN_STATES] as const;
export type ConcernStateFilter = (typeof CONCERN_STATE_FILTERS)[number];

export class ListConcernsQuery {
  @ApiPropertyOptional({ enum: CONCERN_STATE_FILTERS, default: 'open' })
  @IsOptional()
  @IsIn(CONCERN_STATE_FILTERS)
  state?: 'open' | 'all' | ConcernState;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
