export * from './review-chain';
export * from './separation-of-duties';
