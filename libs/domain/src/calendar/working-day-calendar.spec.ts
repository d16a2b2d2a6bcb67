import fc from 'fast-check';
import { PUBLISHED_HOLIDAY_TABLES, type HolidayTable } from './holiday-table';
import { addDays, dayOfWeek, endOfChinaDay, isLocalDate } from './local-date';
import { InvalidHolidayTableError, InvalidWorkingDayCountError, WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);

describe('WorkingDayCalendar', () => {
  it('counts 20 working days after 2026-02-10 to 2026-03-16 (the 条例 example)', () => {
    const result = calendar.addWorkingDays('2026-02-10', 20);
    expect(result.date).toBe('2026-03-16');
    expect(result.provisional).toBe(false);
    expect(result.provisionalYears).toEqual([]);
    // The 调休 Saturdays 2/14 and 2/28 count; 春节 2/15–2/23 does not, weekend days inside it included.
    expect(result.counted).toContain('2026-02-14');
    expect(result.counted).toContain('2026-02-28');
    const holidays = result.skipped.filter((day) => day.reason === 'holiday');
    expect(holidays.map((day) => day.date)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    expect(holidays.every((day) => day.holidayName === '春节')).toBe(true);
    expect(result.skipped.filter((day) => day.reason === 'weekend').map((day) => day.date)).toEqual([
      '2026-03-01', '2026-03-07', '2026-03-08', '2026-03-14', '2026-03-15',
    ]);
  });

  it('starts counting on the day after the trigger day', () => {
    expect(calendar.addWorkingDays('2026-11-23', 1).date).toBe('2026-11-24'); // Monday → Tuesday
    expect(calendar.addWorkingDays('2026-11-27', 1).date).toBe('2026-11-30'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-11-27', 0)).toEqual({
      date: '2026-11-27', provisional: false, counted: [], skipped: [], provisionalYears: [],
    });
  });

  it('counts a make-up Sunday: 1 working day after 元旦 2026 is Sunday 2026-01-04', () => {
    const result = calendar.addWorkingDays('2026-01-01', 1);
    expect(result.date).toBe('2026-01-04');
    expect(result.skipped).toEqual([
      { date: '2026-01-02', reason: 'holiday', holidayName: '元旦' },
      { date: '2026-01-03', reason: 'holiday', holidayName: '元旦' },
    ]);
  });

  it('names the holiday, and treats the 10/10 make-up Saturday as a working day', () => {
    expect(calendar.offReason('2026-10-05')).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(calendar.offReason('2026-09-26')).toEqual({ kind: 'holiday', name: '中秋节' });
    expect(calendar.offReason('2025-10-06')).toEqual({ kind: 'holiday', name: '国庆节、中秋节' });
    expect(calendar.offReason('2026-10-10')).toBeUndefined();
    expect(calendar.offReason('2026-10-11')).toEqual({ kind: 'weekend' });
    expect(calendar.offReason('2026-10-09')).toBeUndefined();
    expect(calendar.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
  });

  it('marks a count that reaches a year without a published arrangement as provisional, naming the year', () => {
    const reaching = calendar.addWorkingDays('2026-12-20', 20);
    expect(reaching.provisional).toBe(true);
    expect(reaching.provisionalYears).toEqual([2027]);
    expect(calendar.addWorkingDays('2026-12-01', 5).provisional).toBe(false);
    expect(calendar.isPublishedYear(2026)).toBe(true);
    expect(calendar.isPublishedYear(2027)).toBe(false);
  });

  it('does not treat an unpublished year as weekends only: 元旦 2027 is off', () => {
    expect(calendar.offReason('2027-01-01')).toEqual({ kind: 'holiday', name: '元旦' });
    // 2026-12-31 (Thu) → 2027-01-01 (Fri, 元旦) is skipped → Monday 2027-01-04.
    expect(calendar.addWorkingDays('2026-12-31', 1).date).toBe('2027-01-04');
  });

  it('adds calendar days regardless of holidays', () => {
    expect(calendar.addCalendarDays('2026-02-10', 20)).toEqual({ date: '2026-03-02', provisional: false });
    expect(calendar.addCalendarDays('2026-12-20', 20)).toEqual({ date: '2027-01-09', provisional: false });
    expect(calendar.addCalendarDays('2026-02-10', 0).date).toBe('2026-02-10');
    expect(() => calendar.addCalendarDays('2026-02-10', -1)).toThrow(InvalidWorkingDayCountError);
  });

  it('refuses counts that are not whole days in range, and dates that are not dates', () => {
    expect(() => calendar.addWorkingDays('2026-01-01', -1)).toThrow(InvalidWorkingDayCountError);
    expect(() => calendar.addWorkingDays('2026-01-01', 1.5)).toThrow(/count/);
    expect(() => calendar.addWorkingDays('2026-01-01', 3651)).toThrow(/count/);
    expect(() => calendar.addWorkingDays('2026-01-01', Number.NaN)).toThrow(/count/);
    expect(calendar.addWorkingDays('2026-01-01', 3650).date > '2039-01-01').toBe(true);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.offReason('20260101')).toThrow(RangeError);
  });

  it('has a version derived from its tables, or the one given', () => {
    expect(calendar.version).toMatch(/^2025\+2026#[0-9a-f]{8}$/);
    expect(new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES).version).toBe(calendar.version);
    expect(new WorkingDayCalendar([...PUBLISHED_HOLIDAY_TABLES].reverse()).version).toBe(calendar.version);
    expect(new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES.slice(1)).version).not.toBe(calendar.version);
    const corrected: HolidayTable = { ...PUBLISHED_HOLIDAY_TABLES[1], makeUpWorkingDays: PUBLISHED_HOLIDAY_TABLES[1].makeUpWorkingDays.slice(1) };
    expect(new WorkingDayCalendar([PUBLISHED_HOLIDAY_TABLES[0], corrected]).version).not.toBe(calendar.version);
    expect(new WorkingDayCalendar([], { version: 'v7' }).version).toBe('v7');
  });

  it('refuses contradictory tables', () => {
    const [y2025, y2026] = PUBLISHED_HOLIDAY_TABLES;
    expect(() => new WorkingDayCalendar([y2026, y2026])).toThrow(InvalidHolidayTableError);
    expect(() => new WorkingDayCalendar([{ ...y2025, makeUpWorkingDays: ['2025-01-27'] }])).toThrow(/not a weekend/); // a Monday
    expect(() => new WorkingDayCalendar([{ ...y2025, makeUpWorkingDays: ['2025-02-01'] }])).toThrow(/both/); // inside 春节
    expect(() => new WorkingDayCalendar([{ ...y2025, holidays: [{ name: '元旦', days: ['2025-1-1'] }] }])).toThrow(/not a date/);
  });

  it('uses an unpublished table given for a year, still provisionally', () => {
    const table: HolidayTable = {
      year: 2027, source: 'draft', published: false, holidays: [{ name: '测试', days: ['2027-03-03'] }], makeUpWorkingDays: [],
    };
    const withDraft = new WorkingDayCalendar([...PUBLISHED_HOLIDAY_TABLES, table]);
    expect(withDraft.offReason('2027-03-03')).toEqual({ kind: 'holiday', name: '测试' });
    expect(withDraft.offReason('2027-01-01')).toBeUndefined(); // the given table replaces the statutory one
    expect(withDraft.isPublishedYear(2027)).toBe(false);
    expect(withDraft.addWorkingDays('2027-03-01', 3)).toMatchObject({ date: '2027-03-05', provisional: true, provisionalYears: [2027] });
  });

  it('always lands on a working day after the trigger, having counted exactly N working days', () => {
    // 2025–2028: published years and statutory ones.
    const dates = fc.integer({ min: 0, max: 4 * 365 }).map((offset) => addDays('2025-01-01', offset));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (from, count) => {
        const result = calendar.addWorkingDays(from, count);
        expect(result.date > from).toBe(true);
        expect(calendar.offReason(result.date)).toBeUndefined();
        expect(result.counted).toHaveLength(count);
        expect(result.counted.every((day) => calendar.offReason(day) === undefined)).toBe(true);
        expect(result.skipped.every((day) => calendar.offReason(day.date)?.kind === day.reason)).toBe(true);
        // Every day between the trigger and the due date is either counted or skipped, once, in order.
        const between = Array.from({ length: (Date.parse(result.date) - Date.parse(from)) / 86_400_000 }, (_, i) => addDays(from, i + 1));
        expect([...result.counted, ...result.skipped.map((day) => day.date)].sort()).toEqual(between);
        // Provisional exactly when a day of an unpublished year was passed.
        const years = [...new Set(between.map((day) => Number(day.slice(0, 4))))].filter((year) => !calendar.isPublishedYear(year));
        expect(result.provisionalYears).toEqual(years);
        expect(result.provisional).toBe(years.length > 0);
      }),
    );
  });

  it('is monotonic: more working days never ends earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (offset, a, b) => {
        const from = addDays('2025-01-01', offset);
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(from, low).date <= calendar.addWorkingDays(from, high).date).toBe(true);
      }),
    );
  });
});

describe('local dates', () => {
  it('accepts only real dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(isLocalDate(20260201)).toBe(false);
  });

  it('knows the weekday and the end of a China day', () => {
    expect(dayOfWeek('2026-11-26')).toBe(4);
    expect(endOfChinaDay('2026-03-16').toISOString()).toBe('2026-03-16T15:59:59.999Z');
  });
});
