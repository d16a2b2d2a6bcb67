import { useQuery } from '@tanstack/react-query';
import { apiClient, bodyOf, dataOf } from '../../openapi/client';
import { obligationKeys, type CatalogRow } from './obligation-types';

export function useObligations() {
  return useQuery({
    queryKey: obligationKeys.list,
    queryFn: () => bodyOf(apiClient.GET('/api/obligations')).then((answer) => answer.items),
  });
}

/** The drafting tasks open for my department (drafters only). */
export function useDueTasks(enabled: boolean) {
  return useQuery({
    queryKey: obligationKeys.tasks,
    enabled,
    queryFn: () => bodyOf(apiClient.GET('/api/obligations/tasks')).then((answer) => answer.items),
  });
}

export function useCatalogRows(enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'active-items'],
    enabled,
    queryFn: () => dataOf<{ versionId: string; items: CatalogRow[] }>(apiClient.GET('/api/catalog/items', { params: { query: {} } })),
  });
}

/** The items of my department that may fulfil the task's period (履行), once the dialog is open. */
export function useFulfilmentCandidates(taskId: string, enabled: boolean) {
  return useQuery({
    queryKey: obligationKeys.candidates(taskId),
    enabled,
    queryFn: () => bodyOf(apiClient.GET('/api/obligations/tasks/{id}/candidates', { params: { path: { id: taskId } } })).then((answer) => answer.items),
  });
}
