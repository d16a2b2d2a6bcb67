import type { HolidayTable } from './holiday-table';
import { addDays, dayOfWeek, isLocalDate, type LocalDate } from './local-date';
import { STATUTORY_RULES_VERSION, statutoryHolidayTable } from './statutory-holidays';

/** Why a day is not a working day. */
export type OffReason = { readonly kind: 'weekend' } | { readonly kind: 'holiday'; readonly name: string };

/** A day passed over while counting working days. */
export interface SkippedDay {
  readonly date: LocalDate;
  /** A holiday wins over a weekend: a Sunday inside 春节 is skipped as 春节. */
  readonly reason: 'weekend' | 'holiday';
  readonly holidayName?: string;
}

/** The result of counting working days, with the evidence for "why this date". */
export interface WorkingDayCount {
  readonly date: LocalDate;
  /** True when a counted or skipped day is in a year without a published arrangement: recompute once it is loaded. */
  readonly provisional: boolean;
  readonly counted: readonly LocalDate[];
  readonly skipped: readonly SkippedDay[];
  /** The years, ascending, of counted or skipped days that have no published arrangement. */
  readonly provisionalYears: readonly number[];
}

/** A calendar-day count: holidays do not move it, so it never depends on an unpublished arrangement. */
export interface CalendarDayCount {
  readonly date: LocalDate;
  readonly provisional: boolean;
}

/** Thrown when a count is not a whole number of days from 0 to 3650. */
export class InvalidWorkingDayCountError extends Error {}

/** Thrown when holiday tables contradict themselves: two tables for a year, a bad date, a make-up day that is off. */
export class InvalidHolidayTableError extends Error {}

const MAX_COUNT = 3650;

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new InvalidWorkingDayCountError(`count must be a whole number from 0 to ${MAX_COUNT}, got ${count}`);
  }
}

function checkDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`not a date as YYYY-MM-DD: ${String(date)}`);
}

function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** Holiday names by day; a day in two holidays (中秋 on 国庆) gets both names, joined as a notice would. */
function indexHolidays(tables: readonly HolidayTable[]): Map<LocalDate, string> {
  const names = new Map<LocalDate, string[]>();
  for (const table of tables) {
    for (const holiday of table.holidays) {
      for (const day of holiday.days) {
        const existing = names.get(day) ?? [];
        if (!existing.includes(holiday.name)) existing.push(holiday.name);
        names.set(day, existing);
      }
    }
  }
  return new Map([...names].map(([day, list]) => [day, list.join('、')]));
}

/** 32-bit FNV-1a: a short, stable fingerprint without Node's crypto (this library runs in workflow code). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Readable years plus a fingerprint of everything that decides a day: sources, days, and the statutory rules. */
function deriveVersion(tables: readonly HolidayTable[]): string {
  const sorted = [...tables].sort((a, b) => a.year - b.year);
  const content = JSON.stringify([
    STATUTORY_RULES_VERSION,
    sorted.map((table) => [table.year, table.source, table.published, table.holidays, table.makeUpWorkingDays]),
  ]);
  const years = sorted.map((table) => (table.published ? `${table.year}` : `${table.year}?`)).join('+');
  return `${years || 'statutory'}#${fingerprint(content)}`;
}

/**
 * Working days under the official calendar: weekends and holidays are off, and 调休 make-up days count as
 * working days. A year with no table given uses its statutory holidays (statutoryHolidayTable), and any
 * count touching it is provisional. Counting starts on the day after the trigger day.
 */
export class WorkingDayCalendar {
  readonly version: string;
  private readonly tableYears = new Set<number>();
  private readonly publishedYears = new Set<number>();
  private readonly holidayNames: Map<LocalDate, string>;
  private readonly makeUpWorkingDays = new Set<LocalDate>();
  /** Statutory holidays of years without a table, computed on first use; deterministic, so caching is safe. */
  private readonly statutory = new Map<number, Map<LocalDate, string>>();

  constructor(tables: readonly HolidayTable[], options: { readonly version?: string } = {}) {
    for (const table of tables) {
      if (this.tableYears.has(table.year)) throw new InvalidHolidayTableError(`two holiday tables for ${table.year}`);
      this.tableYears.add(table.year);
      if (table.published) this.publishedYears.add(table.year);
      for (const day of [...table.holidays.flatMap((holiday) => holiday.days), ...table.makeUpWorkingDays]) {
        if (!isLocalDate(day)) throw new InvalidHolidayTableError(`${table.year}: not a date as YYYY-MM-DD: ${String(day)}`);
      }
      for (const day of table.makeUpWorkingDays) {
        // A make-up working day only means something on a weekend.
        if (!isWeekend(day)) throw new InvalidHolidayTableError(`${table.year}: make-up working day ${day} is not a weekend day`);
        this.makeUpWorkingDays.add(day);
      }
    }
    this.holidayNames = indexHolidays(tables);
    for (const day of this.makeUpWorkingDays) {
      if (this.holidayNames.has(day)) throw new InvalidHolidayTableError(`${day} is both a holiday and a make-up working day`);
    }
    this.version = options.version ?? deriveVersion(tables);
  }

  /** True when an official arrangement was given for the year. */
  isPublishedYear(year: number): boolean {
    return this.publishedYears.has(year);
  }

  /** Undefined for a working day; otherwise why not, with the holiday name. */
  offReason(date: LocalDate): OffReason | undefined {
    checkDate(date);
    if (this.makeUpWorkingDays.has(date)) return undefined;
    // A table may reach into a neighbouring year (a notice can move a working day to late December).
    const name = this.holidayNames.get(date) ?? this.statutoryHolidayName(date);
    if (name !== undefined) return { kind: 'holiday', name };
    return isWeekend(date) ? { kind: 'weekend' } : undefined;
  }

  /** The day `count` working days after `from`, with every day counted and skipped on the way. */
  addWorkingDays(from: LocalDate, count: number): WorkingDayCount {
    checkDate(from);
    checkCount(count);
    const counted: LocalDate[] = [];
    const skipped: SkippedDay[] = [];
    const provisionalYears = new Set<number>();
    let day = from;
    while (counted.length < count) {
      day = addDays(day, 1);
      if (!this.isPublishedYear(yearOf(day))) provisionalYears.add(yearOf(day));
      const reason = this.offReason(day);
      if (reason === undefined) counted.push(day);
      else if (reason.kind === 'holiday') skipped.push({ date: day, reason: 'holiday', holidayName: reason.name });
      else skipped.push({ date: day, reason: 'weekend' });
    }
    const years = [...provisionalYears].sort((a, b) => a - b);
    return { date: day, provisional: years.length > 0, counted, skipped, provisionalYears: years };
  }

  /**
   * The day `count` calendar days after `from`. Holidays do not move it (no rule here extends a limit that
   * ends on a holiday), so it does not depend on any arrangement and is never provisional.
   */
  addCalendarDays(from: LocalDate, count: number): CalendarDayCount {
    checkDate(from);
    checkCount(count);
    return { date: addDays(from, count), provisional: false };
  }

  private statutoryHolidayName(date: LocalDate): string | undefined {
    const year = yearOf(date);
    if (this.tableYears.has(year)) return undefined;
    let names = this.statutory.get(year);
    if (!names) {
      names = indexHolidays([statutoryHolidayTable(year)]);
      this.statutory.set(year, names);
    }
    return names.get(date);
  }
}
