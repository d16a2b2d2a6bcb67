/** Display helpers: every time is shown in 北京时间, whatever the browser's zone. */

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTime.format(new Date(value)) : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dateOnly.format(new Date(value)) : '—';
}

/** Today in China, as YYYY-MM-DD, the default 形成日期 of a new draft. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export const STATE_LABELS: Record<string, string> = {
  DRAFT: '草稿',
  IN_REVIEW: '审核中',
  RETURNED: '已退回',
  APPROVED: '已签发',
  RELEASED: '已发布',
  REJECTED: '不予公开',
  WITHDRAWN: '已撤回',
};

export const ROLE_LABELS: Record<string, string> = {
  drafter: '起草人',
  reviewer: '初审（科室负责人）',
  'secrecy-reviewer': '保密审查',
  'legal-reviewer': '合法性审查',
  leader: '签发领导',
  'disclosure-office': '政务公开办',
  supervisor: '督查',
  admin: '系统管理员',
};

export const DECISION_LABELS: Record<string, string> = { approve: '通过', return: '退回修改', reject: '不予通过' };

export const ACTION_LABELS: Record<string, string> = {
  'item.created': '创建草稿',
  'item.submitted': '提交审核',
  'item.revised': '修改',
  'item.released': '发布',
  'item.withdrawn': '撤回',
  'task.approve': '审核通过',
  'task.return': '退回修改',
  'task.reject': '不予通过',
  'task.claimed': '认领',
  'task.unclaimed': '取消认领',
  'task.delegated': '转办',
  'task.overdue': '逾期',
  'task.escalated': '升级督办',
  'deadline.extended': '延期',
  'supervision.commented': '督查意见',
  'supervision.demanded': '督办',
  'supervision.demand-overdue': '督办逾期未答复',
  'supervision.demand-answered': '答复督办',
  'attachment.uploaded': '上传附件',
  'attachment.removed': '删除附件',
};

export const PUBLICATION_STATUS_LABELS: Record<string, string> = {
  published: '已发布',
  'manual-required': '需人工发布',
  failed: '发布失败',
  pending: '待发布',
  withdrawn: '已撤下',
};

/** 'overdue' | 'due-soon' | 'normal': 24 hours is the API's own due-soon window (INBOX_DUE_SOON_HOURS). */
export function urgencyOf(dueAt: string, overdue: boolean, now = Date.now()): 'overdue' | 'due-soon' | 'normal' {
  const due = new Date(dueAt).getTime();
  if (overdue || due < now) return 'overdue';
  if (due - now < 24 * 3_600_000) return 'due-soon';
  return 'normal';
}

/** A supervisor's demand for action (督办), by its state. */
export const DEMAND_STATE_LABELS: Record<string, string> = { open: '待答复', overdue: '逾期未答复', answered: '已答复' };

/** A file size for people: 字节, KB or MB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}
