import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { STATUTORY_YEARS } from '@zwgk/domain';
import { IsCalendarDay } from '../common/calendar-date';

export class CreateItemDto {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'EDU-001', description: 'the code of an item in the active catalog version' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  catalogItemCode!: string;

  @ApiProperty({ minLength: 1, maxLength: 300, example: '2026年秋季义务教育招生入学办法' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ minLength: 1, maxLength: 200_000, example: '为做好2026年秋季招生入学工作……' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  body!: string;

  @ApiProperty({ format: 'date', example: '2026-02-10', description: `the day the information was formed or changed (China time), ${STATUTORY_YEARS.first}–${STATUTORY_YEARS.last} and not in the future` })
  @IsCalendarDay()
  formedAt!: string;

  @ApiPropertyOptional({ example: ['政府网站', '两微一端'], description: 'defaults to the catalog item channels; the government website is always included' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  channels?: string[];

  @ApiPropertyOptional({ description: 'a normative document (行政规范性文件): it also goes through 合法性审查' })
  @IsOptional()
  @IsBoolean()
  normativeDocument?: boolean;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200_000, description: 'the interpretation material (政策解读); required before submitting a policy document' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  interpretation?: string;

  @ApiPropertyOptional({
    example: '行政许可、行政处罚事项',
    description: "required when the catalog item's time limit has cases (timeLimit.cases: 一般情形 and each 其中… exception): the case that times this item; refused for a rule without cases",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  timeLimitCase?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: "required when the catalog item's time limit cannot be computed (timeLimit.manualDue): the last day to release, China time, on or after formedAt; refused otherwise",
  })
  @IsOptional()
  @IsCalendarDay()
  manualDueDate?: string;

  @ApiPropertyOptional({ example: '按县政府办公室《关于……的通知》要求', description: 'required with manualDueDate: why that day; quoted in the deadline explanation' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  manualDueReason?: string;
}

/** The drafter's edit of a draft, a returned item, or a signed item not yet released. */
export class ReviseItemDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  body?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  interpretation?: string;
}

/** A change (变更) to a released item: what changes, and why (shown in the edition history). */
export class NewEditionDto extends ReviseItemDto {
  @ApiProperty({ description: 'why the released item changes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
