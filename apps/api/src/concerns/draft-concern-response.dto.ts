import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CONCERN_RESPONSE_MAX_LENGTH } from '@zwgk/domain';
import { Trim } from './trim.transform';

export class DraftConcernResponseDto {
  @ApiProperty({ example: '您好，随迁子女入学需提交户口簿、居住证……', maxLength: CONCERN_RESPONSE_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONCERN_RESPONSE_MAX_LENGTH)
  draft!: string;
}
