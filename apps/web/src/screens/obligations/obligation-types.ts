/** The obligations API's answers, as this screen reads them (GET /api/obligations, GET /api/obligations/tasks). */

export type ObligationTaskStatus = 'open' | 'overdue' | 'fulfilled';

export interface ObligationTask {
  id: string;
  obligationId: string;
  catalogItemCode: string;
  catalogItemName?: string;
  departmentCode: string;
  periodKey: string;
  periodLabel: string;
  periodStart: string;
  dueDate: string;
  dueAt: string;
  why: string;
  status: ObligationTaskStatus;
  fulfilledItemId: string | null;
  fulfilledAt: string | null;
  late: boolean | null;
}

export interface Obligation {
  id: string;
  catalogItemCode: string;
  catalogItemName: string | null;
  departmentCode: string;
  departmentName: string | null;
  timeLimit: { text: string };
  schedule: { timeZone: string; months: number[]; dayOfMonth: number; at: string; comment: string };
  currentPeriod: { key: string; label: string; startDate: string; dueDate: string };
  nextDueDate: string;
  nextOpensAt: string | null;
  currentTask: ObligationTask | null;
  currentState: ObligationTaskStatus | 'awaiting-opening' | 'deleted';
  createdBy: string;
  createdAt: string;
}

/** A row of the active catalog, as the registration form offers it. */
export interface CatalogRow {
  code: string;
  name: string;
  area: string;
  timeLimit: { text: string; rule: { kind: string } };
}

/** The time-limit kinds that make a catalog row a standing obligation (定期公开). */
export const PERIODIC_KINDS = ['periodic', 'yearly-date', 'monthly-date', 'after-period'];

export const OBLIGATION_STATE_LABELS: Record<Obligation['currentState'], string> = {
  open: '本期待公开',
  overdue: '本期已逾期',
  fulfilled: '本期已公开',
  'awaiting-opening': '待开启首期',
  deleted: '已停止',
};

export const OBLIGATION_STATE_THEMES: Record<Obligation['currentState'], 'primary' | 'danger' | 'success' | 'default' | 'warning'> = {
  open: 'primary',
  overdue: 'danger',
  fulfilled: 'success',
  'awaiting-opening': 'default',
  deleted: 'default',
};

/** Who registers and stops obligations (the API's own rule). */
export const OBLIGATION_MANAGERS = ['admin', 'disclosure-office'];

export const obligationKeys = {
  all: ['obligations'] as const,
  list: ['obligations', 'list'] as const,
  tasks: ['obligations', 'tasks'] as const,
};
