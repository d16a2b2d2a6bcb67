export * from './periodic-obligation';
export * from './row-standing';
export * from './fulfilment';
