import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CONCERN_COMMENT_MAX_LENGTH } from '@zwgk/domain';
import { Trim } from './trim.transform';

export class ExtendConcernDeadlineDto {
  @ApiProperty({ example: '涉及多部门会商，情况复杂', description: 'why, for the audit trail' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONCERN_COMMENT_MAX_LENGTH)
  reason!: string;
}
