import type { components } from '../../openapi/schema';

type Schemas = components['schemas'];
/** The consultations as the API documents them (consultation.views.ts). */
export type ConsultationSummary = Schemas['ConsultationSummaryView'];
export type PublicConsultation = Schemas['PublicConsultationDetailView'];
export type PublicOpinion = Schemas['PublicOpinionView'];
export type StaffConsultation = Schemas['StaffConsultationDetailView'];
export type StaffConsultationRow = Schemas['StaffConsultationListItemView'];
export type StaffComment = Schemas['StaffConsultationCommentView'];

export const KINDS = [
  { value: 'normative-document', label: '行政规范性文件' },
  { value: 'plan', label: '规划' },
  { value: 'major-decision', label: '重大行政决策' },
  { value: 'other', label: '其他政策文件' },
] as const;

export const COMMENT_STATE_LABELS: Record<StaffComment['state'], string> = { pending: '待审核', approved: '已公开', rejected: '已驳回' };
