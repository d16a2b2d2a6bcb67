import { describeTimeLimitRule } from '../catalog/time-limit-description';
import {
  describePublicityPeriod,
  governingRuleOf,
  publicityPeriodOf,
  timeLimitCaseOf,
  timeLimitCasesOf,
  type PublicityPeriodLength,
} from '../catalog/time-limit-cases';
import type { CountedTimeLimitRule, TimeLimitRule } from '../catalog/time-limit-rule';
import { obligationPeriodAt, obligationRuleProblem, type ObligationRule } from '../obligation/periodic-obligation';
import { chinaDateOf, endOfChinaDay, isLocalDate, type LocalDate } from './local-date';
import type { WorkingDayCalendar, WorkingDayCount } from './working-day-calendar';

/** Appended to the explanation of a deadline that rests on computed statutory holidays. */
export const PROVISIONAL_DEADLINE_NOTE = '（暂按法定节假日推算，官方安排公布后重新计算）';

/** An absolute due instant and the reasoning behind it. */
export interface Deadline {
  readonly dueAt: string;
  readonly dueDate: LocalDate;
  readonly provisional: boolean;
  /** "Why this date", in Chinese, for the timeline. */
  readonly explanation: string;
  /** The calendar that computed it: a deadline from an older version is due for recomputation. */
  readonly calendarVersion: string;
  /** How long the item's publicity notice stays up once released (公示N个工作日), when the rule has one. */
  readonly publicityPeriod?: PublicityPeriodLength;
}

/**
 * What the drafter gives beside the rule, when the rule asks for it: which case of a composite rule
 * applies (一般情形, 行政许可事项), or the due date and its reason when no limit can be read from the rule.
 */
export interface ReleaseDeadlineChoice {
  readonly timeLimitCase?: string;
  /** The last day, China time, YYYY-MM-DD. */
  readonly manualDueDate?: LocalDate;
  readonly manualDueReason?: string;
}

/** A drafter's field the rule needs (or refuses), with the problem in Chinese. */
export interface ReleaseDeadlineChoiceProblem {
  readonly field: 'timeLimitCase' | 'manualDueDate' | 'manualDueReason';
  readonly problem: string;
}

/**
 * The drafter's choice does not fit the rule (a manual rule without its date, an unknown case). A
 * RangeError, so an activity that meets it refuses the data instead of retrying.
 */
export class ReleaseDeadlineChoiceError extends RangeError {
  constructor(readonly problems: readonly ReleaseDeadlineChoiceProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.problem}`).join('; '));
    this.name = 'ReleaseDeadlineChoiceError';
  }
}

/** e.g. `（跳过周末5天、春节9天）`: weekends first, then each holiday in the order met; empty when nothing was skipped. */
function describeSkipped(result: WorkingDayCount): string {
  const parts = new Map<string, number>();
  const weekends = result.skipped.filter((day) => day.reason === 'weekend').length;
  if (weekends > 0) parts.set('周末', weekends);
  for (const day of result.skipped) {
    if (day.reason !== 'holiday') continue;
    const name = day.holidayName ?? '节假日';
    parts.set(name, (parts.get(name) ?? 0) + 1);
  }
  if (parts.size === 0) return '';
  return `（跳过${[...parts].map(([name, days]) => `${name}${days}天`).join('、')}）`;
}

function provisionalNote(provisional: boolean): string {
  return provisional ? PROVISIONAL_DEADLINE_NOTE : '';
}

/**
 * The clock start as the explanation names it: the event's words and its date when the catalog names an
 * event of its own (采购合同签订（2026-12-01））, else just the date, as it always read.
 */
function startOf(rule: CountedTimeLimitRule, trigger: LocalDate): string {
  if (rule.anchor === 'named-event' && rule.event) return `${rule.event}（${trigger}）`;
  if (rule.anchor === 'application-received') return `收到申请（${trigger}）`;
  return trigger;
}

/**
 * N calendar months after a day: the same day of the month, or that month's last day when it has no such
 * day (2026-08-31 + 1 month = 2026-09-30), as 民法典 Art. 202 counts periods in months.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * Whether the limit an item is timed by (the chosen case's, for a composite rule) gives no deadline by
 * itself, so the drafter must: a manual rule, or a periodic one whose periods do not tile the year.
 */
export function requiresManualDue(rule: TimeLimitRule, timeLimitCase?: string): boolean {
  const governing = governingRuleOf(rule, timeLimitCase);
  if (governing.kind === 'manual') return true;
  return isObligationRule(governing) && obligationRuleProblem(governing) !== undefined;
}

function isObligationRule(rule: { kind: string }): rule is ObligationRule {
  return rule.kind === 'periodic' || rule.kind === 'yearly-date' || rule.kind === 'monthly-date' || rule.kind === 'after-period';
}

/**
 * What is missing from, or wrong with, the drafter's choice for this rule and clock start day (empty when it
 * fits): a rule with cases needs one of them; a rule that needs a manual due date needs the date (on or
 * after the clock start) and a reason; a rule that computes its own deadline takes neither, so a date typed
 * by hand can never override the catalog.
 */
export function releaseDeadlineChoiceProblems(rule: TimeLimitRule, choice: ReleaseDeadlineChoice, trigger: LocalDate): ReleaseDeadlineChoiceProblem[] {
  const problems: ReleaseDeadlineChoiceProblem[] = [];
  const cases = timeLimitCasesOf(rule);
  const caseNames = cases.map((c) => c.name).join('、');
  if (cases.length > 0 && choice.timeLimitCase === undefined) {
    problems.push({ field: 'timeLimitCase', problem: `该目录事项的公开时限分情形规定，请选择适用情形：${caseNames}` });
  } else if (cases.length > 0 && !timeLimitCaseOf(rule, choice.timeLimitCase!)) {
    problems.push({ field: 'timeLimitCase', problem: `“${choice.timeLimitCase}”不是该目录事项公开时限的情形，可选：${caseNames}` });
  } else if (cases.length === 0 && choice.timeLimitCase !== undefined) {
    problems.push({ field: 'timeLimitCase', problem: '该目录事项的公开时限不分情形，不能选择适用情形' });
  }
  if (problems.length > 0) return problems;
  if (requiresManualDue(rule, choice.timeLimitCase)) {
    if (choice.manualDueDate === undefined) {
      problems.push({ field: 'manualDueDate', problem: '该目录事项的公开时限无法自动计算，请填写公开截止日期' });
    } else if (!isLocalDate(choice.manualDueDate)) {
      problems.push({ field: 'manualDueDate', problem: '须为 YYYY-MM-DD 格式的真实日期' });
    } else if (choice.manualDueDate < trigger) {
      problems.push({ field: 'manualDueDate', problem: `公开截止日期不能早于起算日期（${trigger}）` });
    }
    if (!choice.manualDueReason?.trim()) problems.push({ field: 'manualDueReason', problem: '请说明公开截止日期的依据（如上级通知、法规条款）' });
  } else {
    const typed = (['manualDueDate', 'manualDueReason'] as const).filter((field) => choice[field] !== undefined);
    for (const field of typed) problems.push({ field, problem: '该目录事项的公开时限可自动计算，不能人工指定截止日期' });
  }
  return problems;
}

/**
 * Turns a time-limit rule and its trigger day into a due instant: the end of the due day, China time.
 * `trigger` is the date of the event the rule counts from (the item's formedAt). Every kind of rule
 * decides its own deadline: a composite rule by the case the drafter chose; a periodic or yearly rule by
 * the obligation's period containing the trigger day; a manual rule by the date the drafter gave, with
 * its reason. A rule that needs a choice it did not get is refused (ReleaseDeadlineChoiceError), never
 * given a default limit.
 */
export function computeReleaseDeadline(calendar: WorkingDayCalendar, rule: TimeLimitRule, trigger: LocalDate, choice: ReleaseDeadlineChoice = {}): Deadline {
  if (rule.kind === 'composite') return compositeDeadline(calendar, rule, trigger, choice);
  if (rule.kind === 'manual' || requiresManualDue(rule)) return manualDeadline(calendar, rule, trigger, choice);
  return simpleDeadline(calendar, rule, trigger);
}

/**
 * A composite rule: the chosen case's limit, and the explanation says which case. An item drafted before
 * cases could be chosen (no case recorded) keeps the main limit it always had, and the explanation says
 * no case was chosen.
 */
function compositeDeadline(calendar: WorkingDayCalendar, rule: Extract<TimeLimitRule, { kind: 'composite' }>, trigger: LocalDate, choice: ReleaseDeadlineChoice): Deadline {
  const cases = timeLimitCasesOf(rule);
  const chosen = choice.timeLimitCase !== undefined ? timeLimitCaseOf(rule, choice.timeLimitCase) : undefined;
  if (choice.timeLimitCase !== undefined && !chosen) throw new ReleaseDeadlineChoiceError(releaseDeadlineChoiceProblems(rule, choice, trigger));
  const governing = chosen?.rule ?? rule.main;
  const inner = requiresManualDue(governing) ? manualDeadline(calendar, governing, trigger, choice) : simpleDeadline(calendar, governing, trigger);
  const which =
    chosen ? `适用情形“${chosen.name}”（${describeTimeLimitRule(chosen.rule)}）：`
    : cases.length > 0 ? '未选择适用情形，按一般情形计算：'
    : '';
  const publicity = rule.publicityPeriod ? `；发布后公示${describePublicityPeriod(rule.publicityPeriod)}` : '';
  return { ...inner, explanation: `${which}${inner.explanation}${publicity}`, ...(rule.publicityPeriod ? { publicityPeriod: rule.publicityPeriod } : {}) };
}

/** The drafter's date, to the end of that day China time, with the reason quoted. */
function manualDeadline(calendar: WorkingDayCalendar, rule: TimeLimitRule, trigger: LocalDate, choice: ReleaseDeadlineChoice): Deadline {
  const problems = releaseDeadlineChoiceProblems(rule, { manualDueDate: choice.manualDueDate, manualDueReason: choice.manualDueReason }, trigger).filter((p) => p.field !== 'timeLimitCase');
  if (problems.length > 0 || choice.manualDueDate === undefined) throw new ReleaseDeadlineChoiceError(problems);
  const dueDate = choice.manualDueDate;
  const why = rule.kind === 'manual' ? '目录时限无法自动计算' : `目录时限（${describeTimeLimitRule(rule)}）无法划分期次`;
  return {
    dueAt: endOfChinaDay(dueDate).toISOString(),
    dueDate,
    provisional: false,
    explanation: `${why}，由起草人指定截止${dueDate}，依据：“${choice.manualDueReason!.trim()}”`,
    calendarVersion: calendar.version,
  };
}

/**
 * A standing obligation's item is due with the obligation's period that contains the trigger day: the
 * period's last day (半年至少更新1次), or the next fixed date on or after it (每年1月31日前).
 */
function obligationDeadline(calendar: WorkingDayCalendar, rule: ObligationRule, trigger: LocalDate): Deadline {
  const period = obligationPeriodAt(rule, trigger);
  const where =
    rule.kind === 'yearly-date'
      ? `${trigger}当日或之后的首个${rule.month}月${rule.day}日（${period.label}）`
      : `${trigger}所在期次${period.label}（${period.startDate}至${period.dueDate}）`;
  return {
    dueAt: endOfChinaDay(period.dueDate).toISOString(),
    dueDate: period.dueDate,
    provisional: false,
    explanation: `定期公开（${describeTimeLimitRule(rule)}）：按${where}，截止${period.dueDate}当日（北京时间）`,
    calendarVersion: calendar.version,
  };
}

function simpleDeadline(calendar: WorkingDayCalendar, rule: Exclude<TimeLimitRule, { kind: 'composite' | 'manual' }>, trigger: LocalDate): Deadline {
  const calendarVersion = calendar.version;
  switch (rule.kind) {
    case 'two-limits': {
      // The binding limit is the deadline; the other one is shown with it.
      const binding = simpleDeadline(calendar, rule.binding, trigger);
      const other = `${describeTimeLimitRule(rule.other)}${rule.otherStep ?? ''}`;
      return { ...binding, explanation: `${binding.explanation}；目录另定：${other}` };
    }
    case 'working-days': {
      const result = calendar.addWorkingDays(trigger, rule.count);
      return {
        dueAt: endOfChinaDay(result.date).toISOString(),
        dueDate: result.date,
        provisional: result.provisional,
        explanation: `自${startOf(rule, trigger)}次日起算${rule.count}个工作日${describeSkipped(result)}，截止${result.date}${provisionalNote(result.provisional)}`,
        calendarVersion,
      };
    }
    case 'calendar-days': {
      const result = calendar.addCalendarDays(trigger, rule.count);
      return {
        dueAt: endOfChinaDay(result.date).toISOString(),
        dueDate: result.date,
        provisional: result.provisional,
        explanation: `自${startOf(rule, trigger)}次日起算${rule.count}日，截止${result.date}${provisionalNote(result.provisional)}`,
        calendarVersion,
      };
    }
    case 'weeks': {
      const result = calendar.addCalendarDays(trigger, rule.count * 7);
      return {
        dueAt: endOfChinaDay(result.date).toISOString(),
        dueDate: result.date,
        provisional: result.provisional,
        explanation: `自${startOf(rule, trigger)}次日起算${rule.count}周（${rule.count * 7}日），截止${result.date}${provisionalNote(result.provisional)}`,
        calendarVersion,
      };
    }
    case 'months': {
      const dueDate = addCalendarMonths(trigger, rule.count);
      return {
        dueAt: endOfChinaDay(dueDate).toISOString(),
        dueDate,
        provisional: false,
        explanation: `自${startOf(rule, trigger)}次日起算${rule.count}个月，截止${dueDate}（到期月的对应日，无对应日的为月末）`,
        calendarVersion,
      };
    }
    case 'hours': {
      // The trigger is a date here; hours count from the start of the next day as a conservative reading.
      const due = new Date(endOfChinaDay(trigger).getTime() + 1 + rule.count * 3_600_000);
      return { dueAt: due.toISOString(), dueDate: trigger, provisional: false, explanation: `自${startOf(rule, trigger)}起${rule.count}小时内`, calendarVersion };
    }
    case 'immediate':
      return {
        dueAt: endOfChinaDay(trigger).toISOString(),
        dueDate: trigger,
        provisional: false,
        explanation: `实时公开：当日（${trigger}）内完成`,
        calendarVersion,
      };
    case 'periodic':
    case 'yearly-date':
    case 'monthly-date':
    case 'after-period':
      return obligationDeadline(calendar, rule, trigger);
  }
}

/** A released item's publicity notice (公示期): from the release instant to the end of its last day. */
export interface PublicityPeriod {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly endDate: LocalDate;
  readonly provisional: boolean;
  /** "Why this date", in Chinese, for the timeline and the portal. */
  readonly explanation: string;
  readonly calendarVersion: string;
}

/**
 * The publicity period of an item released at `releasedAt` under a rule with one (公示7个工作日): it starts
 * at the release and runs N working (or calendar) days counted from the day after the release day, as every
 * other limit counts, to the end of that day China time. Undefined when the rule has no publicity period.
 */
export function computePublicityPeriod(calendar: WorkingDayCalendar, rule: TimeLimitRule, releasedAt: string): PublicityPeriod | undefined {
  const period = publicityPeriodOf(rule);
  if (!period) return undefined;
  const released = new Date(releasedAt);
  if (Number.isNaN(released.getTime())) throw new RangeError(`releasedAt is not an instant: ${releasedAt}`);
  const releaseDay = chinaDateOf(released);
  const working = period.unit === 'working-days' ? calendar.addWorkingDays(releaseDay, period.count) : undefined;
  const result = working ?? calendar.addCalendarDays(releaseDay, period.count);
  const skipped = working ? describeSkipped(working) : '';
  return {
    startsAt: released.toISOString(),
    endsAt: endOfChinaDay(result.date).toISOString(),
    endDate: result.date,
    provisional: result.provisional,
    explanation: `公示${describePublicityPeriod(period)}：自发布日（${releaseDay}）次日起算${skipped}，至${result.date}止${provisionalNote(result.provisional)}`,
    calendarVersion: calendar.version,
  };
}
