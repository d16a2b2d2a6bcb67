import { continueAsNew, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  calendarRecalculationProgressQuery,
  recalculateDeadlinesSignal,
  type CalendarRecalculationFailure,
  type CalendarRecalculationInput,
  type CalendarRecalculationProgress,
} from '@zwgk/contracts';
import { ACTIVITY_OPTIONS } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

/** Workflows listed per page, all signalled at once. */
const PAGE_SIZE = 200;
/** Signals per run before continuing as new: each costs two events, so a county's archive never makes one huge history. */
const SIGNALS_PER_RUN = 2_000;
/** Failures kept in the progress view; the count goes on beyond it. */
const FAILURES_KEPT = 100;

/**
 * Tells every workflow with a working-day deadline to recompute it with the calendar now in force
 * (an official year loaded or corrected). Each workflow recomputes and re-arms its own timers; the batch
 * only delivers the request, so one stuck item never holds up the others, and a signal reaches a workflow
 * even while no worker runs it.
 */
export async function calendarRecalculationWorkflow(input: CalendarRecalculationInput): Promise<CalendarRecalculationProgress> {
  let found = input.resume?.found ?? 0;
  let signalled = input.resume?.signalled ?? 0;
  let failedCount = input.resume?.failedCount ?? 0;
  const failed: CalendarRecalculationFailure[] = [...(input.resume?.failed ?? [])];
  let cursor = input.resume?.cursor;
  let state: CalendarRecalculationProgress['state'] = 'RUNNING';
  const progress = (): CalendarRecalculationProgress => ({ state, found, signalled, failedCount, failed, ...(cursor ? { cursor } : {}) });
  setHandler(calendarRecalculationProgressQuery, progress);

  let signalledThisRun = 0;
  for (;;) {
    const page = await activities.listDeadlineHolders({ ...(cursor ? { after: cursor } : {}), ...(input.dueFrom ? { dueFrom: input.dueFrom } : {}), limit: PAGE_SIZE });
    found += page.workflowIds.length;
    const outcomes = await Promise.allSettled(
      page.workflowIds.map((workflowId) => getExternalWorkflowHandle(workflowId).signal(recalculateDeadlinesSignal, input.request)),
    );
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') {
        signalled++;
      } else if (++failedCount <= FAILURES_KEPT) {
        // Typically a workflow that has already closed while its read model still says open.
        failed.push({ workflowId: page.workflowIds[index]!, error: String(outcome.reason instanceof Error ? outcome.reason.message : outcome.reason) });
      }
    });
    signalledThisRun += page.workflowIds.length;
    cursor = page.next;
    if (!cursor) break;
    if (signalledThisRun >= SIGNALS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof calendarRecalculationWorkflow>({ ...input, resume: progress() });
    }
  }
  state = 'DONE';
  return progress();
}
