import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../concerns/trim.transform';
import { PORTAL_CATEGORIES, type PortalCategory } from './public-categories';

/** `?area=&category=`: the filters of the feed, the facets and the list. */
export class PublicFeedQuery {
  @ApiPropertyOptional({ example: '义务教育' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  area?: string;

  @ApiPropertyOptional({ enum: PORTAL_CATEGORIES, description: '五公开 category; `uncategorized` (未分类) for catalog rows without one' })
  @IsOptional()
  @IsIn(PORTAL_CATEGORIES)
  category?: PortalCategory;
}

/** Adds the keyword search: whitespace-separated terms, all required, matched as substrings. */
export class PublicFacetsQuery extends PublicFeedQuery {
  @ApiPropertyOptional({ example: '课后服务', minLength: 1, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  q?: string;
}
