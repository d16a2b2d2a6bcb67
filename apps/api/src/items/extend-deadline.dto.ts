import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ExtendDeadlineDto {
  @ApiProperty({ description: "'release' for the statutory release deadline, or the id of the open task" })
  @IsString()
  @Matches(/^(release|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { message: '延期对象（target）须为 release（发布期限）或任务编号' })
  target!: string;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  workingDays!: number;

  @ApiProperty({ description: 'why the extra time is granted; kept in the audit trail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
