import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  CALENDAR_RECALCULATION_WORKFLOW_TYPE,
  calendarRecalculationProgressQuery,
  calendarRecalculationWorkflowId,
  type CalendarRecalculationInput,
  type CalendarRecalculationProgress,
} from '@zwgk/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

/** The calendar recalculation batch: one workflow per loaded holiday table. */
@Injectable()
export class CalendarRecalculationClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the batch; a repeated start for the same table finds the one already running or done. */
  async start(input: CalendarRecalculationInput): Promise<string> {
    const workflowId = calendarRecalculationWorkflowId(input.holidayTableId);
    await this.client.workflow.start(CALENDAR_RECALCULATION_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return input.holidayTableId;
  }

  /** The batch's progress, from its running workflow or, once done, from its result. */
  async progress(batchId: string): Promise<CalendarRecalculationProgress & { batchId: string }> {
    const handle = this.client.workflow.getHandle(calendarRecalculationWorkflowId(batchId));
    try {
      const description = await handle.describe();
      const progress = description.status.name === 'COMPLETED'
        ? await handle.result() as CalendarRecalculationProgress
        : await handle.query(calendarRecalculationProgressQuery);
      return { batchId, ...progress };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`没有编号为 ${batchId} 的期限重算批次`);
      throw error;
    }
  }
}
