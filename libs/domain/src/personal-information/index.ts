export * from './check-digits';
export * from './masking';
export * from './detector';
export * from './release-gate';
