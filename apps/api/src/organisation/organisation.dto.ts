import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@zwgk/domain';
import { DEPARTMENT_CODE, IsDepartmentCode } from '../common/department-code';

const USERNAME = /^[a-z][a-z0-9._-]{1,99}$/;
const KINDS = ['county', 'department', 'township'] as const;

export class CreateDepartmentDto {
  @ApiProperty({ example: 'health' })
  @Matches(DEPARTMENT_CODE, { message: '须为 2–64 位小写字母、数字或连字符，以字母开头' })
  code!: string;

  @ApiProperty({ example: '县卫生健康局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: (typeof KINDS)[number];

  @ApiPropertyOptional({ description: 'the parent unit; required except for the county government' })
  @IsOptional()
  @IsDepartmentCode()
  parentCode?: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDepartmentCode()
  parentCode?: string;

  @ApiPropertyOptional({
    description:
      'false deactivates (停用) the unit, true reactivates it. Deactivation is refused (409) while the unit still has active users, active sub-units or open work, and for the county government.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'health.drafter' })
  @Matches(USERNAME, { message: '须为 2–100 位小写字母、数字、点、下划线或连字符，以字母开头' })
  username!: string;

  @ApiProperty({ example: '张起草（卫健局）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ example: 'health' })
  @IsDepartmentCode()
  departmentCode!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES as unknown as Role[], { each: true })
  roles!: Role[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9]{6,20}$/, { message: '须为 6–20 位数字，可以 + 开头' })
  mobile?: string;
}

/** Role assignments are per department: moving a user keeps only the roles given here. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDepartmentCode()
  departmentCode?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES as unknown as Role[], { each: true })
  roles?: Role[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9]{6,20}$/, { message: '须为 6–20 位数字，可以 + 开头' })
  mobile?: string;
}
