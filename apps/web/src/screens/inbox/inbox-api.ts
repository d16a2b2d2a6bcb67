import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { components, paths } from '../../openapi/schema';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';

/** A task of the inbox and the badge counts, as the API documents them (apps/api/src/tasks/task.views.ts). */
export type InboxTask = components['schemas']['InboxTaskView'];
export type InboxCounts = components['schemas']['InboxCountsView'];

/** The filters the API applies to the whole inbox (not only to the rows loaded): the stage, and overdue or not. */
export type InboxFilters = Pick<NonNullable<paths['/api/tasks']['get']['parameters']['query']>, 'kind' | 'overdue'>;

/** Rows fetched per request: a few screens of the table, so that paging and sorting mostly stay local. */
const PAGE_SIZE = 100;

/** My open tasks by due time, a keyset page at a time (加载更多 fetches the next). */
export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.inbox(), 'tasks', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      bodyOf(apiClient.GET('/api/tasks', { params: { query: { state: 'open', limit: PAGE_SIZE, ...filters, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** 待办统计: open, due soon, overdue and done today, as the badges show them ("999+" past the cap). */
export function useInboxCounts() {
  return useQuery({
    queryKey: [...queryKeys.inbox(), 'counts'],
    queryFn: () => bodyOf(apiClient.GET('/api/tasks/counts')),
  });
}
