import type { SimpleTimeLimitRule, TimeLimitAnchor, TimeLimitException, TimeLimitRule } from './time-limit-rule';

// The sentences use the catalogs' own phrasings, so parseTimeLimit reads every description back to the
// rule it describes (time-limit-description.spec.ts checks that round trip for every non-manual rule).

/** The clock start of a main limit: 批准后20日内, 信息形成或者变更之日起20个工作日内. */
const ANCHOR_PHRASE: Readonly<Record<TimeLimitAnchor, string>> = {
  'formed-or-changed': '信息形成或者变更之日起',
  approved: '批准后',
  'document-received': '收到相关文件之日起',
  'made-or-obtained': '制定或获取信息之日起',
  'decision-made': '作出决定之日起',
};

/** The clock start inside an exception clause, after its scope: 其中行政许可事项自作出决定之日起…. */
const EXCEPTION_ANCHOR_PHRASE: Readonly<Record<TimeLimitAnchor, string>> = {
  'formed-or-changed': '自信息形成或者变更之日起',
  approved: '自批准之日起',
  'document-received': '自收到相关文件之日起',
  'made-or-obtained': '自制定或获取信息之日起',
  'decision-made': '自作出决定之日起',
};

const PERIOD_NAME: Readonly<Partial<Record<number, string>>> = { 1: '每月', 3: '每季度', 6: '每半年', 12: '每年' };

function describeSimpleRule(rule: SimpleTimeLimitRule, anchorPhrase: Readonly<Record<TimeLimitAnchor, string>>): string {
  switch (rule.kind) {
    case 'working-days':
      return `${anchorPhrase[rule.anchor]}${rule.count}个工作日内`;
    case 'calendar-days':
      return `${anchorPhrase[rule.anchor]}${rule.count}日内`;
    case 'hours':
      return `${anchorPhrase[rule.anchor]}${rule.count}小时内`;
    case 'immediate':
      return '实时公开';
    case 'periodic':
      return `${PERIOD_NAME[rule.everyMonths] ?? `每${rule.everyMonths}个月`}至少更新1次`;
    case 'yearly-date':
      return `每年${rule.month}月${rule.day}日前`;
  }
}

function describeException(exception: TimeLimitException): string {
  return `；其中${exception.scope}${describeSimpleRule(exception.rule, EXCEPTION_ANCHOR_PHRASE)}`;
}

/**
 * A readable Chinese sentence for a time-limit rule, for admins checking an imported catalog, e.g.
 * `信息形成或者变更之日起20个工作日内；其中行政许可事项自作出决定之日起7个工作日内，公示7个工作日`.
 */
export function describeTimeLimitRule(rule: TimeLimitRule): string {
  switch (rule.kind) {
    case 'composite': {
      const publicity = rule.publicityPeriod
        ? `，公示${rule.publicityPeriod.count}${rule.publicityPeriod.unit === 'working-days' ? '个工作日' : '日'}`
        : '';
      return describeSimpleRule(rule.main, ANCHOR_PHRASE) + rule.exceptions.map(describeException).join('') + publicity;
    }
    case 'manual':
      return '需人工设定时限规则';
    default:
      return describeSimpleRule(rule, ANCHOR_PHRASE);
  }
}
