import fc from 'fast-check';
import { clockStartOf, describeTimeLimitRule } from './time-limit-description';
import {
  isEventWording,
  maxDaysAfterPeriod,
  parseTimeLimit,
  type CountedTimeLimitRule,
  type OneOffTimeLimitRule,
  type SimpleTimeLimitRule,
  type TimeLimitAnchor,
  type TimeLimitException,
  type TimeLimitRule,
} from './time-limit-rule';
import { timeLimitRuleProblems } from './time-limit-validation';

describe('describeTimeLimitRule', () => {
  it.each<[TimeLimitRule, string]>([
    [{ kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, '信息形成或者变更之日起20个工作日内'],
    [{ kind: 'calendar-days', count: 20, anchor: 'approved' }, '批准后20日内'],
    [{ kind: 'working-days', count: 10, anchor: 'document-received' }, '收到相关文件之日起10个工作日内'],
    [{ kind: 'working-days', count: 10, anchor: 'made-or-obtained' }, '制定或获取信息之日起10个工作日内'],
    [{ kind: 'working-days', count: 7, anchor: 'decision-made' }, '作出决定之日起7个工作日内'],
    [{ kind: 'hours', count: 48, anchor: 'formed-or-changed' }, '信息形成或者变更之日起48小时内'],
    [{ kind: 'immediate' }, '实时公开'],
    [{ kind: 'periodic', everyMonths: 6 }, '每半年至少更新1次'],
    [{ kind: 'periodic', everyMonths: 3 }, '每季度至少更新1次'],
    [{ kind: 'periodic', everyMonths: 1 }, '每月至少更新1次'],
    [{ kind: 'periodic', everyMonths: 12 }, '每年至少更新1次'],
    [{ kind: 'periodic', everyMonths: 2 }, '每2个月至少更新1次'],
    [{ kind: 'yearly-date', month: 1, day: 31 }, '每年1月31日前'],
    [{ kind: 'manual' }, '需人工设定时限规则'],
    [{ kind: 'working-days', count: 2, anchor: 'named-event', event: '采购合同签订' }, '采购合同签订之日起2个工作日内'],
    [{ kind: 'working-days', count: 20, anchor: 'application-received' }, '收到申请之日起20个工作日内'],
    [{ kind: 'months', count: 3, anchor: 'formed-or-changed' }, '信息形成或者变更之日起3个月内'],
    [{ kind: 'weeks', count: 1, anchor: 'named-event', event: '会议召开' }, '会议召开之日起1周内'],
    [{ kind: 'monthly-date', day: 10 }, '每月10日前'],
    [{ kind: 'monthly-date', day: 'end' }, '每月底前'],
    [{ kind: 'after-period', everyMonths: 3, days: 15 }, '每季度结束后15日内'],
    [{ kind: 'after-period', everyMonths: 6, days: 20, periodIndex: 1 }, '上半年结束后20日内'],
    [
      { kind: 'two-limits', binding: { kind: 'working-days', count: 1, anchor: 'formed-or-changed' }, other: { kind: 'immediate' } },
      '实时公开，最迟信息形成或者变更之日起1个工作日内公开',
    ],
    [
      {
        kind: 'two-limits',
        binding: { kind: 'working-days', count: 20, anchor: 'application-received' },
        other: { kind: 'working-days', count: 3, anchor: 'application-received' },
        otherStep: '受理',
      },
      '收到申请之日起3个工作日内受理，最迟收到申请之日起20个工作日内公开',
    ],
    [
      {
        kind: 'composite',
        main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
        exceptions: [{ scope: '招标投标信息', rule: { kind: 'working-days', count: 3, anchor: 'named-event', event: '开标' } }],
      },
      '信息形成或者变更之日起20个工作日内；其中招标投标信息自开标之日起3个工作日内',
    ],
    [
      {
        kind: 'composite',
        main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
        exceptions: [{ scope: '行政许可、行政处罚事项', rule: { kind: 'working-days', count: 7, anchor: 'decision-made' } }],
      },
      '信息形成或者变更之日起20个工作日内；其中行政许可、行政处罚事项自作出决定之日起7个工作日内',
    ],
    [
      {
        kind: 'composite',
        main: { kind: 'working-days', count: 5, anchor: 'formed-or-changed' },
        exceptions: [],
        publicityPeriod: { count: 7, unit: 'working-days' },
      },
      '信息形成或者变更之日起5个工作日内，公示7个工作日',
    ],
    [
      {
        kind: 'composite',
        main: { kind: 'calendar-days', count: 30, anchor: 'approved' },
        exceptions: [{ scope: '征地补偿安置方案', rule: { kind: 'calendar-days', count: 10, anchor: 'approved' } }],
        publicityPeriod: { count: 30, unit: 'calendar-days' },
      },
      '批准后30日内；其中征地补偿安置方案自批准之日起10日内，公示30日',
    ],
  ])('describes %j', (rule, description) => {
    expect(describeTimeLimitRule(rule)).toBe(description);
  });

  describe('round trip: parseTimeLimit reads every description back to its rule', () => {
    // Records like the parser's, so toStrictEqual compares the rules and not their prototypes.
    const plainObjects = { noNullPrototype: true };
    const anchor = fc.constantFrom<Exclude<TimeLimitAnchor, 'named-event'>>(
      'formed-or-changed',
      'approved',
      'document-received',
      'made-or-obtained',
      'decision-made',
      'application-received',
    );
    // Events as catalogs name them: a subject and what happens to it (采购合同签订, 公示期满), from words
    // that name no clock start of their own, no date and no count.
    const eventSubject = fc.constantFrom('采购合同', '会议', '政策', '公示期', '项目', '招标文件', '中标人', '突发事件', '听证会', '复议', '资金', '评审', '名单', '补偿方案');
    const eventVerb = fc.constantFrom('签订', '召开', '出台', '满', '竣工验收', '发出', '确定', '发生', '举行', '结束', '拨付', '公布', '审定', '');
    const event = fc.tuple(eventSubject, eventVerb).map(([subject, verb]) => subject + verb);
    const count = fc.integer({ min: 1, max: 365 });
    const countKind = fc.constantFrom<CountedTimeLimitRule['kind']>('working-days', 'calendar-days', 'hours', 'months', 'weeks');
    const countedRule: fc.Arbitrary<CountedTimeLimitRule> = fc.oneof(
      fc.record({ kind: countKind, count, anchor }, plainObjects),
      fc.record({ kind: countKind, count, anchor: fc.constant('named-event' as const), event }, plainObjects),
    );
    const oneOffRule: fc.Arbitrary<OneOffTimeLimitRule> = fc.oneof(countedRule, fc.constant({ kind: 'immediate' as const }));
    const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const afterPeriod = fc.oneof(
      fc.constantFrom(1, 3, 6, 12).chain((everyMonths) =>
        fc.integer({ min: 1, max: maxDaysAfterPeriod(everyMonths) }).map((days) => ({ kind: 'after-period' as const, everyMonths, days })),
      ),
      fc.tuple(fc.constantFrom(1, 2), fc.integer({ min: 1, max: maxDaysAfterPeriod(6) })).map(([periodIndex, days]) => ({ kind: 'after-period' as const, everyMonths: 6, days, periodIndex })),
    );
    const simpleRule: fc.Arbitrary<SimpleTimeLimitRule> = fc.oneof(
      countedRule,
      fc.constant({ kind: 'immediate' as const }),
      fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('end' as const)).map((day) => ({ kind: 'monthly-date' as const, day })),
      afterPeriod,
      fc.integer({ min: 1, max: 12 }).map((everyMonths) => ({ kind: 'periodic' as const, everyMonths })),
      fc
        .integer({ min: 1, max: 12 })
        .chain((month) => fc.integer({ min: 1, max: daysInMonth[month - 1] }).map((day) => ({ kind: 'yearly-date' as const, month, day }))),
    );
    // Scopes as catalogs name narrower kinds of items; none names a clock start, a limit or a note.
    const scope = fc.constantFrom(
      '行政许可、行政处罚事项',
      '行政许可事项',
      '行政处罚事项',
      '重大建设项目',
      '征地补偿安置方案',
      '涉及群众切身利益的事项',
      '救助对象名单',
      '招标投标信息',
      '财政资金使用情况',
    );
    const exception: fc.Arbitrary<TimeLimitException> = fc.record({ scope, rule: simpleRule }, plainObjects);
    const publicityPeriod = fc.record({ count, unit: fc.constantFrom('working-days' as const, 'calendar-days' as const) }, plainObjects);
    // A composite adds exceptions or a publicity period to its main limit; one that adds neither is just
    // its main limit, and the parser reads it as that (see the test below).
    const composite: fc.Arbitrary<TimeLimitRule> = fc
      .record({ main: simpleRule, exceptions: fc.array(exception, { maxLength: 2 }), publicityPeriod: fc.option(publicityPeriod, { nil: undefined }) })
      .filter(({ exceptions, publicityPeriod }) => exceptions.length > 0 || publicityPeriod !== undefined)
      .map(({ main, exceptions, publicityPeriod }) => ({ kind: 'composite' as const, main, exceptions, ...(publicityPeriod ? { publicityPeriod } : {}) }));
    const step = fc.constantFrom('受理', '审核', '答复', '办理', '初审', '报送');
    const twoLimits: fc.Arbitrary<TimeLimitRule> = fc
      .record({ binding: oneOffRule, other: oneOffRule, otherStep: fc.option(step, { nil: undefined }) })
      .filter(({ binding, other }) => binding.kind !== 'immediate' || other.kind !== 'immediate')
      .map(({ binding, other, otherStep }) => ({
        kind: 'two-limits' as const,
        binding,
        other,
        ...(otherStep !== undefined && other.kind !== 'immediate' ? { otherStep } : {}),
      }));
    const rule: fc.Arbitrary<TimeLimitRule> = fc.oneof(simpleRule, composite, twoLimits);

    it('generates only events a hand-set rule may name', () => {
      fc.assert(fc.property(event, (words) => expect(isEventWording(words)).toBe(true)));
    });

    it('holds for every non-manual rule', () => {
      fc.assert(
        fc.property(rule, (generated) => {
          const description = describeTimeLimitRule(generated);
          expect(parseTimeLimit(description)).toStrictEqual({ text: description, rule: generated });
        }),
        { numRuns: 2000 },
      );
    });

    it('holds for every kind on its own, so none is left to chance', () => {
      const kinds = ['working-days', 'calendar-days', 'hours', 'months', 'weeks', 'immediate', 'periodic', 'yearly-date', 'monthly-date', 'after-period', 'composite', 'two-limits'];
      const seen = new Set<string>();
      fc.assert(
        fc.property(rule, (generated) => {
          seen.add(generated.kind);
          expect(parseTimeLimit(describeTimeLimitRule(generated)).rule).toStrictEqual(generated);
        }),
        { numRuns: 3000 },
      );
      expect([...seen].sort()).toEqual([...kinds].sort());
    });

    it('every rule it generates is one an admin may set by hand', () => {
      fc.assert(fc.property(rule, (generated) => expect(timeLimitRuleProblems(generated)).toEqual([])));
    });

    it('holds for the manual rule too: its description is not a limit', () => {
      expect(parseTimeLimit(describeTimeLimitRule({ kind: 'manual' })).rule).toStrictEqual({ kind: 'manual' });
    });

    it('reads a composite that adds nothing as its main limit', () => {
      fc.assert(
        fc.property(simpleRule, (main) => {
          expect(parseTimeLimit(describeTimeLimitRule({ kind: 'composite', main, exceptions: [] })).rule).toStrictEqual(main);
        }),
      );
    });
  });
});

describe('clockStartOf: the event whose date the drafter gives', () => {
  it.each<[TimeLimitRule, string]>([
    [{ kind: 'working-days', count: 2, anchor: 'named-event', event: '采购合同签订' }, '采购合同签订日期'],
    [{ kind: 'working-days', count: 20, anchor: 'application-received' }, '收到申请日期'],
    [{ kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, '信息形成（变更）日期'],
    [{ kind: 'calendar-days', count: 20, anchor: 'approved' }, '批准日期'],
    [
      { kind: 'two-limits', binding: { kind: 'working-days', count: 5, anchor: 'named-event', event: '会议召开' }, other: { kind: 'immediate' } },
      '会议召开日期',
    ],
    [{ kind: 'composite', main: { kind: 'months', count: 3, anchor: 'named-event', event: '政策出台' }, exceptions: [], publicityPeriod: { count: 7, unit: 'working-days' } }, '政策出台日期'],
    [{ kind: 'after-period', everyMonths: 3, days: 15 }, '信息形成（变更）日期'],
    [{ kind: 'manual' }, '信息形成（变更）日期'],
  ])('labels %j', (rule, dateLabel) => {
    expect(clockStartOf(rule).dateLabel).toBe(dateLabel);
  });
});
