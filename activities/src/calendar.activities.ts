import type { DataSource } from 'typeorm';
import type { PublicityPeriodView, ReleaseDeadlineRequest } from '@zwgk/contracts';
import {
  addDays,
  chinaDateOf,
  endOfChinaDay,
  computePublicityPeriod,
  computeReleaseDeadline,
  STAGE_TIME_LIMIT,
  type Deadline,
  type ReviewStage,
  type TimeLimitRule,
  type WorkingDayCalendar,
} from '@zwgk/domain';
import { calendarSource } from './calendar-source';

/** A review task's reminder: the end of the working day before its due day. */
export function taskReminderAt(calendar: WorkingDayCalendar, dueAt: string): string {
  let day = addDays(chinaDateOf(new Date(dueAt)), -1);
  for (let guard = 0; guard < 60 && calendar.offReason(day); guard++) day = addDays(day, -1);
  return endOfChinaDay(day).toISOString();
}

/** N more working days after the current due day. */
export function extendedDeadline(calendar: WorkingDayCalendar, dueAt: string, workingDays: number): Deadline {
  return computeReleaseDeadline(calendar, { kind: 'working-days', count: workingDays, anchor: 'formed-or-changed' }, chinaDateOf(new Date(dueAt)));
}

/** A review stage's own limit, counted from the day its task opened. */
export function stageDeadline(calendar: WorkingDayCalendar, stage: ReviewStage, openedAt: string): Deadline {
  return computeReleaseDeadline(calendar, STAGE_TIME_LIMIT[stage], chinaDateOf(new Date(openedAt)));
}

/**
 * The calendar lives here, not in workflow code: loading a new holiday table must never change how an
 * old history replays, so the workflow only ever sees the instants these activities return.
 */
export function createCalendarActivities(dataSource: DataSource, fixedCalendar?: WorkingDayCalendar) {
  // A recalculation after a load computes here: it asks the table each time rather than race the load's notice.
  const calendar = calendarSource(dataSource, fixedCalendar, { checkEachUse: true });
  return {
    /**
     * The item's release deadline from its rule, its clock start day and the drafter's choice (the case of a
     * composite rule, or the due day of a manual one). A choice that does not fit the rule is refused as
     * invalid data, never replaced by a default limit.
     */
    async computeReleaseDeadline(request: ReleaseDeadlineRequest): Promise<Deadline> {
      const { rule, formedAt, timeLimitCase, manualDueDate, manualDueReason } = request;
      return computeReleaseDeadline(await calendar(), rule, formedAt, { timeLimitCase, manualDueDate, manualDueReason });
    },

    /**
     * The 公示期 of an item released at `releasedAt` under `rule`: from the release to the end of its Nth
     * working (or calendar) day, China time, with the calendar in force; null when the rule has none.
     */
    async computePublicityPeriod(request: { releasedAt: string; rule: TimeLimitRule }): Promise<PublicityPeriodView | null> {
      const period = computePublicityPeriod(await calendar(), request.rule, request.releasedAt);
      return period ? { startsAt: period.startsAt, endsAt: period.endsAt, explanation: period.explanation } : null;
    },
    /** When to remind: the end of the working day before the due day (1 working day before the due instant). */
    async computeReminderAt(request: { dueAt: string }): Promise<string> {
      return taskReminderAt(await calendar(), request.dueAt);
    },

    /** A supervisor's extension: N more working days after the current due day. */
    async computeExtendedDeadline(request: { dueAt: string; workingDays: number }): Promise<Deadline> {
      return extendedDeadline(await calendar(), request.dueAt, request.workingDays);
    },

    async computeStageDeadline(request: { stage: ReviewStage; openedAt: string }): Promise<Deadline> {
      return stageDeadline(await calendar(), request.stage, request.openedAt);
    },
  };
}
