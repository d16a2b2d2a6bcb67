import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ObligationTasksController } from './obligation-tasks.controller';
import { ObligationWorkflowClient } from './obligation-workflow.client';
import { ObligationsController } from './obligations.controller';
import { ObligationsService } from './obligations.service';

/** 定期公开: standing obligations as Temporal Schedules, and the drafting tasks each period opens. */
@Module({
  imports: [CatalogModule],
  controllers: [ObligationTasksController, ObligationsController],
  providers: [ObligationWorkflowClient, ObligationsService],
})
export class ObligationsModule {}
