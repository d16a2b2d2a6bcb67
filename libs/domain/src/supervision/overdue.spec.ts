import { PUBLISHED_HOLIDAY_TABLES } from '../calendar/holiday-table';
import { endOfChinaDay } from '../calendar/local-date';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { slaLateness, statutoryLateness, workingDaysLate } from './overdue';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
/** Noon China time on a day. */
const noon = (date: string) => new Date(`${date}T12:00:00+08:00`);

describe('workingDaysLate', () => {
  it('is 0 when finished on time, or later on the due day itself', () => {
    expect(workingDaysLate(calendar, endOfChinaDay('2026-03-16'), noon('2026-03-16'))).toBe(0);
    expect(workingDaysLate(calendar, noon('2026-03-16'), new Date(noon('2026-03-16').getTime() + 3_600_000))).toBe(0);
  });

  it('counts the working days after the due day, up to and including the end day', () => {
    // Monday 2026-03-16 due; Friday 03-20 is 4 working days late, the weekend adds nothing, Monday 03-23 is 5.
    expect(workingDaysLate(calendar, endOfChinaDay('2026-03-16'), noon('2026-03-20'))).toBe(4);
    expect(workingDaysLate(calendar, endOfChinaDay('2026-03-16'), noon('2026-03-22'))).toBe(4);
    expect(workingDaysLate(calendar, endOfChinaDay('2026-03-16'), noon('2026-03-23'))).toBe(5);
  });

  it('skips official holidays and counts 调休 make-up Saturdays', () => {
    // Due Friday 2026-02-13: Saturday 02-14 is a make-up working day, 春节 02-15..02-23 is off, 02-24 works.
    expect(workingDaysLate(calendar, endOfChinaDay('2026-02-13'), noon('2026-02-14'))).toBe(1);
    expect(workingDaysLate(calendar, endOfChinaDay('2026-02-13'), noon('2026-02-23'))).toBe(1);
    expect(workingDaysLate(calendar, endOfChinaDay('2026-02-13'), noon('2026-02-24'))).toBe(2);
    // 国庆 10-01..10-07 off; 09-30 due, 10-08 is the first late working day.
    expect(workingDaysLate(calendar, endOfChinaDay('2026-09-30'), noon('2026-10-08'))).toBe(1);
  });

  it('uses China dates, not UTC dates', () => {
    // 2026-03-17 01:00 in China is still 03-16 in UTC: one working day late all the same.
    expect(workingDaysLate(calendar, endOfChinaDay('2026-03-16'), new Date('2026-03-16T17:00:00Z'))).toBe(1);
  });
});

describe('statutory and SLA lateness', () => {
  const now = noon('2026-06-01');

  it('marks an unreleased item past its release deadline, and one released after it', () => {
    expect(statutoryLateness({ releaseDueAt: noon('2026-05-01'), releasedAt: null }, now)).toEqual({ until: now, open: true });
    expect(statutoryLateness({ releaseDueAt: noon('2026-05-01'), releasedAt: noon('2026-05-06') }, now)).toEqual({ until: noon('2026-05-06'), open: false });
    expect(statutoryLateness({ releaseDueAt: noon('2026-05-01'), releasedAt: noon('2026-04-30') }, now)).toBeUndefined();
    expect(statutoryLateness({ releaseDueAt: noon('2026-07-01'), releasedAt: null }, now)).toBeUndefined();
    expect(statutoryLateness({ releaseDueAt: null, releasedAt: null }, now)).toBeUndefined();
  });

  it('marks an open task past due and a task decided late, never a cancelled one', () => {
    expect(slaLateness({ state: 'open', dueAt: noon('2026-05-01'), completedAt: null }, now)).toEqual({ until: now, open: true });
    expect(slaLateness({ state: 'open', dueAt: noon('2026-07-01'), completedAt: null }, now)).toBeUndefined();
    expect(slaLateness({ state: 'completed', dueAt: noon('2026-05-01'), completedAt: noon('2026-05-02') }, now)).toEqual({ until: noon('2026-05-02'), open: false });
    expect(slaLateness({ state: 'completed', dueAt: noon('2026-05-01'), completedAt: noon('2026-04-30') }, now)).toBeUndefined();
    expect(slaLateness({ state: 'cancelled', dueAt: noon('2026-05-01'), completedAt: noon('2026-05-02') }, now)).toBeUndefined();
  });
});
