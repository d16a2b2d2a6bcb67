import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { DisclosureState, LocalDate, ObligationRule } from '@zwgk/domain';
import type { ActorRef } from './disclosure-item.types';

/** One Temporal Schedule per registered obligation (定期公开), addressed by the obligation's id. */
export function obligationScheduleId(obligationId: string): string {
  return `obligation-${obligationId}`;
}

/**
 * One workflow per obligation and period: the id is derived from both, and reusing it is refused, so
 * a period never gets two drafting tasks, whatever fires twice (a manual trigger, a catch-up).
 */
export function obligationPeriodWorkflowId(obligationId: string, periodKey: string): string {
  return `obligation-${obligationId}-${periodKey}`;
}

/** What the Schedule starts each time it fires; Temporal appends the firing time to this id. */
export function obligationOpeningWorkflowId(obligationId: string): string {
  return `obligation-${obligationId}-opening`;
}

export const OPEN_OBLIGATION_PERIOD_WORKFLOW_TYPE = 'openObligationPeriodWorkflow';
export const PERIODIC_OBLIGATION_WORKFLOW_TYPE = 'periodicObligationWorkflow';

/**
 * Temporal's built-in attribute on a workflow a Schedule started: the nominal firing time (the trigger
 * time for a manual trigger). Built in, so no cluster has to register it.
 */
export const ScheduledStartTimeAttribute = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * The Schedule's arguments, the same on every firing: the standing obligation as registered. The rule
 * is copied in, so a later catalog version does not change a registered obligation's periods.
 */
export interface ObligationScheduleInput {
  readonly obligationId: string;
  readonly catalogItemCode: string;
  /** 一级 / 二级 事项, for the drafters' notification. */
  readonly catalogItemName: string;
  readonly departmentCode: string;
  readonly rule: ObligationRule;
}

/** What one firing did: opened the period's workflow, or found it already open (or the obligation gone). */
export interface OpenObligationPeriodResult {
  readonly opened: boolean;
  readonly periodKey: string;
  readonly workflowId: string;
  readonly reason?: string;
}

/** One period of an obligation: the drafting task it opens, and when that is due. */
export interface PeriodicObligationInput {
  readonly obligationId: string;
  readonly catalogItemCode: string;
  readonly catalogItemName?: string;
  readonly departmentCode: string;
  /** ObligationPeriod.key: 2027-H1, 2027. */
  readonly periodKey: string;
  /** 2027年上半年, 2027年度. */
  readonly periodLabel: string;
  /** The first day an item counts towards the period (China time). */
  readonly periodStart: LocalDate;
  /** The period's last day: due by its end, China time. */
  readonly dueDate: LocalDate;
}

/**
 * OPENING until the task is in the inbox; DUPLICATE when an earlier run already holds this period's
 * task (the workflow then ends without a second one).
 */
export type ObligationTaskState = 'OPENING' | 'OPEN' | 'FULFILLED' | 'DUPLICATE';

export interface ObligationFulfilmentView {
  readonly itemId: string;
  readonly fulfilledBy: string;
  readonly fulfilledAt: string;
  /** Fulfilled after the due time. */
  readonly late: boolean;
}

/** The workflow's answer to its query and to the fulfilment Update. */
export interface PeriodicObligationView {
  readonly obligationId: string;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly state: ObligationTaskState;
  readonly taskId: string;
  readonly dueAt?: string;
  readonly overdue: boolean;
  readonly fulfilment?: ObligationFulfilmentView;
}

/** The facts about the disclosure item the API read from its read model, for the validator to judge. */
export interface ObligationFulfilmentItem {
  readonly itemId: string;
  readonly departmentCode: string;
  readonly catalogItemCode: string;
  readonly state: DisclosureState;
  /** When the department created it (ISO 8601): it must fall in the period. */
  readonly createdAt: string;
}

/** A drafter of the department reports the disclosure item that meets this period's obligation. */
export interface FulfilObligationRequest {
  readonly taskId: string;
  readonly actor: ActorRef;
  readonly item: ObligationFulfilmentItem;
}
