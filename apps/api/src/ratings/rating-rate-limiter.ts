import { DataSource } from 'typeorm';
import { ConcernRateLimiter } from '../concerns/concern-rate-limiter';
import { RATING_SETTINGS, type RatingSettings } from './rater-identity';

/** The shared Postgres sliding-window limiter of public submissions, with the ratings' own allowance. */
export const RATING_RATE_LIMITER = Symbol('RATING_RATE_LIMITER');

export const ratingRateLimiterProvider = {
  provide: RATING_RATE_LIMITER,
  inject: [DataSource, RATING_SETTINGS],
  useFactory: (dataSource: DataSource, settings: RatingSettings) => new ConcernRateLimiter(dataSource, settings.rateLimit),
};
