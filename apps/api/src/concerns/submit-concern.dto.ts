import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CONCERN_CONTACT_MAX_LENGTH, CONCERN_CONTENT_MAX_LENGTH, CONCERN_CONTENT_MIN_LENGTH } from '@zwgk/domain';
import { Trim } from './trim.transform';

/** A question or comment from the public on a released item (回应关切). */
export class SubmitConcernDto {
  @ApiProperty({ example: '随迁子女入学需要提交哪些材料？', minLength: CONCERN_CONTENT_MIN_LENGTH, maxLength: CONCERN_CONTENT_MAX_LENGTH })
  @Trim()
  @IsString()
  @Length(CONCERN_CONTENT_MIN_LENGTH, CONCERN_CONTENT_MAX_LENGTH)
  content!: string;

  @ApiPropertyOptional({ example: '13800138000', description: 'how to reach you; shown to staff only, never published' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(CONCERN_CONTACT_MAX_LENGTH)
  contact?: string;
}
