import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { ConcernRateLimiter, CONCERN_RATE_LIMIT } from '../concerns/concern-rate-limiter';
import { ItemsModule } from '../items/items.module';
import { ConsultationWorkflowClient } from './consultation-workflow.client';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { PublicConsultationsController } from './public-consultations.controller';
import { InterpretationsController } from './interpretations.controller';
import { PublicInterpretationsController } from './public-interpretations.controller';
import { InterpretationsService } from './interpretations.service';

/** Public participation: 意见征集 on draft decisions (one workflow per consultation) and 多元化解读 of policies. */
@Module({
  imports: [ItemsModule],
  controllers: [ConsultationsController, PublicConsultationsController, InterpretationsController, PublicInterpretationsController],
  providers: [
    // The same sliding-window limiter and settings as public questions, under its own scope.
    { provide: CONCERN_RATE_LIMIT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.publicSubmissions.concernRateLimit },
    ConcernRateLimiter,
    ConsultationWorkflowClient,
    ConsultationsService,
    InterpretationsService,
  ],
  exports: [InterpretationsService, ConsultationsService],
})
export class ConsultationsModule {}
