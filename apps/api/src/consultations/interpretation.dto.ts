import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { INTERPRETATION_FORMS, INTERPRETATION_TEXT_MAX_LENGTH, INTERPRETER_KINDS, type InterpretationForm, type InterpreterKind } from '@zwgk/domain';
import { IsCalendarInstant } from '../common/calendar-date';
import { Trim } from '../concerns/trim.transform';

export class QuestionAnswerDto {
  @ApiProperty({ maxLength: 2000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  question!: string;

  @ApiProperty({ maxLength: 10_000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  answer!: string;
}

/** One interpretation of an item (多元化解读); which fields a form needs is checked by the domain rule. */
export class CreateInterpretationDto {
  @ApiProperty({ enum: INTERPRETATION_FORMS })
  @IsIn(INTERPRETATION_FORMS)
  form!: InterpretationForm;

  @ApiProperty({ enum: INTERPRETER_KINDS })
  @IsIn(INTERPRETER_KINDS)
  interpreterKind!: InterpreterKind;

  @ApiProperty({ maxLength: 100, example: '县教育局' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  interpreterName!: string;

  @ApiProperty({ maxLength: 300, example: '一图读懂招生入学办法' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ maxLength: INTERPRETATION_TEXT_MAX_LENGTH, description: 'the text; a graphic\u2019s text alternative; a press conference\u2019s record' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERPRETATION_TEXT_MAX_LENGTH)
  body?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'video or audio: where it plays (http/https)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  mediaUrl?: string;

  @ApiPropertyOptional({ maxLength: INTERPRETATION_TEXT_MAX_LENGTH, description: 'video or audio: the transcript' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(INTERPRETATION_TEXT_MAX_LENGTH)
  transcript?: string;

  @ApiPropertyOptional({ type: [QuestionAnswerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuestionAnswerDto)
  questions?: QuestionAnswerDto[];

  @ApiPropertyOptional({ example: '2026-03-02T10:00:00+08:00', description: 'press conference: when it was held' })
  @IsOptional()
  @IsCalendarInstant()
  heldAt?: string;

  @ApiPropertyOptional({ type: [String], description: 'files already uploaded to the item (POST /api/items/:id/attachments) that belong to this interpretation' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class InterpretationPlanEntryDto {
  @ApiProperty({ enum: INTERPRETATION_FORMS })
  @IsIn(INTERPRETATION_FORMS)
  form!: InterpretationForm;

  @ApiProperty({ enum: INTERPRETER_KINDS })
  @IsIn(INTERPRETER_KINDS)
  interpreterKind!: InterpreterKind;
}

/** The interpretation plan (三同步): the forms and interpreters planned while the policy is drafted. */
export class InterpretationPlanDto {
  @ApiProperty({ type: [InterpretationPlanEntryDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InterpretationPlanEntryDto)
  entries!: InterpretationPlanEntryDto[];
}
