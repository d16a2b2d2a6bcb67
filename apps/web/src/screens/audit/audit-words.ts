import { ACTION_LABELS, ROLE_LABELS } from '../../format';

/** The audit trail's actions in the clerk's words; an action not listed here is named by its area. */
const ACTIONS: Record<string, string> = {
  ...ACTION_LABELS,
  'item.release-overdue': '发布逾期',
  'item.new-edition': '新版本',
  'edition.started': '开始新版本',
  'edition.rejected': '新版本未通过',
  'channel.failed': '发布渠道失败',
  'publicity.started': '公示开始',
  'publicity.ended': '公示结束',
  'deadline.recalculated': '期限重算',
  'sign-off.voided': '签发作废',
  'incident.registered': '登记发布事故',
  'interpretation.created': '创建解读',
  'interpretation.planned': '制定解读计划',
  'interpretation.pending': '解读待发布',
  'interpretation.overdue': '解读逾期',
  'interpretation.released': '解读发布',
  'personal-information.justified': '个人信息保留说明',
  'personal-information.unresolved': '个人信息未处理',
  'catalog.imported': '导入目录',
  'catalog.activated': '启用目录版本',
  'catalog.item-edited': '修改目录事项',
  'calendar.year-loaded': '载入节假日安排',
  'calendar.year-replaced': '更正节假日安排',
  'review-chain.set': '设置审核流程',
  'obligation.registered': '登记定期公开',
  'obligation.deleted': '停止定期公开',
  'obligation.task-opened': '开启本期起草任务',
  'obligation.fulfilled': '完成本期公开',
  'obligation.overdue': '定期公开逾期',
  'obligation.deadline-recalculated': '定期公开期限重算',
  'org.department-created': '新增部门',
  'org.department-updated': '修改部门',
  'org.department-deactivated': '停用部门',
  'org.department-reactivated': '恢复部门',
  'org.user-created': '新增用户',
  'org.user-updated': '修改用户',
  'org.user-provisioned': '单点登录开通用户',
  'supervision.demand-deadline-recalculated': '督办期限重算',
  'report.annual.inputs-saved': '保存年报数据',
  'request.refused': '请求被拒绝',
  'application.submitted': '收到依申请',
  'application.accepted': '受理依申请',
  'application.correction-requested': '要求补正',
  'application.correction-received': '收到补正',
  'application.extension-approved': '批准延期答复',
  'application.fee-notice': '发出收费通知',
  'application.fee-paid': '缴纳费用',
  'application.signed': '答复签发',
  'application.closed': '依申请办结',
  'application.lookup-failed': '查询核验失败',
  'concern.received': '收到关切',
  'concern.triaged': '分办关切',
  'concern.response-drafted': '起草回应',
  'concern.response-approved': '回应审核通过',
  'concern.response-returned': '回应退回修改',
  'concern.response-published': '发布回应',
  'concern.overdue': '回应逾期',
  'concern.deadline-extended': '回应延期',
  'concern.deadline-recalculated': '回应期限重算',
  'concern.press-conference-held': '召开新闻发布会',
  'consultation.opened': '开始征集意见',
  'consultation.closed': '结束征集意见',
  'consultation.comment-received': '收到意见',
  'consultation.comment-approved': '意见审核通过',
  'consultation.comment-rejected': '意见不予公布',
  'consultation.feedback-drafted': '起草反馈',
  'consultation.feedback-recorded': '记录反馈',
  'consultation.feedback-published': '发布反馈',
  'consultation.feedback-overdue': '反馈逾期',
  'consultation.feedback-dropped': '撤回反馈',
  'consultation.feedback-incomplete': '反馈不完整',
  'consultation.decision-linked': '关联决策',
  'catalog-compilation.opened': '开始目录编制',
  'catalog-compilation.proposal-submitted': '提交目录建议',
  'catalog-compilation.proposal-accepted': '采纳目录建议',
  'catalog-compilation.proposal-returned': '退回目录建议',
  'catalog-compilation.compiled': '汇总目录',
  'catalog-compilation.legal-reviewed': '目录合法性审查',
  'catalog-compilation.approved': '目录审定',
  'catalog-compilation.round-returned': '目录编制退回',
  'catalog-compilation.activated': '目录编制启用',
  'catalog-compilation.overdue': '目录编制逾期',
};

/** The areas of the trail, the search's 操作类型 (a prefix ending in a dot matches every action of the area). */
export const ACTION_AREAS: { value: string; label: string }[] = [
  { value: 'item.', label: '公开事项' },
  { value: 'task.', label: '审核任务' },
  { value: 'deadline.', label: '期限' },
  { value: 'edition.', label: '新版本' },
  { value: 'attachment.', label: '附件' },
  { value: 'interpretation.', label: '政策解读' },
  { value: 'supervision.', label: '督查督办' },
  { value: 'application.', label: '依申请公开' },
  { value: 'concern.', label: '舆情与关切回应' },
  { value: 'consultation.', label: '意见征集' },
  { value: 'obligation.', label: '定期公开' },
  { value: 'catalog.', label: '目录管理' },
  { value: 'catalog-compilation.', label: '目录编制' },
  { value: 'calendar.', label: '节假日安排' },
  { value: 'review-chain.', label: '审核流程' },
  { value: 'org.', label: '组织机构' },
  { value: 'report.', label: '报表' },
];

export function actionLabel(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const area = ACTION_AREAS.filter((candidate) => action.startsWith(candidate.value)).sort((a, b) => b.value.length - a.value.length)[0];
  return area ? `${area.label}：其他操作` : '其他操作';
}

export function roleLabel(role: string | null): string {
  if (!role) return '—';
  if (role === 'system') return '系统';
  if (role === 'public') return '公众';
  return ROLE_LABELS[role] ?? '其他角色';
}

/** The actor as people read it: the system's own transitions are 系统. */
export const actorLabel = (actor: string) => (actor === 'system' ? '系统' : actor);
