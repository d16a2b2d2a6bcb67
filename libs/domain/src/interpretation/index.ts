export * from './interpretation';
