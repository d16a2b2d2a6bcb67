import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Which part of the active catalog: one area (领域), one department's rows, or both; everything without. */
export class PublicCatalogQuery {
  @ApiPropertyOptional({ example: '义务教育' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  area?: string;

  @ApiPropertyOptional({ example: 'edu', description: 'a department code: the rows it is responsible for' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  department?: string;
}
