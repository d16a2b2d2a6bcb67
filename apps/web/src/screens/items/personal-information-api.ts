import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import type { components } from '../../openapi/schema';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';

/** What the personal-information guard found in an item, as the API documents it (personal-information.views.ts). */
export type FindingsView = components['schemas']['FindingsView'];
export type FindingView = FindingsView['items'][number];

/** The item's findings, and a reload for after a change elsewhere (a decision, a save). */
export function usePersonalInformation(itemId: string): { findings: FindingsView | null; reload: () => void } {
  const loaded = useQuery({
    queryKey: queryKeys.personalInformation(itemId),
    queryFn: () => bodyOf(apiClient.GET('/api/items/{id}/personal-information', { params: { path: { id: itemId } } })),
  });
  return { findings: loaded.data ?? null, reload: () => void loaded.refetch() };
}

/**
 * 记录公开依据 (the 保密审查 reviewer) and 一键脱敏 (the drafter): each answers with the findings afterwards, shown
 * at once; a mask also wrote a revision, so the item reloads.
 */
export function useFindingDecisions(itemId: string) {
  const queries = useQueryClient();
  const shown = (next: FindingsView) => queries.setQueryData(queryKeys.personalInformation(itemId), next);
  return {
    justify: useMutation({
      mutationFn: ({ findingId, reason }: { findingId: string; reason: string }) =>
        bodyOf(apiClient.POST('/api/items/{id}/personal-information/{findingId}/justify', { params: { path: { id: itemId, findingId } }, body: { reason } })),
      onSuccess: shown,
    }),
    mask: useMutation({
      mutationFn: (findingId: string) =>
        bodyOf(apiClient.POST('/api/items/{id}/personal-information/{findingId}/mask', { params: { path: { id: itemId, findingId } }, headers: idempotencyKey() })),
      onSuccess: (next) => {
        shown(next);
        void queries.invalidateQueries({ queryKey: queryKeys.item(itemId) });
        void queries.invalidateQueries({ queryKey: queryKeys.itemRevisions(itemId) });
      },
    }),
  };
}
