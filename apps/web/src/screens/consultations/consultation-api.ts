import { useQuery } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import type { components } from '../../openapi/schema';

type Schemas = components['schemas'];
const key = () => ({ 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] });

export const consultationKeys = {
  all: ['consultations'] as const,
  staffList: ['consultations', 'staff'] as const,
  staff: (id: string) => ['consultations', 'staff', id] as const,
  publicList: (status: 'open' | 'closed') => ['consultations', 'public', status] as const,
  public: (id: string) => ['consultations', 'public', 'one', id] as const,
};

export const usePublicConsultations = (status: 'open' | 'closed') =>
  useQuery({
    queryKey: consultationKeys.publicList(status),
    queryFn: () => bodyOf(apiClient.GET('/api/public/consultations', { params: { query: { status, limit: 100 } } })).then((answer) => answer.items),
  });

export const usePublicConsultation = (id: string) =>
  useQuery({ queryKey: consultationKeys.public(id), queryFn: () => bodyOf(apiClient.GET('/api/public/consultations/{id}', { params: { path: { id } } })) });

export const useStaffConsultations = () =>
  useQuery({ queryKey: consultationKeys.staffList, queryFn: () => bodyOf(apiClient.GET('/api/consultations')).then((answer) => answer.items) });

export const useStaffConsultation = (id: string) =>
  useQuery({ queryKey: consultationKeys.staff(id), queryFn: () => bodyOf(apiClient.GET('/api/consultations/{id}', { params: { path: { id } } })) });

export const submitComment = (id: string, body: Schemas['SubmitCommentDto']) =>
  bodyOf(apiClient.POST('/api/public/consultations/{id}/comments', { params: { path: { id }, header: key() }, body }));

export const openConsultation = (body: Schemas['OpenConsultationDto']) => bodyOf(apiClient.POST('/api/consultations', { params: { header: key() }, body }));

export const moderateComment = (id: string, commentId: string, body: Schemas['ModerateCommentDto']) =>
  bodyOf(apiClient.POST('/api/consultations/{id}/comments/{commentId}/moderation', { params: { path: { id, commentId } }, body }));

export const recordFeedback = (id: string, body: Schemas['RecordFeedbackDto']) =>
  bodyOf(apiClient.POST('/api/consultations/{id}/feedback', { params: { path: { id }, header: key() }, body }));
