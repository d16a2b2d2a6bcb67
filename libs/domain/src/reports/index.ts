export * from './annual-report';
export * from './assessment';
export * from './application-table';
