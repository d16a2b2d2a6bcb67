import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isLocalDate } from '@zwgk/domain';

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
  @ApiProperty({ example: '2026-02-10', description: 'the trigger day; counting starts the day after' })
  @Validate(IsLocalDateConstraint)
  from!: string;

  @ApiProperty({ example: 20, minimum: 0, maximum: 3650 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  count!: number;
}
