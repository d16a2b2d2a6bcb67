import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class IssueApplicationDemandDto {
  @ApiProperty({ description: '督办事由: what the department must explain or do about the application, and why; kept in the audit trail' })
  @IsString()
  @IsNotEmpty({ message: '督办事由不能为空' })
  @Matches(/\S/, { message: '督办事由不能为空' })
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ format: 'date', example: '2026-12-10', description: 'the response date (答复期限, China time): the department answers by the end of this day; today or later' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '答复期限须为 YYYY-MM-DD 格式的日期' })
  dueDate!: string;
}

export class AnswerApplicationDemandDto {
  @ApiProperty({ description: '说明情况: why the application is late or at risk' })
  @IsString()
  @IsNotEmpty({ message: '说明情况不能为空' })
  @Matches(/\S/, { message: '说明情况不能为空' })
  @MaxLength(5000)
  situation!: string;

  @ApiProperty({ description: '整改措施: what the department does about it, and by when' })
  @IsString()
  @IsNotEmpty({ message: '整改措施不能为空' })
  @Matches(/\S/, { message: '整改措施不能为空' })
  @MaxLength(5000)
  measures!: string;
}

export class CloseApplicationDemandDto {
  @ApiPropertyOptional({ description: "the supervisor's closing remark (办结意见)" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  remark?: string;
}
