/** The calendar API's answers, as these screens read them. */

export interface HolidayYear {
  year: number;
  source: string;
  published: boolean;
  holidays: { name: string; days: string[] }[];
  makeUpWorkingDays: string[];
  loadedBy: string | null;
  loadedAt: string | null;
}

export interface CalendarYears {
  calendarVersion: string;
  years: HolidayYear[];
}

export interface YearLoaded {
  holidayTableId: string;
  year: number;
  replaced: boolean;
  recalculationBatchId: string;
}

export type DeadlineHolderKind = 'item' | 'concern' | 'demand' | 'obligation';

export interface RecalculationProgress {
  batchId: string;
  state: 'RUNNING' | 'DONE';
  found: number;
  signalled: number;
  skipped?: number;
  failedCount: number;
  failed: { workflowId: string; kind?: DeadlineHolderKind; error: string }[];
  byKind?: Partial<Record<DeadlineHolderKind, { found: number; signalled: number; skipped: number; failedCount: number }>>;
}

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
