import { getDayDetail, getSolarDateFromLunar, getSolarTermDate, isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { holidayTableOffDays, PUBLISHED_HOLIDAY_TABLES } from './holiday-table';
import { addDays } from './local-date';
import { STATUTORY_HOLIDAY_SOURCE, STATUTORY_YEARS, statutoryHolidayTable } from './statutory-holidays';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);

function daysOf(year: number, name: string): readonly string[] {
  return statutoryHolidayTable(year).holidays.find((holiday) => holiday.name === name)?.days ?? [];
}

describe('statutoryHolidayTable', () => {
  it('computes 2027: 春节 from 除夕 2/5 to 初三 2/8, 清明 4/5, 端午 6/9, 中秋 9/15', () => {
    const table = statutoryHolidayTable(2027);
    expect(table).toMatchObject({ year: 2027, source: STATUTORY_HOLIDAY_SOURCE, published: false, makeUpWorkingDays: [] });
    expect(table.holidays).toEqual([
      { name: '元旦', days: ['2027-01-01'] },
      { name: '春节', days: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] },
      { name: '清明节', days: ['2027-04-05'] },
      { name: '劳动节', days: ['2027-05-01', '2027-05-02'] },
      { name: '端午节', days: ['2027-06-09'] },
      { name: '中秋节', days: ['2027-09-15'] },
      { name: '国庆节', days: ['2027-10-01', '2027-10-02', '2027-10-03'] },
    ]);
  });

  it('gives days the official 2025 and 2026 arrangements all take off (they only extend them)', () => {
    for (const year of [2025, 2026]) {
      const notOff = holidayTableOffDays(statutoryHolidayTable(year)).filter((day) => calendar.offReason(day)?.kind !== 'holiday');
      expect({ year, notOff }).toEqual({ year, notOff: [] });
    }
    expect(daysOf(2026, '春节')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']);
  });

  it('follows the revision in force for earlier years: chinese-days has every computed day off, 2008–2024', () => {
    for (let year = 2008; year <= 2024; year++) {
      const working = holidayTableOffDays(statutoryHolidayTable(year)).filter((day) => isWorkday(day));
      expect({ year, working }).toEqual({ year, working: [] });
    }
    // 2014–2024 (2013 revision): 初一–初三, so 除夕 2014-01-30 was a working day; 劳动节 one day.
    expect(daysOf(2014, '春节')).toEqual(['2014-01-31', '2014-02-01', '2014-02-02']);
    expect(getDayDetail('2014-01-30').work).toBe(true);
    expect(daysOf(2024, '劳动节')).toEqual(['2024-05-01']);
    // 2008–2013: 除夕–初二.
    expect(daysOf(2013, '春节')).toEqual(['2013-02-09', '2013-02-10', '2013-02-11']);
  });

  it('matches the lunar dates and 清明 of chinese-days, an independent implementation, for 2008–2099', () => {
    const mismatches: string[] = [];
    for (let year = STATUTORY_YEARS.first; year <= STATUTORY_YEARS.last; year++) {
      const newYear = getSolarDateFromLunar(`${year}-01-01`).date;
      const expected = {
        除夕: addDays(newYear, -1),
        清明节: getSolarTermDate(year, 4, 'pure_brightness'),
        端午节: getSolarDateFromLunar(`${year}-05-05`).date,
        中秋节: getSolarDateFromLunar(`${year}-08-15`).date,
      };
      const actual = {
        除夕: year >= 2014 && year < 2025 ? addDays(daysOf(year, '春节')[0], -1) : daysOf(year, '春节')[0],
        清明节: daysOf(year, '清明节')[0],
        端午节: daysOf(year, '端午节')[0],
        中秋节: daysOf(year, '中秋节')[0],
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${year}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('has 13 distinct days a year from 2027 to 2050, 12 when 中秋 falls on 10/1–10/3', () => {
    const overlapping: number[] = [];
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: 2050 }), (year) => {
        const table = statutoryHolidayTable(year);
        expect(table.holidays.map((holiday) => [holiday.name, holiday.days.length])).toEqual([
          ['元旦', 1], ['春节', 4], ['清明节', 1], ['劳动节', 2], ['端午节', 1], ['中秋节', 1], ['国庆节', 3],
        ]);
        const all = holidayTableOffDays(table);
        expect(all.every((day) => day.startsWith(`${year}-`))).toBe(true);
        const midAutumn = daysOf(year, '中秋节')[0];
        const coincides = midAutumn >= `${year}-10-01` && midAutumn <= `${year}-10-03`;
        expect(new Set(all).size).toBe(coincides ? 12 : 13);
      }),
      { numRuns: 100 },
    );
    for (let year = 2027; year <= 2050; year++) {
      if (new Set(holidayTableOffDays(statutoryHolidayTable(year))).size === 12) overlapping.push(year);
    }
    expect(overlapping).toEqual([2028, 2031, 2039]);
    expect(calendar.offReason('2031-10-01')).toEqual({ kind: 'holiday', name: '中秋节、国庆节' });
  });

  it('refuses years it cannot compute', () => {
    expect(() => statutoryHolidayTable(2007)).toThrow(RangeError);
    expect(() => statutoryHolidayTable(2100)).toThrow(RangeError);
    expect(() => statutoryHolidayTable(2027.5)).toThrow(RangeError);
  });
});

describe('counting through an unpublished year', () => {
  it('skips the computed 2027 春节 and marks the result provisional', () => {
    const result = calendar.addWorkingDays('2027-02-01', 10);
    expect(result.date).toBe('2027-02-17'); // weekends only would give 2027-02-15
    expect(result.provisional).toBe(true);
    expect(result.provisionalYears).toEqual([2027]);
    expect(result.skipped.filter((day) => day.reason === 'holiday')).toEqual(
      ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'].map((date) => ({ date, reason: 'holiday', holidayName: '春节' })),
    );
  });

  it('skips 清明, 劳动节, 端午, 中秋 and 国庆 of 2027', () => {
    expect(calendar.addWorkingDays('2027-04-02', 1).date).toBe('2027-04-06'); // Fri → (Sat, Sun, 清明 Mon) → Tue
    expect(calendar.offReason('2027-05-02')).toEqual({ kind: 'holiday', name: '劳动节' });
    expect(calendar.offReason('2027-05-03')).toBeUndefined(); // no 补休 is invented
    expect(calendar.addWorkingDays('2027-06-08', 1).date).toBe('2027-06-10');
    expect(calendar.addWorkingDays('2027-09-14', 1).date).toBe('2027-09-16');
    expect(calendar.addWorkingDays('2027-09-30', 1).date).toBe('2027-10-04'); // 国庆 Fri–Sun
  });
});
