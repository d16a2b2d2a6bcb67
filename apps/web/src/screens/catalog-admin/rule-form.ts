/** The hand-set time-limit rules an admin can give a catalog row, and the rule each choice makes. */

export type RuleKind = 'working-days' | 'calendar-days' | 'immediate' | 'periodic' | 'yearly-date' | 'monthly-date';

export interface RuleValues {
  kind?: RuleKind;
  count?: number;
  anchor?: string;
  everyMonths?: number;
  month?: number;
  day?: number;
}

export const RULE_KIND_OPTIONS: { value: RuleKind; label: string }[] = [
  { value: 'working-days', label: '若干个工作日内' },
  { value: 'calendar-days', label: '若干日（自然日）内' },
  { value: 'immediate', label: '即时公开' },
  { value: 'periodic', label: '定期更新（每若干个月）' },
  { value: 'yearly-date', label: '每年固定日期前' },
  { value: 'monthly-date', label: '每月固定日期前' },
];

export const ANCHOR_OPTIONS = [
  { value: 'formed-or-changed', label: '信息形成或者变更之日' },
  { value: 'made-or-obtained', label: '制定或获取信息之日' },
  { value: 'approved', label: '批准、批复之日' },
  { value: 'document-received', label: '收到相关文件之日' },
  { value: 'decision-made', label: '作出决定之日' },
];

export const EVERY_MONTHS_OPTIONS = [
  { value: 1, label: '每月' },
  { value: 3, label: '每季度' },
  { value: 6, label: '每半年' },
  { value: 12, label: '每年' },
];

/** The rule the form's values make, in the API's form. */
export function ruleOf(values: RuleValues): Record<string, unknown> {
  switch (values.kind) {
    case 'working-days':
    case 'calendar-days':
      return { kind: values.kind, count: values.count, anchor: values.anchor ?? 'formed-or-changed' };
    case 'periodic':
      return { kind: 'periodic', everyMonths: values.everyMonths };
    case 'yearly-date':
      return { kind: 'yearly-date', month: values.month, day: values.day };
    case 'monthly-date':
      return { kind: 'monthly-date', day: values.day };
    default:
      return { kind: 'immediate' };
  }
}
