import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActorRef } from './disclosure-item.types';

/** One workflow per supervisor's demand for action (督办), addressed by the demand's id. */
export function supervisionDemandWorkflowId(demandId: string): string {
  return `supervision-demand-${demandId}`;
}

export const SUPERVISION_DEMAND_WORKFLOW_TYPE = 'supervisionDemandWorkflow';

/**
 * The stage (review_tasks.stage) of the task a demand opens in the department head's inbox. It is not a
 * review stage: the head answers it with a response text, not with approve / return / reject.
 */
export const SUPERVISION_DEMAND_TASK_STAGE = 'supervision-demand';
/** The department head (负责人) answers for the department: the role escalated review tasks go to. */
export const SUPERVISION_DEMAND_ROLE = 'reviewer';

export interface SupervisionDemandInput {
  readonly demandId: string;
  readonly itemId: string;
  readonly itemTitle: string;
  /** The item's department: the one that must act. */
  readonly departmentCode: string;
  readonly reason: string;
  /** Working days the department has to answer, counted by the calendar activity from the day of the demand. */
  readonly dueWorkingDays: number;
  readonly demandedBy: ActorRef;
}

export type SupervisionDemandState = 'OPENING' | 'OPEN' | 'OVERDUE' | 'ANSWERED';

export interface SupervisionDemandView {
  readonly demandId: string;
  readonly itemId: string;
  readonly departmentCode: string;
  readonly state: SupervisionDemandState;
  readonly dueAt?: string;
  readonly dueExplanation?: string;
  readonly overdue: boolean;
  readonly response?: { readonly text: string; readonly responder: string; readonly respondedAt: string; readonly late: boolean };
}

/** The department head's answer to a demand. */
export interface RespondToDemandRequest {
  readonly demandId: string;
  readonly actor: ActorRef;
  readonly response: string;
}

/** Resolves once the demand's task is in the department head's inbox (the API starts the workflow with it). */
export const supervisionDemandOpenedUpdate = defineUpdate<SupervisionDemandView>('supervisionDemandOpened');
/** The head answers; the validator checks the actor before anything reaches history. The updateId is the client's idempotency key. */
export const respondToDemandUpdate = defineUpdate<SupervisionDemandView, [RespondToDemandRequest]>('respondToDemand');
export const supervisionDemandViewQuery = defineQuery<SupervisionDemandView>('supervisionDemandView');
