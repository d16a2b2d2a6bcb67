import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SupervisionCommentDto {
  @ApiProperty({ description: "the supervisor's remark on the item (督办意见); kept in the audit trail" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment!: string;
}
