import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import type { components, paths } from '../../openapi/schema';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';

/** The item API's answers as it documents them (apps/api/src/items/*.views.ts). */
type Schemas = components['schemas'];
export type RevisionList = Schemas['RevisionListView'];
export type RevisionDiff = Schemas['RevisionDiffView'];
export type DiffPart = Schemas['DiffPartView'];

/** 我的事项, or the department's: `state` is applied by the API to the whole list. */
export type ItemListQuery = Required<Pick<NonNullable<paths['/api/items']['get']['parameters']['query']>, 'scope'>> &
  Pick<NonNullable<paths['/api/items']['get']['parameters']['query']>, 'state'>;

/** Rows fetched per request: a few pages of the table, so that paging and sorting mostly stay local. */
const PAGE_SIZE = 100;

/** The items, newest change first, a keyset page at a time (加载更多 fetches the next). */
export function useMyItems(query: ItemListQuery) {
  return useInfiniteQuery({
    queryKey: queryKeys.myItems(query.scope, query.state ?? ''),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => bodyOf(apiClient.GET('/api/items', { params: { query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useItem(id: string) {
  return useQuery({ queryKey: queryKeys.item(id), queryFn: () => bodyOf(apiClient.GET('/api/items/{id}', { params: { path: { id } } })) });
}

/** The revisions (稿); reloaded when the item's revision moves on. */
export function useRevisions(id: string, revision: number) {
  return useQuery({
    queryKey: [...queryKeys.itemRevisions(id), revision],
    queryFn: () => bodyOf(apiClient.GET('/api/items/{id}/revisions', { params: { path: { id } } })),
  });
}

/** What changed from one revision to another; nothing to ask while the two are the same. */
export function useRevisionDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...queryKeys.itemRevisions(id), 'diff', from, to],
    enabled: from !== null && to !== null && from !== to,
    queryFn: () => bodyOf(apiClient.GET('/api/items/{id}/revisions/{from}/diff/{to}', { params: { path: { id, from: String(from), to: String(to) } } })),
  });
}

/** 提交审核 (or 重新提交): the item, its lists and its findings reload once the workflow has taken it. */
export function useSubmitItem(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => bodyOf(apiClient.POST('/api/items/{id}/submit', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: queryKeys.item(id) });
      void queries.invalidateQueries({ queryKey: queryKeys.myItems() });
      void queries.invalidateQueries({ queryKey: queryKeys.personalInformation(id) });
    },
  });
}
