export * from './review-chain';
