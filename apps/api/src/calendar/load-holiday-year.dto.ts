import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsNotEmpty, IsString, Max, MaxLength, Min, Validate, ValidateNested } from 'class-validator';
import { STATUTORY_YEARS } from '@zwgk/domain';
import { IsLocalDateConstraint } from './working-days.query';

export class HolidayDto {
  @ApiProperty({ example: '春节' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ type: 'string', format: 'date', isArray: true, minItems: 1, maxItems: 31, example: ['2027-02-05', '2027-02-06'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(31)
  @Validate(IsLocalDateConstraint, { each: true })
  days!: string[];
}

/** One year's official arrangement (国务院办公厅关于…年部分节假日安排的通知). */
export class LoadHolidayYearDto {
  @ApiProperty({ type: 'integer', example: 2027, minimum: STATUTORY_YEARS.first, maximum: STATUTORY_YEARS.last })
  @IsInt()
  @Min(STATUTORY_YEARS.first, { message: `year: 须在 ${STATUTORY_YEARS.first} 至 ${STATUTORY_YEARS.last} 年之间（工作日历可计算的范围）` })
  @Max(STATUTORY_YEARS.last, { message: `year: 须在 ${STATUTORY_YEARS.first} 至 ${STATUTORY_YEARS.last} 年之间（工作日历可计算的范围）` })
  year!: number;

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  source!: string;

  @ApiProperty({ type: [HolidayDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HolidayDto)
  holidays!: HolidayDto[];

  @ApiProperty({ type: 'string', format: 'date', isArray: true, maxItems: 20, example: ['2027-02-20'], description: '调休: weekend days that are working days' })
  @IsArray()
  @ArrayMaxSize(20)
  @Validate(IsLocalDateConstraint, { each: true })
  makeUpWorkingDays!: string[];

  @ApiPropertyOptional({ default: false, description: 'replace the arrangement already loaded for this year (a correction; audited with the table it replaces). Without it a year already loaded is refused with 409' })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}
