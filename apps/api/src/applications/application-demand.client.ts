import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  answerApplicationDemandUpdate,
  APPLICATION_DEMAND_WORKFLOW_TYPE,
  applicationDemandOpenedUpdate,
  applicationDemandWorkflowId,
  closeApplicationDemandUpdate,
  type AnswerApplicationDemandRequest,
  type ApplicationDemandInput,
  type ApplicationDemandView,
  type CloseApplicationDemandRequest,
} from '@zwgk/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { startOrFind } from '../temporal/start-or-find';

/** What the API asks of an application demand's workflow: start it (or find it), the department's answer, the supervisor's closing. */
@Injectable()
export class ApplicationDemandClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  open(input: ApplicationDemandInput): Promise<ApplicationDemandView> {
    const startWorkflowOperation = startOrFind(APPLICATION_DEMAND_WORKFLOW_TYPE, { workflowId: applicationDemandWorkflowId(input.demandId), taskQueue: this.config.temporal.taskQueue, input });
    return this.client.workflow.executeUpdateWithStart(applicationDemandOpenedUpdate, { startWorkflowOperation });
  }

  answer(request: AnswerApplicationDemandRequest, idempotencyKey: string | undefined): Promise<ApplicationDemandView> {
    return this.client.workflow.getHandle(applicationDemandWorkflowId(request.demandId)).executeUpdate(answerApplicationDemandUpdate, {
      args: [request],
      updateId: `answer-${request.demandId}:${idempotencyKey ?? randomUUID()}`,
    });
  }

  close(request: CloseApplicationDemandRequest, idempotencyKey: string | undefined): Promise<ApplicationDemandView> {
    return this.client.workflow.getHandle(applicationDemandWorkflowId(request.demandId)).executeUpdate(closeApplicationDemandUpdate, {
      args: [request],
      updateId: `close-${request.demandId}:${idempotencyKey ?? randomUUID()}`,
    });
  }
}
