export * from './calendar';
export * from './catalog';
export * from './identity';
export * from './review';
export * from './disclosure';
export * from './concern';
export * from './obligation';
export * from './supervision';
