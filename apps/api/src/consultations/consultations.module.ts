import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { ConcernRateLimiter, CONCERN_RATE_LIMIT } from '../concerns/concern-rate-limiter';
import { ItemsModule } from '../items/items.module';
import { ConsultationWorkflowClient } from './consultation-workflow.client';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { PublicConsultationsController } from './public-consultations.controller';

/** 意见征集: public consultation on draft decisions, one workflow per consultation. */
@Module({
  imports: [ItemsModule],
  controllers: [ConsultationsController, PublicConsultationsController],
  providers: [
    // The same sliding-window limiter and settings as public questions, under its own scope.
    { provide: CONCERN_RATE_LIMIT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.publicSubmissions.concernRateLimit },
    ConcernRateLimiter,
    ConsultationWorkflowClient,
    ConsultationsService,
  ],
})
export class ConsultationsModule {}
