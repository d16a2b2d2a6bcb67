import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@zwgk/config';
import type { WorkingDayCalendar } from '@zwgk/domain';
import { withFailureClassification } from './activity-failures';
import { createApplicationActivities } from './application.activities';
import { createAuditActivities } from './audit.activities';
import { createCalendarActivities } from './calendar.activities';
import { createCatalogCompilationActivities } from './catalog-compilation.activities';
import { createItemStepActivities } from './item-step.activities';
import { createItemReleaseActivities } from './item-release.activities';
import { createCalendarRecalculationActivities } from './calendar-recalculation.activities';
import { createChannelReleaseActivities } from './channels/channel-release.activities';
import { configuredNotificationChannels, createNotificationActivities } from './notification.activities';
import { createObligationActivities } from './obligation.activities';
import { createPersonalInformationSweepActivities } from './personal-information-sweep.activities';
import { createProjectionActivities } from './projection.activities';
import { createPublicConcernActivities } from './public-concern.activities';
import { createPublicConsultationActivities } from './public-consultation.activities';
import { createReleaseDeadlineActivities } from './release-deadline.activities';
import { createReviewActivities } from './review.activities';
import { createSupervisionDemandActivities } from './supervision-demand.activities';
import { createApplicationDemandActivities } from './application-demand.activities';

export interface ActivityDependencies {
  readonly dataSource: DataSource;
  /** A fixed calendar (tests); by default the one in force in the database. */
  readonly calendar?: WorkingDayCalendar;
  /** Channel settings (webhook, exports folder); by default read from the environment. */
  readonly config?: AppConfig;
}

/**
 * Every activity the worker registers, built from its dependencies. Each one's errors are classified:
 * data the database or the domain refuses fails at once (InvalidData), anything else is retried.
 */
export function createActivities(dependencies: ActivityDependencies) {
  return withFailureClassification({
    ...createCalendarActivities(dependencies.dataSource, dependencies.calendar),
    ...createProjectionActivities(dependencies.dataSource),
    ...createAuditActivities(dependencies.dataSource),
    ...createChannelReleaseActivities({ dataSource: dependencies.dataSource, config: dependencies.config ?? loadConfig() }),
    ...createReviewActivities(dependencies.dataSource),
    ...createNotificationActivities(dependencies.dataSource, configuredNotificationChannels(dependencies.dataSource, (dependencies.config ?? loadConfig()).notifications)),
    ...createPublicConcernActivities(dependencies.dataSource, dependencies.calendar),
    ...createObligationActivities(dependencies.dataSource),
    ...createSupervisionDemandActivities(dependencies.dataSource),
    ...createApplicationDemandActivities(dependencies.dataSource),
    ...createPublicConsultationActivities(dependencies.dataSource),
    ...createCalendarRecalculationActivities(dependencies.dataSource),
    ...createCatalogCompilationActivities(dependencies.dataSource),
    ...createApplicationActivities(dependencies.dataSource, dependencies.calendar, (dependencies.config ?? loadConfig()).notifications),
    ...createPersonalInformationSweepActivities(dependencies.dataSource, (dependencies.config ?? loadConfig()).attachments.dir),
    ...createReleaseDeadlineActivities(dependencies.dataSource, { reminderWorkingDays: (dependencies.config ?? loadConfig()).policies.releaseReminderWorkingDays }, dependencies.calendar),
    ...createItemStepActivities(dependencies.dataSource, { reminderWorkingDays: (dependencies.config ?? loadConfig()).policies.releaseReminderWorkingDays }, dependencies.calendar),
    ...createItemReleaseActivities({ dataSource: dependencies.dataSource, calendar: dependencies.calendar, config: dependencies.config }),
  });
}

export type DisclosureActivities = ReturnType<typeof createActivities>;
