import { Module } from '@nestjs/common';
import { RATING_SETTINGS, ratingSettingsFromEnv } from './rating-client';
import { ratingRateLimiterProvider } from './rating-rate-limiter';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** Public satisfaction ratings (公众满意度评价) of released items and published responses. */
@Module({
  controllers: [RatingsController],
  providers: [{ provide: RATING_SETTINGS, useFactory: () => ratingSettingsFromEnv(process.env) }, ratingRateLimiterProvider, RatingsService],
})
export class RatingsModule {}
