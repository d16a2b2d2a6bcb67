export * from './findings-store';
export * from './attachment-text';
