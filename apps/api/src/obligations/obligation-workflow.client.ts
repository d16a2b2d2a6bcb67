import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, MONTHS, ScheduleNotFoundError, ScheduleOverlapPolicy, WorkflowNotFoundError, type ScheduleSpec } from '@temporalio/client';
import {
  fulfilObligationUpdate,
  obligationOpeningWorkflowId,
  obligationScheduleId,
  OPEN_OBLIGATION_PERIOD_WORKFLOW_TYPE,
  type FulfilObligationRequest,
  type ObligationScheduleInput,
  type PeriodicObligationView,
} from '@zwgk/contracts';
import type { ObligationCalendarSpec } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

/** The domain's calendar spec in Temporal's terms: one calendar, in China time, with no jitter. */
export function toScheduleSpec(spec: ObligationCalendarSpec): ScheduleSpec {
  return {
    calendars: [{ month: spec.months.map((month) => MONTHS[month - 1]), dayOfMonth: spec.dayOfMonth, hour: spec.hour, minute: spec.minute, second: spec.second, comment: spec.comment }],
    timezone: spec.timeZone,
    // A period opens at its first instant: jitter would push a 00:00 opening past the period's start.
    jitter: 0,
  };
}

/** Everything the API asks of Temporal for periodic obligations: their Schedules and the fulfilment Update. */
@Injectable()
export class ObligationWorkflowClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One Schedule per obligation. Overlap SKIP: firings never run side by side; the period's own workflow
   * (started by the firing, with an id per period) is what lasts until the period is fulfilled.
   */
  async createSchedule(spec: ObligationCalendarSpec, input: ObligationScheduleInput): Promise<string> {
    const scheduleId = obligationScheduleId(input.obligationId);
    await this.client.schedule.create({
      scheduleId,
      spec: toScheduleSpec(spec),
      action: {
        type: 'startWorkflow',
        workflowType: OPEN_OBLIGATION_PERIOD_WORKFLOW_TYPE,
        workflowId: obligationOpeningWorkflowId(input.obligationId),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
      memo: { obligationId: input.obligationId },
      state: { note: `定期公开 ${input.catalogItemCode} · ${input.departmentCode}` },
    });
    return scheduleId;
  }

  /** Deletes the Schedule; one already gone counts as deleted. */
  async deleteSchedule(scheduleId: string): Promise<void> {
    try {
      await this.client.schedule.getHandle(scheduleId).delete();
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
  }

  /** The department reports the item that meets the period's obligation; the validator judges it. */
  async fulfil(workflowId: string, request: FulfilObligationRequest, idempotencyKey: string | undefined): Promise<PeriodicObligationView> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(fulfilObligationUpdate, {
        args: [request],
        updateId: `fulfil-${request.taskId}:${idempotencyKey ?? randomUUID()}`,
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw ApiError.conflict(`任务 ${request.taskId} 所属的周期已经结束`);
      throw error;
    }
  }
}
