export * from './concern';
export * from './concern-deadline';
