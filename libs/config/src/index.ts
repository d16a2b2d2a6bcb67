export * from './app-config';
export * from './parent-watchdog';
export * from './log-lines';
export * from './tracing';
