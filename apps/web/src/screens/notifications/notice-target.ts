import type { components } from '../../openapi/schema';

/** One notice as the API lists it (GET /api/notifications). */
export type Notice = components['schemas']['NotificationView'];

/** Review-task notices carry the task; its item's review screen is where it is decided. */
const REVIEW_TASK_KINDS = ['task-reminder', 'task-overdue', 'task-escalated', 'task-delegated'];

/**
 * Where a notice leads: its task (a review task, a 督办 demand), else the object it is about (the item, the
 * applications), else nowhere. The kinds come from the workflows' notify calls.
 */
export function noticeTarget(notice: Notice): string | null {
  if (notice.kind.startsWith('supervision-demand') && notice.taskId) return `/demands/${notice.taskId}`;
  if (REVIEW_TASK_KINDS.includes(notice.kind) && notice.itemId && notice.taskId) return `/review/${notice.itemId}/${notice.taskId}`;
  if (notice.kind.startsWith('application-')) return '/applications';
  if (notice.kind.startsWith('consultation-')) return '/consultations';
  if (notice.kind === 'catalog-compilation') return '/compilation';
  if (notice.itemId) return `/items/${notice.itemId}`;
  return null;
}

/** What kind of notice it is, in words. */
export const NOTICE_KIND_LABELS: Readonly<Record<string, string>> = {
  'task-reminder': '到期提醒',
  'task-overdue': '逾期',
  'task-escalated': '升级督办',
  'task-delegated': '转办',
  'deadline-extended': '延期',
  'item-released': '已发布',
  'release-reminder': '发布提醒',
  'release-overdue': '发布逾期',
  'interpretation-overdue': '解读逾期',
  'supervision-demand': '督办',
  'supervision-demand-overdue': '督办逾期',
  'supervision-demand-answered': '督办已答复',
  'obligation-task-opened': '定期公开',
  'obligation-overdue': '定期公开逾期',
  'request-refused': '办理未生效',
  'catalog-compilation': '目录编制',
  'application-extension-approval': '依申请公开',
  'consultation-closed': '意见征集',
  'consultation-feedback-reminder': '意见征集',
  'consultation-feedback-overdue': '意见征集',
};

export function noticeKindLabel(kind: string): string {
  return NOTICE_KIND_LABELS[kind] ?? (kind.startsWith('application-') ? '依申请公开' : '通知');
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g;

/** A notice's text with the instants the workflows write (2026-12-18T15:59:59.999Z) in 北京时间, as people read them. */
export function noticeText(text: string, formatInstant: (iso: string) => string): string {
  return text.replace(ISO_INSTANT, (instant) => formatInstant(instant));
}
