export * from './tool-binaries';
export * from './temporal-dev-server';
export * from './embedded-postgres';
export * from './child-process';
export * from './process-supervisor';
export { isRoot } from './postgres-access';
export * from './temporal-server';
