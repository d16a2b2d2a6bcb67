import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class SearchCatalogQuery {
  @ApiPropertyOptional({ example: '义务教育' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  area?: string;

  @ApiPropertyOptional({ description: 'a keyword in the item name or content' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: "only the rows the caller's department may draft items under (the drafting form's list)" })
  @IsOptional()
  @IsIn(['true', 'false'])
  forDrafting?: 'true' | 'false';
}
