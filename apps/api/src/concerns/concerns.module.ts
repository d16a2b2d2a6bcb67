import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { ConcernRateLimiter, CONCERN_RATE_LIMIT } from './concern-rate-limiter';
import { ConcernWorkflowClient } from './concern-workflow.client';
import { ConcernsController } from './concerns.controller';
import { ConcernsService } from './concerns.service';
import { IncidentsController } from './incidents.controller';
import { PublicConcernsController } from './public-concerns.controller';

/** 回应关切 and 政务舆情: public questions and staff-registered incidents, each a child workflow of its item. */
@Module({
  controllers: [ConcernsController, IncidentsController, PublicConcernsController],
  providers: [
    { provide: CONCERN_RATE_LIMIT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.publicSubmissions.concernRateLimit },
    ConcernRateLimiter,
    ConcernWorkflowClient,
    ConcernsService,
  ],
})
export class ConcernsModule {}
