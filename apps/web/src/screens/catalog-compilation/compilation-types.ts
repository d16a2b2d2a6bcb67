import type { components } from '../../openapi/schema';

type Schemas = components['schemas'];
export type RowProposal = Schemas['RowProposalDto'];
export type ProposedRow = Schemas['ProposedRowDto'];
export type RowReview = Schemas['RowReviewDto'];
export type RowAction = RowProposal['action'];

/** A round as the API documents it (catalog-compilation.views.ts): the list's rows, and one round with its proposals. */
export type Round = Schemas['CompilationRoundView'] & { proposals?: Proposal[] };
export type Proposal = Schemas['CompilationProposalView'];

export const STATE_LABEL: Record<string, string> = { PROPOSING: '部门提出与审核', LEGAL_REVIEW: '合法性审查', LEADER_APPROVAL: '领导审批', APPROVED: '已审批，待启用', ACTIVATED: '已启用' };
export const PROPOSAL_LABEL: Record<string, string> = { open: '待提交', submitted: '待审核', returned: '已退回', accepted: '已通过' };
export const ACTION_LABEL: Record<RowAction, string> = { add: '新增', change: '调整', remove: '删除' };
export const SOURCE_LABEL: Record<string, string> = { 'power-list': '权责清单', 'service-item': '公共服务事项', law: '法律法规' };
export const CATEGORY_LABEL: Record<string, string> = { decision: '决策公开', execution: '执行公开', management: '管理公开', service: '服务公开', result: '结果公开' };

export const roundName = (round: Round) => `${round.year}年${round.kind === 'annual' ? '目录编制' : '目录动态调整'}`;
