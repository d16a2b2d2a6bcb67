import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CatalogRowSourceKind } from '@zwgk/contracts';
import type { DisclosureCategory as DisclosureCategoryName } from '@zwgk/domain';

const CATEGORIES: DisclosureCategoryName[] = ['decision', 'execution', 'management', 'service', 'result'];
const SOURCE_KINDS: CatalogRowSourceKind[] = ['power-list', 'service-item', 'law'];
const CODE = /^[A-Z][A-Z0-9]*-\d{3,}$/;

export class OpenCompilationRoundDto {
  @ApiPropertyOptional({ enum: ['annual', 'adjustment'], default: 'annual', description: 'annual: 年度编制; adjustment: 动态调整 between rounds' })
  @IsOptional()
  @IsIn(['annual', 'adjustment'])
  kind?: 'annual' | 'adjustment';

  @ApiProperty({ example: 2027, description: 'the year the catalog is compiled for' })
  @IsInt()
  @Min(2000)
  @Max(2099)
  year!: number;

  @ApiProperty({ type: [String], example: ['义务教育'], description: 'the areas (领域) of the round' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  areas!: string[];

  @ApiProperty({ type: [String], example: ['edu', 'civil'], description: 'the departments that propose rows' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  departmentCodes!: string[];

  @ApiProperty({ example: '2027-03-31', description: 'the day proposals are due (China time, to the end of the day)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '截止日期（dueDate）须为 YYYY-MM-DD 格式的日期' })
  dueDate!: string;

  @ApiPropertyOptional({ default: false, description: 'ask for a legal review (合法性审查) before the leader approves' })
  @IsOptional()
  @IsBoolean()
  legalReview?: boolean;
}

export class ProposedRowDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) area!: string;
  @ApiProperty({ description: '一级事项' }) @IsString() @IsNotEmpty() @MaxLength(500) level1!: string;
  @ApiProperty({ description: '二级事项' }) @IsString() @IsNotEmpty() @MaxLength(500) level2!: string;
  @ApiPropertyOptional({ description: '三级事项' }) @IsOptional() @IsString() @MaxLength(500) level3?: string;
  @ApiProperty({ description: '公开内容（要素）' }) @IsString() @IsNotEmpty() @MaxLength(5000) content!: string;
  @ApiProperty({ description: '公开依据' }) @IsString() @IsNotEmpty() @MaxLength(5000) basis!: string;
  @ApiProperty({ description: '公开时限, as the catalog words it' }) @IsString() @IsNotEmpty() @MaxLength(1000) timeLimitText!: string;
  @ApiProperty({ description: '公开主体' }) @IsString() @IsNotEmpty() @MaxLength(500) subject!: string;

  @ApiProperty({ type: [String], description: '责任部门: the units that draft items under the row' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  departmentCodes!: string[];

  @ApiProperty({ type: [String], example: ['政府网站'], description: '公开渠道和载体' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  channels!: string[];

  @ApiProperty({ enum: ['public', 'specific-group', 'both'] }) @IsIn(['public', 'specific-group', 'both']) audience!: 'public' | 'specific-group' | 'both';
  @ApiProperty({ enum: ['proactive', 'on-application', 'both'] }) @IsIn(['proactive', 'on-application', 'both']) mode!: 'proactive' | 'on-application' | 'both';

  @ApiProperty({ type: [String], enum: ['county', 'township'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(['county', 'township'], { each: true })
  levels!: ('county' | 'township')[];

  @ApiProperty({ enum: CATEGORIES, description: '五公开 category' }) @IsIn(CATEGORIES) category!: DisclosureCategoryName;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsInterpretation?: boolean;
}

export class RowSourceDto {
  @ApiProperty({ enum: SOURCE_KINDS, description: 'power-list: 权责清单 item; service-item: 公共服务事项; law: a law or regulation' })
  @IsIn(SOURCE_KINDS)
  kind!: CatalogRowSourceKind;

  @ApiProperty({ example: '权责清单 教育-017' }) @IsString() @IsNotEmpty() @MaxLength(500) reference!: string;
}

export class RowProposalDto {
  @ApiProperty({ enum: ['add', 'change', 'remove'] }) @IsIn(['add', 'change', 'remove']) action!: 'add' | 'change' | 'remove';

  @ApiProperty({ example: 'EDU-003', description: 'a new code for add; an existing code for change and remove' })
  @Matches(CODE, { message: '事项编码（code）须形如 EDU-003' })
  code!: string;

  @ApiPropertyOptional({ type: ProposedRowDto, description: 'the row as it should read (add, change)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposedRowDto)
  row?: ProposedRowDto;

  @ApiProperty({ type: RowSourceDto }) @ValidateNested() @Type(() => RowSourceDto) source!: RowSourceDto;
  @ApiPropertyOptional({ description: 'why a row changes or goes' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class SubmitProposalDto {
  @ApiProperty({ type: [RowProposalDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RowProposalDto)
  rows!: RowProposalDto[];
}

export class RowReviewDto {
  @ApiProperty() @Matches(CODE, { message: '事项编码（code）须形如 EDU-003' }) code!: string;
  @ApiProperty({ enum: ['accept', 'return'] }) @IsIn(['accept', 'return']) decision!: 'accept' | 'return';
  @ApiPropertyOptional({ description: 'required when returning' }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ReviewProposalDto {
  @ApiProperty({ type: [RowReviewDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RowReviewDto)
  reviews!: RowReviewDto[];
}

export class DecideRoundDto {
  @ApiProperty({ enum: ['legal-review', 'leader-approval'] }) @IsIn(['legal-review', 'leader-approval']) stage!: 'legal-review' | 'leader-approval';
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return']) decision!: 'approve' | 'return';
  @ApiPropertyOptional({ description: 'required when returning' }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
