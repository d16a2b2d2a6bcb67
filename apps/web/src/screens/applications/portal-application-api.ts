import { idempotencyKey } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import type { components } from '../../openapi/schema';

/** What the citizen fills in (POST /api/public/applications). */
export type ApplicationRequest = components['schemas']['SubmitApplicationDto'];

/** The 查询号 and code the citizen keeps. */
export type ApplicationReceipt = components['schemas']['ApplicationReceiptView'];

/** An application as the citizen follows it (POST /api/public/applications/lookup). */
export type PublicApplicationStatus = components['schemas']['PublicApplicationStatusView'];

export const submitApplication = (body: ApplicationRequest) =>
  bodyOf(apiClient.POST('/api/public/applications', { params: { header: { 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] } }, body }));

export const lookUpApplication = (body: ApplicationReceipt) => bodyOf(apiClient.POST('/api/public/applications/lookup', { body }));
