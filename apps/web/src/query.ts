import { QueryClient } from '@tanstack/react-query';
import { ApiFailure } from './api';

/**
 * Data loading for the screens (TanStack Query): answers cached for half a minute, a failed load retried
 * twice unless the API refused it (a 4xx says the same the next time), and a screen's data reloaded after
 * a decision by invalidating its key.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiFailure && error.status < 500) && failures < 2,
    },
  },
});

/** The query keys, one place, so that a decision invalidates exactly what it changed. */
export const queryKeys = {
  demand: (id: string) => ['supervision-demand', id] as const,
  /** Every supervision view below starts with 'supervision', so one invalidation after a 督办 reloads them all. */
  supervision: () => ['supervision'] as const,
  supervisionFilters: () => ['supervision', 'filters'] as const,
  supervisionDashboard: (filters: object) => ['supervision', 'dashboard', filters] as const,
  supervisionOverdue: (filters: object) => ['supervision', 'overdue', filters] as const,
  supervisionTrend: (unit: string) => ['supervision', 'trend', unit] as const,
  supervisionDemands: () => ['supervision', 'demands'] as const,
  applicationDemands: (applicationId: string) => ['application-demands', applicationId] as const,
  publicItem: (id: string) => ['public-item', id] as const,
  concerns: (state: string) => ['concerns', state] as const,
  concern: (id: string) => ['concern', id] as const,
  departments: () => ['departments'] as const,
  /** The audit trail (审计日志): a search, one object's timeline, one object's chain check. */
  auditSearch: (filters: object) => ['audit', 'search', filters] as const,
  auditTrail: (scope: string, key: string) => ['audit', 'trail', scope, key] as const,
  auditVerify: (scope: string, key: string) => ['audit', 'verify', scope, key] as const,
  item: (id: string) => ['item', id] as const,
  myItems: (...scopeAndState: string[]) => ['my-items', ...scopeAndState] as const,
  itemRevisions: (id: string) => ['item-revisions', id] as const,
  personalInformation: (id: string) => ['personal-information', id] as const,
  publicInterpretations: (id: string) => ['public-interpretations', id] as const,
  ledgerPhoto: (itemId: string, photoId: string) => ['ledger-photo', itemId, photoId] as const,
  notifications: () => ['notifications'] as const,
  inbox: () => ['inbox'] as const,
  task: (id: string) => ['task', id] as const,
  publicItems: (filters: Record<string, string | undefined>) => ['public-items', filters] as const,
  publicFacets: (filters: Record<string, string | undefined>) => ['public-facets', filters] as const,
  publicCatalog: (area: string | undefined, department: string | undefined) => ['public-catalog', area ?? '', department ?? ''] as const,
  rating: (target: string) => ['rating', target] as const,
  authConfig: () => ['auth-config'] as const,
  annualReport: (year: number) => ['annual-report', year] as const,
  assessment: (query: string) => ['assessment', query] as const,
};
