import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  activateRoundUpdate,
  CATALOG_COMPILATION_WORKFLOW_TYPE,
  catalogCompilationWorkflowId,
  compilationRoundOpenedUpdate,
  decideRoundUpdate,
  reviewProposalUpdate,
  submitProposalUpdate,
  type ActorRef,
  type CatalogCompilationInput,
  type CatalogCompilationView,
  type DecideRoundRequest,
  type ReviewProposalRequest,
  type SubmitProposalRequest,
} from '@zwgk/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { startOrFind } from '../temporal/start-or-find';

/** What the API asks of a round's workflow: open it (or find it), and each person's step as an Update. */
@Injectable()
export class CatalogCompilationClient {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  open(input: CatalogCompilationInput): Promise<CatalogCompilationView> {
    const startWorkflowOperation = startOrFind(CATALOG_COMPILATION_WORKFLOW_TYPE, { workflowId: catalogCompilationWorkflowId(input.roundId), taskQueue: this.config.temporal.taskQueue, input });
    return this.client.workflow.executeUpdateWithStart(compilationRoundOpenedUpdate, { startWorkflowOperation });
  }

  submit(roundId: string, request: SubmitProposalRequest, key: string | undefined): Promise<CatalogCompilationView> {
    return this.handle(roundId).executeUpdate(submitProposalUpdate, { args: [request], updateId: updateId(`submit-${request.departmentCode}`, key) });
  }

  review(roundId: string, request: ReviewProposalRequest, key: string | undefined): Promise<CatalogCompilationView> {
    return this.handle(roundId).executeUpdate(reviewProposalUpdate, { args: [request], updateId: updateId(`review-${request.departmentCode}`, key) });
  }

  decide(roundId: string, request: DecideRoundRequest, key: string | undefined): Promise<CatalogCompilationView> {
    return this.handle(roundId).executeUpdate(decideRoundUpdate, { args: [request], updateId: updateId(`decide-${request.stage}`, key) });
  }

  activate(roundId: string, actor: ActorRef, key: string | undefined): Promise<CatalogCompilationView> {
    return this.handle(roundId).executeUpdate(activateRoundUpdate, { args: [{ actor }], updateId: updateId('activate', key) });
  }

  private handle(roundId: string) {
    return this.client.workflow.getHandle(catalogCompilationWorkflowId(roundId));
  }
}

/** The Update's id: a repeat with the same Idempotency-Key gets the first answer. */
function updateId(action: string, key: string | undefined): string {
  return `${action}:${key ?? randomUUID()}`;
}
