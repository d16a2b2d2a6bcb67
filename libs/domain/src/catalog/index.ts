export * from './time-limit-rule';
export * from './time-limit-description';
export * from './catalog-item';
export * from './area-codes';
export * from './catalog-sheet';
export * from './catalog-diff';
export * from './time-limit-validation';
export * from './channel-kind';
