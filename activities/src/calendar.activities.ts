import type { DataSource } from 'typeorm';
import { loadWorkingDayCalendar } from '@zwgk/db';
import {
  addDays,
  chinaDateOf,
  endOfChinaDay,
  computeReleaseDeadline,
  STAGE_TIME_LIMIT,
  type Deadline,
  type ReviewStage,
  type TimeLimitRule,
  type WorkingDayCalendar,
} from '@zwgk/domain';

/** The calendar in force, reloaded only when an admin has loaded a new official arrangement. */
function calendarSource(dataSource: DataSource, fixed?: WorkingDayCalendar): () => Promise<WorkingDayCalendar> {
  let cached: { newestTable: string; calendar: WorkingDayCalendar } | undefined;
  return async () => {
    if (fixed) return fixed;
    const [{ newest }]: { newest: string }[] = await dataSource.query('SELECT coalesce(max(id), 0)::text AS newest FROM holiday_tables');
    if (cached?.newestTable !== newest) cached = { newestTable: newest, calendar: await loadWorkingDayCalendar(dataSource) };
    return cached.calendar;
  };
}

/**
 * The calendar lives here, not in workflow code: loading a new holiday table must never change how an
 * old history replays, so the workflow only ever sees the instants these activities return.
 */
export function createCalendarActivities(dataSource: DataSource, fixedCalendar?: WorkingDayCalendar) {
  const calendar = calendarSource(dataSource, fixedCalendar);
  return {
    async computeReleaseDeadline(request: { rule: TimeLimitRule; formedAt: string }): Promise<Deadline> {
      return computeReleaseDeadline(await calendar(), request.rule, request.formedAt);
    },
    /** When to remind: the end of the working day before the due day (1 working day before the due instant). */
    async computeReminderAt(request: { dueAt: string }): Promise<string> {
      const current = await calendar();
      const dueDate = chinaDateOf(new Date(request.dueAt));
      let day = addDays(dueDate, -1);
      for (let guard = 0; guard < 60 && current.offReason(day); guard++) day = addDays(day, -1);
      return endOfChinaDay(day).toISOString();
    },

    /** A supervisor's extension: N more working days after the current due day. */
    async computeExtendedDeadline(request: { dueAt: string; workingDays: number }): Promise<Deadline> {
      const current = await calendar();
      return computeReleaseDeadline(current, { kind: 'working-days', count: request.workingDays, anchor: 'formed-or-changed' }, chinaDateOf(new Date(request.dueAt)));
    },

    async computeStageDeadline(request: { stage: ReviewStage; openedAt: string }): Promise<Deadline> {
      return computeReleaseDeadline(await calendar(), STAGE_TIME_LIMIT[request.stage], chinaDateOf(new Date(request.openedAt)));
    },
  };
}
