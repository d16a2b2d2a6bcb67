import { continueAsNew, getExternalWorkflowHandle, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import {
  calendarRecalculationProgressQuery,
  DEADLINE_HOLDER_KINDS,
  recalculateDeadlinesSignal,
  type CalendarRecalculationFailure,
  type CalendarRecalculationInput,
  type CalendarRecalculationProgress,
  type DeadlineHolderKind,
  type DeadlineHolderKindProgress,
} from '@zwgk/contracts';
import { ACTIVITY_OPTIONS } from './workflow-support';

const activities = proxyActivities<DisclosureActivities>(ACTIVITY_OPTIONS);

/** patched(): besides items, the batch tells concerns, 督办 demands and obligation periods. */
const EVERY_DEADLINE_KIND = 'recalculation-every-deadline-kind';

/** Workflows listed per page, all signalled at once. */
const PAGE_SIZE = 200;
/** Signals per run before continuing as new: each costs two events, so a county's archive never makes one huge history. */
const SIGNALS_PER_RUN = 2_000;
/** Failures kept in the progress view; the count goes on beyond it. */
const FAILURES_KEPT = 100;

/** How the server answers a signal to a workflow that has closed (or left retention): nothing to recompute. */
const isClosedWorkflow = (reason: unknown) => reason instanceof Error && /external workflow because it was not found/.test(reason.message);

const NO_PROGRESS: DeadlineHolderKindProgress = { found: 0, signalled: 0, skipped: 0, failedCount: 0 };

/**
 * Tells every workflow with a working-day deadline to recompute it with the calendar now in force
 * (an official year loaded or corrected): items, then concerns, demands and obligation periods. Each
 * workflow recomputes and re-arms its own timers; the batch only delivers the request, so one stuck
 * workflow never holds up the others, and a signal reaches a workflow even while no worker runs it. A
 * workflow that closed since it was listed (a released item completes) is skipped, not failed.
 */
export async function calendarRecalculationWorkflow(input: CalendarRecalculationInput): Promise<CalendarRecalculationProgress> {
  const resume = input.resume;
  let found = resume?.found ?? 0;
  let signalled = resume?.signalled ?? 0;
  let skipped = resume?.skipped ?? 0;
  let failedCount = resume?.failedCount ?? 0;
  const failed: CalendarRecalculationFailure[] = [...(resume?.failed ?? [])];
  const byKind: Partial<Record<DeadlineHolderKind, DeadlineHolderKindProgress>> = { ...resume?.byKind };
  let kind: DeadlineHolderKind = resume?.kind ?? 'item';
  let cursor = resume?.cursor;
  let state: CalendarRecalculationProgress['state'] = 'RUNNING';
  const progress = (): CalendarRecalculationProgress => ({
    state, found, signalled, skipped, failedCount, failed, byKind, ...(state === 'RUNNING' ? { kind } : {}), ...(cursor ? { cursor } : {}),
  });
  setHandler(calendarRecalculationProgressQuery, progress);
  const kinds: readonly DeadlineHolderKind[] = patched(EVERY_DEADLINE_KIND) ? DEADLINE_HOLDER_KINDS : ['item'];

  let signalledThisRun = 0;
  for (let kindIndex = kinds.indexOf(kind); kindIndex < kinds.length; kindIndex++) {
    kind = kinds[kindIndex]!;
    for (;;) {
      const page = await activities.listDeadlineHolders({ kind, ...(cursor ? { after: cursor } : {}), ...(input.dueFrom ? { dueFrom: input.dueFrom } : {}), limit: PAGE_SIZE });
      const counts: { -readonly [K in keyof DeadlineHolderKindProgress]: number } = { ...NO_PROGRESS, ...byKind[kind] };
      counts.found += page.workflowIds.length;
      found += page.workflowIds.length;
      const outcomes = await Promise.allSettled(
        page.workflowIds.map((workflowId) => getExternalWorkflowHandle(workflowId).signal(recalculateDeadlinesSignal, input.request)),
      );
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'fulfilled') {
          signalled++;
          counts.signalled++;
        } else if (isClosedWorkflow(outcome.reason)) {
          skipped++;
          counts.skipped++;
        } else {
          counts.failedCount++;
          if (++failedCount <= FAILURES_KEPT) {
            const error = String(outcome.reason instanceof Error ? outcome.reason.message : outcome.reason);
            failed.push({ workflowId: page.workflowIds[index]!, kind, error });
          }
        }
      });
      byKind[kind] = counts;
      signalledThisRun += page.workflowIds.length;
      cursor = page.next;
      if (!cursor) break;
      if (signalledThisRun >= SIGNALS_PER_RUN || workflowInfo().continueAsNewSuggested) {
        await continueAsNew<typeof calendarRecalculationWorkflow>({ ...input, resume: progress() });
      }
    }
  }
  state = 'DONE';
  return progress();
}
