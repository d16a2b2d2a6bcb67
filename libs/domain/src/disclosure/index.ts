export * from './disclosure-state';
export * from './content-hash';
