import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  CatalogItemCodeAttribute,
  completeTaskUpdate,
  confirmManualChannelUpdate,
  DepartmentIdAttribute,
  DisclosureStateAttribute,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  recalculateDeadlinesUpdate,
  retryChannelReleaseUpdate,
  reviseUpdate,
  newEditionUpdate,
  claimTaskUpdate,
  unclaimTaskUpdate,
  delegateTaskUpdate,
  extendDeadlineUpdate,
  submitForReviewUpdate,
  withdrawUpdate,
  type ChannelLedgerResult,
  type CompleteTaskRequest,
  type ConfirmManualChannelRequest,
  type RetryChannelReleaseRequest,
  type DisclosureItemInput,
  type DisclosureItemView,
  type RecalculateDeadlinesRequest,
  type ClaimTaskRequest,
  type DelegateTaskRequest,
  type ExtendDeadlineRequest,
  type ReviseRequest,
  type NewEditionRequest,
  type SubmitRequest,
  type WithdrawRequest,
} from '@zwgk/contracts';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { startOrFind } from './start-or-find';
import { ReleasedItemReopening, type ReopenableState } from './released-item-reopening';

/**
 * Everything the API asks of a disclosure item's workflow. Each human decision is an Update whose
 * updateId is the client's idempotency key: the server answers a repeated id with the first result.
 * Each Update gets its own deadline (TEMPORAL_UPDATE_TIMEOUT_SECONDS): past it the request answers 503
 * still-processing instead of waiting, and a retry with the same key returns the decision's result.
 */
@Injectable()
export class DisclosureWorkflowClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReleasedItemReopening) private readonly reopening: ReleasedItemReopening,
  ) {}

  /** Starts the item's workflow (or finds the running one) and waits until the draft is recorded. */
  async startDraft(input: DisclosureItemInput): Promise<DisclosureItemView> {
    const startWorkflowOperation = startOrFind(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(input.itemId),
      taskQueue: this.config.temporal.taskQueue,
      input,
      // Without them (TEMPORAL_SEARCH_ATTRIBUTES=off) the workflow keeps none current either.
      ...(this.config.temporal.operatorSearchAttributes
        ? {
            typedSearchAttributes: [
              { key: DisclosureStateAttribute, value: 'DRAFT' },
              { key: DepartmentIdAttribute, value: input.drafter.departmentCode },
              { key: CatalogItemCodeAttribute, value: input.catalogItem.code },
            ],
          }
        : {}),
    });
    return this.bounded(() => this.client.workflow.executeUpdateWithStart(draftRecordedUpdate, { startWorkflowOperation }));
  }

  /**
   * Waits until the item's workflow has recorded its draft, for a create retried with its Idempotency-Key:
   * the draft's row is committed by the step's activity before the workflow takes in its answer, so the row
   * alone does not say the item may be submitted yet. Undefined when the workflow has closed (released,
   * rejected or withdrawn long after its draft was recorded). One fixed updateId: however many retries, the
   * history keeps one such Update.
   */
  async awaitDraftRecorded(itemId: string): Promise<DisclosureItemView | undefined> {
    try {
      return await this.client.withDeadline(Date.now() + this.config.temporal.updateTimeoutSeconds * 1000, () =>
        this.handle(itemId).executeUpdate(draftRecordedUpdate, { updateId: 'draft-recorded:retried-create' }),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  submit(itemId: string, request: SubmitRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.handle(itemId).executeUpdate(submitForReviewUpdate, { args: [request], updateId: this.updateId('submit', idempotencyKey) }));
  }

  completeTask(itemId: string, request: CompleteTaskRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() =>
      this.handle(itemId).executeUpdate(completeTaskUpdate, {
        args: [request],
        updateId: this.updateId(`complete-${request.taskId}`, idempotencyKey),
      }),
    );
  }

  withdraw(itemId: string, request: WithdrawRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.updateReopening(itemId, withdrawUpdate, { args: [request], updateId: this.updateId('withdraw', idempotencyKey) }));
  }

  revise(itemId: string, request: ReviseRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.handle(itemId).executeUpdate(reviseUpdate, { args: [request], updateId: this.updateId('revise', idempotencyKey) }));
  }

  newEdition(itemId: string, request: NewEditionRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.updateReopening(itemId, newEditionUpdate, { args: [request], updateId: this.updateId('edition', idempotencyKey) }));
  }

  claimTask(itemId: string, request: ClaimTaskRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.handle(itemId).executeUpdate(claimTaskUpdate, { args: [request], updateId: this.updateId(`claim-${request.taskId}`, idempotencyKey) }));
  }

  unclaimTask(itemId: string, request: ClaimTaskRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.handle(itemId).executeUpdate(unclaimTaskUpdate, { args: [request], updateId: this.updateId(`unclaim-${request.taskId}`, idempotencyKey) }));
  }

  delegateTask(itemId: string, request: DelegateTaskRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.handle(itemId).executeUpdate(delegateTaskUpdate, { args: [request], updateId: this.updateId(`delegate-${request.taskId}`, idempotencyKey) }));
  }

  extendDeadline(itemId: string, request: ExtendDeadlineRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.updateReopening(itemId, extendDeadlineUpdate, { args: [request], updateId: this.updateId('extend', idempotencyKey) }));
  }

  /** Retries a failed channel; a released item's completed workflow is re-opened for it. */
  retryChannelRelease(itemId: string, request: RetryChannelReleaseRequest, idempotencyKey?: string): Promise<ChannelLedgerResult> {
    return this.bounded(() => this.updateReopening(itemId, retryChannelReleaseUpdate, { args: [request], updateId: this.updateId(`retry-channel-${request.attempt}`, idempotencyKey) }));
  }

  /** Confirms a manual channel posted or taken down; a released item's completed workflow is re-opened for it. */
  confirmManualChannel(itemId: string, request: ConfirmManualChannelRequest, idempotencyKey?: string): Promise<ChannelLedgerResult> {
    // Taking down is confirmed after a withdrawal, whose workflow has completed: it is re-opened for that too.
    const reopenable: ReopenableState[] = request.action === 'taken-down' ? ['RELEASED', 'WITHDRAWN'] : ['RELEASED'];
    return this.bounded(() => this.updateReopening(itemId, confirmManualChannelUpdate, { args: [request], updateId: this.updateId(`confirm-channel-${request.action}`, idempotencyKey) }, reopenable));
  }

  recalculateDeadlines(itemId: string, request: RecalculateDeadlinesRequest, idempotencyKey?: string): Promise<DisclosureItemView> {
    return this.bounded(() => this.handle(itemId).executeUpdate(recalculateDeadlinesUpdate, { args: [request], updateId: this.updateId('recalculate', idempotencyKey) }));
  }

  /**
   * An Update to an item that may be released, whose workflow has then completed: update-with-start
   * re-opens it from the read model (or reaches the run still open). Any other item gets a plain Update.
   */
  async updateReopening<Ret, Args extends [any, ...any[]]>(
    itemId: string,
    update: UpdateDefinition<Ret, Args>,
    options: { args: Args; updateId: string },
    states: readonly ReopenableState[] = ['RELEASED'],
  ): Promise<Ret> {
    const startWorkflowOperation = await this.reopening.startOperation(itemId, states);
    if (!startWorkflowOperation) return this.handle(itemId).executeUpdate(update, options);
    return this.client.workflow.executeUpdateWithStart(update, { ...options, startWorkflowOperation });
  }

  /** Runs one Update under its own deadline, which replaces any deadline of the surrounding request. */
  private async bounded<T>(update: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + this.config.temporal.updateTimeoutSeconds * 1000, update);
    } catch (error) {
      // The item exists (the service found its row), so a workflow that is gone has finished: a released
      // item's closes once nothing is left to time, and only a change that re-opens it applies to it.
      if (error instanceof WorkflowNotFoundError) throw ApiError.conflict('该事项的流程已结束（已发布、不予公开或已撤回），此操作不再适用');
      throw error;
    }
  }

  private handle(itemId: string) {
    return this.client.workflow.getHandle(disclosureItemWorkflowId(itemId));
  }

  private updateId(action: string, idempotencyKey: string | undefined): string {
    return idempotencyKey ? `${action}:${idempotencyKey}` : `${action}:${randomUUID()}`;
  }
}
