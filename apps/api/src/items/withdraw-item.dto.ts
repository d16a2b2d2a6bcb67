import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WithdrawItemDto {
  @ApiProperty({ description: 'the public reason, shown on the portal' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
