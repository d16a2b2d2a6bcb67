import type { LocalDate } from './local-date';
import { addDays } from './local-date';

/** One named holiday of a year and the days it takes off (including weekend days inside it). */
export interface Holiday {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 — or a joint name when a notice joins them. */
  readonly name: string;
  readonly days: readonly LocalDate[];
}

/**
 * One year's holiday arrangement: the official one (国务院办公厅关于部分节假日安排的通知), with its days
 * off and the weekend days that are working days instead (调休 make-up working days), or a statutory
 * computation for a year whose notice is not out yet (see statutoryHolidayTable).
 */
export interface HolidayTable {
  readonly year: number;
  /** The State Council notice, or STATUTORY_HOLIDAY_SOURCE for a computed table; shown in explanations. */
  readonly source: string;
  /** True for an official arrangement; false for a statutory computation (deadlines from it are provisional). */
  readonly published: boolean;
  readonly holidays: readonly Holiday[];
  /** 调休: weekend days that are working days. */
  readonly makeUpWorkingDays: readonly LocalDate[];
}

/** Every day a table takes off, in table order (a day in two holidays appears twice). */
export function holidayTableOffDays(table: HolidayTable): LocalDate[] {
  return table.holidays.flatMap((holiday) => holiday.days);
}

function range(first: LocalDate, last: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The official arrangements the product ships with. A later year is computed from the statutory holidays
 * (provisional) until its notice is loaded.
 */
export const PUBLISHED_HOLIDAY_TABLES: readonly HolidayTable[] = [
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    published: true,
    holidays: [
      { name: '元旦', days: ['2025-01-01'] },
      { name: '春节', days: range('2025-01-28', '2025-02-04') },
      { name: '清明节', days: range('2025-04-04', '2025-04-06') },
      { name: '劳动节', days: range('2025-05-01', '2025-05-05') },
      { name: '端午节', days: range('2025-05-31', '2025-06-02') },
      // The notice grants 中秋 (10/6) and 国庆 as one 8-day break under a joint name; so do we.
      { name: '国庆节、中秋节', days: range('2025-10-01', '2025-10-08') },
    ],
    makeUpWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    published: true,
    holidays: [
      { name: '元旦', days: range('2026-01-01', '2026-01-03') },
      { name: '春节', days: range('2026-02-15', '2026-02-23') },
      { name: '清明节', days: range('2026-04-04', '2026-04-06') },
      { name: '劳动节', days: range('2026-05-01', '2026-05-05') },
      { name: '端午节', days: range('2026-06-19', '2026-06-21') },
      { name: '中秋节', days: range('2026-09-25', '2026-09-27') },
      { name: '国庆节', days: range('2026-10-01', '2026-10-07') },
    ],
    makeUpWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
