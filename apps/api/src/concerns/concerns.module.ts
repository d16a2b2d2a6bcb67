import { Module } from '@nestjs/common';
import { ConcernRateLimiter, CONCERN_RATE_LIMIT, concernRateLimitFromEnv } from './concern-rate-limiter';
import { ConcernWorkflowClient } from './concern-workflow.client';
import { ConcernsController } from './concerns.controller';
import { ConcernsService } from './concerns.service';
import { IncidentsController } from './incidents.controller';
import { PublicConcernsController } from './public-concerns.controller';

/** 回应关切 and 政务舆情: public questions and staff-registered incidents, each a child workflow of its item. */
@Module({
  controllers: [ConcernsController, IncidentsController, PublicConcernsController],
  providers: [
    { provide: CONCERN_RATE_LIMIT, useFactory: () => concernRateLimitFromEnv(process.env) },
    ConcernRateLimiter,
    ConcernWorkflowClient,
    ConcernsService,
  ],
})
export class ConcernsModule {}
