export * from './entities';
export * from './data-source';
export * from './seed/demo-seed';
export * from './seed/catalog-csv';
