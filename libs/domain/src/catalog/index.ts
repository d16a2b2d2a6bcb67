export * from './time-limit-rule';
export * from './catalog-item';
export * from './area-codes';
export * from './catalog-sheet';
