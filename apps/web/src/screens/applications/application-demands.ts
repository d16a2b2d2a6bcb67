import { idempotencyKey, type Actor } from '../../api';
import { apiClient, dataOf } from '../../openapi/client';

/** A 督办 on an application, as GET /api/applications/{id}/demands answers it. */
export interface ApplicationDemand {
  id: string;
  applicationId: string;
  queryNumber: string;
  departmentCode: string;
  departmentName: string;
  /** Who answers for the department: its head (`reviewer`), or the office's disclosure staff (`disclosure-office`). */
  answeringRole: string;
  reason: string;
  demandedBy: string;
  demandedByName: string;
  dueDate: string;
  dueAt: string;
  createdAt: string;
  state: ApplicationDemandState;
  stateLabel: string;
  remindedAt: string | null;
  overdueAt: string | null;
  situation: string | null;
  measures: string | null;
  responder: string | null;
  respondedAt: string | null;
  late: boolean;
  closedBy: string | null;
  closedAt: string | null;
  closingRemark: string | null;
}

export type ApplicationDemandState = 'open' | 'overdue' | 'answered' | 'closed';

/** The demand still to be closed, as the application list and the overdue list show it. */
export interface ApplicationDemandSummary {
  id: string;
  state: ApplicationDemandState;
  stateLabel: string;
  dueDate: string;
}

/** A row of the overdue list's applications section (GET /api/supervision/overdue). */
export interface OverdueApplicationRow {
  applicationId: string;
  queryNumber: string;
  departmentCode: string;
  departmentName: string;
  state: string;
  stateLabel: string;
  dueAt: string;
  dueDate: string | null;
  finishedAt: string | null;
  stillOverdue: boolean;
  workingDaysLate: number;
  demand: ApplicationDemandSummary | null;
}

export interface OverdueApplicationsSection {
  counts: { overdue: number; stillOverdue: number };
  items: OverdueApplicationRow[];
}

/**
 * The badge per state (the house badges, whose colours meet WCAG AA contrast; TDesign's light warning tag does
 * not): open waits, overdue is late, answered waits for the supervisor, closed is done.
 */
export const DEMAND_BADGE_CLASSES: Record<ApplicationDemandState, string> = { open: 'badge badge-due-soon', overdue: 'badge badge-overdue', answered: 'badge badge-in_review', closed: 'badge badge-released' };

/** The same states as TDesign tags (the staff list and the application page). */
export const DEMAND_TAG_THEMES: Record<ApplicationDemandState, 'primary' | 'danger' | 'default' | 'success'> = { open: 'primary', overdue: 'danger', answered: 'default', closed: 'success' };

const key = () => idempotencyKey()['Idempotency-Key'];

export const loadApplicationDemands = (applicationId: string) =>
  dataOf<{ items: ApplicationDemand[] }>(apiClient.GET('/api/applications/{id}/demands', { params: { path: { id: applicationId } } }));

export const issueApplicationDemand = (applicationId: string, body: { reason: string; dueDate: string }) =>
  dataOf<ApplicationDemand>(apiClient.POST('/api/applications/{id}/demands', { params: { path: { id: applicationId }, header: { 'Idempotency-Key': key() } }, body }));

export const answerApplicationDemand = (demand: ApplicationDemand, body: { situation: string; measures: string }) =>
  dataOf<ApplicationDemand>(
    apiClient.POST('/api/applications/{id}/demands/{demandId}/answer', { params: { path: { id: demand.applicationId, demandId: demand.id }, header: { 'Idempotency-Key': key() } }, body }),
  );

export const closeApplicationDemand = (demand: ApplicationDemand, remark: string) =>
  dataOf<ApplicationDemand>(
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
