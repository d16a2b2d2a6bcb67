import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  concernRecordedUpdate,
  draftConcernResponseUpdate,
  extendConcernDeadlineUpdate,
  PUBLIC_CONCERN_WORKFLOW_TYPE,
  publicConcernWorkflowId,
  recordPressConferenceUpdate,
  reviewConcernResponseUpdate,
  triageConcernUpdate,
  type DraftConcernResponseRequest,
  type ExtendConcernDeadlineRequest,
  type PublicConcernInput,
  type PublicConcernView,
  type RecordPressConferenceRequest,
  type ReviewConcernResponseRequest,
  type TriageConcernRequest,
} from '@zwgk/contracts';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

/**
 * Everything the API asks of a concern's workflow. Each step is an Update whose updateId is the client's
 * idempotency key: the server answers a repeated id with the first result.
 */
@Injectable()
export class ConcernWorkflowClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts the concern's workflow (or finds the running one) and waits until it is recorded. Once the
   * item workflow's `registerConcern` Update starts it with startChild, this becomes that Update followed
   * by `concernRecordedUpdate` on the child's handle; the child itself does not change.
   */
  register(input: PublicConcernInput): Promise<PublicConcernView> {
    const startWorkflowOperation = new WithStartWorkflowOperation(PUBLIC_CONCERN_WORKFLOW_TYPE, {
      workflowId: publicConcernWorkflowId(input.concernId),
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return this.client.workflow.executeUpdateWithStart(concernRecordedUpdate, { startWorkflowOperation });
  }

  triage(concernId: string, request: TriageConcernRequest, idempotencyKey?: string): Promise<PublicConcernView> {
    return this.update(concernId, triageConcernUpdate, request, 'triage', idempotencyKey);
  }

  draftResponse(concernId: string, request: DraftConcernResponseRequest, idempotencyKey?: string): Promise<PublicConcernView> {
    return this.update(concernId, draftConcernResponseUpdate, request, 'draft', idempotencyKey);
  }

  reviewResponse(concernId: string, request: ReviewConcernResponseRequest, idempotencyKey?: string): Promise<PublicConcernView> {
    return this.update(concernId, reviewConcernResponseUpdate, request, 'review', idempotencyKey);
  }

  extendDeadline(concernId: string, request: ExtendConcernDeadlineRequest, idempotencyKey?: string): Promise<PublicConcernView> {
    return this.update(concernId, extendConcernDeadlineUpdate, request, 'extend', idempotencyKey);
  }

  recordPressConference(concernId: string, request: RecordPressConferenceRequest, idempotencyKey?: string): Promise<PublicConcernView> {
    return this.update(concernId, recordPressConferenceUpdate, request, 'press-conference', idempotencyKey);
  }

  private async update<Request>(
    concernId: string,
    update: UpdateDefinition<PublicConcernView, [Request]>,
    request: Request,
    action: string,
    idempotencyKey: string | undefined,
  ): Promise<PublicConcernView> {
    const updateId = `${action}:${idempotencyKey ?? randomUUID()}`;
    try {
      return await this.client.workflow.getHandle(publicConcernWorkflowId(concernId)).executeUpdate(update, { args: [request], updateId });
    } catch (error) {
      // The concern exists (the service found its row), so a workflow that is gone has finished: published and done.
      if (error instanceof WorkflowNotFoundError) throw ApiError.conflict(`concern ${concernId} is closed: its response has been published`);
      throw error;
    }
  }
}
