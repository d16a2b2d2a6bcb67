import { describePublicityPeriod, governingRuleOf } from './time-limit-cases';
import type { CountedTimeLimitRule, SimpleTimeLimitRule, TimeLimitAnchor, TimeLimitException, TimeLimitRule } from './time-limit-rule';

// The sentences use the catalogs' own phrasings, so parseTimeLimit reads every description back to the
// rule it describes (time-limit-description.spec.ts checks that round trip for every non-manual rule).

/** The clock start of a main limit: 批准后20日内, 信息形成或者变更之日起20个工作日内. */
const ANCHOR_PHRASE: Readonly<Record<Exclude<TimeLimitAnchor, 'named-event'>, string>> = {
  'formed-or-changed': '信息形成或者变更之日起',
  approved: '批准后',
  'document-received': '收到相关文件之日起',
  'made-or-obtained': '制定或获取信息之日起',
  'decision-made': '作出决定之日起',
  'application-received': '收到申请之日起',
};

/** The clock start inside an exception clause, after its scope: 其中行政许可事项自作出决定之日起…. */
const EXCEPTION_ANCHOR_PHRASE: Readonly<Record<Exclude<TimeLimitAnchor, 'named-event'>, string>> = {
  'formed-or-changed': '自信息形成或者变更之日起',
  approved: '自批准之日起',
  'document-received': '自收到相关文件之日起',
  'made-or-obtained': '自制定或获取信息之日起',
  'decision-made': '自作出决定之日起',
  'application-received': '自收到申请之日起',
};

/**
 * The event a limit counts from, as a drafter reads it beside the date they give: 采购合同签订,
 * 收到申请, 信息形成（变更）. The item's `formedAt` holds that event's date.
 */
const CLOCK_START_NAME: Readonly<Record<Exclude<TimeLimitAnchor, 'named-event'>, string>> = {
  'formed-or-changed': '信息形成（变更）',
  approved: '批准',
  'document-received': '收到相关文件',
  'made-or-obtained': '制定或获取信息',
  'decision-made': '作出决定',
  'application-received': '收到申请',
};

const UNIT_PHRASE: Readonly<Record<CountedTimeLimitRule['kind'], string>> = {
  'working-days': '个工作日',
  'calendar-days': '日',
  hours: '小时',
  months: '个月',
  weeks: '周',
};

const PERIOD_NAME: Readonly<Partial<Record<number, string>>> = { 1: '每月', 3: '每季度', 6: '每半年', 12: '每年' };
const HALF_NAME: Readonly<Partial<Record<number, string>>> = { 1: '上半年', 2: '下半年' };

function anchorPhrase(rule: CountedTimeLimitRule, inException: boolean): string {
  if (rule.anchor === 'named-event') return `${inException ? '自' : ''}${rule.event ?? ''}之日起`;
  return (inException ? EXCEPTION_ANCHOR_PHRASE : ANCHOR_PHRASE)[rule.anchor];
}

function describeSimpleRule(rule: SimpleTimeLimitRule, inException = false): string {
  switch (rule.kind) {
    case 'working-days':
    case 'calendar-days':
    case 'hours':
    case 'months':
    case 'weeks':
      return `${anchorPhrase(rule, inException)}${rule.count}${UNIT_PHRASE[rule.kind]}内`;
    case 'immediate':
      return '实时公开';
    case 'periodic':
      return `${PERIOD_NAME[rule.everyMonths] ?? `每${rule.everyMonths}个月`}至少更新1次`;
    case 'yearly-date':
      return `每年${rule.month}月${rule.day}日前`;
    case 'monthly-date':
      return rule.day === 'end' ? '每月底前' : `每月${rule.day}日前`;
    case 'after-period': {
      const period = (rule.periodIndex !== undefined ? HALF_NAME[rule.periodIndex] : undefined) ?? PERIOD_NAME[rule.everyMonths] ?? `每${rule.everyMonths}个月`;
      return `${period}结束后${rule.days}日内`;
    }
  }
}

function describeException(exception: TimeLimitException): string {
  return `；其中${exception.scope}${describeSimpleRule(exception.rule, true)}`;
}

/**
 * A readable Chinese sentence for a time-limit rule, for admins checking an imported catalog and for the
 * item pages, e.g. `信息形成或者变更之日起20个工作日内；其中行政许可事项自作出决定之日起7个工作日内，公示7个工作日`
 * or `实时公开，最迟信息形成或者变更之日起1个工作日内公开`.
 */
export function describeTimeLimitRule(rule: TimeLimitRule): string {
  switch (rule.kind) {
    case 'composite': {
      const publicity = rule.publicityPeriod ? `，公示${describePublicityPeriod(rule.publicityPeriod)}` : '';
      return describeSimpleRule(rule.main) + rule.exceptions.map(describeException).join('') + publicity;
    }
    case 'two-limits':
      // The binding limit is marked 最迟, so it reads back as the binding one whatever the steps say.
      return `${describeSimpleRule(rule.other)}${rule.otherStep ?? ''}，最迟${describeSimpleRule(rule.binding)}${rule.binding.kind === 'immediate' ? '' : '公开'}`;
    case 'manual':
      return '需人工设定时限规则';
    default:
      return describeSimpleRule(rule);
  }
}

/** What the drafter is asked for: the event the deadline counts from, in the catalog's words. */
export interface ClockStartLabel {
  /** 采购合同签订, 收到申请, 信息形成（变更）. */
  readonly event: string;
  /** The date field's label: 采购合同签订日期. */
  readonly dateLabel: string;
}

/**
 * The event whose date an item under this rule is drafted with: the binding limit's, the chosen case's of
 * a composite (its main limit's when none is chosen); for periodic rules, whose period is the one
 * containing that day, and for manual ones 信息形成（变更）.
 */
export function clockStartOf(rule: TimeLimitRule, timeLimitCase?: string): ClockStartLabel {
  const chosen = governingRuleOf(rule, timeLimitCase);
  const governing = chosen.kind === 'two-limits' ? chosen.binding : chosen;
  const event =
    governing.kind === 'working-days' || governing.kind === 'calendar-days' || governing.kind === 'hours' || governing.kind === 'months' || governing.kind === 'weeks'
      ? governing.anchor === 'named-event'
        ? (governing.event ?? '')
        : CLOCK_START_NAME[governing.anchor]
      : CLOCK_START_NAME['formed-or-changed'];
  return { event, dateLabel: `${event}日期` };
}
