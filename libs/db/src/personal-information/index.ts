export * from './findings-store';
