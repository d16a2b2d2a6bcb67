/**
 * What starts the clock of a time limit. `named-event` is any other event the catalog names
 * (采购合同签订, 会议召开, 公示期满): the rule keeps the event's own words in `event`, the drafter gives
 * its date, and the deadline's explanation names it.
 *
 * `application-received` (收到申请之日起) belongs to 依申请公开: the clock of an application starts on its
 * receipt day, which depends on how it arrived (条例 Art. 31). Until applications have their own
 * workflow, an item drafted under such a row is asked for the day the application was received.
 */
export type TimeLimitAnchor =
  | 'formed-or-changed' // 信息形成或者变更
  | 'approved' // 批准/批复后
  | 'document-received' // 收到…文件之日
  | 'made-or-obtained' // 制定或获取
  | 'decision-made' // 作出决定
  | 'application-received' // 收到申请之日起
  | 'named-event'; // 采购合同签订之日起, 会议召开后: the words are in `event`

/** A count from a clock start. `event` is there exactly when `anchor` is `named-event`. */
interface CountFromAnchor {
  readonly count: number;
  readonly anchor: TimeLimitAnchor;
  readonly event?: string;
}

/**
 * A single time limit: a count from an anchor, immediately, periodically, or by a date each year or
 * month. The periodic kinds (periodic, yearly-date, monthly-date, after-period) are standing obligations.
 */
export type SimpleTimeLimitRule =
  | ({ readonly kind: 'working-days' } & CountFromAnchor)
  | ({ readonly kind: 'calendar-days' } & CountFromAnchor)
  | ({ readonly kind: 'hours' } & CountFromAnchor)
  /** N个月内: calendar months; the last day is the same day of the month, or the month's last day. */
  | ({ readonly kind: 'months' } & CountFromAnchor)
  /** N周内: 7N calendar days. */
  | ({ readonly kind: 'weeks' } & CountFromAnchor)
  | { readonly kind: 'immediate' }
  | { readonly kind: 'periodic'; readonly everyMonths: number }
  | { readonly kind: 'yearly-date'; readonly month: number; readonly day: number }
  /** 每月10日前, 每月底前 (`end`): due on that day of every month. */
  | { readonly kind: 'monthly-date'; readonly day: number | 'end' }
  /**
   * 每季度结束后15日内: due N calendar days after each period of `everyMonths` ends (1, 3, 6 or 12).
   * `periodIndex` limits it to one period of the year: 上半年结束后20日内 is every 6 months, index 1.
   */
  | { readonly kind: 'after-period'; readonly everyMonths: number; readonly days: number; readonly periodIndex?: number };

/** The simple kinds that count from a clock start (the drafter gives its date). */
export type CountedTimeLimitRule = Extract<SimpleTimeLimitRule, { kind: 'working-days' | 'calendar-days' | 'hours' | 'months' | 'weeks' }>;

/** The kinds a limit that is due once, from the item's own clock start, can have. */
export type OneOffTimeLimitRule = CountedTimeLimitRule | { readonly kind: 'immediate' };

export const COUNTED_KINDS: readonly CountedTimeLimitRule['kind'][] = ['working-days', 'calendar-days', 'hours', 'months', 'weeks'];

export function isCountedRule(rule: { kind: string }): rule is CountedTimeLimitRule {
  return (COUNTED_KINDS as readonly string[]).includes(rule.kind);
}

/** An exception clause (其中…): a narrower kind of item with its own limit. */
export interface TimeLimitException {
  /** Which items it applies to, in the catalog's words, e.g. 行政许可、行政处罚事项. */
  readonly scope: string;
  readonly rule: SimpleTimeLimitRule;
}

/**
 * The structured reading of a catalog's 公开时限 text. `composite` is a main limit with exception
 * clauses and/or a publicity period (公示N个工作日). `two-limits` is one clause with two limits
 * (实时公开，最迟不超过1个工作日; 3个工作日内受理，20个工作日内公开): `binding` sets the deadline, `other`
 * is shown beside it, with the step it times (受理) when the catalog names one. `manual` means the
 * wording was not understood and an admin must set the rule; it is never dropped silently.
 */
export type TimeLimitRule =
  | SimpleTimeLimitRule
  | {
      readonly kind: 'composite';
      readonly main: SimpleTimeLimitRule;
      readonly exceptions: readonly TimeLimitException[];
      readonly publicityPeriod?: { readonly count: number; readonly unit: 'working-days' | 'calendar-days' };
    }
  | { readonly kind: 'two-limits'; readonly binding: OneOffTimeLimitRule; readonly other: OneOffTimeLimitRule; readonly otherStep?: string }
  | { readonly kind: 'manual' };

export interface TimeLimit {
  /** The catalog's own wording, kept beside the rule. */
  readonly text: string;
  readonly rule: TimeLimitRule;
  /** Notes the rule keeps but does not compute with, e.g. 法律法规另有规定的从其规定. */
  readonly notes?: readonly string[];
}

// ---- Reading the wording -------------------------------------------------------------------------
// Catalog cells are free text written by many offices. The reader recognises the phrasings below and
// hands anything else to an admin (`manual`): a guessed limit would silently set a wrong deadline.

const CHINESE_NUMERALS = '零〇一二两三四五六七八九十百千';
/** A count in Arabic digits or Chinese numerals (七, 十五, 二十, 一百二十). */
const NUMBER = `\\d+|[${CHINESE_NUMERALS}]+`;
const CHINESE_DIGITS = new Map([['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9]]);
const CHINESE_UNITS = new Map([['十', 10], ['百', 100], ['千', 1000]]);

/** N个工作日 / N日 / N天 / N小时. A number right after 月 is a day of the month, not a count. */
const COUNT = new RegExp(
  `(?:(?<![\\d月])(\\d+)|(?<![${CHINESE_NUMERALS}月])([${CHINESE_NUMERALS}]+))个?(工作日|自然日|日历日|日|天|小时)`,
  'g',
);
/** 每年1月31日前, 次年3月底前; a bare date must end in 前 to count as a yearly deadline. */
const YEARLY_DATE = new RegExp(`(每年度?|次年)?(?<![\\d${CHINESE_NUMERALS}])(${NUMBER})月份?(?:(${NUMBER})[日号]|(底|末))(前|之前|以前)?`, 'g');
/** N个月内, N周内, N个星期内. A number right after 每/按 is a period (每2个月), not a count. */
const MONTHS_OR_WEEKS = new RegExp(
  `(?:(?<![\\d月每按])(\\d+)|(?<![${CHINESE_NUMERALS}月每按])([${CHINESE_NUMERALS}]+))(?:个(月)|个?(周|星期))`,
  'g',
);
/** 每月10日前, 每月底前, 每个月的月底前: a day of every month; 前 is required, as for yearly dates. */
const MONTHLY_DATE = new RegExp(`[每按]个?月的?(?:(${NUMBER})[日号]|月?(底|末))(?:前|之前|以前)`, 'g');
/**
 * 每季度结束后15日内, 上半年结束后20日内, 上年度结束后30日内: calendar days after a period ends. 上/下半年
 * names one half of the year; otherwise 上(一)季度/上年度 mean "the period just ended", i.e. each period.
 */
const AFTER_PERIOD = new RegExp(
  `(?:([上下])半年度?|(?:[每按]|上一?)?个?(月|季度|季|半年|年)度?)(?:结束|终了|期满)后的?(${NUMBER})个?(工作日|自然日|日历日|日|天)(?:以?内|之内)?`,
  'g',
);
/** Any other day of a month (每月10号): no rule kind can hold it. */
const DAY_OF_MONTH = new RegExp(`月份?(?:${NUMBER})[日号]|月[底末]`);
/** 每N个月, (每)半年, 每季度, 每月, 每年, 每N年: the alternatives are tried in this order. */
const PERIOD = new RegExp(`[每按](${NUMBER})个月|[每按]?半年度?|[每按]个?季度?|季度|[每按]个?月度?|[每按](${NUMBER})?年度?`, 'g');
/** 至少更新N次 within a period. */
const TIMES = new RegExp(`(${NUMBER})次`, 'g');
const IMMEDIATE = /实时|及时|即时/;
/** Wording that names no limit at all (动态更新, 定期公开): nothing to compute a deadline from. */
const VAGUE = /动态|长期|常态|定期|适时|随时|按需|视情/;
/** 公示7个工作日, 公示期不少于7个工作日, 公示期为7天: how long a publicity notice stays up, not a deadline. */
const PUBLICITY = new RegExp(
  `[并且]?(?:同时)?(?:予以)?公示(?:期|时间|期限)?(?:为|应|应当|不少于|不得少于|不低于|不短于|至少|满)*(${NUMBER})个?(工作日|自然日|日历日|日|天)(?:以上)?(?!以?内)`,
  'g',
);
/**
 * Where the limit of an exception clause begins, after its scope: 行政许可事项|应自作出行政决定之日起….
 * A clock start, a count, a period, a date or 实时 must follow.
 */
const RULE_START = new RegExp(
  `^(?:应当?|须|需|均|一律)?(?:[自从](?:该?信息)?|于|在)?(?=形成|变更|产生|生成|收到|作出|批准|批复|制定|制作|获取|取得|实时|及时|即时|次年|` +
    `[每按](?:${NUMBER})?个?[季月年]|[每按]?半年|[上下]半年|季度|(?:${NUMBER})(?:个?(?:工作日|自然日|日历日|日|天|小时|周|星期)|个?月))` +
    // 自会议召开之日起: a named event (its words may not hold 自 or 从, see NOT_IN_EVENT).
    `|^(?:应当?|须|需|均|一律)?[自从](?=[^，,；;。]+?(?:之日|后|起))`,
);
/** Clauses that qualify the limit without changing it; they are kept as notes. */
const NOTE = /另有规定|从其规定|除外|顺延/;
/** Where a note glued to the limit begins: 20个工作日内|法律法规另有规定的从其规定. */
const NOTE_START = /(?:法律|法规|国家|上级|规章|有关|相关|其他|如|若|凡)[^，,]*?另有规定/;
/** The second half of 国家另有规定的，从其规定. */
const NOTE_CONSEQUENCE = /^(?:则|应)?(?:从|依|按|遵|以)照?其/;
/** Whether a clause says anything about time; clauses that do not (在政府网站公开) are not a limit. */
const TIME_HINT = /[年季月周日天]|小时|时限|期限|实时|及时|即时|动态|长期|常态|定期|随时|适时|\d/;

/** A yearly date must exist every year, so February ends on the 28th (which also meets 2月底 in leap years). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// The bounds a hand-set rule must meet too (time-limit-validation.ts): a reading outside them is not a limit.
const MAX_COUNT = 3650;
const MAX_PUBLICITY_COUNT = 365;
const MAX_EVERY_MONTHS = 12;
/** Periods after whose end a limit can count, and their names. */
const AFTER_PERIOD_MONTHS: Readonly<Record<string, number>> = { 月: 1, 季: 3, 季度: 3, 半年: 6, 年: 12 };
/**
 * Days after a period's end must stay within the next period, so each period is due before the next
 * one's due day: 28 days a month of period.
 */
export function maxDaysAfterPeriod(everyMonths: number): number {
  return 28 * everyMonths;
}

type PublicityPeriod = NonNullable<Extract<TimeLimitRule, { kind: 'composite' }>['publicityPeriod']>;

function readChineseNumber(raw: string): number {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const ch of raw) {
    const value = CHINESE_DIGITS.get(ch);
    if (value !== undefined) {
      if (digit !== undefined && digit !== 0) return NaN; // two digits in a row (一二) is not a count
      digit = value;
      continue;
    }
    const unit = CHINESE_UNITS.get(ch);
    if (unit === undefined || unit >= lastUnit) return NaN;
    if (digit === undefined) {
      // A leading 十 means 一十 (十五 = 15); anywhere else a unit needs its digit (一百一十, not 一百十).
      if (unit !== 10 || total !== 0) return NaN;
      digit = 1;
    }
    if (digit === 0) return NaN;
    total += digit * unit;
    lastUnit = unit;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/** A whole count above zero, or NaN: 0, malformed numerals and absurdly long digit runs are not limits. */
function readCount(raw: string): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : readChineseNumber(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : NaN;
}

/** Where a clock start is, from the words before the count, with the words of a named event. */
type ClockStart = Pick<CountFromAnchor, 'anchor' | 'event'>;

/** Words before an event that are not part of it: 应自, 最迟于, 不超过. */
const EVENT_LEAD = /^(?:应当?|须|需|均|一律|最迟|最晚|至迟|不超过|不得超过)*[自从于在]?/;
/** The words after an event that start the clock from it. */
const EVENT_TAIL = /(?:之日起|之日后|之日以后|之日|当日起|以后|之后|起|后)$/;
/** An event's words: 2 to 30 characters of text, without a clause break or a digit. */
const EVENT_NAME = /^[\u3400-\u9fff（）()《》“”、]{2,30}$/;
/**
 * Words an event may not hold: counts, dates and periods would be read as limits of their own, and 自/从
 * would be read as the start of an exception's limit (其中A事项自…之日起).
 */
const NOT_IN_EVENT = /[年季月周日天时每次自从]|以来|其中|实时|及时|即时/;

function clockStart(anchor: TimeLimitAnchor, event?: string): ClockStart {
  return event === undefined ? { anchor } : { anchor, event };
}

/**
 * What starts the clock, from the words before the count. A clause naming an event that has no anchor
 * of its own (会议召开后, 采购合同签订之日起) keeps the event's words; undefined when those words are not
 * an event's (a date, a count, a clause break). Wording that names nothing counts from the information
 * being formed (条例 Art. 26).
 */
function readClockStart(before: string): ClockStart | undefined {
  if (/收到/.test(before)) {
    // 收到征地批准文件之日: the receipt of a document, even though it names an approval.
    if (/收到.*?(?:文件|通知|批复|批文)/.test(before)) return clockStart('document-received');
    if (/收到.*?申请/.test(before)) return clockStart('application-received');
  }
  // 作出批准决定之日: the decision, not the approval, starts the clock.
  else if (/作出.*?决定/.test(before)) return clockStart('decision-made');
  else if (/批准|批复/.test(before)) return clockStart('approved');
  else if (/制定|制作|获取|取得/.test(before)) return clockStart('made-or-obtained');
  else if (/形成|变更|产生|生成|更新/.test(before)) return clockStart('formed-or-changed');
  else if (!/后|起|之日|以来/.test(before)) return clockStart('formed-or-changed');
  const event = namedEvent(before);
  return event === undefined ? undefined : clockStart('named-event', event);
}

function namedEvent(before: string): string | undefined {
  const tail = EVENT_TAIL.exec(before);
  if (!tail) return undefined;
  const event = before.slice(0, tail.index).replace(EVENT_LEAD, '');
  return EVENT_NAME.test(event) && !NOT_IN_EVENT.test(event) && !VAGUE.test(event) && !NOTE.test(event) ? event : undefined;
}

/**
 * Whether a hand-set rule's event words read back as that event: the parser would name it so, and the
 * description of the rule reads back to the rule.
 */
export function isEventWording(event: unknown): event is string {
  if (typeof event !== 'string') return false;
  const start = readClockStart(`${event}之日起`);
  return start?.anchor === 'named-event' && start.event === event;
}

const UNIT_KIND: Readonly<Record<string, CountedTimeLimitRule['kind']>> = {
  工作日: 'working-days',
  自然日: 'calendar-days',
  日历日: 'calendar-days',
  日: 'calendar-days',
  天: 'calendar-days',
  小时: 'hours',
  月: 'months',
  周: 'weeks',
  星期: 'weeks',
};

/** A count found in the wording: where it starts and ends, its number and its unit. */
interface CountMatch {
  readonly index: number;
  readonly end: number;
  readonly raw: string;
  readonly kind: CountedTimeLimitRule['kind'];
}

function countsIn(wording: string): CountMatch[] {
  const found = [...wording.matchAll(COUNT), ...wording.matchAll(MONTHS_OR_WEEKS)].map((match) => ({
    index: match.index,
    end: match.index + match[0].length,
    raw: match[1] ?? match[2],
    kind: UNIT_KIND[match[3] ?? match[4]],
  }));
  return found.sort((a, b) => a.index - b.index);
}

function readCountedRule(wording: string, match: CountMatch): CountedTimeLimitRule | undefined {
  const count = readCount(match.raw);
  const start = readClockStart(wording.slice(0, match.index));
  if (!(count <= MAX_COUNT) || start === undefined) return undefined;
  return { kind: match.kind, count, ...start };
}

function readPeriodicRule(wording: string, match: RegExpExecArray): SimpleTimeLimitRule | undefined {
  const [phrase, months, years] = match;
  const periodMonths =
    months !== undefined ? readCount(months)
    : years !== undefined ? 12 * readCount(years)
    : phrase.includes('半年') ? 6
    : phrase.includes('季') ? 3
    : phrase.includes('月') ? 1
    : 12;
  // 每年至少更新2次 is every 6 months; a split that is not whole months has no periodic reading.
  const times = [...wording.matchAll(TIMES)];
  if (times.length > 1) return undefined;
  const everyMonths = periodMonths / (times.length === 1 ? readCount(times[0][1]) : 1);
  return Number.isInteger(everyMonths) && everyMonths >= 1 && everyMonths <= MAX_EVERY_MONTHS ? { kind: 'periodic', everyMonths } : undefined;
}

/** One limit, or undefined when the wording holds none or more than one (3个工作日内受理，20个工作日内公开). */
function readSimpleRule(wording: string): SimpleTimeLimitRule | undefined {
  if (VAGUE.test(wording)) return undefined;
  let rest = wording;
  const yearly: SimpleTimeLimitRule[] = [];
  for (const date of wording.matchAll(YEARLY_DATE)) {
    const [phrase, eachYear, monthText, dayText, endOfMonth, before] = date;
    // 2024年1月31日前 is a one-off date, and a bare 3月1日 is not a deadline.
    if (eachYear === undefined && (before === undefined || wording[date.index - 1] === '年')) return undefined;
    const month = readCount(monthText);
    if (!(month >= 1 && month <= 12)) return undefined;
    const day = endOfMonth !== undefined ? DAYS_IN_MONTH[month - 1] : readCount(dayText);
    if (!(day >= 1 && day <= DAYS_IN_MONTH[month - 1])) return undefined;
    yearly.push({ kind: 'yearly-date', month, day });
    rest = rest.replace(phrase, '');
  }
  const dated: SimpleTimeLimitRule[] = [];
  for (const date of rest.matchAll(MONTHLY_DATE)) {
    const [phrase, dayText, endOfMonth] = date;
    const day = endOfMonth !== undefined ? 'end' : readCount(dayText);
    if (day !== 'end' && !(day >= 1 && day <= 31)) return undefined;
    dated.push({ kind: 'monthly-date', day });
    rest = rest.replace(phrase, '');
  }
  for (const after of rest.matchAll(AFTER_PERIOD)) {
    const [phrase, half, periodName, countText, unit] = after;
    // Periods end on calendar days and their obligations are due on one; a working-day count after a
    // period's end is not computed (an admin sets it by hand).
    if (unit === '工作日') return undefined;
    const everyMonths = half !== undefined ? 6 : AFTER_PERIOD_MONTHS[periodName];
    const days = readCount(countText);
    if (!(days <= maxDaysAfterPeriod(everyMonths))) return undefined;
    dated.push({ kind: 'after-period', everyMonths, days, ...(half !== undefined ? { periodIndex: half === '上' ? 1 : 2 } : {}) });
    rest = rest.replace(phrase, '');
  }
  if (DAY_OF_MONTH.test(rest)) return undefined;
  const counts = countsIn(rest);
  const periods = [...rest.matchAll(PERIOD)];
  const immediate = IMMEDIATE.test(rest);
  if (yearly.length + dated.length + counts.length + periods.length + (immediate ? 1 : 0) !== 1) return undefined;
  if (yearly.length === 1) return yearly[0];
  if (dated.length === 1) return dated[0];
  if (immediate) return { kind: 'immediate' };
  if (counts.length === 1) return readCountedRule(rest, counts[0]);
  return readPeriodicRule(rest, periods[0]);
}

/** 最迟不超过, 但最迟: the limit a clause marks as the latest one, which binds. */
const LATEST = /^(?:但|且|并|并且)?(?:最迟|最晚|至迟|最长)(?:于|在)?(?:不超过|不得超过|不超出|不晚于|不得晚于)?|^(?:但|且|并|并且)?(?:不超过|不得超过|不晚于|不得晚于)/;
/** A step that publishes: the limit of a clause with such a step is the disclosure's. */
const PUBLISHES = /^(?:予以|向社会)?(?:公开|公布|发布|公示|上网)/;
/** The step a limit times (受理, 答复, 公开): a few words, nothing about time. */
const STEP = /^[\u3400-\u9fff]{1,8}$/;

type TwoLimits = Extract<TimeLimitRule, { kind: 'two-limits' }>;

interface LimitClause {
  readonly rule: OneOffTimeLimitRule;
  readonly latest: boolean;
  /** The words after the count (受理 in 3个工作日内受理); empty when there are none. */
  readonly step: string;
  /** Whether the clause names its own clock start (自收到申请之日起…) rather than taking the other's. */
  readonly namesStart: boolean;
}

function readLimitClause(segment: string): LimitClause | undefined {
  const latest = LATEST.exec(segment)?.[0] ?? '';
  const wording = segment.slice(latest.length);
  const rule = readSimpleRule(wording);
  if (!rule || !(rule.kind === 'immediate' || isCountedRule(rule))) return undefined;
  if (rule.kind === 'immediate') return { rule, latest: latest !== '', step: '', namesStart: false };
  const count = countsIn(wording)[0];
  const step = wording.slice(count.end).replace(/^(?:以?内|之内)/, '');
  if (step !== '' && (!STEP.test(step) || TIME_HINT.test(step))) return undefined;
  return { rule, latest: latest !== '', step, namesStart: wording.slice(0, count.index) !== '' };
}

/**
 * One clause with two limits: 实时公开，最迟不超过1个工作日 (the latest one binds) or 3个工作日内受理，20个
 * 工作日内公开 (the one that publishes binds). A limit that names no clock start takes the other's
 * (自收到申请之日起3个工作日内受理，20个工作日内公开). Undefined when neither limit clearly binds.
 */
function readTwoLimits(wording: string): TwoLimits | undefined {
  const segments = wording.split(/[，,]/).filter((segment) => segment !== '');
  if (segments.length !== 2) return undefined;
  const clauses = segments.map(readLimitClause);
  if (!clauses[0] || !clauses[1]) return undefined;
  const [first, second] = clauses as [LimitClause, LimitClause];
  if (first.rule.kind === 'immediate' && second.rule.kind === 'immediate') return undefined;
  let bindingIndex: number;
  if (first.latest !== second.latest) bindingIndex = second.latest ? 1 : 0;
  else if (first.latest) return undefined;
  else {
    const publishes = [PUBLISHES.test(first.step), PUBLISHES.test(second.step)];
    if (publishes[0] === publishes[1] || first.step === '' || second.step === '') return undefined;
    bindingIndex = publishes[1] ? 1 : 0;
  }
  const binding = bindingIndex === 1 ? second : first;
  const other = bindingIndex === 1 ? first : second;
  const inherit = (clause: LimitClause, from: LimitClause): OneOffTimeLimitRule =>
    isCountedRule(clause.rule) && !clause.namesStart && isCountedRule(from.rule) && from.namesStart
      ? { ...clause.rule, ...clockStart(from.rule.anchor, from.rule.event) }
      : clause.rule;
  const otherRule = inherit(other, binding);
  const otherStep = isCountedRule(otherRule) && !PUBLISHES.test(other.step) && other.step !== '' ? other.step : undefined;
  return { kind: 'two-limits', binding: inherit(binding, other), other: otherRule, ...(otherStep !== undefined ? { otherStep } : {}) };
}

function trimSeparators(wording: string): string {
  return wording.replace(/^[，,：:、]+|[，,：:、]+$/g, '');
}

/** 行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示 → its scope and its limit. */
function readException(wording: string): TimeLimitException | undefined {
  for (let at = 1; at < wording.length; at++) {
    if (!RULE_START.test(wording.slice(at))) continue;
    const scope = trimSeparators(wording.slice(0, at));
    const rule = readSimpleRule(wording.slice(at));
    return scope !== '' && rule ? { scope, rule } : undefined;
  }
  return undefined;
}

function readPublicityPeriod(match: RegExpExecArray): PublicityPeriod | undefined {
  const count = readCount(match[1]);
  if (!(count <= MAX_PUBLICITY_COUNT)) return undefined;
  return { count, unit: match[2] === '工作日' ? 'working-days' : 'calendar-days' };
}

/** Splits the wording into clauses, moving notes (另有规定的从其规定, 节假日顺延) out of them. */
function splitClauses(wording: string, notes: string[]): string[] {
  // A bracketed remark such as （法律法规另有规定的除外） is a note when it says so; others stay in place.
  const unbracketed = wording.replace(/[（(]([^（）()]*)[）)]/g, (whole, inner: string) => {
    if (!NOTE.test(inner)) return whole;
    notes.push(inner);
    return '';
  });
  return unbracketed
    .split(/[。；;]/)
    .map((clause) => takeNotes(clause, notes))
    .filter((clause) => clause !== '');
}

function takeNotes(clause: string, notes: string[]): string {
  const parts = clause.split(/([，,])/); // segment, separator, segment, …
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    let segment = parts[i];
    if (!NOTE.test(segment)) {
      kept.push(segment);
      continue;
    }
    const start = NOTE_START.exec(segment)?.index ?? 0;
    if (start > 0 && TIME_HINT.test(segment.slice(0, start))) {
      kept.push(segment.slice(0, start));
      segment = segment.slice(start);
    }
    while (i + 2 < parts.length && NOTE_CONSEQUENCE.test(parts[i + 2])) {
      segment += parts[i + 1] + parts[i + 2];
      i += 2;
    }
    notes.push(segment);
  }
  return kept.filter((segment) => segment !== '').join('，');
}

/**
 * The clause structure: a main limit, exception clauses (其中…, possibly continued after ；), and a
 * publicity period anywhere. Any clause about time that does not fit makes the whole rule manual.
 */
function readRule(clauses: readonly string[]): TimeLimitRule {
  let main: SimpleTimeLimitRule | undefined;
  let twoLimits: TwoLimits | undefined;
  const exceptions: TimeLimitException[] = [];
  let publicityPeriod: PublicityPeriod | undefined;
  for (const clause of clauses.flatMap((c) => c.split(/(?=其中)/))) {
    const publicity = [...clause.matchAll(PUBLICITY)];
    if (publicity.length > 0) {
      if (publicityPeriod || publicity.length > 1) return { kind: 'manual' };
      publicityPeriod = readPublicityPeriod(publicity[0]);
      if (!publicityPeriod) return { kind: 'manual' };
    }
    const piece = trimSeparators(clause.replace(PUBLICITY, ''));
    if (piece.startsWith('其中')) {
      const exception = main && readException(trimSeparators(piece.slice(2)));
      if (!exception) return { kind: 'manual' };
      exceptions.push(exception);
    } else if (!main && !twoLimits) {
      if (!TIME_HINT.test(piece)) continue; // a preamble such as 按照条例规定
      main = readSimpleRule(piece);
      if (!main) twoLimits = readTwoLimits(piece);
      if (!main && !twoLimits) return { kind: 'manual' };
    } else if (piece !== '') {
      // 其中A…；B…: a clause after an exception may be the next exception.
      const exception = exceptions.length > 0 ? readException(piece) : undefined;
      if (exception) exceptions.push(exception);
      else if (TIME_HINT.test(piece)) return { kind: 'manual' };
    }
  }
  if (twoLimits) return exceptions.length === 0 && !publicityPeriod ? twoLimits : { kind: 'manual' };
  if (!main) return { kind: 'manual' };
  if (exceptions.length === 0 && !publicityPeriod) return main;
  return { kind: 'composite', main, exceptions, ...(publicityPeriod ? { publicityPeriod } : {}) };
}

/**
 * Reads a catalog's 公开时限 wording into a rule. It understands counts of working days (工作日), days
 * (日/天), hours, months (个月) and weeks (周) from a clock start, which may be any event the catalog
 * names (会议召开后); 实时/及时; periodic updates (每月/每季度/半年/每年/每N个月); fixed dates each year
 * (每年1月31日前) or each month (每月10日前, 每月底前); days after each period ends (每季度结束后15日内,
 * 上半年结束后20日内); two limits in one clause (实时公开，最迟不超过1个工作日); exception clauses (其中…),
 * publicity periods (公示N个工作日) and notes (法律法规另有规定的从其规定). Anything else, or any
 * ambiguity, is `manual`. It never throws.
 */
export function parseTimeLimit(text: string): TimeLimit {
  const wording = text
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)) // ２０ → 20
    .replace(/[\r\n\u2028\u2029]+/g, '；') // a line break in a cell ends a clause
    .replace(/\s+/g, '');
  const notes: string[] = [];
  const rule = readRule(splitClauses(wording, notes));
  return notes.length > 0 ? { text, rule, notes } : { text, rule };
}
