import {
  chinaDateOf,
  computeReleaseDeadline,
  STAGE_TIME_LIMIT,
  type Deadline,
  type ReviewStage,
  type TimeLimitRule,
  type WorkingDayCalendar,
} from '@zwgk/domain';

/**
 * The calendar lives here, not in workflow code: loading a new holiday table must never change how an
 * old history replays, so the workflow only ever sees the instants these activities return.
 */
export function createCalendarActivities(calendar: WorkingDayCalendar) {
  return {
    async computeReleaseDeadline(request: { rule: TimeLimitRule; formedAt: string }): Promise<Deadline> {
      return computeReleaseDeadline(calendar, request.rule, request.formedAt);
    },
    async computeStageDeadline(request: { stage: ReviewStage; openedAt: string }): Promise<Deadline> {
      return computeReleaseDeadline(calendar, STAGE_TIME_LIMIT[request.stage], chinaDateOf(new Date(request.openedAt)));
    },
  };
}
