import type { PeriodicObligationView } from '@zwgk/contracts';
import type { ObligationEntity, ObligationTaskEntity } from '@zwgk/db';
import {
  chinaDateOf,
  nextObligationOpening,
  obligationCalendarSpec,
  obligationPeriodAt,
  type ObligationRule,
} from '@zwgk/domain';

/** Where a drafting task stands, as the inbox and the obligation list show it. */
export function obligationTaskStatus(task: Pick<ObligationTaskEntity, 'state' | 'overdue'>): 'fulfilled' | 'overdue' | 'open' {
  if (task.state === 'fulfilled') return 'fulfilled';
  return task.overdue ? 'overdue' : 'open';
}

export function toObligationTaskResponse(task: ObligationTaskEntity, catalogItemName?: string) {
  return {
    id: task.id,
    obligationId: task.obligationId,
    kind: 'periodic-drafting',
    catalogItemCode: task.catalogItemCode,
    ...(catalogItemName ? { catalogItemName } : {}),
    departmentCode: task.departmentCode,
    periodKey: task.periodKey,
    periodLabel: task.periodLabel,
    periodStart: task.periodStart,
    dueDate: task.dueDate,
    dueAt: task.dueAt,
    why: task.dueExplanation,
    state: task.state,
    status: obligationTaskStatus(task),
    overdue: task.overdue,
    fulfilledItemId: task.fulfilledItemId,
    fulfilledBy: task.fulfilledBy,
    fulfilledAt: task.fulfilledAt,
    late: task.fulfilledLate,
    openedAt: task.createdAt,
  };
}

/**
 * A registered obligation with where it stands now: the period it is in, when the Schedule next opens a
 * period (computed with the same calendar spec the Schedule has), and its latest drafting task.
 */
export function toObligationResponse(
  obligation: ObligationEntity,
  names: { catalogItemName?: string; departmentName?: string },
  latestTask: ObligationTaskEntity | undefined,
  now: Date,
) {
  const rule: ObligationRule = obligation.rule;
  const spec = obligationCalendarSpec(rule);
  const currentPeriod = obligationPeriodAt(rule, chinaDateOf(now));
  return {
    id: obligation.id,
    catalogItemCode: obligation.catalogItemCode,
    catalogItemName: names.catalogItemName ?? null,
    catalogVersionId: obligation.catalogVersionId,
    departmentCode: obligation.departmentCode,
    departmentName: names.departmentName ?? null,
    timeLimit: { text: obligation.timeLimitText, rule },
    state: obligation.state,
    scheduleId: obligation.scheduleId,
    schedule: { timeZone: spec.timeZone, months: spec.months, dayOfMonth: spec.dayOfMonth, at: '00:00:00', comment: spec.comment },
    currentPeriod,
    nextDueDate: currentPeriod.dueDate,
    nextOpensAt: obligation.state === 'active' ? nextObligationOpening(spec, now).toISOString() : null,
    currentTask: latestTask ? toObligationTaskResponse(latestTask) : null,
    // open / overdue / fulfilled for the latest period's task; awaiting-opening before the first one opens.
    currentState: obligation.state === 'deleted' ? 'deleted' : latestTask ? obligationTaskStatus(latestTask) : 'awaiting-opening',
    createdBy: obligation.createdBy,
    createdAt: obligation.createdAt,
    deletedBy: obligation.deletedBy,
    deletedAt: obligation.deletedAt,
  };
}

export function toFulfilmentResponse(view: PeriodicObligationView) {
  return {
    taskId: view.taskId,
    obligationId: view.obligationId,
    periodKey: view.periodKey,
    periodLabel: view.periodLabel,
    state: view.state,
    dueAt: view.dueAt ?? null,
    overdue: view.overdue,
    fulfilment: view.fulfilment ?? null,
  };
}

/** The fulfilment as the read model recorded it: what a repeated fulfilment answers once the period's workflow has moved on. */
export function toRecordedFulfilmentResponse(task: ObligationTaskEntity) {
  return {
    taskId: task.id,
    obligationId: task.obligationId,
    periodKey: task.periodKey,
    periodLabel: task.periodLabel,
    state: 'FULFILLED' as const,
    dueAt: task.dueAt.toISOString(),
    overdue: task.overdue,
    fulfilment: task.fulfilledItemId ? { itemId: task.fulfilledItemId, fulfilledBy: task.fulfilledBy ?? '', fulfilledAt: task.fulfilledAt?.toISOString() ?? '', late: task.fulfilledLate === true } : null,
  };
}
