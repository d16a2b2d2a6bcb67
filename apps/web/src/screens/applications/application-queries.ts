import { useQuery } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import type { components } from '../../openapi/schema';

type Schemas = components['schemas'];
/** An application as the staff list and page read it (GET /api/applications, /api/applications/:id, as documented). */
export type ApplicationRow = Schemas['StaffApplicationListItemView'];
export type Application = Schemas['StaffApplicationDetailView'];
export type ApplicationStep = Schemas['ApplicationStepDto'];

export const applicationKeys = {
  all: ['applications'] as const,
  list: ['applications', 'list'] as const,
  one: (id: string) => ['applications', 'one', id] as const,
};

export function useApplications() {
  return useQuery({ queryKey: applicationKeys.list, queryFn: () => bodyOf(apiClient.GET('/api/applications', { params: { query: {} } })).then((answer) => answer.items) });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: applicationKeys.one(id), queryFn: () => bodyOf(apiClient.GET('/api/applications/{id}', { params: { path: { id } } })) });
}

export const takeApplicationStep = (id: string, body: ApplicationStep) =>
  bodyOf(apiClient.POST('/api/applications/{id}/steps', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] } }, body }));
