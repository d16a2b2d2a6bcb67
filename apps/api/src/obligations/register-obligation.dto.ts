import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Registers a periodic catalog item (定期公开) as a standing obligation of a department. */
export class RegisterObligationDto {
  @ApiProperty({ example: 'GENERAL-001', description: 'an item of the active catalog version whose time limit is periodic (半年至少更新1次) or a yearly date (每年1月31日前)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  catalogItemCode!: string;

  @ApiProperty({ example: 'edu', description: 'the department that drafts each period' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  departmentCode!: string;
}
