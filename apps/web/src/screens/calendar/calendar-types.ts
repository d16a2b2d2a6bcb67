import type { components } from '../../openapi/schema';

type Schemas = components['schemas'];

/** The calendar API's answers, as the API documents them (calendar.views.ts). */
export type HolidayYear = Schemas['HolidayYearView'];
export type CalendarYears = Schemas['HolidayYearsView'];
export type YearLoaded = Schemas['HolidayYearLoadedView'];
export type RecalculationProgress = Schemas['RecalculationProgressView'];
export type DeadlineHolderKind = keyof Schemas['RecalculationByKindView'];

export const HOLDER_KIND_LABELS: Record<DeadlineHolderKind, string> = {
  item: '公开事项',
  concern: '舆情回应',
  demand: '督办',
  obligation: '定期公开任务',
};

export const calendarKeys = {
  years: ['calendar', 'years'] as const,
  batch: (batchId: string) => ['calendar', 'recalculation', batchId] as const,
};
