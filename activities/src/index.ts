export * from './create-activities';
export type { DisclosureActivities } from './create-activities';
