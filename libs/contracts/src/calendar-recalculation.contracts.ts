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
  readonly kind?: DeadlineHolderKind;
  readonly error: string;
}

/** The kinds of workflow whose due instants a calendar can move, in the order the batch visits them. */
export const DEADLINE_HOLDER_KINDS = ['item', 'concern', 'demand', 'obligation'] as const;
export type DeadlineHolderKind = (typeof DEADLINE_HOLDER_KINDS)[number];

/** What the batch did for one kind of workflow. */
export interface DeadlineHolderKindProgress {
  readonly found: number;
  readonly signalled: number;
  /** Listed as open but closed by the time the signal went out: nothing left to recompute. */
  readonly skipped: number;
  readonly failedCount: number;
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
  /** Workflows already closed when signalled (completed since the listing): not failures. */
  readonly skipped?: number;
  /** The same counts per kind of workflow (items, concerns, 督办 demands, obligation periods). */
  readonly byKind?: Partial<Record<DeadlineHolderKind, DeadlineHolderKindProgress>>;
  /** The kind being listed when the batch continued as new; absent means items. */
  readonly kind?: DeadlineHolderKind;
  /** Keyset cursor of the listing: the last workflow id handed out. */
  readonly cursor?: string;
}

/** What a batch's workflows are told: recompute every deadline with the calendar now in force. */
export const recalculateDeadlinesSignal = defineSignal<[RecalculateDeadlinesRequest]>('deadlinesRecalculationRequested');
export const calendarRecalculationProgressQuery = defineQuery<CalendarRecalculationProgress>('calendarRecalculationProgress');
