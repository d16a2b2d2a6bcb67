import type { TimeLimitRule } from '../catalog/time-limit-rule';
import { addDays, endOfChinaDay, type LocalDate } from './local-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/** 条例 (2019) Art. 26: proactive disclosure within 20 working days of the information being formed. */
export const STATUTORY_PROACTIVE_DISCLOSURE_WORKING_DAYS = 20;

/** An absolute due instant and the reasoning behind it. */
export interface Deadline {
  readonly dueAt: string;
  readonly dueDate: LocalDate;
  readonly provisional: boolean;
  /** "Why this date", in Chinese, for the timeline. */
  readonly explanation: string;
}

/**
 * Turns a time-limit rule and its trigger day into a due instant: the end of the due day, China time.
 * Rules that do not name a count from a trigger (manual, periodic, yearly) fall back to the statutory
 * 20 working days, and the explanation says so.
 */
export function computeReleaseDeadline(calendar: WorkingDayCalendar, rule: TimeLimitRule, trigger: LocalDate): Deadline {
  switch (rule.kind) {
    case 'composite':
      // The main limit governs the item; exception clauses apply to narrower item kinds.
      return computeReleaseDeadline(calendar, rule.main, trigger);
    case 'working-days': {
      const result = calendar.addWorkingDays(trigger, rule.count);
      return {
        dueAt: endOfChinaDay(result.date).toISOString(),
        dueDate: result.date,
        provisional: result.provisional,
        explanation: `自${trigger}次日起算${rule.count}个工作日（跳过${result.skipped.length}个休息日），截止${result.date}`,
      };
    }
    case 'calendar-days': {
      const date = addDays(trigger, rule.count);
      return { dueAt: endOfChinaDay(date).toISOString(), dueDate: date, provisional: false, explanation: `自${trigger}次日起算${rule.count}日，截止${date}` };
    }
    case 'hours': {
      // The trigger is a date here; hours count from the start of the next day as a conservative reading.
      const due = new Date(endOfChinaDay(trigger).getTime() + 1 + rule.count * 3_600_000);
      return { dueAt: due.toISOString(), dueDate: trigger, provisional: false, explanation: `自${trigger}起${rule.count}小时内` };
    }
    case 'immediate':
      return { dueAt: endOfChinaDay(trigger).toISOString(), dueDate: trigger, provisional: false, explanation: `实时公开：当日（${trigger}）内完成` };
    case 'periodic':
    case 'yearly-date':
    case 'manual': {
      const result = calendar.addWorkingDays(trigger, STATUTORY_PROACTIVE_DISCLOSURE_WORKING_DAYS);
      return {
        dueAt: endOfChinaDay(result.date).toISOString(),
        dueDate: result.date,
        provisional: result.provisional,
        explanation: `目录时限无法按条目起算，适用《政府信息公开条例》第二十六条：自${trigger}次日起20个工作日，截止${result.date}`,
      };
    }
  }
}
