import type { DataSource } from 'typeorm';
import { loadWorkingDayCalendar } from '@zwgk/db';
import type { WorkingDayCalendar } from '@zwgk/domain';

/**
 * The working-day calendar in force, for activities: reloaded only when an admin has loaded a new official
 * arrangement (a new holiday_tables row). A fixed calendar (tests, benchmarks) is used as it is.
 */
export function calendarSource(dataSource: DataSource, fixed?: WorkingDayCalendar): () => Promise<WorkingDayCalendar> {
  let cached: { newestTable: string; calendar: WorkingDayCalendar } | undefined;
  return async () => {
    if (fixed) return fixed;
    const [{ newest }]: { newest: string }[] = await dataSource.query('SELECT coalesce(max(id), 0)::text AS newest FROM holiday_tables');
    if (cached?.newestTable !== newest) cached = { newestTable: newest, calendar: await loadWorkingDayCalendar(dataSource) };
    return cached.calendar;
  };
}
