import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  concernRecordedUpdate,
  registerConcernUpdate,
  draftConcernResponseUpdate,
  extendConcernDeadlineUpdate,
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
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';

/**
 * Everything the API asks of a concern's workflow. Each step is an Update whose updateId is the client's
 * idempotency key: the server answers a repeated id with the first result.
 */
@Injectable()
export class ConcernWorkflowClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(DisclosureWorkflowClient) private readonly items: DisclosureWorkflowClient,
  ) {}

  /**
   * Asks the item's workflow to start the concern as its child, then waits until the child has recorded
   * its deadlines and read model. The registration's updateId makes a retry find the same child.
   */
  async register(input: PublicConcernInput): Promise<PublicConcernView> {
    // A released item's workflow may have completed: the registration re-opens it (update-with-start).
    await this.items.updateReopening(input.itemId, registerConcernUpdate, { args: [input], updateId: `register-concern:${input.concernId}` });
    return this.client.workflow.getHandle(publicConcernWorkflowId(input.concernId)).executeUpdate(concernRecordedUpdate);
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
      if (error instanceof WorkflowNotFoundError) throw ApiError.conflict(`关切 ${concernId} 已办结：答复已经发布`);
      throw error;
    }
  }
}
