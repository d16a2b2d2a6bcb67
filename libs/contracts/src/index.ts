export * from './workflow-ids';
export * from './disclosure-item.types';
export * from './disclosure-item.messages';
export * from './search-attributes';
export * from './failure-types';
export * from './public-concern.types';
export * from './public-concern.messages';
