import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isLocalDate, STATUTORY_YEARS } from '@zwgk/domain';
import { IsCalendarDay } from '../common/calendar-date';

@ValidatorConstraint({ name: 'localDate' })
export class IsLocalDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isLocalDate(value);
  }
  defaultMessage(): string {
    return '$property must be a real date written as YYYY-MM-DD';
  }
}

export class WorkingDaysQuery {
  @ApiProperty({ format: 'date', example: '2026-02-10', description: `the trigger day; counting starts the day after (${STATUTORY_YEARS.first}–${STATUTORY_YEARS.last})` })
  @IsCalendarDay()
  from!: string;

  @ApiProperty({ type: 'integer', example: 20, minimum: 0, maximum: 3650 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  count!: number;
}
