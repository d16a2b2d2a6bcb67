export * from './receipt';
export * from './reply-clock';
export * from './fees';
export * from './outcomes';
