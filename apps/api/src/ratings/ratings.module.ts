import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { RATING_SETTINGS, type RatingSettings } from './rater-identity';
import { ratingRateLimiterProvider } from './rating-rate-limiter';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** Public satisfaction ratings (公众满意度评价) of released items and published responses. */
@Module({
  controllers: [RatingsController],
  providers: [
    {
      provide: RATING_SETTINGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RatingSettings => ({ rateLimit: config.publicSubmissions.ratingRateLimit, salt: config.publicSubmissions.ratingClientSalt }),
    },
    ratingRateLimiterProvider,
    RatingsService,
  ],
})
export class RatingsModule {}
