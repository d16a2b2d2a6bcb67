import {
  COMMENT_ADOPTION_LABELS,
  CONSULTATION_KIND_LABELS,
  CONSULTATION_STATE_LABELS,
  consultationDaysLeft,
  publicCommentField,
  publicCommentText,
  type CommentAdoption,
  type CommentModerationState,
  type ConsultationKind,
  type ConsultationState,
} from '@zwgk/domain';

/** A row of public_consultations with its department's name (and, for lists, its count of shown comments). */
export interface ConsultationRow {
  id: string;
  department_code: string;
  department_name: string;
  kind: ConsultationKind;
  title: string;
  draft_text: string;
  explanation: string;
  affects_market_entities: boolean;
  shortened_reason: string | null;
  minimum_basis: string;
  opened_by: string;
  opened_at: Date;
  closes_on: string;
  closes_at: Date;
  state: ConsultationState;
  closed_at: Date | null;
  feedback_due_at: Date | null;
  feedback_due_explanation: string | null;
  feedback_overdue: boolean;
  feedback_summary: string | null;
  feedback_item_id: string | null;
  feedback_published_at: Date | null;
  feedback_late: boolean | null;
  decision_item_id: string | null;
  comment_count?: number;
}

export interface CommentRow {
  id: string;
  consultation_id: string;
  clause: string | null;
  content: string;
  author_name: string | null;
  contact: string | null;
  received_at: Date;
  state: CommentModerationState;
  moderated_by: string | null;
  moderated_at: Date | null;
  rejection_reason: string | null;
  adoption: CommentAdoption | null;
  adoption_reason: string | null;
}

/** The state the public sees: a consultation whose period has ended is closed even before its timer has written so. */
function publicState(row: ConsultationRow, now: Date): ConsultationState {
  return row.state === 'OPEN' && row.closes_at.getTime() <= now.getTime() ? 'CLOSED' : row.state;
}

/** What the portal lists. */
export function toPublicSummary(row: ConsultationRow, now: Date) {
  const state = publicState(row, now);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    kindLabel: CONSULTATION_KIND_LABELS[row.kind],
    departmentCode: row.department_code,
    departmentName: row.department_name,
    openedAt: row.opened_at.toISOString(),
    closesOn: row.closes_on,
    closesAt: row.closes_at.toISOString(),
    daysLeft: consultationDaysLeft(row.closes_at.toISOString(), now),
    state,
    stateLabel: CONSULTATION_STATE_LABELS[state],
    commentCount: row.comment_count ?? 0,
    feedbackPublished: state === 'FEEDBACK_PUBLISHED',
  };
}

/**
 * One consultation on the portal: the draft, its explanation, the opinions staff have approved (never a
 * contact), and, once the feedback item is released, each opinion's answer and the feedback.
 */
export function toPublicDetail(row: ConsultationRow, comments: readonly CommentRow[], decision: { id: string; title: string } | undefined, now: Date) {
  const summary = toPublicSummary(row, now);
  const published = summary.state === 'FEEDBACK_PUBLISHED';
  return {
    ...summary,
    draftText: row.draft_text,
    explanation: row.explanation,
    shortenedReason: row.shortened_reason,
    minimumBasis: row.minimum_basis,
    comments: comments.map((comment) => ({
      id: comment.id,
      clause: publicCommentField(comment.clause),
      content: publicCommentText(comment),
      authorName: publicCommentField(comment.author_name),
      receivedAt: comment.received_at.toISOString(),
      ...(published && comment.adoption
        ? { adoption: comment.adoption, adoptionLabel: COMMENT_ADOPTION_LABELS[comment.adoption], adoptionReason: comment.adoption_reason }
        : {}),
    })),
    feedback: published
      ? { itemId: row.feedback_item_id, publishedAt: row.feedback_published_at?.toISOString() ?? null, summary: row.feedback_summary, late: row.feedback_late === true }
      : null,
    decision: decision ? { itemId: decision.id, title: decision.title } : null,
  };
}

/** One consultation for its department's staff and oversight: everything, contacts included where the policy allows. */
export function toStaffDetail(row: ConsultationRow, comments: readonly CommentRow[], showContacts: boolean, now: Date) {
  return {
    ...toPublicSummary(row, now),
    // Staff act on the workflow's state: closed means its timer has closed it, and feedback may be recorded.
    state: row.state,
    stateLabel: CONSULTATION_STATE_LABELS[row.state],
    draftText: row.draft_text,
    explanation: row.explanation,
    affectsMarketEntities: row.affects_market_entities,
    shortenedReason: row.shortened_reason,
    minimumBasis: row.minimum_basis,
    openedBy: row.opened_by,
    closedAt: row.closed_at?.toISOString() ?? null,
    feedbackDueAt: row.feedback_due_at?.toISOString() ?? null,
    feedbackDueExplanation: row.feedback_due_explanation,
    feedbackOverdue: row.feedback_overdue,
    feedbackSummary: row.feedback_summary,
    feedbackItemId: row.feedback_item_id,
    feedbackPublishedAt: row.feedback_published_at?.toISOString() ?? null,
    feedbackLate: row.feedback_late,
    decisionItemId: row.decision_item_id,
    pendingCount: comments.filter((comment) => comment.state === 'pending').length,
    comments: comments.map((comment) => ({
      id: comment.id,
      clause: comment.clause,
      content: comment.content,
      authorName: comment.author_name,
      ...(showContacts ? { contact: comment.contact } : {}),
      receivedAt: comment.received_at.toISOString(),
      state: comment.state,
      moderatedBy: comment.moderated_by,
      moderatedAt: comment.moderated_at?.toISOString() ?? null,
      rejectionReason: comment.rejection_reason,
      adoption: comment.adoption,
      adoptionLabel: comment.adoption ? COMMENT_ADOPTION_LABELS[comment.adoption] : null,
      adoptionReason: comment.adoption_reason,
    })),
  };
}
