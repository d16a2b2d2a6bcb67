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
  'item.release-overdue': '逾期未发布',
  'deadline.recalculated': '期限重算',
  'edition.started': '开始新版次',
  'edition.rejected': '新版次未获通过',
  'sign-off.voided': '签发作废',
  'channel.failed': '渠道发布失败',
  'channel.retried': '重新发布渠道',
  'channel.posted': '确认已张贴',
  'ledger.photo-uploaded': '上传台账照片',
  'channel.taken-down': '确认已撤下',
  'publicity.started': '公示开始',
  'publicity.ended': '公示结束',
  'interpretation.pending': '待发布政策解读',
  'interpretation.overdue': '政策解读逾期',
  'interpretation.released': '发布政策解读',
  'request.refused': '操作未被受理',
  'personal-information.justified': '说明个人信息公开理由',
  'interpretation.planned': '计划政策解读',
  'interpretation.created': '登记政策解读',
};

/**
 * The 办理记录 of an application (依申请公开): what the application workflow and its 督办 (application-demand)
 * workflow write. A unit test reads the workflow sources so that a new step cannot show its raw code.
 */
export const APPLICATION_ACTION_LABELS: Record<string, string> = {
  'application.submitted': '提交申请',
  'application.signed': '签收',
  'application.accepted': '受理',
  'application.transferred': '转办',
  'application.returned': '退回公开办',
  'application.correction-requested': '告知补正',
  'application.correction-received': '收到补正',
  'application.extension-requested': '申请延期答复',
  'application.extension-approved': '同意延期答复',
  'application.extension-rejected': '不同意延期答复',
  'application.consultation-started': '征求第三方（机关）意见',
  'application.consultation-answered': '收到征求意见答复',
  'application.consultation-silent': '征求意见逾期未答复',
  'application.fee-notice': '收费通知',
  'application.fee-paid': '已缴费',
  'application.reply-drafted': '拟定答复',
  'application.reply-reviewed': '答复审核通过',
  'application.reply-reviewed-returned': '答复审核退回',
  'application.reply-signed-off': '答复签发',
  'application.reply-signed-off-returned': '答复签发退回',
  'application.closed': '办结',
  'application.overdue': '逾期未答复',
  'application.applicant-notified': '已通知申请人',
  'application.applicant-not-notified': '未能通知申请人',
  'application-demand.issued': '督办',
  'application-demand.reminded': '督办即将到期提醒',
  'application-demand.overdue': '督办逾期未答复',
  'application-demand.answered': '答复督办',
  'application-demand.closed': '督办办结',
  'request.refused': '操作未被受理',
};

/** An audit action in words; an unknown code shows as 其他操作 rather than as a code a clerk cannot read. */
export function actionLabel(action: string, labels: Record<string, string> = ACTION_LABELS): string {
  return labels[action] ?? '其他操作';
}

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
