import { addDays, type LocalDate } from '../calendar/local-date';
import type { TimeLimitRule } from '../catalog/time-limit-rule';
import { obligationPeriodAt, obligationRuleOf, obligationRuleProblem } from './periodic-obligation';

/**
 * Whether a catalog row is kept up (能监督): what the public and the supervisors see beside each row.
 *
 * - A standing obligation (定期公开: 每半年, 每年1月31日前, …) is up to date when something was released
 *   under the row since the start of the last period that has fallen due; `behind` names that period. A
 *   period that fell due before the row was in the active catalog is not held against it (`pending`).
 * - A row counted from an event (信息形成之日起20个工作日内) has no cadence: it is behind while an item under
 *   it is past its release deadline unreleased, and up to date otherwise, whether or not anything happened.
 * - A row whose limit no rule could read (manual) is not assessed.
 */
export type CatalogRowStanding =
  | { readonly basis: 'periodic'; readonly status: 'up-to-date'; readonly lastDuePeriod: string }
  | { readonly basis: 'periodic'; readonly status: 'behind'; readonly lastDuePeriod: string; readonly dueDate: LocalDate }
  | { readonly basis: 'periodic'; readonly status: 'pending'; readonly firstDuePeriod: string; readonly dueDate: LocalDate }
  | { readonly basis: 'event'; readonly status: 'up-to-date' | 'behind'; readonly overdueItems: number }
  | { readonly basis: 'manual'; readonly status: 'not-assessed' };

export interface CatalogRowFacts {
  /** The China dates of the releases under the row (current editions, not withdrawn). */
  readonly releaseDates: readonly LocalDate[];
  /** Items under the row past their release deadline and not released. */
  readonly overdueItems: number;
  /** The day the row's catalog version became active. */
  readonly activeSince: LocalDate;
}

export function catalogRowStanding(rule: TimeLimitRule, facts: CatalogRowFacts, today: LocalDate): CatalogRowStanding {
  const obligation = obligationRuleOf(rule);
  if (obligation && !obligationRuleProblem(obligation)) {
    const current = obligationPeriodAt(obligation, today);
    // The period before the current one is the last whose due day has passed (today may be the current one's due day).
    const lastDue = obligationPeriodAt(obligation, addDays(current.startDate, -1));
    if (lastDue.dueDate < facts.activeSince) {
      return { basis: 'periodic', status: 'pending', firstDuePeriod: current.label, dueDate: current.dueDate };
    }
    const kept = facts.releaseDates.some((date) => date >= lastDue.startDate);
    return kept
      ? { basis: 'periodic', status: 'up-to-date', lastDuePeriod: lastDue.label }
      : { basis: 'periodic', status: 'behind', lastDuePeriod: lastDue.label, dueDate: lastDue.dueDate };
  }
  if (rule.kind === 'manual') return { basis: 'manual', status: 'not-assessed' };
  return { basis: 'event', status: facts.overdueItems > 0 ? 'behind' : 'up-to-date', overdueItems: facts.overdueItems };
}

const STATUS_LABEL = { 'up-to-date': '按时公开', behind: '未按时公开', pending: '首期未到', 'not-assessed': '时限待定' } as const;

/** The standing in Chinese, as the portal and the spreadsheet show it. */
export function describeCatalogRowStanding(standing: CatalogRowStanding): string {
  switch (standing.basis) {
    case 'periodic':
      if (standing.status === 'pending') return `${STATUS_LABEL.pending}（${standing.firstDuePeriod}，${standing.dueDate}前）`;
      if (standing.status === 'behind') return `${STATUS_LABEL.behind}：${standing.lastDuePeriod}无公开（应于${standing.dueDate}前）`;
      return `${STATUS_LABEL['up-to-date']}（${standing.lastDuePeriod}）`;
    case 'event':
      return standing.status === 'behind' ? `${STATUS_LABEL.behind}：${standing.overdueItems}件逾期未公开` : STATUS_LABEL['up-to-date'];
    case 'manual':
      return STATUS_LABEL['not-assessed'];
  }
}
