import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ApplicationChannel, ApplicationColumn, ApplicationOutcome, ApplicationStepName, FeeBasis, LocalDate } from '@zwgk/domain';
import type { ActorRef } from './disclosure-item.types';

/** One workflow per application for disclosure (依申请公开), addressed by the application's id. */
export function disclosureApplicationWorkflowId(applicationId: string): string {
  return `disclosure-application-${applicationId}`;
}

export const DISCLOSURE_APPLICATION_WORKFLOW_TYPE = 'disclosureApplicationWorkflow';

/**
 * What the workflow starts with. The applicant's personal data (name, ID document, contact) stays in the
 * disclosure_applications row the API writes and never enters workflow history: activities read it there.
 */
export interface DisclosureApplicationInput {
  readonly applicationId: string;
  readonly queryNumber: string;
  readonly channel: ApplicationChannel;
  readonly applicantType: ApplicationColumn;
  /** The day the form was handed in, posted online or registered by staff. */
  readonly submittedOn: LocalDate;
  /** Registered post: the day the office signed for it (条例 Art. 31 (二)). */
  readonly signedForOn?: LocalDate;
  /** The 政府信息公开工作机构 that receives it. */
  readonly officeDepartmentCode: string;
  readonly registeredBy?: ActorRef;
}

/** Where the application stands; the reply clock runs in every state from received to reply-ready. */
export type ApplicationState =
  | 'submitted' // waiting for 签收 (the receipt date is not known yet)
  | 'received' // 签收 done, clock running, waiting for 受理
  | 'accepted' // handled by a department
  | 'correction' // 补正 asked, waiting for the applicant
  | 'consultation' // third party or agency consulted, clock stopped
  | 'fee' // fee notice sent, clock stopped
  | 'reply-review' // 保密审查 of what is released
  | 'reply-sign-off' // 签发
  | 'reply-ready' // signed, to be delivered
  | 'closed';

export type ApplicationStepRequest = { readonly actor: ActorRef } & (
  | { readonly step: 'sign'; readonly confirmedOn?: LocalDate }
  | { readonly step: 'accept'; readonly departmentCode: string }
  | { readonly step: 'transfer'; readonly departmentCode: string; readonly reason: string }
  | { readonly step: 'return'; readonly reason: string }
  | { readonly step: 'request-correction'; readonly missing: string; readonly periodWorkingDays: number }
  | { readonly step: 'correction-received' }
  | { readonly step: 'request-extension'; readonly reason: string; readonly workingDays: number }
  | { readonly step: 'decide-extension'; readonly approve: boolean; readonly comment?: string }
  | { readonly step: 'start-consultation'; readonly kind: 'third-party' | 'agency'; readonly party: string }
  | { readonly step: 'consultation-answered'; readonly opinion: 'agree' | 'disagree'; readonly summary: string }
  | { readonly step: 'fee-notice'; readonly basis: FeeBasis }
  | { readonly step: 'fee-paid' }
  | { readonly step: 'draft-reply'; readonly outcome: ApplicationOutcome; readonly letter?: string; readonly citedItemIds?: readonly string[] }
  | { readonly step: 'review-reply'; readonly approve: boolean; readonly comment?: string }
  | { readonly step: 'sign-off-reply'; readonly approve: boolean; readonly comment?: string }
  | { readonly step: 'deliver-reply'; readonly method: string }
);

/** Every step name, checked against the access policy's list at compile time. */
export const APPLICATION_STEPS: readonly ApplicationStepName[] = [
  'sign', 'accept', 'transfer', 'return', 'request-correction', 'correction-received', 'request-extension', 'decide-extension',
  'start-consultation', 'consultation-answered', 'fee-notice', 'fee-paid', 'draft-reply', 'review-reply', 'sign-off-reply', 'deliver-reply',
] satisfies readonly ApplicationStepRequest['step'][];

export interface ApplicationView {
  readonly applicationId: string;
  readonly queryNumber: string;
  readonly state: ApplicationState;
  readonly handlingDepartmentCode?: string;
  readonly receivedOn?: LocalDate;
  readonly clockStartOn?: LocalDate;
  /** The reply deadline in force; absent while the clock is stopped or not started. */
  readonly dueAt?: string;
  readonly dueDate?: LocalDate;
  /** "Why this date", naming every stop of the clock. */
  readonly dueExplanation?: string;
  readonly clockStopped: boolean;
  readonly overdue: boolean;
  readonly correction?: { readonly missing: string; readonly requestedOn: LocalDate; readonly dueDate: LocalDate; readonly receivedOn?: LocalDate };
  readonly extension?: { readonly requestedBy: string; readonly reason: string; readonly workingDays: number; readonly decision?: 'approved' | 'rejected'; readonly decidedBy?: string };
  readonly consultation?: { readonly kind: 'third-party' | 'agency'; readonly party: string; readonly sentOn: LocalDate; readonly dueDate: LocalDate; readonly answeredOn?: LocalDate; readonly opinion?: 'agree' | 'disagree' | 'silent' };
  readonly fee?: { readonly amountYuan: number; readonly explanation: string; readonly noticeOn: LocalDate; readonly payByDate: LocalDate; readonly paidOn?: LocalDate };
  readonly reply?: { readonly outcome: ApplicationOutcome; readonly letter: string; readonly citedItemIds: readonly string[] };
  readonly outcome?: ApplicationOutcome;
  readonly closedOn?: LocalDate;
  /** Delivered after the due instant. */
  readonly late?: boolean;
}

/** Resolves once the application is recorded (the API starts the workflow with it). */
export const applicationRecordedUpdate = defineUpdate<ApplicationView>('applicationRecorded');
/** A staff step; the validator checks the actor, the state and the fields before anything reaches history. */
export const applicationStepUpdate = defineUpdate<ApplicationView, [ApplicationStepRequest]>('applicationStep');
export const applicationViewQuery = defineQuery<ApplicationView>('applicationView');
