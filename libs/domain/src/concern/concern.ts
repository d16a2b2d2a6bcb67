/**
 * Public concerns (回应关切) and public-opinion incidents (政务舆情) about a released item: what they are,
 * the states their response goes through, and the limits on what the public may send.
 */

import { maskPersonalInformationInText } from '../personal-information/detector';

/**
 * What arrived. A message (网站留言) comes from the public; the two incident severities are registered by
 * staff under 国办发〔2016〕61号: a major emergency (重大突发事件) or another public-opinion issue.
 */
export const CONCERN_KINDS = ['message', 'major-emergency', 'public-opinion'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

/** The severities staff may give an incident: every kind except a public message. */
export const INCIDENT_SEVERITIES = ['major-emergency', 'public-opinion'] as const satisfies readonly ConcernKind[];
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const CONCERN_KIND_LABELS: Readonly<Record<ConcernKind, string>> = {
  message: '网站留言',
  'major-emergency': '重大突发事件舆情',
  'public-opinion': '政务舆情',
};

/**
 * Where the response is: triage by the disclosure office (分办), drafting by the assigned department,
 * review by its leader, then published next to the item. APPROVED lasts only while the response is
 * being published.
 */
export const CONCERN_STATES = ['AWAITING_TRIAGE', 'AWAITING_RESPONSE', 'AWAITING_REVIEW', 'APPROVED', 'PUBLISHED'] as const;
export type ConcernState = (typeof CONCERN_STATES)[number];

export const CONCERN_STATE_LABELS: Readonly<Record<ConcernState, string>> = {
  AWAITING_TRIAGE: '待分办',
  AWAITING_RESPONSE: '待答复',
  AWAITING_REVIEW: '待审核',
  APPROVED: '已审核',
  PUBLISHED: '已发布',
};

/** How the disclosure office classifies a concern at triage. */
export const CONCERN_CLASSIFICATIONS = ['inquiry', 'suggestion', 'complaint', 'report', 'other'] as const;
export type ConcernClassification = (typeof CONCERN_CLASSIFICATIONS)[number];

export const CONCERN_CLASSIFICATION_LABELS: Readonly<Record<ConcernClassification, string>> = {
  inquiry: '咨询',
  suggestion: '建议',
  complaint: '投诉',
  report: '举报',
  other: '其他',
};

/** The leader's decision on a drafted response: approval publishes it, a return needs a comment. */
export const CONCERN_REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ConcernReviewDecision = (typeof CONCERN_REVIEW_DECISIONS)[number];

/** Length limits, in characters, on what the public and staff may write. */
export const CONCERN_CONTENT_MIN_LENGTH = 5;
export const CONCERN_CONTENT_MAX_LENGTH = 2000;
export const CONCERN_CONTACT_MAX_LENGTH = 200;
export const CONCERN_RESPONSE_MAX_LENGTH = 5000;
export const CONCERN_COMMENT_MAX_LENGTH = 2000;

export function isConcernKind(value: unknown): value is ConcernKind {
  return typeof value === 'string' && (CONCERN_KINDS as readonly string[]).includes(value);
}

const PERSONAL_DETAILS: readonly RegExp[] = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail
  /(?<!\d)\d{17}[\dXx](?!\d)/g, // 居民身份证号码
  /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g, // mobile
  /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, // landline with area code
];

/**
 * The question as the public page shows it: as asked, but without the asker's contact details, whether
 * given in the contact field or written into the question itself.
 */
export function publicQuestionText(content: string, contact?: string): string {
  let text = content;
  const given = contact?.trim();
  if (given && given.length >= 3) text = text.split(given).join('***');
  for (const pattern of PERSONAL_DETAILS) text = text.replace(pattern, '***');
  // What the simple patterns miss (bank cards, old ID numbers, passports, a name beside a number): masked.
  return maskPersonalInformationInText(text);
}
