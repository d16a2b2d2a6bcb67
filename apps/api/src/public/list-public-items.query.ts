import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PublicFacetsQuery } from './public-filters.query';
import { PUBLIC_DEFAULT_LIMIT, PUBLIC_MAX_LIMIT } from './public-query';

export class ListPublicItemsQuery extends PublicFacetsQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ default: PUBLIC_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PUBLIC_MAX_LIMIT)
  limit?: number;
}
