import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import type { components } from '../../openapi/schema';
import type { RowProposal, RowReview } from './compilation-types';

type Schemas = components['schemas'];
const header = () => ({ 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] });

export const compilationKeys = {
  all: ['compilation-rounds'] as const,
  list: ['compilation-rounds', 'list'] as const,
  round: (id: string) => ['compilation-rounds', 'one', id] as const,
};

export const useRounds = () =>
  useQuery({ queryKey: compilationKeys.list, queryFn: () => bodyOf(apiClient.GET('/api/catalog-compilation/rounds')).then((answer) => answer.items) });

export const useRound = (id: string) =>
  useQuery({ queryKey: compilationKeys.round(id), queryFn: () => bodyOf(apiClient.GET('/api/catalog-compilation/rounds/{id}', { params: { path: { id } } })) });

export const openRound = (body: Schemas['OpenCompilationRoundDto']) =>
  bodyOf(apiClient.POST('/api/catalog-compilation/rounds', { params: { header: header() }, body }));

/** A step on a round (submit, review, decide, activate); the round reloads after it. */
export type RoundStep =
  | { kind: 'submit'; departmentCode: string; rows: RowProposal[] }
  | { kind: 'review'; departmentCode: string; reviews: RowReview[] }
  | { kind: 'decide'; body: Schemas['DecideRoundDto'] }
  | { kind: 'activate' };

function take(id: string, step: RoundStep) {
  switch (step.kind) {
    case 'submit':
      return bodyOf(apiClient.POST('/api/catalog-compilation/rounds/{id}/proposals/{departmentCode}', { params: { path: { id, departmentCode: step.departmentCode }, header: header() }, body: { rows: step.rows } }));
    case 'review':
      return bodyOf(apiClient.POST('/api/catalog-compilation/rounds/{id}/proposals/{departmentCode}/review', { params: { path: { id, departmentCode: step.departmentCode }, header: header() }, body: { reviews: step.reviews } }));
    case 'decide':
      return bodyOf(apiClient.POST('/api/catalog-compilation/rounds/{id}/decisions', { params: { path: { id }, header: header() }, body: step.body }));
    case 'activate':
      return bodyOf(apiClient.POST('/api/catalog-compilation/rounds/{id}/activate', { params: { path: { id }, header: header() } }));
  }
}

export function useRoundStep(id: string) {
  const queries = useQueryClient();
  return useMutation({ mutationFn: (step: RoundStep) => take(id, step), onSuccess: () => void queries.invalidateQueries({ queryKey: compilationKeys.all }) });
}
