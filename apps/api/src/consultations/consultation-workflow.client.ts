import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  consultationOpenedUpdate,
  feedbackDraftedUpdate,
  PUBLIC_CONSULTATION_WORKFLOW_TYPE,
  publicConsultationWorkflowId,
  type FeedbackDraftedRequest,
  type PublicConsultationInput,
  type PublicConsultationView,
} from '@zwgk/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { startOrFind } from '../temporal/start-or-find';

/** What the API asks of a consultation's workflow: open it (or find it) once its read model is written, and link its feedback item. */
@Injectable()
export class ConsultationWorkflowClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  open(input: PublicConsultationInput): Promise<PublicConsultationView> {
    const startWorkflowOperation = startOrFind(PUBLIC_CONSULTATION_WORKFLOW_TYPE, { workflowId: publicConsultationWorkflowId(input.consultationId), taskQueue: this.config.temporal.taskQueue, input });
    return this.client.workflow.executeUpdateWithStart(consultationOpenedUpdate, { startWorkflowOperation });
  }

  feedbackDrafted(consultationId: string, request: FeedbackDraftedRequest, idempotencyKey: string | undefined): Promise<PublicConsultationView> {
    return this.client.workflow.getHandle(publicConsultationWorkflowId(consultationId)).executeUpdate(feedbackDraftedUpdate, {
      args: [request],
      updateId: `feedback-${consultationId}:${idempotencyKey ?? randomUUID()}`,
    });
  }
}
