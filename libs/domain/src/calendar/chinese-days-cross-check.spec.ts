// Checks our calendar day by day against an independent source, the chinese-days package (a devDependency:
// imported by specs only). Its main entry, dist/index.min.js, is a UMD build that loads as CommonJS.
import { getDayDetail, isHoliday, isInLieu, isWorkday } from 'chinese-days';
import { PUBLISHED_HOLIDAY_TABLES } from './holiday-table';
import { addDays, dayOfWeek, type LocalDate } from './local-date';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);

function everyDay(first: LocalDate, last: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const DAYS = everyDay('2025-01-01', '2026-12-31');

/**
 * chinese-days names holidays `English,中文,days`, e.g. `Spring Festival,春节,4`, and weekends just `Saturday`.
 * It gives a make-up working day its holiday's name too, so only days off count here.
 */
function holidayNameOf(day: LocalDate): string | undefined {
  const detail = getDayDetail(day);
  const parts = detail.name.split(',');
  return !detail.work && parts.length === 3 ? parts[1] : undefined;
}

/** Its short names to ours. */
const OUR_NAME: Record<string, string> = {
  元旦: '元旦', 春节: '春节', 清明: '清明节', 劳动节: '劳动节', 端午: '端午节', 中秋: '中秋节', 国庆节: '国庆节',
};

describe('the calendar against chinese-days, every day of 2025 and 2026', () => {
  it('covers 730 days', () => {
    expect(DAYS).toHaveLength(730);
  });

  it('agrees on working day versus day off', () => {
    const disagreements = DAYS.filter((day) => isWorkday(day) !== (calendar.offReason(day) === undefined));
    expect(disagreements).toEqual([]);
    // isHoliday is the complement of isWorkday there, weekends included.
    expect(DAYS.filter((day) => isHoliday(day) === isWorkday(day))).toEqual([]);
  });

  it('agrees on which days are holidays, and on their names', () => {
    const disagreements = DAYS.filter((day) => {
      const ours = calendar.offReason(day);
      const theirs = holidayNameOf(day);
      if (theirs === undefined) return ours?.kind === 'holiday';
      // 2025's notice joins 国庆节 and 中秋节 into one break; chinese-days labels 10/6 中秋 inside it.
      return ours?.kind !== 'holiday' || !ours.name.split('、').includes(OUR_NAME[theirs] ?? theirs);
    });
    expect(disagreements).toEqual([]);
  });

  it('agrees on the 调休 make-up working days', () => {
    const makeUpTheirs = DAYS.filter((day) => isWorkday(day) && (dayOfWeek(day) === 0 || dayOfWeek(day) === 6));
    expect(makeUpTheirs).toEqual(PUBLISHED_HOLIDAY_TABLES.flatMap((table) => table.makeUpWorkingDays));
  });

  it('has its 调休 days off (isInLieu) inside our holidays', () => {
    const inLieu = DAYS.filter((day) => isInLieu(day));
    expect(inLieu.length).toBeGreaterThan(0);
    expect(inLieu.filter((day) => calendar.offReason(day)?.kind !== 'holiday')).toEqual([]);
  });
});
