import fc from 'fast-check';
import { describeTimeLimitRule } from './time-limit-description';
import { parseTimeLimit, type SimpleTimeLimitRule, type TimeLimitAnchor, type TimeLimitException, type TimeLimitRule } from './time-limit-rule';

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
    const anchor = fc.constantFrom<TimeLimitAnchor>('formed-or-changed', 'approved', 'document-received', 'made-or-obtained', 'decision-made');
    const count = fc.integer({ min: 1, max: 365 });
    const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const simpleRule: fc.Arbitrary<SimpleTimeLimitRule> = fc.oneof(
      fc.record({ kind: fc.constant('working-days' as const), count, anchor }, plainObjects),
      fc.record({ kind: fc.constant('calendar-days' as const), count, anchor }, plainObjects),
      fc.record({ kind: fc.constant('hours' as const), count, anchor }, plainObjects),
      fc.constant({ kind: 'immediate' as const }),
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
    const rule: fc.Arbitrary<TimeLimitRule> = fc.oneof(simpleRule, composite);

    it('holds for every non-manual rule', () => {
      fc.assert(
        fc.property(rule, (generated) => {
          const description = describeTimeLimitRule(generated);
          expect(parseTimeLimit(description)).toStrictEqual({ text: description, rule: generated });
        }),
        { numRuns: 2000 },
      );
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
