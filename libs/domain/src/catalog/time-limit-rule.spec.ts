import fc from 'fast-check';
import { parseTimeLimit, type TimeLimitRule } from './time-limit-rule';

describe('parseTimeLimit', () => {
  it.each<[string, TimeLimitRule]>([
    // Wording from published catalogs.
    ['信息形成或者变更之日起20个工作日内', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }],
    ['本级人民代表大会或其常务委员会批准后20日内', { kind: 'calendar-days', count: 20, anchor: 'approved' }],
    ['收到征地批准文件之日起10个工作日内公开。', { kind: 'working-days', count: 10, anchor: 'document-received' }],
    ['制定或获取信息之日起10个工作日内', { kind: 'working-days', count: 10, anchor: 'made-or-obtained' }],
    ['实时公开', { kind: 'immediate' }],
    ['及时公开', { kind: 'immediate' }],
    ['实时', { kind: 'immediate' }],
    ['半年至少更新1次', { kind: 'periodic', everyMonths: 6 }],
    ['每季度', { kind: 'periodic', everyMonths: 3 }],
    ['每季度更新', { kind: 'periodic', everyMonths: 3 }],
    ['每月', { kind: 'periodic', everyMonths: 1 }],
    ['每年', { kind: 'periodic', everyMonths: 12 }],
    ['每年至少更新2次', { kind: 'periodic', everyMonths: 6 }],
    ['每2个月至少更新1次', { kind: 'periodic', everyMonths: 2 }],
    ['每年1月31日前', { kind: 'yearly-date', month: 1, day: 31 }],
    ['每年1月31日前公开上一年度政府信息公开工作年度报告', { kind: 'yearly-date', month: 1, day: 31 }],
    ['每年3月底前', { kind: 'yearly-date', month: 3, day: 31 }],
    ['自作出决定之日起七个工作日内', { kind: 'working-days', count: 7, anchor: 'decision-made' }],
    ['自作出批准决定之日起15日内', { kind: 'calendar-days', count: 15, anchor: 'decision-made' }],
    ['项目批复后20个工作日内', { kind: 'working-days', count: 20, anchor: 'approved' }],
    ['收到上级通知之日起5个工作日内', { kind: 'working-days', count: 5, anchor: 'document-received' }],
    ['48小时内', { kind: 'hours', count: 48, anchor: 'formed-or-changed' }],
    ['5小时内', { kind: 'hours', count: 5, anchor: 'formed-or-changed' }],
    // Chinese numerals and full-width digits.
    ['十个工作日内', { kind: 'working-days', count: 10, anchor: 'formed-or-changed' }],
    ['十五日内', { kind: 'calendar-days', count: 15, anchor: 'formed-or-changed' }],
    ['二十个工作日内', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }],
    ['一百二十天内', { kind: 'calendar-days', count: 120, anchor: 'formed-or-changed' }],
    ['信息形成之日起２０个工作日内', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }],
    ['二十四小时内', { kind: 'hours', count: 24, anchor: 'formed-or-changed' }],
  ])('reads %s', (text, rule) => {
    expect(parseTimeLimit(text)).toStrictEqual({ text, rule });
  });

  describe('the texts of issue 19, each to the rule a person reads in it', () => {
    it.each<[string, TimeLimitRule]>([
      ['采购合同签订之日起2个工作日内', { kind: 'working-days', count: 2, anchor: 'named-event', event: '采购合同签订' }],
      ['会议召开后5个工作日内', { kind: 'working-days', count: 5, anchor: 'named-event', event: '会议召开' }],
      ['自收到申请之日起20个工作日内', { kind: 'working-days', count: 20, anchor: 'application-received' }],
      ['政策出台后3个工作日内', { kind: 'working-days', count: 3, anchor: 'named-event', event: '政策出台' }],
      ['公示期满后5个工作日内', { kind: 'working-days', count: 5, anchor: 'named-event', event: '公示期满' }],
      ['每月10日前', { kind: 'monthly-date', day: 10 }],
      [
        '实时公开，最迟不超过1个工作日',
        { kind: 'two-limits', binding: { kind: 'working-days', count: 1, anchor: 'formed-or-changed' }, other: { kind: 'immediate' } },
      ],
      ['3个月内', { kind: 'months', count: 3, anchor: 'formed-or-changed' }],
      ['每季度结束后15日内', { kind: 'after-period', everyMonths: 3, days: 15 }],
      // And the other examples the issue names.
      [
        '3个工作日内受理，20个工作日内公开',
        {
          kind: 'two-limits',
          binding: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
          other: { kind: 'working-days', count: 3, anchor: 'formed-or-changed' },
          otherStep: '受理',
        },
      ],
      ['1周内', { kind: 'weeks', count: 1, anchor: 'formed-or-changed' }],
      ['每月底前', { kind: 'monthly-date', day: 'end' }],
      ['上半年结束后20日内', { kind: 'after-period', everyMonths: 6, days: 20, periodIndex: 1 }],
    ])('reads %s', (text, rule) => {
      expect(parseTimeLimit(text)).toStrictEqual({ text, rule });
    });
  });

  describe('limits from a named event, months and weeks', () => {
    it.each<[string, TimeLimitRule]>([
      ['招标文件发出之日起5日内', { kind: 'calendar-days', count: 5, anchor: 'named-event', event: '招标文件发出' }],
      ['应自项目竣工验收之日起十五个工作日内公开', { kind: 'working-days', count: 15, anchor: 'named-event', event: '项目竣工验收' }],
      ['突发事件发生后5小时内', { kind: 'hours', count: 5, anchor: 'named-event', event: '突发事件发生' }],
      ['中标人确定后3个月内', { kind: 'months', count: 3, anchor: 'named-event', event: '中标人确定' }],
      ['自批准之日起6个月内', { kind: 'months', count: 6, anchor: 'approved' }],
      ['两周内', { kind: 'weeks', count: 2, anchor: 'formed-or-changed' }],
      ['2个星期内公开', { kind: 'weeks', count: 2, anchor: 'formed-or-changed' }],
      ['收到举报之日起10个工作日内', { kind: 'working-days', count: 10, anchor: 'named-event', event: '收到举报' }],
      ['收到群众申请后15个工作日内', { kind: 'working-days', count: 15, anchor: 'application-received' }],
    ])('reads %s', (text, rule) => {
      expect(parseTimeLimit(text)).toStrictEqual({ text, rule });
    });

    it('keeps the known clock starts where they were: an event that names one is read as that one', () => {
      expect(parseTimeLimit('项目批复后20个工作日内').rule).toStrictEqual({ kind: 'working-days', count: 20, anchor: 'approved' });
      expect(parseTimeLimit('收到上级通知之日起5个工作日内').rule).toStrictEqual({ kind: 'working-days', count: 5, anchor: 'document-received' });
    });

    it('reads a named event inside an exception clause', () => {
      expect(parseTimeLimit('信息形成之日起20个工作日内；其中招标投标信息自开标之日起3个工作日内').rule).toStrictEqual({
        kind: 'composite',
        main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
        exceptions: [{ scope: '招标投标信息', rule: { kind: 'working-days', count: 3, anchor: 'named-event', event: '开标' } }],
      });
    });
  });

  describe('dates of each month and days after a period', () => {
    it.each<[string, TimeLimitRule]>([
      ['每月5日前公开上月数据', { kind: 'monthly-date', day: 5 }],
      ['每个月的月底前', { kind: 'monthly-date', day: 'end' }],
      ['每月25号之前', { kind: 'monthly-date', day: 25 }],
      ['下半年结束后30日内', { kind: 'after-period', everyMonths: 6, days: 30, periodIndex: 2 }],
      ['每月结束后10日内', { kind: 'after-period', everyMonths: 1, days: 10 }],
      ['上一季度结束后15天内', { kind: 'after-period', everyMonths: 3, days: 15 }],
      ['每半年结束后20日内', { kind: 'after-period', everyMonths: 6, days: 20 }],
      ['上年度结束后60日内', { kind: 'after-period', everyMonths: 12, days: 60 }],
    ])('reads %s', (text, rule) => {
      expect(parseTimeLimit(text)).toStrictEqual({ text, rule });
    });
  });

  describe('two limits in one clause: the binding one sets the deadline', () => {
    it.each<[string, TimeLimitRule]>([
      [
        '自收到申请之日起3个工作日内受理，20个工作日内公开',
        {
          kind: 'two-limits',
          binding: { kind: 'working-days', count: 20, anchor: 'application-received' },
          other: { kind: 'working-days', count: 3, anchor: 'application-received' },
          otherStep: '受理',
        },
      ],
      [
        '20个工作日内公开，3个工作日内受理',
        {
          kind: 'two-limits',
          binding: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
          other: { kind: 'working-days', count: 3, anchor: 'formed-or-changed' },
          otherStep: '受理',
        },
      ],
      [
        '会议召开后1个工作日内公开，最迟不得超过5个工作日',
        {
          kind: 'two-limits',
          binding: { kind: 'working-days', count: 5, anchor: 'named-event', event: '会议召开' },
          other: { kind: 'working-days', count: 1, anchor: 'named-event', event: '会议召开' },
        },
      ],
      [
        '及时公开，但最迟不超过48小时',
        { kind: 'two-limits', binding: { kind: 'hours', count: 48, anchor: 'formed-or-changed' }, other: { kind: 'immediate' } },
      ],
    ])('reads %s', (text, rule) => {
      expect(parseTimeLimit(text)).toStrictEqual({ text, rule });
    });
  });

  describe('composite rules', () => {
    it('reads an exception clause (其中…) beside the main limit', () => {
      const text = '信息形成20个工作日内公开；其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示';
      expect(parseTimeLimit(text)).toStrictEqual({
        text,
        rule: {
          kind: 'composite',
          main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
          exceptions: [{ scope: '行政许可、行政处罚事项', rule: { kind: 'working-days', count: 7, anchor: 'decision-made' } }],
        },
      });
    });

    it('reads a list of exceptions continued after ；', () => {
      expect(parseTimeLimit('信息形成之日起20个工作日内；其中行政许可事项7个工作日内；行政处罚事项实时公开').rule).toStrictEqual({
        kind: 'composite',
        main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
        exceptions: [
          { scope: '行政许可事项', rule: { kind: 'working-days', count: 7, anchor: 'formed-or-changed' } },
          { scope: '行政处罚事项', rule: { kind: 'immediate' } },
        ],
      });
    });

    it.each<[string, { count: number; unit: 'working-days' | 'calendar-days' }]>([
      ['信息形成之日起5个工作日内公开，公示7个工作日', { count: 7, unit: 'working-days' }],
      ['信息形成之日起5个工作日内公开，公示期不少于7个工作日', { count: 7, unit: 'working-days' }],
      ['信息形成之日起5个工作日内公开；公示期为七天', { count: 7, unit: 'calendar-days' }],
      ['信息形成之日起5个工作日内公开，公示7日', { count: 7, unit: 'calendar-days' }],
    ])('reads the publicity period in %s', (text, publicityPeriod) => {
      expect(parseTimeLimit(text).rule).toStrictEqual({
        kind: 'composite',
        main: { kind: 'working-days', count: 5, anchor: 'formed-or-changed' },
        exceptions: [],
        publicityPeriod,
      });
    });

    it('does not take 公示 as a verb (…7个工作日内公示) for a publicity period', () => {
      expect(parseTimeLimit('自作出决定之日起7个工作日内公示').rule).toStrictEqual({ kind: 'working-days', count: 7, anchor: 'decision-made' });
    });
  });

  describe('notes', () => {
    it.each<[string, TimeLimitRule, string[]]>([
      ['信息形成或者变更之日起20个工作日内，法律法规另有规定的从其规定', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, ['法律法规另有规定的从其规定']],
      ['信息形成或者变更之日起20个工作日内；国家另有规定的，从其规定', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, ['国家另有规定的，从其规定']],
      [
        // 《政府信息公开条例》 Art. 26, as some catalogs quote it.
        '自该信息形成或者变更之日起20个工作日内予以公开。法律、法规对政府信息公开的期限另有规定的，从其规定。',
        { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
        ['法律、法规对政府信息公开的期限另有规定的，从其规定'],
      ],
      ['20个工作日内法律法规另有规定的从其规定', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, ['法律法规另有规定的从其规定']],
      ['20个工作日内（法律法规另有规定的除外）', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, ['法律法规另有规定的除外']],
      ['20个工作日内\n遇法定节假日顺延', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }, ['遇法定节假日顺延']],
    ])('keeps the note in %s and reads the rest', (text, rule, notes) => {
      expect(parseTimeLimit(text)).toStrictEqual({ text, rule, notes });
    });

    it('keeps notes even when the rule is manual', () => {
      expect(parseTimeLimit('法律法规另有规定的从其规定')).toStrictEqual({
        text: '法律法规另有规定的从其规定',
        rule: { kind: 'manual' },
        notes: ['法律法规另有规定的从其规定'],
      });
    });
  });

  describe('wording it cannot read stays manual, with the original text', () => {
    it.each([
      ['', 'nothing at all'],
      ['按上级要求办理', 'no limit named'],
      ['动态更新', 'no limit named'],
      ['常态化公开', 'no limit named'],
      ['定期公开', 'no limit named'],
      ['公示7个工作日', 'only a publicity period, no limit to publish by'],
      ['2024年1月31日前', 'a one-off date'],
      ['3月1日', 'a date without 前'],
      ['每年2月29日前', 'a date that is not there every year'],
      ['每年13月1日前', 'no such month'],
      ['每两年', 'a period over a year'],
      ['每年至少更新5次', 'a period that is not whole months'],
      ['0个工作日', 'a zero count'],
      ['5000个工作日内', 'a count beyond any real limit'],
      ['一二个工作日内', 'a malformed numeral'],
      ['信息形成之日起20个工作日内；其中7个工作日内', 'an exception without a scope'],
      ['信息形成之日起20个工作日内；其中行政许可事项另行通知', 'an exception without a limit'],
      ['信息形成之日起20个工作日内；重大事项5个工作日内', 'a second limit without 其中'],
      ['信息形成之日起5个工作日内，公示7个工作日，公示期不少于5日', 'two publicity periods'],
      ['需人工设定时限规则', 'the description of a manual rule'],
      // Wording no one can compute a date from.
      ['适时公开', 'no limit named: when is left to judgement'],
      ['按上级要求', 'no limit named: the limit is someone else\'s to set'],
      ['根据工作进度动态公开', 'no limit named'],
      // Wording with a limit the rule kinds do not hold, or hold ambiguously.
      ['每季度结束后10个工作日内', 'working days after a period ends (obligations are due on calendar days)'],
      ['每月结束后40日内', 'more days after a period than the period lasts'],
      ['每月32日前', 'no such day of a month'],
      ['每月10日', 'a day of each month without 前'],
      ['3个工作日内受理，5个工作日内审核', 'two limits, neither publishes nor is the latest'],
      ['最迟3个工作日内受理，最迟20个工作日内公开', 'two limits both marked as the latest'],
      ['3个工作日内受理，20个工作日内公开，30日内答复', 'three limits in one clause'],
      ['2026年会议召开后5个工作日内', 'an event with a date in it (a one-off)'],
      ['按规定，会议召开后5个工作日内', 'an event after a clause break'],
      ['其中行政许可事项会议召开后5个工作日内', 'an exception without a main limit'],
      ['会议召开后5个工作日内，公示7日；其中行政许可事项实时公开，最迟1个工作日', 'an exception with two limits'],
    ])('%s (%s)', (text) => {
      expect(parseTimeLimit(text)).toStrictEqual({ text, rule: { kind: 'manual' } });
    });
  });

  describe('properties', () => {
    // Every code unit, lone surrogates included, as a spreadsheet cell may hold anything.
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    // Fragments of real wording, so the generated strings reach deep into the reader.
    const wordingFragment = fc.constantFrom(
      ...['信息形成', '或者变更', '之日起', '批准后', '收到', '文件', '作出', '决定', '制定或获取', '其中', '行政许可事项', '应自'],
      ...['个工作日', '日', '天', '小时', '内', '公开', '公示', '期不少于', '每', '年', '月', '季度', '半年', '至少更新', '次', '前', '底'],
      ...['实时', '及时', '另有规定的', '从其规定', '除外', '；', '，', '。', '（', '）', '\n', ' ', '20', '７', '0', '十', '二十', '一百', '零', '99999999999999999999'],
    );
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: anyCodeUnit }),
      fc.array(wordingFragment, { maxLength: 16 }).map((parts) => parts.join('')),
    );

    function numbersIn(rule: TimeLimitRule): number[] {
      switch (rule.kind) {
        case 'working-days':
        case 'calendar-days':
        case 'hours':
          return [rule.count];
        case 'periodic':
          return [rule.everyMonths];
        case 'yearly-date':
          return [rule.month, rule.day];
        case 'composite':
          return [...numbersIn(rule.main), ...rule.exceptions.flatMap((exception) => numbersIn(exception.rule)), ...(rule.publicityPeriod ? [rule.publicityPeriod.count] : [])];
        default:
          return [];
      }
    }

    it('never throws, and keeps the text unchanged', () => {
      fc.assert(
        fc.property(texts, (text) => {
          const limit = parseTimeLimit(text);
          expect(limit.text).toBe(text);
        }),
        { numRuns: 2000 },
      );
    });

    it('reports only whole counts above zero', () => {
      fc.assert(
        fc.property(texts, (text) => {
          for (const value of numbersIn(parseTimeLimit(text).rule)) {
            expect(Number.isInteger(value) && value > 0).toBe(true);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('reads any count of working days, days or hours in Arabic or Chinese numerals', () => {
      const chinese = (n: number): string => {
        const digits = '零一二三四五六七八九';
        const hundreds = Math.floor(n / 100);
        const tens = Math.floor((n % 100) / 10);
        const ones = n % 10;
        let out = hundreds > 0 ? `${digits[hundreds]}百` : '';
        if (tens > 0) out += hundreds === 0 && tens === 1 ? '十' : `${digits[tens]}十`;
        else if (hundreds > 0 && ones > 0) out += '零';
        return ones > 0 ? out + digits[ones] : out;
      };
      const units = fc.constantFrom(['个工作日', 'working-days'], ['日', 'calendar-days'], ['天', 'calendar-days'], ['小时', 'hours']);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 999 }), units, fc.boolean(), (count, [unit, kind], inChinese) => {
          const text = `${inChinese ? chinese(count) : count}${unit}内`;
          expect(parseTimeLimit(text).rule).toStrictEqual({ kind, count, anchor: 'formed-or-changed' });
        }),
      );
    });
  });
});
