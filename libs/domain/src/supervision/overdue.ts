import { addDays, chinaDateOf, type LocalDate } from '../calendar/local-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** The two kinds of overdue a supervisor tells apart. */
export type OverdueKind = 'statutory' | 'sla';
export const OVERDUE_KINDS: readonly OverdueKind[] = ['statutory', 'sla'];

/** Ten years of days: a bound, so a corrupt date cannot make the count run away. */
const MAX_SPAN_DAYS = 3660;

/**
 * How late `until` is after `dueAt`, in working days of the official calendar: the working days after the
 * due day (China time) up to and including the day of `until`. Counting starts on the day after the due
 * day, like every limit here, so something finished later on its due day is late by 0 working days.
 */
export function workingDaysLate(calendar: Pick<WorkingDayCalendar, 'offReason'>, dueAt: Date, until: Date): number {
  if (until.getTime() <= dueAt.getTime()) return 0;
  const last: LocalDate = chinaDateOf(until);
  let day: LocalDate = chinaDateOf(dueAt);
  let count = 0;
  for (let step = 0; step < MAX_SPAN_DAYS; step++) {
    day = addDays(day, 1);
    if (day > last) break;
    if (calendar.offReason(day) === undefined) count++;
  }
  return count;
}

/** When an item's statutory release deadline was missed: still unreleased after it, or released after it. */
export function statutoryLateness(item: { releaseDueAt: Date | null; releasedAt: Date | null }, now: Date): { until: Date; open: boolean } | undefined {
  if (!item.releaseDueAt) return undefined;
  if (item.releasedAt) return item.releasedAt > item.releaseDueAt ? { until: item.releasedAt, open: false } : undefined;
  return now > item.releaseDueAt ? { until: now, open: true } : undefined;
}

/** When a review task missed its internal due time: still open after it, or decided after it. Cancelled tasks never count. */
export function slaLateness(task: { state: string; dueAt: Date; completedAt: Date | null }, now: Date): { until: Date; open: boolean } | undefined {
  if (task.state === 'open') return now > task.dueAt ? { until: now, open: true } : undefined;
  if (task.state === 'completed' && task.completedAt) return task.completedAt > task.dueAt ? { until: task.completedAt, open: false } : undefined;
  return undefined;
}
