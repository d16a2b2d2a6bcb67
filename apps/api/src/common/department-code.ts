import { Matches } from 'class-validator';

/** What every unit's code looks like (admins create them with it). */
export const DEPARTMENT_CODE = /^[a-z][a-z0-9-]{1,63}$/;

/**
 * A reference to a unit by its code: never empty (an empty code would reach the foreign key), always in
 * the shape every unit's code has, so the service's lookup answers "unknown department" for the rest.
 */
export function IsDepartmentCode(): PropertyDecorator {
  return Matches(DEPARTMENT_CODE, { message: ({ property }) => `${property}: 须为单位代码（2–64 位小写字母、数字或连字符，以字母开头），不能为空` });
}
