import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { RecalculateDeadlinesRequest } from './disclosure-item.types';

/**
 * Loading an official holiday arrangement moves deadlines that were computed before it. The recalculation
 * is a batch workflow of its own, one per loaded holiday table, so that the HTTP request that loads the year
 * answers at once and the fan-out survives a worker restart.
 */
export function calendarRecalculationWorkflowId(holidayTableId: string): string {
  return `calendar-recalculation-${holidayTableId}`;
}

export const CALENDAR_RECALCULATION_WORKFLOW_TYPE = 'calendarRecalculationWorkflow';

export interface CalendarRecalculationInput {
  readonly holidayTableId: string;
  readonly year: number;
  /** Only workflows with a deadline at or after this instant can change (the start of the loaded year). */
  readonly dueFrom?: string;
  readonly request: RecalculateDeadlinesRequest;
  /** Carried over a continue-as-new: where the listing stopped and what was done so far. */
  readonly resume?: CalendarRecalculationProgress;
}

/** One workflow the batch could not reach, and why. */
export interface CalendarRecalculationFailure {
  readonly workflowId: string;
  readonly error: string;
}

export interface CalendarRecalculationProgress {
  readonly state: 'RUNNING' | 'DONE';
  /** Open workflows found so far (the listing is paged, so this grows until DONE). */
  readonly found: number;
  /** Workflows told to recompute; each recomputes and re-arms its timers on its own. */
  readonly signalled: number;
  /** Workflows the batch could not reach; `failed` lists the first of them. */
  readonly failedCount: number;
  readonly failed: readonly CalendarRecalculationFailure[];
  /** Keyset cursor of the listing: the last workflow id handed out. */
  readonly cursor?: string;
}

/** What a batch's workflows are told: recompute every deadline with the calendar now in force. */
export const recalculateDeadlinesSignal = defineSignal<[RecalculateDeadlinesRequest]>('deadlinesRecalculationRequested');
export const calendarRecalculationProgressQuery = defineQuery<CalendarRecalculationProgress>('calendarRecalculationProgress');
