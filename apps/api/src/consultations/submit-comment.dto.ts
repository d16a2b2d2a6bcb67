import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  CONSULTATION_AUTHOR_NAME_MAX_LENGTH,
  CONSULTATION_CLAUSE_MAX_LENGTH,
  CONSULTATION_COMMENT_MAX_LENGTH,
  CONSULTATION_COMMENT_MIN_LENGTH,
  CONSULTATION_CONTACT_MAX_LENGTH,
} from '@zwgk/domain';
import { Trim } from '../concerns/trim.transform';

/** An opinion from the public on a draft open for comment. No sign-in; name and contact are optional. */
export class SubmitCommentDto {
  @ApiProperty({ example: '建议第五条增加夜间免费停车时段。', minLength: CONSULTATION_COMMENT_MIN_LENGTH, maxLength: CONSULTATION_COMMENT_MAX_LENGTH })
  @Trim()
  @IsString()
  @Length(CONSULTATION_COMMENT_MIN_LENGTH, CONSULTATION_COMMENT_MAX_LENGTH)
  content!: string;

  @ApiPropertyOptional({ example: '第五条', maxLength: CONSULTATION_CLAUSE_MAX_LENGTH, description: 'the clause the opinion refers to' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONSULTATION_CLAUSE_MAX_LENGTH)
  clause?: string;

  @ApiPropertyOptional({ maxLength: CONSULTATION_AUTHOR_NAME_MAX_LENGTH, description: 'shown with the opinion if given' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONSULTATION_AUTHOR_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ maxLength: CONSULTATION_CONTACT_MAX_LENGTH, description: 'how to reach you; shown to staff only, never published' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONSULTATION_CONTACT_MAX_LENGTH)
  contact?: string;
}
