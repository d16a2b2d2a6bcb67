import type { HolidayTable } from './holiday-table';
import { addDays, dayOfWeek, type LocalDate } from './local-date';

/** The result of counting working days, with the evidence for "why this date". */
export interface WorkingDayCount {
  readonly date: LocalDate;
  /** True when a counted year has no published arrangement yet: recompute once it is loaded. */
  readonly provisional: boolean;
  readonly counted: readonly LocalDate[];
  readonly skipped: readonly { date: LocalDate; reason: 'weekend' | 'holiday' }[];
}

/** Thrown when a count is not a whole number of days from 0 to 3650. */
export class InvalidWorkingDayCountError extends Error {}

/**
 * Working days under the official calendar: weekends and official holidays are off, and 调休
 * make-up days count as working days. Counting starts on the day after the trigger day.
 */
export class WorkingDayCalendar {
  private readonly offDays = new Set<LocalDate>();
  private readonly makeUpWorkingDays = new Set<LocalDate>();
  private readonly publishedYears = new Set<number>();

  constructor(tables: readonly HolidayTable[]) {
    for (const table of tables) {
      this.publishedYears.add(table.year);
      table.offDays.forEach((day) => this.offDays.add(day));
      table.makeUpWorkingDays.forEach((day) => this.makeUpWorkingDays.add(day));
    }
  }

  isPublishedYear(year: number): boolean {
    return this.publishedYears.has(year);
  }

  /** Why a day is not a working day, or undefined when it is one. */
  offReason(date: LocalDate): 'weekend' | 'holiday' | undefined {
    if (this.makeUpWorkingDays.has(date)) return undefined;
    if (this.offDays.has(date)) return 'holiday';
    const weekday = dayOfWeek(date);
    return weekday === 0 || weekday === 6 ? 'weekend' : undefined;
  }

  addWorkingDays(from: LocalDate, count: number): WorkingDayCount {
    if (!Number.isInteger(count) || count < 0 || count > 3650) {
      throw new InvalidWorkingDayCountError(`count must be a whole number from 0 to 3650, got ${count}`);
    }
    const counted: LocalDate[] = [];
    const skipped: { date: LocalDate; reason: 'weekend' | 'holiday' }[] = [];
    let provisional = false;
    let day = from;
    while (counted.length < count) {
      day = addDays(day, 1);
      if (!this.isPublishedYear(Number(day.slice(0, 4)))) provisional = true;
      const reason = this.offReason(day);
      if (reason) skipped.push({ date: day, reason });
      else counted.push(day);
    }
    return { date: day, provisional, counted, skipped };
  }
}
