import fc from 'fast-check';
import { addDays, chinaDateOf, endOfChinaDay } from '../calendar/local-date';
import { parseTimeLimit } from '../catalog/time-limit-rule';
import {
  nextObligationOpening,
  obligationCalendarSpec,
  obligationDeadline,
  obligationPeriodAt,
  obligationRuleOf,
  obligationRuleProblem,
  SUPPORTED_PERIOD_MONTHS,
  type ObligationRule,
} from './periodic-obligation';

const halfYearly: ObligationRule = { kind: 'periodic', everyMonths: 6 };
const quarterly: ObligationRule = { kind: 'periodic', everyMonths: 3 };
const annualReport: ObligationRule = { kind: 'yearly-date', month: 1, day: 31 };

/** Days from 2024 (a leap year) to 2031. */
const days = fc.integer({ min: 0, max: 8 * 365 }).map((offset) => addDays('2024-01-01', offset));
const periodicRules = fc.constantFrom(...SUPPORTED_PERIOD_MONTHS).map((everyMonths): ObligationRule => ({ kind: 'periodic', everyMonths }));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const yearlyRules = fc
  .integer({ min: 1, max: 12 })
  .chain((month) => fc.integer({ min: 1, max: DAYS_IN_MONTH[month - 1] }).map((day): ObligationRule => ({ kind: 'yearly-date', month, day })));
const monthlyDateRules = fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('end' as const)).map((day): ObligationRule => ({ kind: 'monthly-date', day }));
const afterPeriodRules = fc.oneof(
  fc.constantFrom(1, 3, 6, 12).chain((everyMonths) => fc.integer({ min: 1, max: 28 * everyMonths }).map((days): ObligationRule => ({ kind: 'after-period', everyMonths, days }))),
  fc.tuple(fc.constantFrom(1, 2), fc.integer({ min: 1, max: 168 })).map(([periodIndex, days]): ObligationRule => ({ kind: 'after-period', everyMonths: 6, days, periodIndex })),
);
const rules = fc.oneof(periodicRules, yearlyRules, monthlyDateRules, afterPeriodRules);
const monthlyOrAfterPeriod = fc.oneof(monthlyDateRules, afterPeriodRules);

describe('obligationRuleOf', () => {
  it('reads the catalog wording of standing obligations', () => {
    expect(obligationRuleOf(parseTimeLimit('半年至少更新1次').rule)).toEqual(halfYearly);
    expect(obligationRuleOf(parseTimeLimit('每季度').rule)).toEqual(quarterly);
    expect(obligationRuleOf(parseTimeLimit('每年1月31日前').rule)).toEqual(annualReport);
    expect(obligationRuleOf(parseTimeLimit('每月10日前').rule)).toEqual({ kind: 'monthly-date', day: 10 });
    expect(obligationRuleOf(parseTimeLimit('每月底前').rule)).toEqual({ kind: 'monthly-date', day: 'end' });
    expect(obligationRuleOf(parseTimeLimit('每季度结束后15日内').rule)).toEqual({ kind: 'after-period', everyMonths: 3, days: 15 });
    expect(obligationRuleOf(parseTimeLimit('上半年结束后20日内').rule)).toEqual({ kind: 'after-period', everyMonths: 6, days: 20, periodIndex: 1 });
  });

  it('refuses days after a period that would reach past the next period', () => {
    expect(obligationRuleProblem({ kind: 'after-period', everyMonths: 1, days: 29 })).toMatch(/past the next period/);
    expect(obligationRuleProblem({ kind: 'after-period', everyMonths: 3, days: 15, periodIndex: 1 })).toMatch(/only for half-years/);
    expect(obligationRuleProblem({ kind: 'monthly-date', day: 0 })).toMatch(/not a day of the month/);
  });

  it('takes the main limit of a composite rule and refuses one-off limits', () => {
    expect(obligationRuleOf({ kind: 'composite', main: quarterly, exceptions: [{ scope: '重大事项', rule: { kind: 'immediate' } }] })).toEqual(quarterly);
    expect(obligationRuleOf(parseTimeLimit('信息形成或者变更之日起20个工作日内').rule)).toBeUndefined();
    expect(obligationRuleOf(parseTimeLimit('本级人民代表大会或其常务委员会批准后20日内').rule)).toBeUndefined();
    expect(obligationRuleOf({ kind: 'manual' })).toBeUndefined();
  });

  it('accepts only period lengths that divide the year', () => {
    expect(SUPPORTED_PERIOD_MONTHS.map((everyMonths) => obligationRuleProblem({ kind: 'periodic', everyMonths }))).toEqual(SUPPORTED_PERIOD_MONTHS.map(() => undefined));
    expect(obligationRuleProblem({ kind: 'periodic', everyMonths: 5 })).toMatch(/does not divide the year/);
    expect(obligationRuleProblem({ kind: 'yearly-date', month: 2, day: 29 })).toMatch(/not a date every year has/);
    expect(() => obligationPeriodAt({ kind: 'periodic', everyMonths: 5 }, '2027-03-01')).toThrow(RangeError);
  });
});

describe('obligationPeriodAt', () => {
  it('names half-years, quarters, months and years the way people say them', () => {
    expect(obligationPeriodAt(halfYearly, '2027-03-15')).toEqual({ key: '2027-H1', label: '2027年上半年', startDate: '2027-01-01', dueDate: '2027-06-30' });
    expect(obligationPeriodAt(halfYearly, '2027-07-01')).toEqual({ key: '2027-H2', label: '2027年下半年', startDate: '2027-07-01', dueDate: '2027-12-31' });
    expect(obligationPeriodAt(quarterly, '2028-02-29')).toEqual({ key: '2028-Q1', label: '2028年第一季度', startDate: '2028-01-01', dueDate: '2028-03-31' });
    expect(obligationPeriodAt(quarterly, '2027-11-30')).toMatchObject({ key: '2027-Q4', label: '2027年第四季度', dueDate: '2027-12-31' });
    expect(obligationPeriodAt({ kind: 'periodic', everyMonths: 1 }, '2027-02-03')).toEqual({ key: '2027-M02', label: '2027年2月', startDate: '2027-02-01', dueDate: '2027-02-28' });
    expect(obligationPeriodAt({ kind: 'periodic', everyMonths: 4 }, '2027-06-30')).toEqual({ key: '2027-P2of3', label: '2027年5—8月', startDate: '2027-05-01', dueDate: '2027-08-31' });
    expect(obligationPeriodAt({ kind: 'periodic', everyMonths: 12 }, '2027-06-30')).toEqual({ key: '2027', label: '2027年度', startDate: '2027-01-01', dueDate: '2027-12-31' });
  });

  it('gives a yearly date the year that ends on its next occurrence', () => {
    expect(obligationPeriodAt(annualReport, '2027-01-01')).toEqual({ key: '2027', label: '2027年度', startDate: '2026-02-01', dueDate: '2027-01-31' });
    expect(obligationPeriodAt(annualReport, '2027-01-31')).toMatchObject({ key: '2027', dueDate: '2027-01-31' });
    expect(obligationPeriodAt(annualReport, '2027-02-01')).toMatchObject({ key: '2028', startDate: '2027-02-01', dueDate: '2028-01-31' });
    expect(obligationPeriodAt(annualReport, '2026-11-26')).toMatchObject({ key: '2027', label: '2027年度', dueDate: '2027-01-31' });
  });

  it('gives a day of each month the month it is due in, short months ending early', () => {
    const tenth: ObligationRule = { kind: 'monthly-date', day: 10 };
    expect(obligationPeriodAt(tenth, '2027-03-10')).toEqual({ key: '2027-M03', label: '2027年3月', startDate: '2027-02-11', dueDate: '2027-03-10' });
    expect(obligationPeriodAt(tenth, '2027-03-11')).toMatchObject({ key: '2027-M04', startDate: '2027-03-11', dueDate: '2027-04-10' });
    expect(obligationPeriodAt(tenth, '2027-12-20')).toMatchObject({ key: '2028-M01', dueDate: '2028-01-10' });
    expect(obligationPeriodAt({ kind: 'monthly-date', day: 'end' }, '2028-02-03')).toMatchObject({ key: '2028-M02', startDate: '2028-02-01', dueDate: '2028-02-29' });
    expect(obligationPeriodAt({ kind: 'monthly-date', day: 30 }, '2027-02-15')).toMatchObject({ startDate: '2027-01-31', dueDate: '2027-02-28' });
    expect(obligationPeriodAt({ kind: 'monthly-date', day: 30 }, '2027-03-01')).toMatchObject({ startDate: '2027-03-01', dueDate: '2027-03-30' });
  });

  it('gives days after a period the period just ended until it is due', () => {
    const quarterPlus15: ObligationRule = { kind: 'after-period', everyMonths: 3, days: 15 };
    expect(obligationPeriodAt(quarterPlus15, '2027-04-01')).toEqual({ key: '2027-Q1', label: '2027年第一季度', startDate: '2027-01-16', dueDate: '2027-04-15' });
    expect(obligationPeriodAt(quarterPlus15, '2027-04-16')).toMatchObject({ key: '2027-Q2', startDate: '2027-04-16', dueDate: '2027-07-15' });
    expect(obligationPeriodAt(quarterPlus15, '2027-01-10')).toMatchObject({ key: '2026-Q4', label: '2026年第四季度', dueDate: '2027-01-15' });
    const firstHalfPlus20: ObligationRule = { kind: 'after-period', everyMonths: 6, days: 20, periodIndex: 1 };
    expect(obligationPeriodAt(firstHalfPlus20, '2027-07-01')).toEqual({ key: '2027-H1', label: '2027年上半年', startDate: '2026-07-21', dueDate: '2027-07-20' });
    expect(obligationPeriodAt(firstHalfPlus20, '2027-08-01')).toMatchObject({ key: '2028-H1', dueDate: '2028-07-20' });
  });

  it('always returns the period that contains the day, and periods follow each other without gaps', () => {
    fc.assert(
      fc.property(rules, days, (rule, day) => {
        const period = obligationPeriodAt(rule, day);
        expect(period.startDate <= day && day <= period.dueDate).toBe(true);
        // Every day of a period finds that same period; the day after it begins the next one.
        expect(obligationPeriodAt(rule, period.startDate)).toEqual(period);
        expect(obligationPeriodAt(rule, period.dueDate)).toEqual(period);
        expect(obligationPeriodAt(rule, addDays(period.dueDate, 1)).startDate).toBe(addDays(period.dueDate, 1));
        expect(obligationPeriodAt(rule, addDays(period.dueDate, 1)).key).not.toBe(period.key);
      }),
    );
  });
});

describe('obligationCalendarSpec', () => {
  it('opens a periodic obligation at the start of each period, China time', () => {
    expect(obligationCalendarSpec(halfYearly)).toMatchObject({ months: [1, 7], dayOfMonth: 1, hour: 0, minute: 0, second: 0, timeZone: 'Asia/Shanghai' });
    expect(obligationCalendarSpec(quarterly).months).toEqual([1, 4, 7, 10]);
    expect(obligationCalendarSpec({ kind: 'periodic', everyMonths: 1 }).months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('opens a yearly date 30 days ahead', () => {
    expect(obligationCalendarSpec(annualReport)).toMatchObject({ months: [1], dayOfMonth: 1, comment: expect.stringContaining('提前30天') });
    expect(obligationCalendarSpec({ kind: 'yearly-date', month: 3, day: 31 })).toMatchObject({ months: [3], dayOfMonth: 1 });
    // Across the new year: a date in mid-January opens in December of the year before.
    expect(obligationCalendarSpec({ kind: 'yearly-date', month: 1, day: 15 })).toMatchObject({ months: [12], dayOfMonth: 16 });
  });

  it('fires once per period: each opening is the first day of the period it opens', () => {
    fc.assert(
      fc.property(periodicRules, days, (rule, day) => {
        const spec = obligationCalendarSpec(rule);
        const opening = nextObligationOpening(spec, endOfChinaDay(day));
        const openedDay = chinaDateOf(opening);
        expect(opening.toISOString()).toBe(new Date(endOfChinaDay(addDays(openedDay, -1)).getTime() + 1).toISOString());
        expect(obligationPeriodAt(rule, openedDay).startDate).toBe(openedDay);
        // The next opening after it is the day after this period's due day.
        expect(chinaDateOf(nextObligationOpening(spec, opening))).toBe(addDays(obligationPeriodAt(rule, openedDay).dueDate, 1));
      }),
    );
  });

  it('gives the department of a yearly date 30 days (31 across a leap day) before it is due', () => {
    fc.assert(
      fc.property(yearlyRules, days, (rule, day) => {
        const opening = nextObligationOpening(obligationCalendarSpec(rule), endOfChinaDay(day));
        const openedDay = chinaDateOf(opening);
        const period = obligationPeriodAt(rule, openedDay);
        const lead = (Date.parse(period.dueDate) - Date.parse(openedDay)) / 86_400_000;
        expect([30, 31]).toContain(lead);
        // One opening a year, a year apart.
        const following = chinaDateOf(nextObligationOpening(obligationCalendarSpec(rule), opening));
        expect(obligationPeriodAt(rule, following).key).toBe(String(Number(period.key) + 1));
      }),
    );
  });

  it('opens a day of each month the day after the last due day, and days after a period the day after it ends', () => {
    expect(obligationCalendarSpec({ kind: 'monthly-date', day: 10 })).toMatchObject({ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], dayOfMonth: 11 });
    expect(obligationCalendarSpec({ kind: 'monthly-date', day: 'end' })).toMatchObject({ dayOfMonth: 1 });
    expect(obligationCalendarSpec({ kind: 'monthly-date', day: 29 })).toMatchObject({ dayOfMonth: 1 });
    expect(obligationCalendarSpec({ kind: 'after-period', everyMonths: 3, days: 15 })).toMatchObject({ months: [1, 4, 7, 10], dayOfMonth: 1 });
    expect(obligationCalendarSpec({ kind: 'after-period', everyMonths: 6, days: 20, periodIndex: 1 })).toMatchObject({ months: [7], dayOfMonth: 1 });
    expect(obligationCalendarSpec({ kind: 'after-period', everyMonths: 12, days: 60 })).toMatchObject({ months: [1], dayOfMonth: 1 });
  });

  it('never skips a period of a monthly date or of days after a period: each opening opens the next one, before it is due', () => {
    fc.assert(
      fc.property(monthlyOrAfterPeriod, days, (rule, day) => {
        const spec = obligationCalendarSpec(rule);
        const first = nextObligationOpening(spec, endOfChinaDay(day));
        const second = nextObligationOpening(spec, first);
        const firstPeriod = obligationPeriodAt(rule, chinaDateOf(first));
        const secondPeriod = obligationPeriodAt(rule, chinaDateOf(second));
        expect(secondPeriod.startDate).toBe(addDays(firstPeriod.dueDate, 1));
        expect(chinaDateOf(first) <= firstPeriod.dueDate).toBe(true);
      }),
    );
  });

  it('finds the next opening after an instant', () => {
    // 2026-12-31 16:00 UTC is 2027-01-01 00:00 in China: the first half of 2027 opens then.
    expect(nextObligationOpening(obligationCalendarSpec(halfYearly), new Date('2026-11-26T12:00:00Z')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(nextObligationOpening(obligationCalendarSpec(halfYearly), new Date('2026-12-31T16:00:00Z')).toISOString()).toBe('2027-06-30T16:00:00.000Z');
    expect(nextObligationOpening(obligationCalendarSpec(annualReport), new Date('2027-01-05T00:00:00Z')).toISOString()).toBe('2027-12-31T16:00:00.000Z');
  });
});

describe('obligationDeadline', () => {
  it('is due at the end of the due day, China time', () => {
    expect(obligationDeadline(obligationPeriodAt(halfYearly, '2027-03-15'))).toEqual({
      dueAt: '2027-06-30T15:59:59.999Z',
      dueDate: '2027-06-30',
      explanation: '定期公开（2027年上半年）：截止2027-06-30当日（北京时间）',
    });
  });
});
