import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import type { AuditFilters, AuditPage, AuditSubjectScope, TrailScope } from './audit-types';

/** One page of the trail, newest first; the next page starts below the last id (keyset, so new rows never shift it). */
export function fetchAuditPage(filters: AuditFilters, cursor: string | undefined, limit: number): Promise<AuditPage> {
  return bodyOf(apiClient.GET('/api/audit', { params: { query: { ...filters, ...(cursor ? { cursor } : {}), limit } } }));
}

export function useAuditSearch(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditSearch(filters),
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam, 50),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The filter that finds one object's rows. */
export function trailFilters(scope: TrailScope, key: string): AuditFilters {
  if (scope === 'items') return { itemId: key };
  if (scope === 'actors') return { actor: key };
  return { scope, key };
}

/**
 * The object's chains recomputed by the API: an item's own chain, or, for an object without an item, every
 * chain its rows are in up to its newest row. Never from the cache: a check is only worth what it read now.
 */
export function useChainVerification(scope: 'items' | AuditSubjectScope, key: string) {
  return useQuery({
    queryKey: queryKeys.auditVerify(scope, key),
    queryFn: async () => {
      if (scope === 'items') {
        const result = await bodyOf(apiClient.GET('/api/items/{id}/audit/verify', { params: { path: { id: key } } }));
        return { ...result, objectRecords: result.records };
      }
      return bodyOf(apiClient.GET('/api/audit/{scope}/{key}/verify', { params: { path: { scope, key } } }));
    },
    staleTime: 0,
  });
}
