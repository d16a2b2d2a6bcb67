import type { DataSource } from 'typeorm';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar } from '@zwgk/domain';
import { createAuditActivities } from './audit.activities';
import { createCalendarActivities } from './calendar.activities';
import { createProjectionActivities } from './projection.activities';
import { createReleaseActivities } from './release.activities';

export interface ActivityDependencies {
  readonly dataSource: DataSource;
  readonly calendar?: WorkingDayCalendar;
}

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(dependencies: ActivityDependencies) {
  const calendar = dependencies.calendar ?? new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
  return {
    ...createCalendarActivities(calendar),
    ...createProjectionActivities(dependencies.dataSource),
    ...createAuditActivities(dependencies.dataSource),
    ...createReleaseActivities(dependencies.dataSource),
  };
}

export type DisclosureActivities = ReturnType<typeof createActivities>;
