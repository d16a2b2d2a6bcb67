import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';
import { chinaDateOf, isCalendarDate, isCalendarYear, isLocalDate, STATUTORY_YEARS } from '@zwgk/domain';

const RANGE = `${STATUTORY_YEARS.first} 至 ${STATUTORY_YEARS.last} 年`;

/** Why a date the calendar will count from cannot be used, in Chinese; undefined when it can. */
export function calendarDateProblem(value: unknown): string | undefined {
  if (!isLocalDate(value)) return '须为 YYYY-MM-DD 格式的真实日期';
  if (!isCalendarDate(value)) return `须在 ${RANGE}之间（工作日历可计算的范围）`;
  return undefined;
}

/**
 * A day (YYYY-MM-DD) that feeds the working-day calendar: a real date in a year it can compute
 * (statutory holidays are known for STATUTORY_YEARS only). Outside it a deadline cannot be computed,
 * so the request is refused here, naming the field, instead of failing inside a workflow.
 */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => calendarDateProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property}: ${calendarDateProblem(args?.value) ?? ''}`,
      },
    });
}

/** An ISO 8601 instant whose China day the calendar can compute from (a scheduled release, for one). */
export function IsCalendarInstant(options?: ValidationOptions): PropertyDecorator {
  const problem = (value: unknown): string | undefined => {
    if (typeof value !== 'string' || !isISO8601(value, { strict: true }) || Number.isNaN(Date.parse(value))) return '须为 ISO 8601 格式的时间';
    return isCalendarYear(Number(chinaDateOf(new Date(value)).slice(0, 4))) ? undefined : `须在 ${RANGE}之间（工作日历可计算的范围）`;
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => problem(value) === undefined,
        defaultMessage: (args) => `${args?.property}: ${problem(args?.value) ?? ''}`,
      },
    });
}
