import { addDays, chinaDateOf, endOfChinaDay, type LocalDate } from '../calendar/local-date';
import { maxDaysAfterPeriod, type SimpleTimeLimitRule, type TimeLimitRule } from '../catalog/time-limit-rule';

/**
 * 定期公开: a catalog row whose time limit is a standing obligation rather than a count from an event:
 * `半年至少更新1次` (periodic, every 6 months), `每年1月31日前` (a fixed date each year), `每月10日前` (a
 * day of each month) or `每季度结束后15日内` (days after each period ends).
 */
export type ObligationRule = Extract<SimpleTimeLimitRule, { kind: 'periodic' | 'yearly-date' | 'monthly-date' | 'after-period' }>;

/** Periods that days after their end can count from. */
const AFTER_PERIOD_MONTHS: readonly number[] = [1, 3, 6, 12];
/** The last day of a month a monthly date can open the day after in every month (28 is missing in no month, 29 is). */
const LAST_DAY_EVERY_MONTH_FOLLOWS = 27;

/** Period lengths that tile the calendar year from January, so every period starts and ends inside one year. */
export const SUPPORTED_PERIOD_MONTHS: readonly number[] = [1, 2, 3, 4, 6, 12];

/** Obligations follow China time; it has no daylight saving, so a calendar spec in it fires exactly once a day. */
export const OBLIGATION_TIME_ZONE = 'Asia/Shanghai';

/** How long before a yearly date its task opens, so the department has time to draft (counted in a common year). */
export const YEARLY_DATE_LEAD_DAYS = 30;

/** One period of an obligation: the days it covers and the day its disclosure is due. */
export interface ObligationPeriod {
  /** Stable and short (2027-H1, 2027-Q3, 2027-M05, 2027): part of the period's workflow id. */
  readonly key: string;
  /** As people say it: 2027年上半年, 2027年第三季度, 2027年度. */
  readonly label: string;
  /** The first day an item counts towards this period. */
  readonly startDate: LocalDate;
  /** The last day: the disclosure is due by the end of it, China time. */
  readonly dueDate: LocalDate;
}

/**
 * When the obligation's Schedule fires, as plain data (the API turns it into Temporal's calendar spec):
 * at 00:00:00 China time on `dayOfMonth` of each of `months`.
 */
export interface ObligationCalendarSpec {
  /** 1–12. */
  readonly months: readonly number[];
  readonly dayOfMonth: number;
  readonly hour: 0;
  readonly minute: 0;
  readonly second: 0;
  readonly timeZone: typeof OBLIGATION_TIME_ZONE;
  /** Why these times, in Chinese, shown with the schedule. */
  readonly comment: string;
}

/** The due instant of a period, with its why-this-date explanation. */
export interface ObligationDeadline {
  readonly dueAt: string;
  readonly dueDate: LocalDate;
  readonly explanation: string;
}

/** A yearly date must exist every year: 2/29 is never one (the parser reads 2月底 as 2/28). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const QUARTER_NAMES = ['一', '二', '三', '四'];
/** A common year, for turning "30 days before M/D" into a fixed month and day. */
const COMMON_YEAR = 2025;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function dateOf(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function partsOf(date: LocalDate): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The standing obligation in a catalog rule, or undefined when the rule is a one-off limit. A composite
 * rule counts when its main limit is periodic: its exception clauses concern narrower kinds of item.
 */
export function obligationRuleOf(rule: TimeLimitRule): ObligationRule | undefined {
  if (rule.kind === 'composite') return obligationRuleOf(rule.main);
  return rule.kind === 'periodic' || rule.kind === 'yearly-date' || rule.kind === 'monthly-date' || rule.kind === 'after-period' ? rule : undefined;
}

/** Why a periodic or yearly rule cannot be scheduled, or undefined when it can. */
export function obligationRuleProblem(rule: ObligationRule): string | undefined {
  if (rule.kind === 'periodic') {
    return SUPPORTED_PERIOD_MONTHS.includes(rule.everyMonths)
      ? undefined
      : `every ${rule.everyMonths} months does not divide the year into whole periods; supported: every ${SUPPORTED_PERIOD_MONTHS.join(', ')} months`;
  }
  if (rule.kind === 'monthly-date') {
    return rule.day === 'end' || (Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= 31) ? undefined : `每月${rule.day}日 is not a day of the month`;
  }
  if (rule.kind === 'after-period') {
    if (!AFTER_PERIOD_MONTHS.includes(rule.everyMonths)) return `days after every ${rule.everyMonths} months: supported periods are ${AFTER_PERIOD_MONTHS.join(', ')} months`;
    if (!(Number.isInteger(rule.days) && rule.days >= 1 && rule.days <= maxDaysAfterPeriod(rule.everyMonths))) {
      return `${rule.days} days after a period of ${rule.everyMonths} months would reach past the next period's due day`;
    }
    if (rule.periodIndex !== undefined && !(rule.everyMonths === 6 && (rule.periodIndex === 1 || rule.periodIndex === 2))) return 'periodIndex is only for half-years (1 or 2)';
    return undefined;
  }
  const valid = Number.isInteger(rule.month) && rule.month >= 1 && rule.month <= 12 && Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= DAYS_IN_MONTH[rule.month - 1];
  return valid ? undefined : `${rule.month}月${rule.day}日 is not a date every year has`;
}

function periodicPeriod(everyMonths: number, year: number, month: number): ObligationPeriod {
  const index = Math.floor((month - 1) / everyMonths);
  const first = index * everyMonths + 1;
  const last = first + everyMonths - 1;
  const count = 12 / everyMonths;
  const key =
    everyMonths === 12 ? `${year}`
    : everyMonths === 6 ? `${year}-H${index + 1}`
    : everyMonths === 3 ? `${year}-Q${index + 1}`
    : everyMonths === 1 ? `${year}-M${pad(first)}`
    : `${year}-P${index + 1}of${count}`;
  const label =
    everyMonths === 12 ? `${year}年度`
    : everyMonths === 6 ? `${year}年${index === 0 ? '上' : '下'}半年`
    : everyMonths === 3 ? `${year}年第${QUARTER_NAMES[index]}季度`
    : everyMonths === 1 ? `${year}年${first}月`
    : `${year}年${first}—${last}月`;
  return { key, label, startDate: dateOf(year, first, 1), dueDate: dateOf(year, last, lastDayOfMonth(year, last)) };
}

/** The due day of a monthly date in a month: the day, or the month's last day when it is shorter. */
function monthlyDueDate(day: number | 'end', year: number, month: number): LocalDate {
  const last = lastDayOfMonth(year, month);
  return dateOf(year, month, day === 'end' ? last : Math.min(day, last));
}

function monthlyDatePeriod(day: number | 'end', date: LocalDate): ObligationPeriod {
  const [year, month] = partsOf(date);
  const [dueYear, dueMonth] = monthlyDueDate(day, year, month) >= date ? [year, month] : month === 12 ? [year + 1, 1] : [year, month + 1];
  const [previousYear, previousMonth] = dueMonth === 1 ? [dueYear - 1, 12] : [dueYear, dueMonth - 1];
  return {
    key: `${dueYear}-M${pad(dueMonth)}`,
    label: `${dueYear}年${dueMonth}月`,
    startDate: addDays(monthlyDueDate(day, previousYear, previousMonth), 1),
    dueDate: monthlyDueDate(day, dueYear, dueMonth),
  };
}

/** The periods of a year that an after-period rule covers, each due `days` after it ends. */
function afterPeriodsOf(rule: Extract<ObligationRule, { kind: 'after-period' }>, year: number): ObligationPeriod[] {
  const periods: ObligationPeriod[] = [];
  for (let index = 0; index < 12 / rule.everyMonths; index++) {
    if (rule.periodIndex !== undefined && rule.periodIndex !== index + 1) continue;
    const period = periodicPeriod(rule.everyMonths, year, index * rule.everyMonths + 1);
    periods.push({ ...period, dueDate: addDays(period.dueDate, rule.days) });
  }
  return periods;
}

/**
 * The period of `每季度结束后15日内` on a day: the one whose due day is the next on or after it (on 04-10,
 * the first quarter, due 04-15). Its window begins the day after the previous period's due day, so an
 * item drafted right after the quarter ends counts towards it.
 */
function afterPeriodAt(rule: Extract<ObligationRule, { kind: 'after-period' }>, date: LocalDate): ObligationPeriod {
  const [year] = partsOf(date);
  const periods = [year - 2, year - 1, year, year + 1].flatMap((y) => afterPeriodsOf(rule, y));
  const index = periods.findIndex((period) => period.dueDate >= date);
  return { ...periods[index], startDate: addDays(periods[index - 1].dueDate, 1) };
}

/**
 * The period an obligation is in on a given day (China time). Periodic: the half-year, quarter or month
 * containing the day, due on its last day. Yearly date: the year that ends on the next M/D on or after
 * the day (2027年度 is due 2027-01-31), and begins the day after the previous year's date. Monthly date
 * and days after a period: likewise the period whose due day is the next on or after the day.
 */
export function obligationPeriodAt(rule: ObligationRule, date: LocalDate): ObligationPeriod {
  const problem = obligationRuleProblem(rule);
  if (problem) throw new RangeError(problem);
  const [year, month] = partsOf(date);
  if (rule.kind === 'periodic') return periodicPeriod(rule.everyMonths, year, month);
  if (rule.kind === 'monthly-date') return monthlyDatePeriod(rule.day, date);
  if (rule.kind === 'after-period') return afterPeriodAt(rule, date);
  const dueYear = dateOf(year, rule.month, rule.day) >= date ? year : year + 1;
  return {
    key: `${dueYear}`,
    label: `${dueYear}年度`,
    startDate: addDays(dateOf(dueYear - 1, rule.month, rule.day), 1),
    dueDate: dateOf(dueYear, rule.month, rule.day),
  };
}

/**
 * When the Schedule opens each period. Periodic every N months: 00:00 on the first day of each period
 * (every 6 months: 1/1 and 7/1; every 3 months: 1/1, 4/1, 7/1, 10/1). Yearly date M/D: 00:00 on the day
 * 30 days before it in a common year (1/31 → 1/1), so the department has a month to draft; in a leap
 * year a date after February gets 31 days.
 */
export function obligationCalendarSpec(rule: ObligationRule): ObligationCalendarSpec {
  const problem = obligationRuleProblem(rule);
  if (problem) throw new RangeError(problem);
  if (rule.kind === 'periodic') {
    const months = Array.from({ length: 12 / rule.everyMonths }, (_, index) => index * rule.everyMonths + 1);
    return {
      months,
      dayOfMonth: 1,
      hour: 0,
      minute: 0,
      second: 0,
      timeZone: OBLIGATION_TIME_ZONE,
      comment: `每${rule.everyMonths}个月更新：每期首日0时（北京时间）开启本期起草任务，期末当日为截止日`,
    };
  }
  if (rule.kind === 'monthly-date') {
    // The day after each due day, so the department has the whole month; a day some month lacks opens on the 1st.
    const follows = rule.day !== 'end' && rule.day <= LAST_DAY_EVERY_MONTH_FOLLOWS;
    return {
      months: Array.from({ length: 12 }, (_, index) => index + 1),
      dayOfMonth: follows ? (rule.day as number) + 1 : 1,
      hour: 0,
      minute: 0,
      second: 0,
      timeZone: OBLIGATION_TIME_ZONE,
      comment: `${rule.day === 'end' ? '每月底前' : `每月${rule.day}日前`}：${follows ? `每月${(rule.day as number) + 1}日` : '每月1日'}0时（北京时间）开启下一期起草任务`,
    };
  }
  if (rule.kind === 'after-period') {
    // The first day after each period ends: the period just ended is due `days` later.
    const months = afterPeriodsOf(rule, COMMON_YEAR).map((period) => (partsOf(period.startDate)[1] + rule.everyMonths - 1) % 12 + 1).sort((a, b) => a - b);
    return {
      months,
      dayOfMonth: 1,
      hour: 0,
      minute: 0,
      second: 0,
      timeZone: OBLIGATION_TIME_ZONE,
      comment: `期末后${rule.days}日内：每期结束次日0时（北京时间）开启该期起草任务`,
    };
  }
  const [, month, day] = partsOf(addDays(dateOf(COMMON_YEAR, rule.month, rule.day), -YEARLY_DATE_LEAD_DAYS));
  return {
    months: [month],
    dayOfMonth: day,
    hour: 0,
    minute: 0,
    second: 0,
    timeZone: OBLIGATION_TIME_ZONE,
    comment: `每年${rule.month}月${rule.day}日前：提前${YEARLY_DATE_LEAD_DAYS}天（${month}月${day}日0时，北京时间）开启本年度起草任务`,
  };
}

/** 00:00 of a day in China, as an instant. */
function startOfChinaDay(date: LocalDate): Date {
  return new Date(endOfChinaDay(addDays(date, -1)).getTime() + 1);
}

/** The first instant strictly after `after` at which the spec fires: the same rule Temporal applies. */
export function nextObligationOpening(spec: ObligationCalendarSpec, after: Date): Date {
  // The spec fires at most yearly, and on a day every year has: a year and a day of candidates suffice.
  let day = chinaDateOf(after);
  for (let step = 0; step < 368; step++, day = addDays(day, 1)) {
    const [, month, dayOfMonth] = partsOf(day);
    if (dayOfMonth !== spec.dayOfMonth || !spec.months.includes(month)) continue;
    const opening = startOfChinaDay(day);
    if (opening.getTime() > after.getTime()) return opening;
  }
  throw new RangeError('the calendar spec never fires');
}

/** The due instant of a period: the end of its due day, China time (working-day adjustments do not apply). */
export function obligationDeadline(period: Pick<ObligationPeriod, 'label' | 'dueDate'>): ObligationDeadline {
  return {
    dueAt: endOfChinaDay(period.dueDate).toISOString(),
    dueDate: period.dueDate,
    explanation: `定期公开（${period.label}）：截止${period.dueDate}当日（北京时间）`,
  };
}
