import type { LocalDate } from './local-date';
import { addDays } from './local-date';

/**
 * One year's official arrangement (国务院办公厅关于放假安排的通知): the days off, and the weekend
 * days that are working days instead (调休 make-up working days).
 */
export interface HolidayTable {
  readonly year: number;
  readonly offDays: readonly LocalDate[];
  readonly makeUpWorkingDays: readonly LocalDate[];
  /** Where the arrangement comes from, shown in "why this date" explanations. */
  readonly source: string;
}

function range(first: LocalDate, last: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The published arrangements the product ships with. Admins load later years (see the calendar issue). */
export const PUBLISHED_HOLIDAY_TABLES: readonly HolidayTable[] = [
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    offDays: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    makeUpWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    offDays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    makeUpWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
