export * from './annual-report';
export * from './assessment';
