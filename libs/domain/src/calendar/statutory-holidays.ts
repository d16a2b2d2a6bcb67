import { Lunar } from 'lunar-javascript';
import type { Holiday, HolidayTable } from './holiday-table';
import { addDays, isLocalDate, type LocalDate } from './local-date';

/** The `source` of a computed table. */
export const STATUTORY_HOLIDAY_SOURCE = '法定节假日推算（官方安排未发布）';

/**
 * Names the rules below. Part of a calendar's derived version, so changing how statutory days are computed
 * changes the version of every calendar that relies on them.
 */
export const STATUTORY_RULES_VERSION = 'statutory-2008-2014-2025';

/** Years the computation supports: the 2008 revision onwards, while lunar-javascript agrees with chinese-days. */
export const STATUTORY_YEARS = { first: 2008, last: 2099 } as const;

/** True for a year the working-day calendar can compute deadlines in. */
export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= STATUTORY_YEARS.first && year <= STATUTORY_YEARS.last;
}

/** True for a real date (YYYY-MM-DD) in a year the working-day calendar can compute: what a deadline may start from. */
export function isCalendarDate(value: unknown): value is LocalDate {
  return isLocalDate(value) && isCalendarYear(Number(value.slice(0, 4)));
}

/**
 * 春节 days as offsets from 正月初一 under the revision of 全国年节及纪念日放假办法 in force that year:
 * 2025 revision: 除夕 through 初三 (4 days); 2013 revision (from 2014): 初一 through 初三; 2008: 除夕 through 初二.
 */
function springFestivalOffsets(year: number): readonly number[] {
  if (year >= 2025) return [-1, 0, 1, 2];
  if (year >= 2014) return [0, 1, 2];
  return [-1, 0, 1];
}

function lunarToSolar(year: number, month: number, day: number): LocalDate {
  return Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

/** The 清明 solar term in Beijing time; the lunar year that starts in January/February holds this spring's terms. */
function qingMing(year: number): LocalDate {
  const term = Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明'];
  if (!term) throw new Error(`lunar-javascript has no 清明 for ${year}`);
  return term.toYmd();
}

function days(first: LocalDate, count: number): LocalDate[] {
  return Array.from({ length: count }, (_, offset) => addDays(first, offset));
}

/**
 * The statutory holidays of a year (全国年节及纪念日放假办法, 2025 revision; earlier years by the revision in
 * force then), for years with no published arrangement: 元旦 1/1; 春节 除夕–初三; 清明节 the solar term;
 * 劳动节 5/1–5/2; 端午节 lunar 5/5; 中秋节 lunar 8/15; 国庆节 10/1–10/3.
 *
 * A holiday on a weekend stays a plain day off and no 调休 is invented: only the State Council's notice
 * decides those, which is why the table is unpublished and deadlines from it are provisional. When 中秋
 * falls on 10/1–10/3 (2028, 2031, 2039, …) both holidays list that day, so the year has 12 distinct days.
 */
export function statutoryHolidayTable(year: number): HolidayTable {
  if (!isCalendarYear(year)) {
    throw new RangeError(`statutory holidays are computed for ${STATUTORY_YEARS.first}–${STATUTORY_YEARS.last} only, got ${year}`);
  }
  const newYear = lunarToSolar(year, 1, 1); // 正月初一 always falls in January or February of the same year
  const holidays: Holiday[] = [
    { name: '元旦', days: [`${year}-01-01`] },
    { name: '春节', days: springFestivalOffsets(year).map((offset) => addDays(newYear, offset)) },
    { name: '清明节', days: [qingMing(year)] },
    { name: '劳动节', days: days(`${year}-05-01`, year >= 2025 ? 2 : 1) },
    { name: '端午节', days: [lunarToSolar(year, 5, 5)] },
    { name: '中秋节', days: [lunarToSolar(year, 8, 15)] },
    { name: '国庆节', days: days(`${year}-10-01`, 3) },
  ];
  return { year, source: STATUTORY_HOLIDAY_SOURCE, published: false, holidays, makeUpWorkingDays: [] };
}
