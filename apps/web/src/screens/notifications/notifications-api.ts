import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';

/** My notices, newest first, with the unread count; renewed every minute so the bell keeps up. */
export function useNotices(unreadOnly = false) {
  return useQuery({
    queryKey: [...queryKeys.notifications(), unreadOnly ? 'unread' : 'all'],
    queryFn: () => bodyOf(apiClient.GET('/api/notifications', { params: { query: { unread: unreadOnly, limit: 100 } } })),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

/** Marks notices read (one, or each unread one in turn: there is no bulk call); the bell and the list reload. */
export function useMarkRead() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids) await bodyOf(apiClient.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSettled: () => void queries.invalidateQueries({ queryKey: queryKeys.notifications() }),
  });
}
