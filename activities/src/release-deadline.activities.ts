import type { DataSource } from 'typeorm';
import { addDays, chinaDateOf, endOfChinaDay, workingDaysLate, type WorkingDayCalendar } from '@zwgk/domain';
import { calendarSource } from './calendar-source';
import { writeItemRow, type SqlRunner } from './projection.activities';

export interface ReleaseDeadlineSettings {
  /** How many working days before the due day the reminder goes out (at the end of that working day). */
  readonly reminderWorkingDays: number;
}

/** The longest stretch of days off looked through (春节 with its weekends is well under this). */
const MAX_DAYS_OFF_IN_A_ROW = 60;

/** The end of the working day N working days before the due day. */
export function releaseReminderAt(calendar: WorkingDayCalendar, dueAt: string, reminderWorkingDays: number): string {
  let day = chinaDateOf(new Date(dueAt));
  for (let step = 0; step < reminderWorkingDays; step++) {
    day = addDays(day, -1);
    for (let guard = 0; guard < MAX_DAYS_OFF_IN_A_ROW && calendar.offReason(day); guard++) day = addDays(day, -1);
  }
  return endOfChinaDay(day).toISOString();
}

/** How the first release stands against the deadline: on time, or late by how many working days (counted after the due day up to the release day). */
export function releaseTimingOf(calendar: WorkingDayCalendar, request: { dueAt: string; releasedAt: string }): { late: boolean; workingDaysLate: number } {
  const late = Date.parse(request.releasedAt) > Date.parse(request.dueAt);
  return { late, workingDaysLate: late ? workingDaysLate(calendar, new Date(request.dueAt), new Date(request.releasedAt)) : 0 };
}

/**
 * The first release against the deadline: on time, or late by how many working days (counted after the
 * due day up to the release day). The item is no longer outstanding either way.
 */
export async function writeReleaseTiming(
  sql: SqlRunner,
  calendar: WorkingDayCalendar,
  request: { itemId: string; dueAt: string; releasedAt: string },
): Promise<{ late: boolean; workingDaysLate: number }> {
  const timing = releaseTimingOf(calendar, request);
  await writeItemRow(sql, request.itemId, { releaseTiming: timing });
  return timing;
}

/**
 * IO of the item's statutory release deadline timer: when to remind, the overdue flag of the read model,
 * and how late a late release was. The calendar is read here, never in workflow code, so that a loaded
 * holiday year never changes how a history replays.
 */
export function createReleaseDeadlineActivities(dataSource: DataSource, settings: ReleaseDeadlineSettings, fixedCalendar?: WorkingDayCalendar) {
  const calendar = calendarSource(dataSource, fixedCalendar);
  return {
    /** The end of the working day N working days before the due day (N: RELEASE_REMINDER_WORKING_DAYS). */
    async computeReleaseReminderAt(request: { dueAt: string }): Promise<string> {
      return releaseReminderAt(await calendar(), request.dueAt, settings.reminderWorkingDays);
    },

    /** The item is statutory-overdue (its due instant passed unreleased), or no longer (an extension or a new calendar moved it). */
    async recordReleaseOverdue(request: { itemId: string; overdue: boolean; at: string }): Promise<void> {
      await dataSource.query(
        `UPDATE disclosure_items SET release_overdue = $2, release_overdue_at = CASE WHEN $2 THEN $3::timestamptz END, updated_at = now() WHERE id = $1`,
        [request.itemId, request.overdue, request.at],
      );
    },

    /**
     * The first release against the deadline: on time, or late by how many working days (counted after the
     * due day up to the release day). The item is no longer outstanding either way; when it became overdue stays recorded.
     */
    async recordReleaseTiming(request: { itemId: string; dueAt: string; releasedAt: string }): Promise<{ late: boolean; workingDaysLate: number }> {
      return writeReleaseTiming(dataSource, await calendar(), request);
    },
  };
}
