import { publicQuestionText } from '../concern/concern';
import { maskPersonalInformationInText } from '../personal-information/detector';
import { CONSULTATION_KIND_LABELS, type ConsultationKind } from './consultation';

/** What a comment from the public may hold. Name and contact are optional; the contact is never published. */
export const CONSULTATION_COMMENT_MIN_LENGTH = 5;
export const CONSULTATION_COMMENT_MAX_LENGTH = 5000;
export const CONSULTATION_CLAUSE_MAX_LENGTH = 200;
export const CONSULTATION_AUTHOR_NAME_MAX_LENGTH = 50;
export const CONSULTATION_CONTACT_MAX_LENGTH = 100;
export const CONSULTATION_REASON_MAX_LENGTH = 2000;

/**
 * A comment waits in the moderation queue until staff approve it (shown publicly, answered in the feedback)
 * or reject it (abuse, advertising, personal data, off topic: kept for the record, never shown).
 */
export const COMMENT_MODERATION_STATES = ['pending', 'approved', 'rejected'] as const;
export type CommentModerationState = (typeof COMMENT_MODERATION_STATES)[number];
export const COMMENT_MODERATION_DECISIONS = ['approve', 'reject'] as const;
export type CommentModerationDecision = (typeof COMMENT_MODERATION_DECISIONS)[number];

/** How the department answered one opinion (采纳情况). */
export const COMMENT_ADOPTIONS = ['adopted', 'partly-adopted', 'not-adopted'] as const;
export type CommentAdoption = (typeof COMMENT_ADOPTIONS)[number];
export const COMMENT_ADOPTION_LABELS: Readonly<Record<CommentAdoption, string>> = {
  adopted: '采纳',
  'partly-adopted': '部分采纳',
  'not-adopted': '未采纳',
};

/** One opinion's answer as the department records it. */
export interface CommentAdoptionDecision {
  readonly commentId: string;
  readonly adoption: CommentAdoption;
  readonly reason?: string;
}

export interface FeedbackProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The feedback answers every approved opinion once: the rules ask that reasonable opinions be adopted and
 * the reasons be given where they are not (未予采纳的，应当说明理由), so an opinion not (or only partly)
 * adopted needs its reason. Pending comments must be moderated first, so none is left unanswered by accident.
 */
export function feedbackProblems(
  comments: readonly { readonly id: string; readonly state: CommentModerationState }[],
  decisions: readonly CommentAdoptionDecision[],
): FeedbackProblem[] {
  const problems: FeedbackProblem[] = [];
  const pending = comments.filter((comment) => comment.state === 'pending').length;
  if (pending > 0) problems.push({ field: 'opinions', message: `还有 ${pending} 条意见未审核，请先审核再发布采纳情况` });
  const approved = new Set(comments.filter((comment) => comment.state === 'approved').map((comment) => comment.id));
  const seen = new Set<string>();
  decisions.forEach((decision, index) => {
    if (!approved.has(decision.commentId)) problems.push({ field: `opinions.${index}.commentId`, message: `opinions[${index}].commentId：不是本次征集中已采用展示的意见` });
    else if (seen.has(decision.commentId)) problems.push({ field: `opinions.${index}.commentId`, message: `opinions[${index}].commentId：同一条意见只能答复一次` });
    seen.add(decision.commentId);
    if (decision.adoption !== 'adopted' && !decision.reason?.trim()) {
      problems.push({ field: `opinions.${index}.reason`, message: `opinions[${index}].reason：${COMMENT_ADOPTION_LABELS[decision.adoption] ?? '未采纳'}的意见须说明理由` });
    }
  });
  const missing = [...approved].filter((id) => !seen.has(id)).length;
  if (missing > 0) problems.push({ field: 'opinions', message: `还有 ${missing} 条已展示的意见未答复采纳情况` });
  return problems;
}

/** The published feedback (意见采纳情况说明): the body of the disclosure item that goes through review. */
export function feedbackDocumentText(
  consultation: { readonly title: string; readonly kind: ConsultationKind; readonly openedOn: string; readonly closesOn: string; readonly summary: string },
  opinions: readonly { readonly clause: string | null; readonly content: string; readonly adoption: CommentAdoption; readonly reason: string | null }[],
): string {
  const counts = (adoption: CommentAdoption) => opinions.filter((opinion) => opinion.adoption === adoption).length;
  const lines = [
    `《${consultation.title}》（${CONSULTATION_KIND_LABELS[consultation.kind]}）于 ${consultation.openedOn} 至 ${consultation.closesOn} 向社会公开征求意见，共收到有效意见 ${opinions.length} 条，其中采纳 ${counts('adopted')} 条、部分采纳 ${counts('partly-adopted')} 条、未采纳 ${counts('not-adopted')} 条。`,
    '',
    consultation.summary.trim(),
    '',
    ...opinions.flatMap((opinion, index) => [
      `${index + 1}. ${opinion.clause ? `【${opinion.clause}】` : ''}${opinion.content}`,
      `   采纳情况：${COMMENT_ADOPTION_LABELS[opinion.adoption]}${opinion.reason ? `。理由：${opinion.reason}` : ''}`,
    ]),
  ];
  return lines.join('\n');
}

/**
 * A comment as the portal and the published feedback show it: the opinion as written, but without the
 * commenter's contact (given in the contact field or written into the opinion) and with any personal
 * data the guard finds masked the standard way (身份证号, 银行卡, a name beside them...). Moderators
 * approve opinions, not a check of every digit, so this runs on every public view, whatever was approved.
 */
export function publicCommentText(comment: { readonly content: string; readonly contact?: string | null }): string {
  return publicQuestionText(comment.content, comment.contact ?? undefined);
}

/** The clause, the author's display name: short fields a commenter may still fill with a number. */
export function publicCommentField(text: string | null): string | null {
  return text === null ? null : maskPersonalInformationInText(text);
}
