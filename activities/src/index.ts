export * from './create-activities';
export type { DisclosureActivities } from './create-activities';
export * from './notification.activities';
