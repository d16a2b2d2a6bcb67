import { PUBLISHED_HOLIDAY_TABLES } from '../calendar/holiday-table';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import {
  computeConcernDeadlines,
  concernDeadlinePolicyFromEnv,
  DEFAULT_CONCERN_DEADLINE_POLICY,
  InvalidConcernDeadlinePolicyError,
} from './concern-deadline';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
const policy = DEFAULT_CONCERN_DEADLINE_POLICY;

describe('computeConcernDeadlines', () => {
  it('gives a major emergency 5 hours for authoritative information and 24 for a press conference, to the millisecond', () => {
    const deadlines = computeConcernDeadlines(calendar, policy, 'major-emergency', '2026-10-02T03:17:42.123Z');
    expect(deadlines).toEqual([
      {
        milestone: 'authoritative-information',
        dueAt: '2026-10-02T08:17:42.123Z',
        explanation: '发布权威信息：自收到时（2026-10-02 11:17）起5小时内，截止2026-10-02 16:17（北京时间）',
        provisional: false,
      },
      expect.objectContaining({ milestone: 'press-conference', dueAt: '2026-10-03T03:17:42.123Z' }),
    ]);
  });

  it('gives other public-opinion issues 48 hours, holidays or not', () => {
    const [deadline] = computeConcernDeadlines(calendar, policy, 'public-opinion', '2026-09-30T23:00:00.000Z');
    expect(deadline).toMatchObject({ milestone: 'response', dueAt: '2026-10-02T23:00:00.000Z', provisional: false });
  });

  it('counts 7 working days for a message from the day after receipt (China time), across 国庆 and its make-up Saturday', () => {
    // Received 2026-09-29 09:00 China time: 9/30, (国庆 10/1–10/7), 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13, 10/14.
    const [deadline] = computeConcernDeadlines(calendar, policy, 'message', '2026-09-29T01:00:00.000Z');
    expect(deadline).toEqual({
      milestone: 'response',
      dueAt: '2026-10-14T15:59:59.999Z',
      explanation: '答复：自2026-09-29次日起算7个工作日（跳过周末1天、国庆节7天），截止2026-10-14',
      provisional: false,
    });
  });

  it('takes the China date of the receipt instant: 23:30 UTC is already the next day in Beijing', () => {
    const [deadline] = computeConcernDeadlines(calendar, policy, 'message', '2026-03-01T23:30:00.000Z');
    // Received Monday 2026-03-02 in China: 7 working days end on Wednesday 2026-03-11.
    expect(deadline.dueAt).toBe('2026-03-11T15:59:59.999Z');
  });

  it('extends a message to 15 working days from the same receipt day', () => {
    const [deadline] = computeConcernDeadlines(calendar, policy, 'message', '2026-09-29T01:00:00.000Z', { extended: true });
    // Eight more working days after 10/14: 10/15, 10/16, 10/19–10/23, 10/26.
    expect(deadline).toMatchObject({ milestone: 'response', dueAt: '2026-10-26T15:59:59.999Z', explanation: expect.stringContaining('15个工作日') });
  });

  it('marks a count into a year without a published arrangement as provisional', () => {
    const [deadline] = computeConcernDeadlines(calendar, policy, 'message', '2026-12-28T02:00:00.000Z');
    expect(deadline.provisional).toBe(true);
  });

  it('rejects a receipt that is not an instant', () => {
    expect(() => computeConcernDeadlines(calendar, policy, 'message', 'yesterday')).toThrow(RangeError);
  });
});

describe('concernDeadlinePolicyFromEnv', () => {
  it('uses the national defaults when nothing is set', () => {
    expect(concernDeadlinePolicyFromEnv({})).toEqual({
      majorEmergencyInformationHours: 5,
      majorEmergencyPressConferenceHours: 24,
      publicOpinionResponseHours: 48,
      messageResponseWorkingDays: 7,
      messageExtendedWorkingDays: 15,
    });
  });

  it('takes a locality’s own limits', () => {
    const local = concernDeadlinePolicyFromEnv({ CONCERN_MESSAGE_WORKING_DAYS: '5', CONCERN_MESSAGE_EXTENDED_WORKING_DAYS: '10', CONCERN_PUBLIC_OPINION_HOURS: '24' });
    expect(local).toMatchObject({ messageResponseWorkingDays: 5, messageExtendedWorkingDays: 10, publicOpinionResponseHours: 24 });
    const [deadline] = computeConcernDeadlines(calendar, local, 'public-opinion', '2026-03-02T00:00:00.000Z');
    expect(deadline.dueAt).toBe('2026-03-03T00:00:00.000Z');
  });

  it.each([
    [{ CONCERN_EMERGENCY_INFORMATION_HOURS: '0' }, 'CONCERN_EMERGENCY_INFORMATION_HOURS'],
    [{ CONCERN_PUBLIC_OPINION_HOURS: '4.5' }, 'CONCERN_PUBLIC_OPINION_HOURS'],
    [{ CONCERN_MESSAGE_WORKING_DAYS: 'seven' }, 'CONCERN_MESSAGE_WORKING_DAYS'],
    [{ CONCERN_MESSAGE_EXTENDED_WORKING_DAYS: '7' }, 'CONCERN_MESSAGE_EXTENDED_WORKING_DAYS'],
  ])('names the variable of an unusable setting %j', (env, variable) => {
    expect(() => concernDeadlinePolicyFromEnv(env)).toThrow(InvalidConcernDeadlinePolicyError);
    expect(() => concernDeadlinePolicyFromEnv(env)).toThrow(new RegExp(`^${variable}:`));
  });
});
