import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class JustifyFindingDto {
  @ApiProperty({ description: '公开该个人信息的法律依据（如“《XX办法》第X条规定公示须列明姓名”），至少5个字', minLength: 5, maxLength: 500 })
  @IsString({ message: '公开依据（reason）须为文字' })
  @MinLength(5, { message: '请写明公开该个人信息的法律依据（reason），至少5个字' })
  @MaxLength(500, { message: '公开依据（reason）不能超过500个字' })
  reason!: string;
}
