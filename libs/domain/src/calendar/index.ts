export * from './local-date';
export * from './holiday-table';
export * from './statutory-holidays';
export * from './working-day-calendar';
export * from './deadline';
export * from './compute-deadline';
