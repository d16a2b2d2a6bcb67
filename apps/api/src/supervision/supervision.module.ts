import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { AssessmentService } from '../reports/assessment.service';
import { SupervisionDashboardService } from './supervision-dashboard.service';
import { SupervisionDemandClient } from './supervision-demand.client';
import { SupervisionDemandsService } from './supervision-demands.service';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/**
 * 督查督办: the overdue audit with its exports, supervisors' comments and demands for action, and the
 * dashboard. The assessment is stateless and reads the database only, so the trend uses its own instance
 * instead of reaching into the reports module.
 */
@Module({
  imports: [ItemsModule],
  controllers: [SupervisionController],
  providers: [SupervisionService, SupervisionDemandsService, SupervisionDemandClient, SupervisionDashboardService, AssessmentService],
})
export class SupervisionModule {}
