export * from './overdue';
