import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';

export type Decision = 'approve' | 'return' | 'reject';

/** The item under review, typed as GET /api/items/:id documents it (shared with the item's other screens). */
export function useReviewedItem(itemId: string) {
  return useQuery({
    queryKey: queryKeys.item(itemId),
    queryFn: () => bodyOf(apiClient.GET('/api/items/{id}', { params: { path: { id: itemId } } })),
  });
}

/** 提交审核决定: once taken, the item and the inbox reload (the next stage's task, or none). */
export function useCompleteTask(itemId: string, taskId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: Decision; comment?: string }) => api('POST', `/tasks/${taskId}/complete`, body, idempotencyKey()),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: queryKeys.item(itemId) });
      void queries.invalidateQueries({ queryKey: queryKeys.inbox() });
    },
  });
}
