import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import type { ItemDetail } from '../../item-types';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';

/** The item as the action screen needs it: the detail, with where a withdrawal or edition left it. */
export type ActionItem = ItemDetail;

export function useActionItem(id: string) {
  return useQuery({
    queryKey: queryKeys.item(id),
    queryFn: () => bodyOf(apiClient.GET('/api/items/{id}', { params: { path: { id } } })),
  });
}

/** The actions on an item (撤回, 新版本, 延期, 登记舆情, 台账的重新发布和人工确认): each reloads the item once the workflow has taken it. */
export function useItemActions(id: string) {
  const queries = useQueryClient();
  const header = () => ({ 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] });
  const path = { id };
  const onSuccess = () => void queries.invalidateQueries({ queryKey: queryKeys.item(id) });
  return {
    withdraw: useMutation({
      mutationFn: (reason: string) => bodyOf(apiClient.POST('/api/items/{id}/withdraw', { params: { path, header: header() }, body: { reason } })),
      onSuccess,
    }),
    newEdition: useMutation({
      mutationFn: (body: { reason: string; title?: string; body?: string; interpretation?: string }) =>
        bodyOf(apiClient.POST('/api/items/{id}/editions', { params: { path, header: header() }, body })),
      onSuccess,
    }),
    extend: useMutation({
      mutationFn: (body: { target: string; workingDays: number; reason: string }) => bodyOf(apiClient.POST('/api/items/{id}/extensions', { params: { path, header: header() }, body })),
      onSuccess,
    }),
    retryChannel: useMutation({
      mutationFn: (channel: string) => bodyOf(apiClient.POST('/api/items/{id}/ledger/{channel}/retry', { params: { path: { id, channel }, header: header() } })),
      onSuccess,
    }),
    uploadPhoto: useMutation({
      // Multipart: the generated client types the path and answer; the body is the FormData with the one file.
      mutationFn: ({ channel, file }: { channel: string; file: File }) =>
        bodyOf(
          apiClient.POST('/api/items/{id}/ledger/{channel}/photos', {
            params: { path: { id, channel }, header: header() },
            body: { photo: '' },
            bodySerializer: () => {
              const form = new FormData();
              form.append('photo', file, file.name);
              return form;
            },
          }),
        ),
    }),
    confirmChannel: useMutation({
      mutationFn: ({ channel, ...body }: { channel: string; action: 'posted' | 'taken-down'; note: string; photoAttachmentId?: string }) =>
        bodyOf(apiClient.POST('/api/items/{id}/ledger/{channel}/confirmations', { params: { path: { id, channel }, header: header() }, body })),
      onSuccess,
    }),
    registerIncident: useMutation({
      mutationFn: (body: { summary: string; severity: 'major-emergency' | 'public-opinion' }) =>
        bodyOf(apiClient.POST('/api/items/{id}/incidents', { params: { path, header: header() }, body })),
      onSuccess: () => void queries.invalidateQueries({ queryKey: ['concerns'] }),
    }),
  };
}
