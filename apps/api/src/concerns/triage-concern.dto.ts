import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CONCERN_CLASSIFICATIONS, type ConcernClassification } from '@zwgk/domain';
import { Trim } from './trim.transform';

/** 分办: classify the concern and assign the department that answers it. */
export class TriageConcernDto {
  @ApiProperty({ enum: CONCERN_CLASSIFICATIONS })
  @IsIn(CONCERN_CLASSIFICATIONS)
  classification!: ConcernClassification;

  @ApiProperty({ example: 'edu' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  assignDepartmentCode!: string;
}
