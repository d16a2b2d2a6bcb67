import type { DataSource } from 'typeorm';
import type { WorkingDayCalendar } from '@zwgk/domain';
import { createAuditActivities } from './audit.activities';
import { createCalendarActivities } from './calendar.activities';
import { createProjectionActivities } from './projection.activities';
import { createReleaseActivities } from './release.activities';

export interface ActivityDependencies {
  readonly dataSource: DataSource;
  /** A fixed calendar (tests); by default the one in force in the database. */
  readonly calendar?: WorkingDayCalendar;
}

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(dependencies: ActivityDependencies) {
  return {
    ...createCalendarActivities(dependencies.dataSource, dependencies.calendar),
    ...createProjectionActivities(dependencies.dataSource),
    ...createAuditActivities(dependencies.dataSource),
    ...createReleaseActivities(dependencies.dataSource),
  };
}

export type DisclosureActivities = ReturnType<typeof createActivities>;
