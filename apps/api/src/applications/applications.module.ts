import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { ConcernRateLimiter } from '../concerns/concern-rate-limiter';
import { ApplicationDemandClient } from './application-demand.client';
import { ApplicationDemandsController } from './application-demands.controller';
import { ApplicationDemandsService } from './application-demands.service';
import { ApplicationWorkflowClient } from './application-workflow.client';
import { ApplicationsController } from './applications.controller';
import { APPLICATION_INTAKE_LIMITER, APPLICATION_LOOKUP_LIMITER, ApplicationsService } from './applications.service';
import { PublicApplicationsController } from './public-applications.controller';

/** 依申请公开: applications for disclosure, one workflow each. Intake shares the public concern limit; look-ups the rating one. */
@Module({
  controllers: [ApplicationsController, ApplicationDemandsController, PublicApplicationsController],
  providers: [
    { provide: APPLICATION_INTAKE_LIMITER, inject: [DataSource, APP_CONFIG], useFactory: (dataSource: DataSource, config: AppConfig) => new ConcernRateLimiter(dataSource, config.publicSubmissions.concernRateLimit) },
    { provide: APPLICATION_LOOKUP_LIMITER, inject: [DataSource, APP_CONFIG], useFactory: (dataSource: DataSource, config: AppConfig) => new ConcernRateLimiter(dataSource, config.publicSubmissions.ratingRateLimit) },
    ApplicationWorkflowClient,
    ApplicationsService,
    ApplicationDemandClient,
    ApplicationDemandsService,
  ],
  exports: [ApplicationDemandsService],
})
export class ApplicationsModule {}
