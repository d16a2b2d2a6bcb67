import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActorRef } from './disclosure-item.types';

/** One workflow per 督办 on an application for disclosure, addressed by the demand's id. */
export function applicationDemandWorkflowId(demandId: string): string {
  return `application-demand-${demandId}`;
}

export const APPLICATION_DEMAND_WORKFLOW_TYPE = 'applicationDemandWorkflow';

export interface ApplicationDemandInput {
  readonly demandId: string;
  readonly applicationId: string;
  readonly queryNumber: string;
  /** The department holding the application when the demand is issued (the handling one, else the office): the one that answers. */
  readonly departmentCode: string;
  /** The 政府信息公开工作机构 that received the application: when it is the one holding it, its disclosure staff answer. */
  readonly officeDepartmentCode: string;
  /** 督办事由. */
  readonly reason: string;
  /** The response date the supervisor set (YYYY-MM-DD, China time). */
  readonly dueDate: string;
  /** Its end, China time: the instant the demand falls overdue. */
  readonly dueAt: string;
  readonly demandedBy: ActorRef;
}

export type ApplicationDemandState = 'OPENING' | 'OPEN' | 'OVERDUE' | 'ANSWERED' | 'CLOSED';

export interface ApplicationDemandAnswer {
  /** 说明情况: why the application is late or at risk. */
  readonly situation: string;
  /** 整改措施: what the department does about it, and by when. */
  readonly measures: string;
  readonly responder: string;
  readonly respondedAt: string;
  /** Answered after the due instant. */
  readonly late: boolean;
}

export interface ApplicationDemandView {
  readonly demandId: string;
  readonly applicationId: string;
  readonly departmentCode: string;
  readonly state: ApplicationDemandState;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly reminded: boolean;
  readonly overdue: boolean;
  readonly answer?: ApplicationDemandAnswer;
  readonly closing?: { readonly closedBy: string; readonly closedAt: string; readonly remark?: string };
}

/** The answering department's 说明情况 and 整改措施. */
export interface AnswerApplicationDemandRequest {
  readonly demandId: string;
  readonly actor: ActorRef;
  readonly situation: string;
  readonly measures: string;
}

/** The supervisor closes an answered demand (办结), with an optional remark. */
export interface CloseApplicationDemandRequest {
  readonly demandId: string;
  readonly actor: ActorRef;
  readonly remark?: string;
}

/** Resolves once the demand is recorded (the API starts the workflow with it, by update-with-start). */
export const applicationDemandOpenedUpdate = defineUpdate<ApplicationDemandView>('applicationDemandOpened');
/** The department answers; the validator checks the actor and the fields before anything reaches history. */
export const answerApplicationDemandUpdate = defineUpdate<ApplicationDemandView, [AnswerApplicationDemandRequest]>('answerApplicationDemand');
/** A supervisor closes the answered demand; the workflow completes. */
export const closeApplicationDemandUpdate = defineUpdate<ApplicationDemandView, [CloseApplicationDemandRequest]>('closeApplicationDemand');
export const applicationDemandViewQuery = defineQuery<ApplicationDemandView>('applicationDemandView');
