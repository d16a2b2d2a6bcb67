import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CONCERN_COMMENT_MAX_LENGTH } from '@zwgk/domain';
import { Trim } from './trim.transform';

export class RecordPressConferenceDto {
  @ApiProperty({ example: '县政府新闻办召开新闻发布会通报事件处置情况' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONCERN_COMMENT_MAX_LENGTH)
  summary!: string;
}
