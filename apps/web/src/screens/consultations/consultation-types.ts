/** A consultation as the portal lists it (GET /api/public/consultations). */
export interface ConsultationSummary {
  id: string;
  title: string;
  kindLabel: string;
  departmentName: string;
  openedAt: string;
  closesOn: string;
  daysLeft: number;
  state: string;
  stateLabel: string;
  commentCount: number;
  feedbackPublished: boolean;
}

/** An opinion as the portal shows it: never the contact. */
export interface PublicOpinion {
  id: string;
  clause: string | null;
  content: string;
  authorName: string | null;
  receivedAt: string;
  adoptionLabel?: string;
  adoptionReason?: string | null;
}

/** One consultation on the portal (GET /api/public/consultations/:id). */
export interface PublicConsultation extends ConsultationSummary {
  draftText: string;
  explanation: string;
  shortenedReason: string | null;
  minimumBasis: string;
  comments: PublicOpinion[];
  feedback: { itemId: string; publishedAt: string | null; summary: string | null; late: boolean } | null;
  decision: { itemId: string; title: string } | null;
}

/** An opinion as the department moderates it, with the contact. */
export interface StaffComment {
  id: string;
  clause: string | null;
  content: string;
  authorName: string | null;
  contact?: string | null;
  receivedAt: string;
  state: 'pending' | 'approved' | 'rejected';
  rejectionReason: string | null;
  adoptionLabel: string | null;
  adoptionReason: string | null;
}

/** A consultation as staff see it (GET /api/consultations, /api/consultations/:id). */
export interface StaffConsultation {
  id: string;
  title: string;
  kindLabel: string;
  departmentName: string;
  departmentCode: string;
  closesOn: string;
  daysLeft: number;
  state: 'OPEN' | 'CLOSED' | 'FEEDBACK_IN_REVIEW' | 'FEEDBACK_PUBLISHED';
  stateLabel: string;
  minimumBasis: string;
  feedbackDueAt: string | null;
  feedbackDueExplanation: string | null;
  feedbackOverdue: boolean;
  feedbackItemId: string | null;
  pendingCount: number;
  comments: StaffComment[];
}

export const KINDS = [
  { value: 'normative-document', label: '行政规范性文件' },
  { value: 'plan', label: '规划' },
  { value: 'major-decision', label: '重大行政决策' },
  { value: 'other', label: '其他政策文件' },
] as const;

export const COMMENT_STATE_LABELS: Record<StaffComment['state'], string> = { pending: '待审核', approved: '已公开', rejected: '已驳回' };
