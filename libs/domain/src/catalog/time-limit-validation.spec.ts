import { timeLimitRuleProblems } from './time-limit-validation';

describe('timeLimitRuleProblems (a hand-set rule)', () => {
  it.each([
    [{ kind: 'working-days', count: 20, anchor: 'formed-or-changed' }],
    [{ kind: 'working-days', count: 2, anchor: 'named-event', event: '采购合同签订' }],
    [{ kind: 'working-days', count: 20, anchor: 'application-received' }],
    [{ kind: 'months', count: 3, anchor: 'approved' }],
    [{ kind: 'weeks', count: 1, anchor: 'formed-or-changed' }],
    [{ kind: 'monthly-date', day: 10 }],
    [{ kind: 'monthly-date', day: 'end' }],
    [{ kind: 'after-period', everyMonths: 3, days: 15 }],
    [{ kind: 'after-period', everyMonths: 6, days: 20, periodIndex: 1 }],
    [{ kind: 'two-limits', binding: { kind: 'working-days', count: 1, anchor: 'formed-or-changed' }, other: { kind: 'immediate' } }],
  ])('accepts %j', (rule) => {
    expect(timeLimitRuleProblems(rule)).toEqual([]);
  });

  it.each<[unknown, RegExp]>([
    [{ kind: 'working-days', count: 2, anchor: 'named-event' }, /timeLimitRule\.event must name the event/],
    [{ kind: 'working-days', count: 2, anchor: 'named-event', event: '2026年会议召开' }, /timeLimitRule\.event must name the event/],
    [{ kind: 'working-days', count: 2, anchor: 'named-event', event: '项目批复' }, /timeLimitRule\.event must name the event/],
    [{ kind: 'working-days', count: 2, anchor: 'approved', event: '会议召开' }, /timeLimitRule\.event is only for anchor named-event/],
    [{ kind: 'months', count: 0, anchor: 'approved' }, /timeLimitRule\.count/],
    [{ kind: 'monthly-date', day: 32 }, /timeLimitRule\.day/],
    [{ kind: 'after-period', everyMonths: 2, days: 15 }, /timeLimitRule\.everyMonths must be 1, 3, 6 or 12/],
    [{ kind: 'after-period', everyMonths: 1, days: 29 }, /timeLimitRule\.days must be a whole number from 1 to 28/],
    [{ kind: 'after-period', everyMonths: 3, days: 15, periodIndex: 1 }, /timeLimitRule\.periodIndex/],
    [{ kind: 'two-limits', binding: { kind: 'periodic', everyMonths: 1 }, other: { kind: 'immediate' } }, /timeLimitRule\.binding must be one of/],
    [{ kind: 'two-limits', binding: { kind: 'immediate' }, other: { kind: 'immediate' } }, /at least one of binding and other must be a count/],
    [{ kind: 'two-limits', binding: { kind: 'hours', count: 5, anchor: 'formed-or-changed' }, other: { kind: 'immediate' }, otherStep: '12' }, /timeLimitRule\.otherStep/],
    [{ kind: 'weekly' }, /timeLimitRule\.kind must be one of .*two-limits/],
  ])('refuses %j, naming the field', (rule, problem) => {
    expect(timeLimitRuleProblems(rule).join('; ')).toMatch(problem);
  });
});
