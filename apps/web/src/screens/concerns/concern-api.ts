import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import { apiClient, bodyOf, dataOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import type { Department } from './concern-types';

type StateFilter = 'open' | 'all' | 'AWAITING_TRIAGE' | 'AWAITING_RESPONSE' | 'AWAITING_REVIEW' | 'APPROVED' | 'PUBLISHED';

/** The queue: soonest unmet due time first, as the API orders it. */
export function useConcernQueue(state: string) {
  return useQuery({
    queryKey: queryKeys.concerns(state),
    queryFn: () => bodyOf(apiClient.GET('/api/concerns', { params: { query: { state: state as StateFilter, limit: 200 } } })),
  });
}

export function useConcern(id: string) {
  return useQuery({
    queryKey: queryKeys.concern(id),
    queryFn: () => bodyOf(apiClient.GET('/api/concerns/{id}', { params: { path: { id } } })),
  });
}

/** Every department by code, for names in place of codes and the triage's choice. */
export function useDepartments() {
  return useQuery({
    queryKey: queryKeys.departments(),
    queryFn: () => dataOf<{ items: Department[] }>(apiClient.GET('/api/org/departments')),
    staleTime: 10 * 60_000,
  });
}

/** The concern's steps (分办, 答复, 审核, 延期, 新闻发布会): each reloads the concern and the queue once done. */
export function useConcernStep(id: string) {
  const queries = useQueryClient();
  const header = () => ({ 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] });
  const path = { id };
  const onSuccess = () => {
    void queries.invalidateQueries({ queryKey: queryKeys.concern(id) });
    void queries.invalidateQueries({ queryKey: ['concerns'] });
  };
  return {
    triage: useMutation({
      mutationFn: (body: { classification: 'inquiry' | 'suggestion' | 'complaint' | 'report' | 'other'; assignDepartmentCode: string }) =>
        bodyOf(apiClient.POST('/api/concerns/{id}/triage', { params: { path, header: header() }, body })),
      onSuccess,
    }),
    draft: useMutation({
      mutationFn: (draft: string) => bodyOf(apiClient.POST('/api/concerns/{id}/response', { params: { path, header: header() }, body: { draft } })),
      onSuccess,
    }),
    review: useMutation({
      mutationFn: (body: { decision: 'approve' | 'return'; comment?: string }) => bodyOf(apiClient.POST('/api/concerns/{id}/review', { params: { path, header: header() }, body })),
      onSuccess,
    }),
    extend: useMutation({
      mutationFn: (reason: string) => bodyOf(apiClient.POST('/api/concerns/{id}/extension', { params: { path, header: header() }, body: { reason } })),
      onSuccess,
    }),
    pressConference: useMutation({
      mutationFn: (summary: string) => bodyOf(apiClient.POST('/api/concerns/{id}/press-conference', { params: { path, header: header() }, body: { summary } })),
      onSuccess,
    }),
  };
}
