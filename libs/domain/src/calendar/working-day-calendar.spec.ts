import fc from 'fast-check';
import { PUBLISHED_HOLIDAY_TABLES } from './holiday-table';
import { addDays, dayOfWeek, endOfChinaDay, isLocalDate } from './local-date';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);

describe('WorkingDayCalendar', () => {
  it('counts 20 working days after 2026-02-10 to 2026-03-16 (the 条例 example)', () => {
    const result = calendar.addWorkingDays('2026-02-10', 20);
    expect(result.date).toBe('2026-03-16');
    expect(result.provisional).toBe(false);
    // The 调休 Saturdays 2/14 and 2/28 count; 春节 2/15–2/23 does not.
    expect(result.counted).toContain('2026-02-14');
    expect(result.counted).toContain('2026-02-28');
    expect(result.skipped.filter((day) => day.reason === 'holiday').map((day) => day.date)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
  });

  it('starts counting on the day after the trigger day', () => {
    expect(calendar.addWorkingDays('2026-11-23', 1).date).toBe('2026-11-24'); // Monday → Tuesday
    expect(calendar.addWorkingDays('2026-11-27', 1).date).toBe('2026-11-30'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-11-27', 0).date).toBe('2026-11-27');
  });

  it('treats 国庆 as off and the 10/10 make-up Saturday as a working day', () => {
    expect(calendar.offReason('2026-10-05')).toBe('holiday');
    expect(calendar.offReason('2026-10-10')).toBeUndefined();
    expect(calendar.offReason('2026-10-11')).toBe('weekend');
    expect(calendar.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
  });

  it('marks a count that reaches a year without a published arrangement as provisional', () => {
    expect(calendar.addWorkingDays('2026-12-20', 20).provisional).toBe(true);
    expect(calendar.addWorkingDays('2026-12-01', 5).provisional).toBe(false);
  });

  it('refuses counts that are not whole days in range', () => {
    expect(() => calendar.addWorkingDays('2026-01-01', -1)).toThrow(/count/);
    expect(() => calendar.addWorkingDays('2026-01-01', 1.5)).toThrow(/count/);
  });

  it('always lands on a working day after the trigger, having counted exactly N working days', () => {
    const dates = fc.integer({ min: 0, max: 3 * 365 }).map((offset) => addDays('2025-01-01', offset));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 60 }), (from, count) => {
        const result = calendar.addWorkingDays(from, count);
        expect(result.date > from).toBe(true);
        expect(calendar.offReason(result.date)).toBeUndefined();
        expect(result.counted).toHaveLength(count);
        expect(result.counted.every((day) => calendar.offReason(day) === undefined)).toBe(true);
        expect(result.skipped.every((day) => calendar.offReason(day.date) !== undefined)).toBe(true);
        // Every day between the trigger and the due date is either counted or skipped, once.
        expect(result.counted.length + result.skipped.length).toBe(
          (Date.parse(result.date) - Date.parse(from)) / 86_400_000,
        );
      }),
    );
  });

  it('is monotonic: more working days never ends earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (offset, a, b) => {
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
