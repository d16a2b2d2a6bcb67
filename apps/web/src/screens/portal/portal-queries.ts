import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import { PAGE_SIZE, type PortalFilters, type PublicPage } from './portal-model';

type Category = 'decision' | 'execution' | 'management' | 'service' | 'result' | 'uncategorized';

/** The filters as the API's query: absent rather than empty, the category as the API names them. */
function apiFilters(filters: PortalFilters) {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.area ? { area: filters.area } : {}),
    // An unknown category from a hand-typed URL reaches the API, which refuses it by name (400).
    ...(filters.category ? { category: filters.category as Category } : {}),
  };
}

/** The released items matching the filters, a page at a time (cursor paging: 加载更多 appends the next page). */
export function usePortalItems(filters: PortalFilters) {
  const query = apiFilters(filters);
  return useInfiniteQuery({
    queryKey: queryKeys.publicItems(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      bodyOf(apiClient.GET('/api/public/items', { params: { query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last: PublicPage) => last.nextCursor ?? undefined,
  });
}

/** How many items each area and category holds under the same filters, and the total. */
export function usePortalFacets(filters: PortalFilters) {
  const query = apiFilters(filters);
  return useQuery({
    queryKey: queryKeys.publicFacets(query),
    queryFn: () => bodyOf(apiClient.GET('/api/public/facets', { params: { query } })),
  });
}
