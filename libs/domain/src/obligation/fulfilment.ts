import { chinaDateOf, type LocalDate } from '../calendar/local-date';
import { DISCLOSURE_STATE_LABELS } from '../disclosure/disclosure-state';

/** The period a drafting task is for: whose it is, which catalog row, from when. */
export interface FulfilmentPeriod {
  readonly departmentCode: string;
  readonly catalogItemCode: string;
  readonly periodLabel: string;
  readonly periodStart: LocalDate;
}

/** What the rules look at in the disclosure item offered as the period's fulfilment (履行). */
export interface FulfilmentCandidate {
  readonly itemId: string;
  readonly departmentCode: string;
  readonly catalogItemCode: string;
  readonly state: string;
  /** When the department created it (ISO 8601, or the instant). */
  readonly createdAt: string | Date;
}

/** Items that never reach the public do not meet a disclosure obligation. */
export const FULFILMENT_CLOSED_STATES: readonly string[] = ['REJECTED', 'WITHDRAWN'];

/**
 * Why an item cannot meet the period's obligation, or undefined when it can: the same department, the same
 * catalog row, not closed without reaching the public, and created on or after the period's first day
 * (China time), so that last period's disclosure does not count twice. `forbidden` is another department's
 * item; `invalid` names what is wrong with the item chosen (the field `itemId`).
 */
export function fulfilmentProblem(period: FulfilmentPeriod, item: FulfilmentCandidate): { kind: 'forbidden' | 'invalid'; problem: string } | undefined {
  if (item.departmentCode !== period.departmentCode) return { kind: 'forbidden', problem: `事项 ${item.itemId} 属于部门 ${item.departmentCode}` };
  if (item.catalogItemCode !== period.catalogItemCode) {
    return { kind: 'invalid', problem: `事项 ${item.itemId} 对应目录事项 ${item.catalogItemCode}，而不是 ${period.catalogItemCode}` };
  }
  if (FULFILMENT_CLOSED_STATES.includes(item.state)) {
    return { kind: 'invalid', problem: `事项 ${item.itemId} 当前为「${(DISCLOSURE_STATE_LABELS as Readonly<Record<string, string>>)[item.state] ?? item.state}」，不能用于完成此任务` };
  }
  const createdOn = chinaDateOf(new Date(item.createdAt));
  if (createdOn < period.periodStart) {
    return { kind: 'invalid', problem: `事项 ${item.itemId} 创建于 ${createdOn}，早于${period.periodLabel}的开始日期（${period.periodStart}）` };
  }
  return undefined;
}
