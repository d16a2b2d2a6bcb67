export * from './create-activities';
export type { DisclosureActivities } from './create-activities';
export * from './notification.activities';
export { classifyActivityError, withFailureClassification } from './activity-failures';
export { holidayTableWatch } from './calendar-source';
