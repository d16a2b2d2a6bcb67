import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '../../api';
import { apiClient, bodyOf, dataOf } from '../../openapi/client';
import type { components, paths } from '../../openapi/schema';
import { queryKeys } from '../../query';
import type { ApplicationDemand } from '../applications/application-demands';

/** The API's supervision views, as the OpenAPI document describes them. */
export type OverdueRow = components['schemas']['OverdueRowView'];
export type OverdueApplicationRow = components['schemas']['OverdueApplicationRowView'];
export type OverdueBar = components['schemas']['OverdueBarView'];
export type SupervisionDemand = components['schemas']['SupervisionDemandView'];
export type SupervisionTrend = components['schemas']['SupervisionTrendView'];
export type TrendPoint = components['schemas']['TrendPointView'];
export type AnnualReportDeadline = components['schemas']['AnnualReportDeadlineView'];
export type FilterOptions = components['schemas']['SupervisionFilterOptionsView'];

/** The overdue list's filters; the same query drives the list, the charts and the exports. */
export type OverdueFilters = NonNullable<paths['/api/supervision/overdue']['get']['parameters']['query']>;

export type TrendUnit = 'quarter' | 'month';

/** The filters as the export links' query string ('' when none). */
export function filterQuery(filters: OverdueFilters): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const key = () => idempotencyKey()['Idempotency-Key'];

export const useFilterOptions = () =>
  useQuery({ queryKey: queryKeys.supervisionFilters(), queryFn: () => bodyOf(apiClient.GET('/api/supervision/filters')), staleTime: 5 * 60_000 });

// While new filters load, the previous answer stays on screen rather than a spinner replacing the page.
export const useDashboard = (filters: OverdueFilters) =>
  useQuery({ queryKey: queryKeys.supervisionDashboard(filters), queryFn: () => bodyOf(apiClient.GET('/api/supervision/dashboard', { params: { query: filters } })), placeholderData: keepPreviousData });

export const useOverdueList = (filters: OverdueFilters) =>
  useQuery({ queryKey: queryKeys.supervisionOverdue(filters), queryFn: () => bodyOf(apiClient.GET('/api/supervision/overdue', { params: { query: filters } })), placeholderData: keepPreviousData });

export const useTrend = (unit: TrendUnit) =>
  useQuery({ queryKey: queryKeys.supervisionTrend(unit), queryFn: () => bodyOf(apiClient.GET('/api/supervision/trend', { params: { query: { unit } } })), placeholderData: keepPreviousData });

export const useDemandList = () => useQuery({ queryKey: queryKeys.supervisionDemands(), queryFn: () => bodyOf(apiClient.GET('/api/supervision/demands')) });

/** What a supervisor decides on an overdue item row: a 督办, a remark (督查意见), or an extension. */
export type RowDecision =
  | { action: 'demand'; itemId: string; reason: string; days: number }
  | { action: 'comment'; itemId: string; reason: string }
  | { action: 'extend'; itemId: string; reason: string; days: number; target: string };

async function decide(decision: RowDecision): Promise<string> {
  const header = { 'Idempotency-Key': key() };
  if (decision.action === 'demand') {
    const demand = await bodyOf(apiClient.POST('/api/supervision/demands', { params: { header }, body: { itemId: decision.itemId, reason: decision.reason, dueWorkingDays: decision.days } }));
    const due = new Date(demand.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    return `已督办${demand.departmentName}，请于 ${due} 前答复。`;
  }
  if (decision.action === 'comment') {
    await bodyOf(apiClient.POST('/api/supervision/items/{id}/comments', { params: { path: { id: decision.itemId }, header }, body: { comment: decision.reason } }));
    return '督查意见已记录。';
  }
  await bodyOf(
    apiClient.POST('/api/items/{id}/extensions', { params: { path: { id: decision.itemId }, header }, body: { target: decision.target, workingDays: decision.days, reason: decision.reason } }),
  );
  return `已延期 ${decision.days} 个工作日。`;
}

/** A decision on a row; every supervision view reloads after it (the row's badges, the counts, the demands). */
export function useRowDecision(onDone: (message: string) => void) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSuccess: (message) => {
      void queries.invalidateQueries({ queryKey: queryKeys.supervision() });
      onDone(message);
    },
  });
}

/** 督办 on an overdue application; the list reloads to show it, and the application's own demands too. */
export function useApplicationDemand(applicationId: string, queryNumber: string, onDone: (message: string) => void) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; dueDate: string }) =>
      dataOf<ApplicationDemand>(apiClient.POST('/api/applications/{id}/demands', { params: { path: { id: applicationId }, header: { 'Idempotency-Key': key() } }, body })),
    onSuccess: (demand) => {
      void queries.invalidateQueries({ queryKey: queryKeys.supervision() });
      void queries.invalidateQueries({ queryKey: queryKeys.applicationDemands(applicationId) });
      onDone(`已督办${demand.departmentName}（申请 ${queryNumber}），请于 ${demand.dueDate} 前答复。`);
    },
  });
}
