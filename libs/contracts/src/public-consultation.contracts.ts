import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ConsultationKind, ConsultationState } from '@zwgk/domain/workflow';
import type { ActorRef } from './disclosure-item.types';

/** One workflow per public consultation on a draft decision (意见征集), addressed by the consultation's id. */
export function publicConsultationWorkflowId(consultationId: string): string {
  return `public-consultation-${consultationId}`;
}

export const PUBLIC_CONSULTATION_WORKFLOW_TYPE = 'publicConsultationWorkflow';

/** What the department publishes for comment; the API has checked the period against the policy. */
export interface PublicConsultationInput {
  readonly consultationId: string;
  readonly departmentCode: string;
  readonly kind: ConsultationKind;
  readonly title: string;
  readonly draftText: string;
  readonly explanation: string;
  readonly affectsMarketEntities: boolean;
  readonly shortenedReason?: string;
  /** The minimum period that applied, in words, for the record. */
  readonly minimumBasis: string;
  readonly openedAt: string;
  readonly closesOn: string;
  /** The end of the closing day in China: the timer closes the consultation then. */
  readonly closesAt: string;
  /** Working days after closing the department has to publish its feedback (a policy setting). */
  readonly feedbackWorkingDays: number;
  readonly openedBy: ActorRef;
  /** How long between two looks at the feedback item's state, in minutes (the item's workflow is not told about the consultation). */
  readonly feedbackPollMinutes?: number;
}

export interface PublicConsultationView {
  readonly consultationId: string;
  readonly departmentCode: string;
  readonly state: ConsultationState;
  readonly closesAt: string;
  readonly closedAt?: string;
  readonly feedbackDueAt?: string;
  readonly feedbackDueExplanation?: string;
  readonly feedbackOverdue: boolean;
  readonly feedbackItemId?: string;
  readonly feedbackPublishedAt?: string;
  readonly feedbackLate?: boolean;
}

/** The feedback document (采纳情况) has been drafted as a disclosure item; the consultation follows its review. */
export interface FeedbackDraftedRequest {
  readonly actor: ActorRef;
  readonly itemId: string;
}

/** Resolves once the consultation's read model is written (the API starts the workflow with it). */
export const consultationOpenedUpdate = defineUpdate<PublicConsultationView>('consultationOpened');
/** The department links its feedback item; the validator checks the state and the actor. */
export const feedbackDraftedUpdate = defineUpdate<PublicConsultationView, [FeedbackDraftedRequest]>('feedbackDrafted');
export const publicConsultationViewQuery = defineQuery<PublicConsultationView>('publicConsultationView');
