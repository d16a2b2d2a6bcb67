import { idempotencyKey } from '../../api';
import { apiClient, dataOf } from '../../openapi/client';
import type { components } from '../../openapi/schema';

/** What the citizen fills in (POST /api/public/applications). */
export type ApplicationRequest = components['schemas']['SubmitApplicationDto'];

/** The 查询号 and code the citizen keeps. */
export interface ApplicationReceipt {
  queryNumber: string;
  verificationCode: string;
}

/** An application as the citizen follows it (POST /api/public/applications/lookup). */
export interface PublicApplicationStatus {
  queryNumber: string;
  stateLabel: string;
  submittedOn: string;
  receivedOn: string | null;
  dueDate: string | null;
  dueExplanation: string | null;
  result: { category: string; label: string } | null;
  closedOn: string | null;
  replyLetter: string | null;
  timeline: { action: string; at: string; notice?: string }[];
}

export const submitApplication = (body: ApplicationRequest) =>
  dataOf<ApplicationReceipt>(apiClient.POST('/api/public/applications', { params: { header: { 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] } }, body }));

export const lookUpApplication = (body: ApplicationReceipt) => dataOf<PublicApplicationStatus>(apiClient.POST('/api/public/applications/lookup', { body }));
