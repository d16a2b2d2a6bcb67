export * from './consultation';
export * from './consultation-comment';
