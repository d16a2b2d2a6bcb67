import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONSULTATION_KINDS, CONSULTATION_SHORTENED_REASON_MAX_LENGTH, type ConsultationKind } from '@zwgk/domain';
import { IsCalendarDay } from '../common/calendar-date';
import { Trim } from '../concerns/trim.transform';

/** A department publishes a draft decision for comment (意见征集), from today until the end of `closesOn`. */
export class OpenConsultationDto {
  @ApiProperty({ enum: CONSULTATION_KINDS, description: 'normative-document 行政规范性文件, plan 规划, major-decision 重大行政决策, other; decides the minimum period' })
  @IsIn(CONSULTATION_KINDS)
  kind!: ConsultationKind;

  @ApiProperty({ minLength: 1, maxLength: 300, example: '县城义务教育学校布局规划（征求意见稿）' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ minLength: 1, maxLength: 200_000, description: 'the draft as published (征求意见稿), clauses numbered so comments can refer to them' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  draftText!: string;

  @ApiProperty({ minLength: 1, maxLength: 100_000, description: 'the drafting explanation (起草说明) published with the draft' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  explanation!: string;

  @ApiProperty({ format: 'date', example: '2026-04-01', description: 'the last day for comment (China time); at least the minimum period after today, counted from tomorrow' })
  @IsCalendarDay()
  closesOn!: string;

  @ApiPropertyOptional({ description: 'a normative document closely bound up with market entities\u2019 business: 30 days at least' })
  @IsOptional()
  @IsBoolean()
  affectsMarketEntities?: boolean;

  @ApiPropertyOptional({ maxLength: CONSULTATION_SHORTENED_REASON_MAX_LENGTH, description: 'why the period is shorter than the minimum (情况紧急等); published with the draft' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONSULTATION_SHORTENED_REASON_MAX_LENGTH)
  shortenedReason?: string;
}
