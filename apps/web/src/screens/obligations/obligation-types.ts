import type { components } from '../../openapi/schema';

/** The obligations API's answers, as the API documents them (GET /api/obligations, GET /api/obligations/tasks, …/candidates). */
export type Obligation = components['schemas']['ObligationView'];
export type ObligationTask = components['schemas']['ObligationTaskView'];
export type FulfilmentCandidate = components['schemas']['FulfilmentCandidateView'];

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
  candidates: (taskId: string) => ['obligations', 'tasks', taskId, 'candidates'] as const,
};
