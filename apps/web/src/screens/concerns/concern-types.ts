import type { components } from '../../openapi/schema';

/** What the concern API answers (GET /api/concerns, GET /api/concerns/:id and each step), as apps/api/src/concerns/concern.views.ts documents it. */

/** One clock of a concern: the 5 h / 24 h / 48 h limits of an incident, or the working days of a message. */
export type ConcernDeadline = components['schemas']['ConcernDeadlineView'];
/** A row of the staff queue. */
export type ConcernRow = components['schemas']['ConcernInboxRowView'];
export type ConcernTimelineEvent = components['schemas']['ConcernTimelineEventView'];
/** One concern as staff see it. */
export type Concern = components['schemas']['ConcernDetailView'];

export interface Department {
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
}

/** How the disclosure office classifies a concern at triage (分办). */
export const CLASSIFICATION_OPTIONS: readonly { value: 'inquiry' | 'suggestion' | 'complaint' | 'report' | 'other'; label: string }[] = [
  { value: 'inquiry', label: '咨询' },
  { value: 'suggestion', label: '建议' },
  { value: 'complaint', label: '投诉' },
  { value: 'report', label: '举报' },
  { value: 'other', label: '其他' },
];

/** The queue's filters: every open concern, one state, or all. */
export const STATE_FILTERS: readonly { value: string; label: string }[] = [
  { value: 'open', label: '未办结' },
  { value: 'AWAITING_TRIAGE', label: '待分办' },
  { value: 'AWAITING_RESPONSE', label: '待答复' },
  { value: 'AWAITING_REVIEW', label: '待审核' },
  { value: 'PUBLISHED', label: '已发布' },
  { value: 'all', label: '全部' },
];

/** The timeline's steps, in the words of the office. */
export const CONCERN_ACTION_LABELS: Readonly<Record<string, string>> = {
  'concern.received': '收到',
  'incident.registered': '登记舆情',
  'concern.triaged': '分办',
  'concern.response-drafted': '起草答复',
  'concern.response-returned': '答复被退回',
  'concern.response-approved': '答复审核通过',
  'concern.response-published': '答复已发布',
  'concern.deadline-extended': '延长答复期限',
  'concern.deadline-recalculated': '节假日调整后重算期限',
  'concern.press-conference-held': '召开新闻发布会',
  'concern.overdue': '超过时限',
  'request.refused': '办理未生效',
};
