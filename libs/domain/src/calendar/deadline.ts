import { describeTimeLimitRule } from '../catalog/time-limit-description';
import type { CountedTimeLimitRule, TimeLimitRule } from '../catalog/time-limit-rule';
import { endOfChinaDay, type LocalDate } from './local-date';
import type { WorkingDayCalendar, WorkingDayCount } from './working-day-calendar';

/** 条例 (2019) Art. 26: proactive disclosure within 20 working days of the information being formed. */
export const STATUTORY_PROACTIVE_DISCLOSURE_WORKING_DAYS = 20;

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
 * Turns a time-limit rule and its trigger day into a due instant: the end of the due day, China time.
 * Rules that do not name a count from a trigger (manual, and the periodic kinds, which are standing
 * obligations with their own due days) fall back to the statutory 20 working days, and the explanation
 * says so. `trigger` is the date of the event the rule counts from (the item's formedAt).
 */
export function computeReleaseDeadline(calendar: WorkingDayCalendar, rule: TimeLimitRule, trigger: LocalDate): Deadline {
  const calendarVersion = calendar.version;
  switch (rule.kind) {
    case 'composite':
      // The main limit governs the item; exception clauses apply to narrower item kinds.
      return computeReleaseDeadline(calendar, rule.main, trigger);
    case 'two-limits': {
      // The binding limit is the deadline; the other one is shown with it.
      const binding = computeReleaseDeadline(calendar, rule.binding, trigger);
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
    case 'manual': {
      const result = calendar.addWorkingDays(trigger, STATUTORY_PROACTIVE_DISCLOSURE_WORKING_DAYS);
      return {
        dueAt: endOfChinaDay(result.date).toISOString(),
        dueDate: result.date,
        provisional: result.provisional,
        explanation:
          `目录时限无法按条目起算，适用《政府信息公开条例》第二十六条：自${trigger}次日起20个工作日` +
          `${describeSkipped(result)}，截止${result.date}${provisionalNote(result.provisional)}`,
        calendarVersion,
      };
    }
  }
}
