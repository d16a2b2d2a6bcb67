import { useQuery } from '@tanstack/react-query';
import { apiClient, dataOf } from '../../openapi/client';
import { obligationKeys, type CatalogRow, type Obligation, type ObligationTask } from './obligation-types';

export function useObligations() {
  return useQuery({
    queryKey: obligationKeys.list,
    queryFn: () => dataOf<{ items: Obligation[] }>(apiClient.GET('/api/obligations')).then((answer) => answer.items),
  });
}

/** The drafting tasks open for my department (drafters only). */
export function useDueTasks(enabled: boolean) {
  return useQuery({
    queryKey: obligationKeys.tasks,
    enabled,
    queryFn: () => dataOf<{ items: ObligationTask[] }>(apiClient.GET('/api/obligations/tasks')).then((answer) => answer.items),
  });
}

export function useCatalogRows(enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'active-items'],
    enabled,
    queryFn: () => dataOf<{ versionId: string; items: CatalogRow[] }>(apiClient.GET('/api/catalog/items', { params: { query: {} } })),
  });
}
