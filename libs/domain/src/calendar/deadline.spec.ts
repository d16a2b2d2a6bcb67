import { PUBLISHED_HOLIDAY_TABLES } from './holiday-table';
import fc from 'fast-check';
import { parseTimeLimit } from '../catalog/time-limit-rule';
import { addDays } from './local-date';
import { addCalendarMonths, computeReleaseDeadline, PROVISIONAL_DEADLINE_NOTE } from './deadline';

/** PROJECT-001 of the sample catalogs (重大建设项目): a main limit and one exception clause. */
const PROJECT_RULE = '信息形成20个工作日内公开；其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示';
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

  it('uses the main limit of a composite without exceptions, and says so when an older item chose no case', () => {
    const composite = computeReleaseDeadline(
      calendar,
      { kind: 'composite', main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, exceptions: [] },
      '2026-02-10',
    );
    expect(composite.dueDate).toBe('2026-03-16');
    expect(composite.explanation).toBe('自2026-02-10次日起算20个工作日（跳过周末5天、春节9天），截止2026-03-16');
    const unchosen = computeReleaseDeadline(calendar, parseTimeLimit(PROJECT_RULE).rule, '2026-02-10');
    expect(unchosen.explanation).toBe('未选择适用情形，按一般情形计算：自2026-02-10次日起算20个工作日（跳过周末5天、春节9天），截止2026-03-16');
  });

  it('keeps hours and immediate limits on the trigger day', () => {
    expect(computeReleaseDeadline(calendar, { kind: 'hours', count: 24, anchor: 'decision-made' }, '2026-02-10')).toMatchObject({
      dueAt: '2026-02-11T16:00:00.000Z',
      calendarVersion: calendar.version,
    });
    expect(computeReleaseDeadline(calendar, { kind: 'immediate' }, '2026-02-10').dueAt).toBe('2026-02-10T15:59:59.999Z');
  });

  it('counts from a named event and says so: 采购合同签订之日起2个工作日内', () => {
    const deadline = computeReleaseDeadline(calendar, parseTimeLimit('采购合同签订之日起2个工作日内').rule, '2026-12-01');
    expect(deadline).toMatchObject({ dueDate: '2026-12-03', provisional: false, explanation: '自采购合同签订（2026-12-01）次日起算2个工作日，截止2026-12-03' });
    // Across a weekend: 2026-12-04 is a Friday.
    expect(computeReleaseDeadline(calendar, parseTimeLimit('会议召开后5个工作日内').rule, '2026-12-04').explanation).toBe(
      '自会议召开（2026-12-04）次日起算5个工作日（跳过周末2天），截止2026-12-11',
    );
    expect(computeReleaseDeadline(calendar, parseTimeLimit('自收到申请之日起20个工作日内').rule, '2026-03-02').explanation).toMatch(/^自收到申请（2026-03-02）次日起算20个工作日/);
  });

  it('binds the later of two limits and shows the other', () => {
    const immediate = computeReleaseDeadline(calendar, parseTimeLimit('实时公开，最迟不超过1个工作日').rule, '2026-12-04');
    expect(immediate).toMatchObject({ dueDate: '2026-12-07', explanation: '自2026-12-04次日起算1个工作日（跳过周末2天），截止2026-12-07；目录另定：实时公开' });
    const accepted = computeReleaseDeadline(calendar, parseTimeLimit('3个工作日内受理，20个工作日内公开').rule, '2026-02-10');
    expect(accepted).toMatchObject({ dueDate: '2026-03-16', explanation: expect.stringMatching(/截止2026-03-16；目录另定：信息形成或者变更之日起3个工作日内受理$/) });
  });

  it('counts months to the same day of the month, or the month end, and weeks as 7 days', () => {
    expect(computeReleaseDeadline(calendar, parseTimeLimit('3个月内').rule, '2026-12-01')).toMatchObject({
      dueDate: '2027-03-01',
      explanation: '自2026-12-01次日起算3个月，截止2027-03-01（到期月的对应日，无对应日的为月末）',
    });
    expect(computeReleaseDeadline(calendar, parseTimeLimit('1个月内').rule, '2027-01-31').dueDate).toBe('2027-02-28');
    expect(computeReleaseDeadline(calendar, parseTimeLimit('1个月内').rule, '2028-01-31').dueDate).toBe('2028-02-29');
    expect(computeReleaseDeadline(calendar, parseTimeLimit('1周内').rule, '2026-12-01')).toMatchObject({ dueDate: '2026-12-08', explanation: '自2026-12-01次日起算1周（7日），截止2026-12-08' });
  });

  it('adds months without ever passing the month they land in', () => {
    const days = fc.integer({ min: 0, max: 3000 }).map((offset) => addDays('2024-01-01', offset));
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 120 }), (day, months) => {
        const due = addCalendarMonths(day, months);
        const [y, m, d] = day.split('-').map(Number);
        const [dy, dm, dd] = due.split('-').map(Number);
        expect(dy * 12 + dm - (y * 12 + m)).toBe(months);
        expect(dd <= d).toBe(true);
        if (dd < d) expect(addDays(due, 1).slice(8)).toBe('01'); // cut short only at a month's end
      }),
    );
  });

  it('takes a day of each month and days after a period from the period containing the trigger day', () => {
    expect(computeReleaseDeadline(calendar, parseTimeLimit('每月10日前').rule, '2026-02-10')).toMatchObject({
      dueDate: '2026-02-10',
      explanation: '定期公开（每月10日前）：按2026-02-10所在期次2026年2月（2026-01-11至2026-02-10），截止2026-02-10当日（北京时间）',
    });
    expect(computeReleaseDeadline(calendar, parseTimeLimit('每季度结束后15日内').rule, '2026-02-10').dueDate).toBe('2026-04-15');
  });
});
