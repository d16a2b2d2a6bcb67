/** What starts the clock of a time limit. */
export type TimeLimitAnchor =
  | 'formed-or-changed' // 信息形成或者变更
  | 'approved' // 批准/批复后
  | 'document-received' // 收到…文件之日
  | 'made-or-obtained' // 制定或获取
  | 'decision-made'; // 作出决定

/** A single time limit: a count from an anchor, immediately, periodically, or by a date each year. */
export type SimpleTimeLimitRule =
  | { readonly kind: 'working-days'; readonly count: number; readonly anchor: TimeLimitAnchor }
  | { readonly kind: 'calendar-days'; readonly count: number; readonly anchor: TimeLimitAnchor }
  | { readonly kind: 'hours'; readonly count: number; readonly anchor: TimeLimitAnchor }
  | { readonly kind: 'immediate' }
  | { readonly kind: 'periodic'; readonly everyMonths: number }
  | { readonly kind: 'yearly-date'; readonly month: number; readonly day: number };

/** An exception clause (其中…): a narrower kind of item with its own limit. */
export interface TimeLimitException {
  /** Which items it applies to, in the catalog's words, e.g. 行政许可、行政处罚事项. */
  readonly scope: string;
  readonly rule: SimpleTimeLimitRule;
}

/**
 * The structured reading of a catalog's 公开时限 text. `composite` is a main limit with exception
 * clauses and/or a publicity period (公示N个工作日). `manual` means the wording was not understood and an
 * admin must set the rule; it is never dropped silently.
 */
export type TimeLimitRule =
  | SimpleTimeLimitRule
  | {
      readonly kind: 'composite';
      readonly main: SimpleTimeLimitRule;
      readonly exceptions: readonly TimeLimitException[];
      readonly publicityPeriod?: { readonly count: number; readonly unit: 'working-days' | 'calendar-days' };
    }
  | { readonly kind: 'manual' };

export interface TimeLimit {
  /** The catalog's own wording, kept beside the rule. */
  readonly text: string;
  readonly rule: TimeLimitRule;
  /** Notes the rule keeps but does not compute with, e.g. 法律法规另有规定的从其规定. */
  readonly notes?: readonly string[];
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function readCount(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === '十') return 10;
  if (raw.startsWith('十')) return 10 + (CHINESE_DIGITS[raw[1]] ?? 0);
  if (raw.endsWith('十')) return (CHINESE_DIGITS[raw[0]] ?? 0) * 10;
  if (raw.length === 3 && raw[1] === '十') return (CHINESE_DIGITS[raw[0]] ?? 0) * 10 + (CHINESE_DIGITS[raw[2]] ?? 0);
  return CHINESE_DIGITS[raw] ?? NaN;
}

function readAnchor(text: string): TimeLimitAnchor {
  // "收到征地批准文件之日" is the receipt of a document, even though it names an approval.
  if (/收到.*(文件|通知)/.test(text)) return 'document-received';
  if (/批准|批复/.test(text)) return 'approved';
  if (/制定或获取|获取/.test(text)) return 'made-or-obtained';
  if (/作出.*决定/.test(text)) return 'decision-made';
  return 'formed-or-changed';
}

/**
 * Reads the main clause of a 公开时限 text. This is the foundation's reader: counts of working days,
 * days and hours, 实时/及时, half-yearly/quarterly updates and fixed yearly dates. Anything else is
 * `manual`. Composite rules keep their main (first) clause; the catalog issue adds exception clauses.
 */
export function parseTimeLimit(text: string): TimeLimit {
  const normalized = text.replace(/\s+/g, '').replace(/[。；;].*$/, '');
  const yearly = /每年(\d{1,2})月(\d{1,2})日前/.exec(normalized);
  if (yearly) return { text, rule: { kind: 'yearly-date', month: Number(yearly[1]), day: Number(yearly[2]) } };
  const count = /(\d+|[一二两三四五六七八九十]{1,3})个?(工作日|日|天|小时)/.exec(normalized);
  if (count) {
    const value = readCount(count[1]);
    if (Number.isFinite(value) && value > 0) {
      const anchor = readAnchor(normalized);
      const unit = count[2];
      if (unit === '工作日') return { text, rule: { kind: 'working-days', count: value, anchor } };
      if (unit === '小时') return { text, rule: { kind: 'hours', count: value, anchor } };
      return { text, rule: { kind: 'calendar-days', count: value, anchor } };
    }
  }
  if (/^(实时|及时)/.test(normalized)) return { text, rule: { kind: 'immediate' } };
  if (/半年/.test(normalized)) return { text, rule: { kind: 'periodic', everyMonths: 6 } };
  if (/每季度?/.test(normalized) && /季/.test(normalized)) return { text, rule: { kind: 'periodic', everyMonths: 3 } };
  return { text, rule: { kind: 'manual' } };
}
