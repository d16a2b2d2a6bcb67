import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  applicationRecordedUpdate,
  applicationStepUpdate,
  DISCLOSURE_APPLICATION_WORKFLOW_TYPE,
  disclosureApplicationWorkflowId,
  type ApplicationStepRequest,
  type ApplicationView,
  type DisclosureApplicationInput,
} from '@zwgk/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { startOrFind } from '../temporal/start-or-find';

/** What the API asks of an application's workflow: start it (or find it), and each staff step. */
@Injectable()
export class ApplicationWorkflowClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(input: DisclosureApplicationInput): Promise<ApplicationView> {
    const startWorkflowOperation = startOrFind(DISCLOSURE_APPLICATION_WORKFLOW_TYPE, { workflowId: disclosureApplicationWorkflowId(input.applicationId), taskQueue: this.config.temporal.taskQueue, input });
    return this.client.workflow.executeUpdateWithStart(applicationRecordedUpdate, { startWorkflowOperation });
  }

  step(applicationId: string, request: ApplicationStepRequest, idempotencyKey: string | undefined): Promise<ApplicationView> {
    return this.client.workflow.getHandle(disclosureApplicationWorkflowId(applicationId)).executeUpdate(applicationStepUpdate, {
      args: [request],
      updateId: `${request.step}-${applicationId}:${idempotencyKey ?? randomUUID()}`,
    });
  }
}
