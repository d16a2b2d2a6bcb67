import { parseTimeLimit } from './time-limit-rule';

describe('parseTimeLimit', () => {
  it.each([
    ['信息形成或者变更之日起20个工作日内', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }],
    ['本级人民代表大会或其常务委员会批准后20日内', { kind: 'calendar-days', count: 20, anchor: 'approved' }],
    ['收到征地批准文件之日起10个工作日内公开。', { kind: 'working-days', count: 10, anchor: 'document-received' }],
    ['制定或获取信息之日起10个工作日内', { kind: 'working-days', count: 10, anchor: 'made-or-obtained' }],
    ['实时公开', { kind: 'immediate' }],
    ['半年至少更新1次', { kind: 'periodic', everyMonths: 6 }],
    ['每年1月31日前', { kind: 'yearly-date', month: 1, day: 31 }],
    ['信息形成20个工作日内公开；其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示', { kind: 'working-days', count: 20, anchor: 'formed-or-changed' }],
    ['自作出决定之日起七个工作日内', { kind: 'working-days', count: 7, anchor: 'decision-made' }],
    ['48小时内', { kind: 'hours', count: 48, anchor: 'formed-or-changed' }],
  ])('reads %s', (text, rule) => {
    expect(parseTimeLimit(text)).toEqual({ text, rule });
  });

  it('keeps wording it cannot read as a manual rule, with the original text', () => {
    expect(parseTimeLimit('按上级要求办理')).toEqual({ text: '按上级要求办理', rule: { kind: 'manual' } });
    expect(parseTimeLimit('')).toEqual({ text: '', rule: { kind: 'manual' } });
  });
});
