import { Foundation1764150000000 } from './1764150000000-foundation';

/** Every migration, oldest first. Schema changes only ever happen here, with reviewed SQL. */
export const MIGRATIONS = [Foundation1764150000000];
