export * from './app-config';
export * from './parent-watchdog';
