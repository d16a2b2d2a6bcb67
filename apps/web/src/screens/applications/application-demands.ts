import { idempotencyKey, type Actor } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import type { components } from '../../openapi/schema';

/** A 督办 on an application, as GET /api/applications/{id}/demands (and its steps) answer it. */
export type ApplicationDemand = components['schemas']['ApplicationDemandView'];

export type ApplicationDemandState = ApplicationDemand['state'];

/**
 * The badge per state (the house badges, whose colours meet WCAG AA contrast; TDesign's light warning tag does
 * not): open waits, overdue is late, answered waits for the supervisor, closed is done.
 */
export const DEMAND_BADGE_CLASSES: Record<ApplicationDemandState, string> = { open: 'badge badge-due-soon', overdue: 'badge badge-overdue', answered: 'badge badge-in_review', closed: 'badge badge-released' };

/** The same states as TDesign tags (the staff list and the application page). */
export const DEMAND_TAG_THEMES: Record<ApplicationDemandState, 'primary' | 'danger' | 'default' | 'success'> = { open: 'primary', overdue: 'danger', answered: 'default', closed: 'success' };

const key = () => idempotencyKey()['Idempotency-Key'];

export const loadApplicationDemands = (applicationId: string) =>
  bodyOf(apiClient.GET('/api/applications/{id}/demands', { params: { path: { id: applicationId } } }));

export const issueApplicationDemand = (applicationId: string, body: { reason: string; dueDate: string }) =>
  bodyOf(apiClient.POST('/api/applications/{id}/demands', { params: { path: { id: applicationId }, header: { 'Idempotency-Key': key() } }, body }));

export const answerApplicationDemand = (demand: ApplicationDemand, body: { situation: string; measures: string }) =>
  bodyOf(
    apiClient.POST('/api/applications/{id}/demands/{demandId}/answer', { params: { path: { id: demand.applicationId, demandId: demand.id }, header: { 'Idempotency-Key': key() } }, body }),
  );

export const closeApplicationDemand = (demand: ApplicationDemand, remark: string) =>
  bodyOf(
    apiClient.POST('/api/applications/{id}/demands/{demandId}/close', {
      params: { path: { id: demand.applicationId, demandId: demand.id }, header: { 'Idempotency-Key': key() } },
      body: remark ? { remark } : {},
    }),
  );

/** The same rule as the API's access policy, to offer the answer form only to who may answer. */
export function mayAnswer(actor: Actor, demand: ApplicationDemand): boolean {
  return actor.departmentCode === demand.departmentCode && actor.roles.includes(demand.answeringRole);
}

export const isSupervisor = (actor: Actor) => actor.roles.includes('supervisor');
