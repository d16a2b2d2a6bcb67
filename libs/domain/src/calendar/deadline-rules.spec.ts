import fc from 'fast-check';
import { clockStartOf } from '../catalog/time-limit-description';
import { GENERAL_TIME_LIMIT_CASE, timeLimitCasesOf } from '../catalog/time-limit-cases';
import { parseTimeLimit, type SimpleTimeLimitRule, type TimeLimitRule } from '../catalog/time-limit-rule';
import { obligationPeriodAt } from '../obligation/periodic-obligation';
import { computePublicityPeriod, computeReleaseDeadline, releaseDeadlineChoiceProblems, ReleaseDeadlineChoiceError, requiresManualDue } from './deadline';
import { PUBLISHED_HOLIDAY_TABLES } from './holiday-table';
import { addDays } from './local-date';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);

/** PROJECT-001 of the sample catalogs (重大建设项目). */
const PROJECT = parseTimeLimit('信息形成20个工作日内公开；其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示').rule;
const EXCEPTION = '行政许可、行政处罚事项';

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseDeadlineChoiceError);
    expect(error).toBeInstanceOf(RangeError); // so an activity refuses it instead of retrying
    return (error as ReleaseDeadlineChoiceError).problems.map((p) => p.field);
  }
  throw new Error('expected the choice to be refused');
}

describe('the case of a composite rule', () => {
  it('lists the general case and each exception, and nothing for a rule with one case', () => {
    expect(timeLimitCasesOf(PROJECT).map((c) => c.name)).toEqual([GENERAL_TIME_LIMIT_CASE, EXCEPTION]);
    expect(timeLimitCasesOf(parseTimeLimit('信息形成或者变更之日起20个工作日内').rule)).toEqual([]);
    expect(timeLimitCasesOf(parseTimeLimit('信息形成之日起20个工作日内，公示7个工作日').rule)).toEqual([]);
  });

  it('times the item by the chosen exception, counting from its own event, and names the case', () => {
    const deadline = computeReleaseDeadline(calendar, PROJECT, '2026-03-10', { timeLimitCase: EXCEPTION });
    expect(deadline).toMatchObject({
      dueDate: '2026-03-19',
      dueAt: '2026-03-19T15:59:59.999Z',
      explanation: '适用情形“行政许可、行政处罚事项”（作出决定之日起7个工作日内）：自2026-03-10次日起算7个工作日（跳过周末2天），截止2026-03-19',
    });
    expect(clockStartOf(PROJECT, EXCEPTION)).toEqual({ event: '作出决定', dateLabel: '作出决定日期' });
    expect(clockStartOf(PROJECT)).toEqual({ event: '信息形成（变更）', dateLabel: '信息形成（变更）日期' });
    const general = computeReleaseDeadline(calendar, PROJECT, '2026-03-10', { timeLimitCase: GENERAL_TIME_LIMIT_CASE });
    expect(general.dueDate).toBe('2026-04-08');
    expect(general.explanation).toMatch(/^适用情形“一般情形”（信息形成或者变更之日起20个工作日内）：自2026-03-10次日起算20个工作日/);
  });

  it('asks for a case, lists the cases for a wrong one, and refuses a case on a rule without cases', () => {
    expect(releaseDeadlineChoiceProblems(PROJECT, {}, '2026-03-10')).toEqual([
      { field: 'timeLimitCase', problem: '该目录事项的公开时限分情形规定，请选择适用情形：一般情形、行政许可、行政处罚事项' },
    ]);
    expect(releaseDeadlineChoiceProblems(PROJECT, { timeLimitCase: '行政许可事项' }, '2026-03-10')).toEqual([
      { field: 'timeLimitCase', problem: '“行政许可事项”不是该目录事项公开时限的情形，可选：一般情形、行政许可、行政处罚事项' },
    ]);
    expect(releaseDeadlineChoiceProblems(PROJECT, { timeLimitCase: EXCEPTION }, '2026-03-10')).toEqual([]);
    expect(releaseDeadlineChoiceProblems(parseTimeLimit('实时公开').rule, { timeLimitCase: EXCEPTION }, '2026-03-10').map((p) => p.field)).toEqual(['timeLimitCase']);
    expect(problemsOf(() => computeReleaseDeadline(calendar, PROJECT, '2026-03-10', { timeLimitCase: '行政许可事项' }))).toEqual(['timeLimitCase']);
  });
});

describe('a publicity period (公示N个工作日)', () => {
  const rule = parseTimeLimit('信息形成之日起20个工作日内，公示7个工作日').rule;

  it('comes with the release deadline and is named in its explanation', () => {
    const deadline = computeReleaseDeadline(calendar, rule, '2026-09-20');
    expect(deadline.publicityPeriod).toEqual({ count: 7, unit: 'working-days' });
    expect(deadline.explanation).toBe('自2026-09-20次日起算20个工作日（跳过周末3天、中秋节3天、国庆节7天），截止2026-10-23；发布后公示7个工作日');
    expect(computeReleaseDeadline(calendar, PROJECT, '2026-09-20', { timeLimitCase: EXCEPTION }).publicityPeriod).toBeUndefined();
  });

  it('runs from the release to the end of its Nth working day, across 国庆 2026', () => {
    // Released Tuesday 2026-09-29, 10:00 China time: 9-30, then 国庆 (10-01–10-07) is skipped.
    expect(computePublicityPeriod(calendar, rule, '2026-09-29T02:00:00Z')).toEqual({
      startsAt: '2026-09-29T02:00:00.000Z',
      endsAt: '2026-10-14T15:59:59.999Z',
      endDate: '2026-10-14',
      provisional: false,
      explanation: '公示7个工作日：自发布日（2026-09-29）次日起算（跳过周末1天、国庆节7天），至2026-10-14止',
      calendarVersion: calendar.version,
    });
    // The release day is China's: 2026-11-01T17:00Z is Monday 2026-11-02 01:00 in China.
    expect(computePublicityPeriod(calendar, parseTimeLimit('20个工作日内，公示10日').rule, '2026-11-01T17:00:00Z')?.endDate).toBe('2026-11-12');
  });

  it('is absent for a rule without one, and refuses an instant that is not one', () => {
    expect(computePublicityPeriod(calendar, PROJECT, '2026-09-29T02:00:00Z')).toBeUndefined();
    expect(() => computePublicityPeriod(calendar, rule, 'yesterday')).toThrow(RangeError);
  });
});

describe('a manual rule', () => {
  const manual: TimeLimitRule = { kind: 'manual' };

  it('needs a due date and its reason, and is refused without them', () => {
    expect(requiresManualDue(manual)).toBe(true);
    expect(problemsOf(() => computeReleaseDeadline(calendar, manual, '2026-03-10'))).toEqual(['manualDueDate', 'manualDueReason']);
    expect(problemsOf(() => computeReleaseDeadline(calendar, manual, '2026-03-10', { manualDueDate: '2026-04-30', manualDueReason: '  ' }))).toEqual(['manualDueReason']);
    expect(releaseDeadlineChoiceProblems(manual, { manualDueDate: '2026-03-09', manualDueReason: '通知' }, '2026-03-10')).toEqual([
      { field: 'manualDueDate', problem: '公开截止日期不能早于起算日期（2026-03-10）' },
    ]);
    expect(releaseDeadlineChoiceProblems(manual, { manualDueDate: '2026-02-30', manualDueReason: '通知' }, '2026-03-10').map((p) => p.field)).toEqual(['manualDueDate']);
  });

  it('is due at the end of the given day, China time, and quotes the reason', () => {
    expect(computeReleaseDeadline(calendar, manual, '2026-03-10', { manualDueDate: '2026-04-30', manualDueReason: '按市政府办公室通知' })).toEqual({
      dueAt: '2026-04-30T15:59:59.999Z',
      dueDate: '2026-04-30',
      provisional: false,
      explanation: '目录时限无法自动计算，由起草人指定截止2026-04-30，依据：“按市政府办公室通知”',
      calendarVersion: calendar.version,
    });
  });

  it('is refused beside a rule that computes its own deadline', () => {
    expect(releaseDeadlineChoiceProblems(parseTimeLimit('20个工作日内').rule, { manualDueDate: '2026-04-30', manualDueReason: '通知' }, '2026-03-10').map((p) => p.field)).toEqual([
      'manualDueDate',
      'manualDueReason',
    ]);
  });
});

describe('a periodic rule', () => {
  it('is due with the obligation period containing the trigger day', () => {
    expect(computeReleaseDeadline(calendar, parseTimeLimit('半年至少更新1次').rule, '2026-03-10')).toMatchObject({
      dueDate: '2026-06-30',
      dueAt: '2026-06-30T15:59:59.999Z',
      explanation: '定期公开（每半年至少更新1次）：按2026-03-10所在期次2026年上半年（2026-01-01至2026-06-30），截止2026-06-30当日（北京时间）',
    });
    expect(computeReleaseDeadline(calendar, parseTimeLimit('每季度更新').rule, '2026-10-01').dueDate).toBe('2026-12-31');
  });

  it('takes a yearly date on or after the trigger day', () => {
    const annual = parseTimeLimit('每年1月31日前').rule;
    expect(computeReleaseDeadline(calendar, annual, '2026-03-10')).toMatchObject({
      dueDate: '2027-01-31',
      explanation: '定期公开（每年1月31日前）：按2026-03-10当日或之后的首个1月31日（2027年度），截止2027-01-31当日（北京时间）',
    });
    expect(computeReleaseDeadline(calendar, annual, '2027-01-31').dueDate).toBe('2027-01-31');
    expect(computeReleaseDeadline(calendar, annual, '2027-02-01').dueDate).toBe('2028-01-31');
  });

  it('needs a manual date when its periods do not tile the year (every 5 months)', () => {
    const everyFive: TimeLimitRule = { kind: 'periodic', everyMonths: 5 };
    expect(requiresManualDue(everyFive)).toBe(true);
    expect(problemsOf(() => computeReleaseDeadline(calendar, everyFive, '2026-03-10'))).toEqual(['manualDueDate', 'manualDueReason']);
    expect(computeReleaseDeadline(calendar, everyFive, '2026-03-10', { manualDueDate: '2026-05-31', manualDueReason: '按年度计划' }).explanation).toBe(
      '目录时限（每5个月至少更新1次）无法划分期次，由起草人指定截止2026-05-31，依据：“按年度计划”',
    );
  });
});

describe('no rule falls back to a default limit', () => {
  const MANUAL_CHOICE = { manualDueDate: '2026-12-31', manualDueReason: '依上级通知' } as const;

  /**
   * One rule of every kind (the Record makes a new kind fail to compile here until it is listed), with what
   * its item must be due on when drafted on Tuesday 2026-03-10; 'manual' means the drafter's date.
   */
  const EVERY_KIND: Record<TimeLimitRule['kind'], { rule: TimeLimitRule; due: string | 'manual' }> = {
    'working-days': { rule: { kind: 'working-days', count: 5, anchor: 'formed-or-changed' }, due: '2026-03-17' },
    'calendar-days': { rule: { kind: 'calendar-days', count: 5, anchor: 'approved' }, due: '2026-03-15' },
    hours: { rule: { kind: 'hours', count: 24, anchor: 'decision-made' }, due: '2026-03-10' },
    months: { rule: { kind: 'months', count: 1, anchor: 'formed-or-changed' }, due: '2026-04-10' },
    weeks: { rule: { kind: 'weeks', count: 1, anchor: 'formed-or-changed' }, due: '2026-03-17' },
    immediate: { rule: { kind: 'immediate' }, due: '2026-03-10' },
    periodic: { rule: { kind: 'periodic', everyMonths: 3 }, due: '2026-03-31' },
    'yearly-date': { rule: { kind: 'yearly-date', month: 1, day: 31 }, due: '2027-01-31' },
    'monthly-date': { rule: { kind: 'monthly-date', day: 'end' }, due: '2026-03-31' },
    'after-period': { rule: { kind: 'after-period', everyMonths: 3, days: 15 }, due: '2026-04-15' },
    composite: { rule: PROJECT, due: '2026-03-19' },
    'two-limits': { rule: parseTimeLimit('实时公开，最迟不超过1个工作日').rule, due: '2026-03-11' },
    manual: { rule: { kind: 'manual' }, due: 'manual' },
  };

  it.each(Object.entries(EVERY_KIND))('%s: computes from the rule, or requires the manual fields', (_kind, { rule, due }) => {
    const timeLimitCase = rule.kind === 'composite' ? EXCEPTION : undefined;
    if (due === 'manual') {
      expect(problemsOf(() => computeReleaseDeadline(calendar, rule, '2026-03-10', { timeLimitCase }))).toEqual(['manualDueDate', 'manualDueReason']);
      expect(computeReleaseDeadline(calendar, rule, '2026-03-10', { timeLimitCase, ...MANUAL_CHOICE }).dueDate).toBe('2026-12-31');
    } else {
      expect(computeReleaseDeadline(calendar, rule, '2026-03-10', { timeLimitCase }).dueDate).toBe(due);
      expect(releaseDeadlineChoiceProblems(rule, { timeLimitCase }, '2026-03-10')).toEqual([]);
    }
  });

  const count = fc.integer({ min: 1, max: 365 });
  const anchor = fc.constantFrom('formed-or-changed' as const, 'approved' as const, 'decision-made' as const);
  const simpleRule: fc.Arbitrary<SimpleTimeLimitRule> = fc.oneof(
    fc.record({ kind: fc.constantFrom('working-days' as const, 'calendar-days' as const, 'hours' as const, 'months' as const, 'weeks' as const), count, anchor }),
    fc.constant({ kind: 'immediate' as const }),
    fc.integer({ min: 1, max: 12 }).map((everyMonths) => ({ kind: 'periodic' as const, everyMonths })),
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([month, day]) => ({ kind: 'yearly-date' as const, month, day })),
    fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('end' as const)).map((day) => ({ kind: 'monthly-date' as const, day })),
    fc.constantFrom(1, 3, 6, 12).chain((everyMonths) => fc.integer({ min: 1, max: 28 * everyMonths }).map((days) => ({ kind: 'after-period' as const, everyMonths, days }))),
  );
  const rule: fc.Arbitrary<TimeLimitRule> = fc.oneof(
    simpleRule,
    fc.constant({ kind: 'manual' as const }),
    fc
      .record({
        main: simpleRule,
        exceptions: fc.array(fc.record({ scope: fc.constantFrom('行政许可事项', '行政处罚事项', '重大项目'), rule: simpleRule }), { maxLength: 2 }),
        publicityPeriod: fc.option(fc.record({ count, unit: fc.constantFrom('working-days' as const, 'calendar-days' as const) }), { nil: undefined }),
      })
      .map((parts) => ({ kind: 'composite' as const, main: parts.main, exceptions: parts.exceptions, ...(parts.publicityPeriod ? { publicityPeriod: parts.publicityPeriod } : {}) })),
  );
  const day = fc.integer({ min: 0, max: 700 }).map((offset) => addDays('2025-01-01', offset));

  it('for any rule, case and day: a deadline the rule decides, or a refusal naming the manual fields', () => {
    fc.assert(
      fc.property(rule, day, fc.nat(), (generated, trigger, pick) => {
        const cases = timeLimitCasesOf(generated);
        const timeLimitCase = cases.length > 0 ? cases[pick % cases.length].name : undefined;
        if (requiresManualDue(generated, timeLimitCase)) {
          expect(problemsOf(() => computeReleaseDeadline(calendar, generated, trigger, { timeLimitCase }))).toEqual(['manualDueDate', 'manualDueReason']);
          const manualDueDate = addDays(trigger, pick % 90);
          expect(computeReleaseDeadline(calendar, generated, trigger, { timeLimitCase, manualDueDate, manualDueReason: '依上级通知' }).dueDate).toBe(manualDueDate);
          return;
        }
        expect(releaseDeadlineChoiceProblems(generated, { timeLimitCase }, trigger)).toEqual([]);
        const deadline = computeReleaseDeadline(calendar, generated, trigger, { timeLimitCase });
        expect(deadline.dueDate >= trigger).toBe(true);
        expect(deadline.explanation).not.toMatch(/第二十六条|适用《政府信息公开条例》/);
        const governing = timeLimitCase !== undefined ? cases.find((c) => c.name === timeLimitCase)!.rule : generated.kind === 'composite' ? generated.main : generated;
        if (governing.kind === 'periodic' || governing.kind === 'yearly-date' || governing.kind === 'monthly-date' || governing.kind === 'after-period') {
          expect(deadline.dueDate).toBe(obligationPeriodAt(governing, trigger).dueDate);
        }
        if (governing.kind === 'working-days') expect(deadline.dueDate).toBe(calendar.addWorkingDays(trigger, governing.count).date);
        expect(deadline.publicityPeriod).toEqual(generated.kind === 'composite' ? generated.publicityPeriod : undefined);
      }),
    );
  });
});
