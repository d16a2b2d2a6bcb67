export * from './entities';
export * from './data-source';
export * from './seed/demo-seed';
export * from './catalog/catalog-file';
export * from './catalog/catalog-import';
export { MIGRATIONS } from './migrations';
export * from './calendar/holiday-calendar';
export * from './audit/audit-chain';
export * from './audit/audit-writer';
