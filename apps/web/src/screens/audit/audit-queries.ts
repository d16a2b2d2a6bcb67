import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, dataOf } from '../../openapi/client';
import { auditKeys, type AuditFilters, type AuditPage } from './audit-types';

/** One page of the trail, newest first; the next page starts below the last id (keyset, so new rows never shift it). */
export function fetchAuditPage(filters: AuditFilters, cursor: string | undefined, limit: number): Promise<AuditPage> {
  return dataOf<AuditPage>(apiClient.GET('/api/audit', { params: { query: { ...filters, ...(cursor ? { cursor } : {}), limit } } }));
}

export function useAuditSearch(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.search(filters),
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam, 50),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
