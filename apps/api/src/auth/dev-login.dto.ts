import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DevLoginDto {
  @ApiProperty({ example: 'edu.drafter' })
  @IsString()
  @Length(1, 100)
  username!: string;
}
