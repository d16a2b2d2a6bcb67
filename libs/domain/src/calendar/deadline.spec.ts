import { PUBLISHED_HOLIDAY_TABLES } from './holiday-table';
import { computeReleaseDeadline, PROVISIONAL_DEADLINE_NOTE } from './deadline';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);

describe('computeReleaseDeadline', () => {
  it('explains a working-day limit with the weekends and holidays it skipped', () => {
    const deadline = computeReleaseDeadline(calendar, { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, '2026-02-10');
    expect(deadline).toEqual({
      dueAt: '2026-03-16T15:59:59.999Z',
      dueDate: '2026-03-16',
      provisional: false,
      explanation: '自2026-02-10次日起算20个工作日（跳过周末5天、春节9天），截止2026-03-16',
      calendarVersion: calendar.version,
    });
  });

  it('says a deadline resting on computed holidays is provisional', () => {
    const deadline = computeReleaseDeadline(calendar, { kind: 'working-days', count: 10, anchor: 'formed-or-changed' }, '2027-02-01');
    expect(deadline.provisional).toBe(true);
    expect(deadline.explanation).toBe(`自2027-02-01次日起算10个工作日（跳过周末2天、春节4天），截止2027-02-17${PROVISIONAL_DEADLINE_NOTE}`);
    expect(PROVISIONAL_DEADLINE_NOTE).toBe('（暂按法定节假日推算，官方安排公布后重新计算）');
  });

  it('leaves out the parenthesis when nothing was skipped', () => {
    const deadline = computeReleaseDeadline(calendar, { kind: 'working-days', count: 2, anchor: 'decision-made' }, '2026-03-02');
    expect(deadline.explanation).toBe('自2026-03-02次日起算2个工作日，截止2026-03-04');
  });

  it('counts calendar days without regard to holidays', () => {
    const deadline = computeReleaseDeadline(calendar, { kind: 'calendar-days', count: 20, anchor: 'approved' }, '2026-02-10');
    expect(deadline).toMatchObject({ dueDate: '2026-03-02', provisional: false, explanation: '自2026-02-10次日起算20日，截止2026-03-02' });
  });

  it('uses the main limit of a composite and falls back to 20 working days for manual rules', () => {
    const composite = computeReleaseDeadline(
      calendar,
      { kind: 'composite', main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, exceptions: [] },
      '2026-02-10',
    );
    expect(composite.dueDate).toBe('2026-03-16');
    const manual = computeReleaseDeadline(calendar, { kind: 'manual' }, '2026-02-10');
    expect(manual.dueDate).toBe('2026-03-16');
    expect(manual.explanation).toBe('目录时限无法按条目起算，适用《政府信息公开条例》第二十六条：自2026-02-10次日起20个工作日（跳过周末5天、春节9天），截止2026-03-16');
    expect(manual.calendarVersion).toBe(calendar.version);
  });

  it('keeps hours and immediate limits on the trigger day', () => {
    expect(computeReleaseDeadline(calendar, { kind: 'hours', count: 24, anchor: 'decision-made' }, '2026-02-10')).toMatchObject({
      dueAt: '2026-02-11T16:00:00.000Z',
      calendarVersion: calendar.version,
    });
    expect(computeReleaseDeadline(calendar, { kind: 'immediate' }, '2026-02-10').dueAt).toBe('2026-02-10T15:59:59.999Z');
  });
});
