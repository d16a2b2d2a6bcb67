import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  respondToDemandUpdate,
  SUPERVISION_DEMAND_WORKFLOW_TYPE,
  supervisionDemandOpenedUpdate,
  supervisionDemandWorkflowId,
  type RespondToDemandRequest,
  type SupervisionDemandInput,
  type SupervisionDemandView,
} from '@zwgk/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { startOrFind } from '../temporal/start-or-find';

/** What the API asks of a demand's workflow: start it (or find it) and wait for its task, and the head's answer. */
@Injectable()
export class SupervisionDemandClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the demand's workflow, or finds the running one (a retried request), and waits until its task is open. */
  open(input: SupervisionDemandInput): Promise<SupervisionDemandView> {
    const startWorkflowOperation = startOrFind(SUPERVISION_DEMAND_WORKFLOW_TYPE, { workflowId: supervisionDemandWorkflowId(input.demandId), taskQueue: this.config.temporal.taskQueue, input });
    return this.client.workflow.executeUpdateWithStart(supervisionDemandOpenedUpdate, { startWorkflowOperation });
  }

  respond(request: RespondToDemandRequest, idempotencyKey: string | undefined): Promise<SupervisionDemandView> {
    return this.client.workflow.getHandle(supervisionDemandWorkflowId(request.demandId)).executeUpdate(respondToDemandUpdate, {
      args: [request],
      updateId: `respond-${request.demandId}:${idempotencyKey ?? randomUUID()}`,
    });
  }
}
