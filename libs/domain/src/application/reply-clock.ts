import { addDays, endOfChinaDay, type LocalDate } from '../calendar/local-date';
import { PROVISIONAL_DEADLINE_NOTE } from '../calendar/deadline';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** 条例 Art. 33: reply within 20 working days of receipt. */
export const REPLY_WORKING_DAYS = 20;
/** 条例 Art. 33: one extension, at most 20 working days, approved by the head of the 政府信息公开工作机构. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 条例 Art. 30: the office may ask for a correction within 7 working days of receipt. */
export const CORRECTION_REQUEST_WORKING_DAYS = 7;
/** 条例 Art. 32 (third party) and Art. 34 (another agency): 15 working days to answer a consultation. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 国办函〔2020〕109号 Art. 7: the fee is paid within 20 working days of receiving the notice. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** Why the reply clock stood still for a while. */
export type ClockPauseKind = 'third-party-consultation' | 'agency-consultation' | 'fee';

export const CLOCK_PAUSE_LABELS: Record<ClockPauseKind, string> = {
  'third-party-consultation': '征求第三方意见',
  'agency-consultation': '征求其他行政机关意见',
  fee: '收费通知至缴费',
};

/**
 * A stop of the reply clock: the days after `from` up to and including `to` are not counted. `from` is
 * the day the letter (征求意见书, 收费通知) went out, which counts as the office's own day; `to` is the day
 * the answer or the payment came in. An open pause (no `to`) stops the clock until it is closed.
 */
export interface ClockPause {
  readonly kind: ClockPauseKind;
  readonly from: LocalDate;
  readonly to?: LocalDate;
}

/** Everything that decides the reply deadline of one application. */
export interface ReplyClock {
  /** The day counting starts after: the receipt date, or the day the corrected application arrived. */
  readonly startDate: LocalDate;
  readonly start: 'receipt' | 'correction';
  readonly pauses: readonly ClockPause[];
  /** Working days granted by the one approved extension; 0 without one. */
  readonly extensionWorkingDays: number;
}

export type ReplyDeadline =
  | {
      readonly state: 'running';
      readonly dueDate: LocalDate;
      readonly dueAt: string;
      readonly provisional: boolean;
      /** "Why this date", in Chinese, naming every stop of the clock. */
      readonly explanation: string;
      readonly calendarVersion: string;
    }
  | {
      readonly state: 'stopped';
      readonly pause: ClockPause;
      /** Working days of the limit already used when the clock stopped. */
      readonly usedWorkingDays: number;
      readonly remainingWorkingDays: number;
      readonly explanation: string;
      readonly calendarVersion: string;
    };

export class ReplyClockError extends RangeError {}

function checkClock(clock: ReplyClock): void {
  if (!Number.isInteger(clock.extensionWorkingDays) || clock.extensionWorkingDays < 0 || clock.extensionWorkingDays > MAX_EXTENSION_WORKING_DAYS) {
    throw new ReplyClockError(`extension must be 0 to ${MAX_EXTENSION_WORKING_DAYS} working days, got ${clock.extensionWorkingDays}`);
  }
  const open = clock.pauses.filter((pause) => pause.to === undefined);
  if (open.length > 1) throw new ReplyClockError('at most one pause can be open');
  for (const pause of clock.pauses) {
    if (pause.from < clock.startDate) throw new ReplyClockError(`a pause from ${pause.from} starts before the clock (${clock.startDate})`);
    if (pause.to !== undefined && pause.to < pause.from) throw new ReplyClockError(`a pause ends (${pause.to}) before it starts (${pause.from})`);
  }
}

function pauseOn(clock: ReplyClock, day: LocalDate): ClockPause | undefined {
  return clock.pauses.find((pause) => day > pause.from && (pause.to === undefined || day <= pause.to));
}

/**
 * The reply deadline under 条例 Art. 33: 20 working days (plus an approved extension) counted from the day
 * after the clock start, passing over weekends, holidays and every day the clock stood still for a
 * consultation (Art. 32, 34: 所需时间不计算在规定的期限内) or a fee notice (国办函〔2020〕109号 Art. 7: from the
 * notice to the payment). While a pause is open, the clock is stopped and there is no due date.
 */
export function computeReplyDeadline(calendar: WorkingDayCalendar, clock: ReplyClock): ReplyDeadline {
  checkClock(clock);
  const limit = REPLY_WORKING_DAYS + clock.extensionWorkingDays;
  let counted = 0;
  let weekends = 0;
  let provisional = false;
  const holidays = new Map<string, number>();
  const paused = new Map<ClockPause, { first: LocalDate; last: LocalDate; days: number }>();
  let day = clock.startDate;
  while (counted < limit) {
    day = addDays(day, 1);
    const pause = pauseOn(clock, day);
    if (pause?.to === undefined && pause !== undefined) {
      return {
        state: 'stopped',
        pause,
        usedWorkingDays: counted,
        remainingWorkingDays: limit - counted,
        explanation: `${CLOCK_PAUSE_LABELS[pause.kind]}，自${addDays(pause.from, 1)}起停止计算；已用${counted}个工作日，尚余${limit - counted}个工作日`,
        calendarVersion: calendar.version,
      };
    }
    if (!calendar.isPublishedYear(Number(day.slice(0, 4)))) provisional = true;
    if (pause) {
      const span = paused.get(pause) ?? { first: day, last: day, days: 0 };
      paused.set(pause, { ...span, last: day, days: span.days + 1 });
      continue;
    }
    const off = calendar.offReason(day);
    if (off?.kind === 'weekend') weekends++;
    else if (off?.kind === 'holiday') holidays.set(off.name, (holidays.get(off.name) ?? 0) + 1);
    else counted++;
  }
  const skipped = [...(weekends ? [`周末${weekends}天`] : []), ...[...holidays].map(([name, days]) => `${name}${days}天`)];
  const stops = [...paused].map(([pause, span]) => `${CLOCK_PAUSE_LABELS[pause.kind]}${span.first}至${span.last}（${span.days}天）不计算在内`);
  const start = clock.start === 'receipt' ? `收到申请（${clock.startDate}）` : `收到补正后的申请（${clock.startDate}）`;
  const extension = clock.extensionWorkingDays ? `，经批准延长${clock.extensionWorkingDays}个工作日，共${limit}个工作日` : '';
  const notes = [...(skipped.length ? [`跳过${skipped.join('、')}`] : []), ...stops];
  return {
    state: 'running',
    dueDate: day,
    dueAt: endOfChinaDay(day).toISOString(),
    provisional,
    explanation: `自${start}次日起算${REPLY_WORKING_DAYS}个工作日${extension}${notes.length ? `（${notes.join('；')}）` : ''}，截止${day}${provisional ? PROVISIONAL_DEADLINE_NOTE : ''}`,
    calendarVersion: calendar.version,
  };
}

/** A date N working days after another, with its explanation: the due day of a 补正, a consultation, a payment. */
export interface StepDeadline {
  readonly dueDate: LocalDate;
  readonly dueAt: string;
  readonly explanation: string;
}

function stepDeadline(calendar: WorkingDayCalendar, from: LocalDate, workingDays: number, what: string): StepDeadline {
  const result = calendar.addWorkingDays(from, workingDays);
  return { dueDate: result.date, dueAt: endOfChinaDay(result.date).toISOString(), explanation: `${what}：自${from}次日起算${workingDays}个工作日，截止${result.date}` };
}

/** 条例 Art. 30: the last day on which the office may still ask for a correction (7 working days after receipt). */
export function correctionRequestWindow(calendar: WorkingDayCalendar, receiptDate: LocalDate): StepDeadline {
  return stepDeadline(calendar, receiptDate, CORRECTION_REQUEST_WORKING_DAYS, '补正告知期限（条例第三十条）');
}

/** The most working days a 补正 period may be set to: 条例 Art. 30 asks for a 合理的补正期限, this bounds it. */
export const MAX_CORRECTION_PERIOD_WORKING_DAYS = 30;

/**
 * Whether the office may ask for a correction now (条例 Art. 30): once only, within 7 working days of
 * receipt, naming what is missing and a reasonable period. Undefined when it may; else the field and why.
 */
export function correctionRequestProblem(
  calendar: WorkingDayCalendar,
  request: { readonly receiptDate: LocalDate; readonly requestDate: LocalDate; readonly alreadyRequested: boolean; readonly missing: string; readonly periodWorkingDays: number },
): { readonly field: string; readonly problem: string } | undefined {
  if (request.alreadyRequested) return { field: 'correction', problem: '补正只能要求一次（条例第三十条）' };
  const window = correctionRequestWindow(calendar, request.receiptDate);
  if (request.requestDate > window.dueDate) return { field: 'correction', problem: `已超过补正告知期限：须在收到申请之日起7个工作日内（${window.dueDate}前）一次性告知` };
  if (!request.missing.trim()) return { field: 'missing', problem: '请写明需要补正的事项' };
  if (!Number.isInteger(request.periodWorkingDays) || request.periodWorkingDays < 1 || request.periodWorkingDays > MAX_CORRECTION_PERIOD_WORKING_DAYS) {
    return { field: 'periodWorkingDays', problem: `补正期限须为 1 至 ${MAX_CORRECTION_PERIOD_WORKING_DAYS} 个工作日` };
  }
  return undefined;
}

/** The applicant's last day to send the correction; past it without good reason the application is deemed withdrawn (Art. 30). */
export function correctionDue(calendar: WorkingDayCalendar, requestDate: LocalDate, periodWorkingDays: number): StepDeadline {
  return stepDeadline(calendar, requestDate, periodWorkingDays, '补正期限（条例第三十条）');
}

/**
 * The day a consulted party must answer by: 15 working days (Art. 32 third party, Art. 34 another agency).
 * What silence means differs: a third party's silence leaves the decision to the office (Art. 32), another
 * agency's silence is consent to disclose (Art. 34).
 */
export function consultationDue(calendar: WorkingDayCalendar, kind: 'third-party' | 'agency', sentOn: LocalDate): StepDeadline {
  return stepDeadline(calendar, sentOn, CONSULTATION_WORKING_DAYS, kind === 'third-party' ? '第三方提出意见期限（条例第三十二条）' : '被征求意见机关提出意见期限（条例第三十四条）');
}

export const CONSULTATION_SILENCE_MEANING = {
  'third-party': '第三方逾期未提出意见，由本机关依照条例规定决定是否公开（条例第三十二条）',
  agency: '被征求意见机关逾期未提出意见，视为同意公开（条例第三十四条）',
} as const;

/** 国办函〔2020〕109号 Art. 7: the last day to pay, 20 working days after the day the notice was received. */
export function feePaymentDue(calendar: WorkingDayCalendar, noticeReceivedOn: LocalDate): StepDeadline {
  return stepDeadline(calendar, noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS, '缴费期限（国办函〔2020〕109号第七条）');
}
