import { isLocalDate, type LocalDate } from '../calendar/local-date';

/** How an application reached the office; each has its own receipt date under 条例 Art. 31. */
export const APPLICATION_CHANNELS = ['in-person', 'registered-post', 'ordinary-mail', 'online', 'fax'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

export const APPLICATION_CHANNEL_LABELS: Record<ApplicationChannel, string> = {
  'in-person': '当面提交',
  'registered-post': '邮寄（需签收）',
  'ordinary-mail': '平常信函',
  online: '互联网',
  fax: '传真',
};

export function isApplicationChannel(value: unknown): value is ApplicationChannel {
  return typeof value === 'string' && (APPLICATION_CHANNELS as readonly string[]).includes(value);
}

/** What staff know about how the application arrived. */
export interface ReceiptFacts {
  readonly channel: ApplicationChannel;
  /** The day the form was handed in, posted online or registered by staff. */
  readonly submittedOn: LocalDate;
  /** Registered post: the day the office signed for it. */
  readonly signedForOn?: LocalDate;
  /** Ordinary mail, online, fax: the day the office and the applicant confirmed the application. */
  readonly confirmedOn?: LocalDate;
}

export type ReceiptDate =
  | { readonly ok: true; readonly date: LocalDate; readonly explanation: string }
  | { readonly ok: false; readonly field: 'signedForOn' | 'confirmedOn' | 'submittedOn'; readonly problem: string };

/**
 * The day the office received the application (收到申请之日), from which the reply limit counts.
 * 条例 Art. 31: in person, the day it is handed in; by post with signature, the day it is signed for;
 * ordinary mail, the day the office confirms with the applicant (it must do so the day it arrives);
 * online or by fax, the day both sides confirm. Never the day the form was filled in for the last three.
 */
export function receiptDateOf(facts: ReceiptFacts): ReceiptDate {
  if (!isLocalDate(facts.submittedOn)) return { ok: false, field: 'submittedOn', problem: '提交日期须为 YYYY-MM-DD 格式的真实日期' };
  switch (facts.channel) {
    case 'in-person':
      return { ok: true, date: facts.submittedOn, explanation: `当面提交，以提交之日（${facts.submittedOn}）为收到申请之日（条例第三十一条第一项）` };
    case 'registered-post': {
      const day = facts.signedForOn;
      if (day === undefined) return { ok: false, field: 'signedForOn', problem: '邮寄申请须填写签收日期' };
      if (!isLocalDate(day)) return { ok: false, field: 'signedForOn', problem: '签收日期须为 YYYY-MM-DD 格式的真实日期' };
      return { ok: true, date: day, explanation: `邮寄提交，以签收之日（${day}）为收到申请之日（条例第三十一条第二项）` };
    }
    case 'ordinary-mail':
    case 'online':
    case 'fax': {
      const day = facts.confirmedOn;
      if (day === undefined) return { ok: false, field: 'confirmedOn', problem: '须先与申请人确认，并填写确认日期' };
      if (!isLocalDate(day)) return { ok: false, field: 'confirmedOn', problem: '确认日期须为 YYYY-MM-DD 格式的真实日期' };
      if (day < facts.submittedOn) return { ok: false, field: 'confirmedOn', problem: `确认日期不能早于提交日期（${facts.submittedOn}）` };
      const how = facts.channel === 'ordinary-mail' ? '平常信函提交，以与申请人确认之日' : `${APPLICATION_CHANNEL_LABELS[facts.channel]}提交，以双方确认之日`;
      const item = facts.channel === 'ordinary-mail' ? '第二项' : '第三项';
      return { ok: true, date: day, explanation: `${how}（${day}）为收到申请之日（条例第三十一条${item}）` };
    }
  }
}
