import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const ITEM_STATES = ['DRAFT', 'IN_REVIEW', 'RETURNED', 'REJECTED', 'APPROVED', 'RELEASED', 'WITHDRAWN'] as const;
export const ITEM_LIST_DEFAULT_LIMIT = 20;
export const ITEM_LIST_MAX_LIMIT = 100;

/** The query string of `GET /api/items`: my items, or (for the department head) the department's. */
export class ListItemsQuery {
  @ApiPropertyOptional({ enum: ['true'], description: 'the items I drafted (the default; kept for clients that say so)' })
  @IsOptional()
  @IsIn(['true'])
  mine?: 'true';

  @ApiPropertyOptional({ enum: ['mine', 'department'], default: 'mine', description: "'department': every item of my department (department heads and leaders)" })
  @IsOptional()
  @IsIn(['mine', 'department'])
  scope?: 'mine' | 'department';

  @ApiPropertyOptional({ enum: ITEM_STATES })
  @IsOptional()
  @IsIn(ITEM_STATES)
  state?: (typeof ITEM_STATES)[number];

  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: ITEM_LIST_DEFAULT_LIMIT, minimum: 1, maximum: ITEM_LIST_MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ITEM_LIST_MAX_LIMIT)
  limit?: number;
}
