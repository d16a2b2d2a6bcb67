/**
 * The baselines of the lifecycle benchmark, run by its own worker on its own task queue.
 *
 * - `bareItemWorkflow`: the item's journey with the same Updates the API sends (draftRecorded by
 *   update-with-start, submitForReview, completeTask per stage) and one activity per step, which writes the
 *   step to PostgreSQL in one transaction. 签发 is one more step: its activity records the release. The
 *   workflow completes once released.
 * - `bareSleepTimerWorkflow`: a timer as bare as it gets: sleep until the due instant, then one activity.
 * - `dueTimeTimerWorkflow`: the project's timer pattern (`DueTime` from workflows/src/due-time.ts, as the item
 *   workflow arms it): the reminder instant from an activity, a reminder activity, then the due activity.
 */
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler, sleep, ApplicationFailure } from '@temporalio/workflow';
import { DueTime } from '../../workflows/src/due-time';
import type { BareActivities } from './bare-activities';

export interface BareItemInput {
  readonly itemId: string;
  /** The review stages in order; the last is 签发, whose approval releases the item. */
  readonly stages: readonly string[];
}

export interface BareItemView {
  readonly itemId: string;
  readonly state: 'DRAFT' | 'IN_REVIEW' | 'RELEASED';
  readonly openTask?: { readonly taskId: string; readonly stage: string };
}

export const bareDraftRecordedUpdate = defineUpdate<BareItemView>('draftRecorded');
export const bareSubmitUpdate = defineUpdate<BareItemView, [{ actor: string }]>('submitForReview');
export const bareCompleteTaskUpdate = defineUpdate<BareItemView, [{ taskId: string; actor: string; decision: 'approve' }]>('completeTask');

const activities = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '30 seconds' } });

export async function bareItemWorkflow(input: BareItemInput): Promise<BareItemView> {
  let state: BareItemView['state'] = 'DRAFT';
  let stageIndex = -1;
  let drafted = false;
  const taskIdOf = (index: number) => `${input.itemId}:${index}`;
  const view = (): BareItemView => ({
    itemId: input.itemId,
    state,
    ...(state === 'IN_REVIEW' ? { openTask: { taskId: taskIdOf(stageIndex), stage: input.stages[stageIndex]! } } : {}),
  });

  setHandler(bareDraftRecordedUpdate, async () => {
    await condition(() => drafted);
    return view();
  });
  setHandler(
    bareSubmitUpdate,
    async (_request) => {
      await activities.bareStep({ itemId: input.itemId, state: 'IN_REVIEW', closeTaskId: null, openTask: { taskId: taskIdOf(0), stage: input.stages[0]! } });
      stageIndex = 0;
      state = 'IN_REVIEW';
      return view();
    },
    {
      validator: (_request) => {
        if (state !== 'DRAFT' || !drafted) throw ApplicationFailure.create({ type: 'Conflict', message: `the item is ${state}`, nonRetryable: true });
      },
    },
  );
  setHandler(
    bareCompleteTaskUpdate,
    async (request) => {
      const next = stageIndex + 1;
      const last = next >= input.stages.length;
      await activities.bareStep({
        itemId: input.itemId,
        state: last ? 'RELEASED' : 'IN_REVIEW',
        closeTaskId: request.taskId,
        openTask: last ? null : { taskId: taskIdOf(next), stage: input.stages[next]! },
      });
      if (last) state = 'RELEASED';
      else stageIndex = next;
      return view();
    },
    {
      validator: (request) => {
        if (state !== 'IN_REVIEW' || request.taskId !== taskIdOf(stageIndex)) throw ApplicationFailure.create({ type: 'NotFound', message: `task ${request.taskId} is not open`, nonRetryable: true });
      },
    },
  );

  await activities.bareStep({ itemId: input.itemId, state: 'DRAFT', closeTaskId: null, openTask: null });
  drafted = true;
  await condition(() => state === 'RELEASED');
  await condition(allHandlersFinished);
  return view();
}

export interface TimerInput {
  readonly timerId: string;
  readonly dueAt: string;
}

/** Sleeps until the due instant, then records when it fired. */
export async function bareSleepTimerWorkflow(input: TimerInput): Promise<void> {
  await sleep(Math.max(0, Date.parse(input.dueAt) - Date.now()));
  await activities.timerFired({ timerId: input.timerId, kind: 'bare', dueAt: input.dueAt });
}

/** The project's due-time pattern: reminder instant from an activity, the reminder, then the due callback. */
export async function dueTimeTimerWorkflow(input: TimerInput): Promise<void> {
  let fired = false;
  const due = new DueTime({
    dueAt: () => input.dueAt,
    reminderAt: (dueAt) => activities.timerReminderAt({ dueAt }),
    onReminder: async () => {
      await activities.timerReminded({ timerId: input.timerId });
    },
    onDue: async (dueAt) => {
      await activities.timerFired({ timerId: input.timerId, kind: 'due-time', dueAt });
      fired = true;
    },
  });
  await due.waitUntil(() => fired);
}
