import type { components } from '../../openapi/schema';

/** The audit API's answers, as the API documents them. */
export type AuditEvent = components['schemas']['AuditEventView'];
export type AuditPage = components['schemas']['AuditPageView'];
export type ItemChainVerification = components['schemas']['ItemChainVerificationView'];
export type SubjectChainVerification = components['schemas']['SubjectChainVerificationView'];
/** The objects without an item the trail follows (an application, a consultation, a unit…). */
export type AuditSubjectScope = components['schemas']['AuditSubjectView']['scope'];

/** What a timeline is of: an item, a user's own actions, or an object without an item. */
export type TrailScope = 'items' | 'actors' | AuditSubjectScope;

/** A search of the trail: each filter optional, as GET /api/audit takes them (scope and key together). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  itemId?: string;
  scope?: AuditSubjectScope;
  key?: string;
}
