/** The audit API's answers, as these screens read them. */

export interface AuditEvent {
  id: string;
  eventKey: string;
  itemId: string | null;
  taskId: string | null;
  actor: string;
  actorRole: string | null;
  departmentCode: string | null;
  action: string;
  reason: string | null;
  occurredAt: string;
  previousHash: string;
  recordHash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface ChainVerification {
  itemId: string;
  records: number;
  valid: boolean;
  firstBrokenLink?: { id: string; eventKey: string; field: 'previous_hash' | 'record_hash'; expected: string; stored: string };
}

/** A search of the trail: each filter optional, as GET /api/audit takes them. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  itemId?: string;
}

export const auditKeys = {
  search: (filters: AuditFilters) => ['audit', 'search', filters] as const,
  trail: (scope: string, key: string) => ['audit', 'trail', scope, key] as const,
  verify: (itemId: string) => ['audit', 'verify', itemId] as const,
};
