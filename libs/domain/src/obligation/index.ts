export * from './periodic-obligation';
