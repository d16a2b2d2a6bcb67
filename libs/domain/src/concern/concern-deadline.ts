import { computeDeadline } from '../calendar/compute-deadline';
import { chinaDateOf } from '../calendar/local-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ConcernKind } from './concern';

/**
 * A due time of a concern. A major emergency has two: authoritative information (权威信息) and a press
 * conference (新闻发布会); every other concern has one, its response (答复).
 */
export const CONCERN_MILESTONES = ['authoritative-information', 'press-conference', 'response'] as const;
export type ConcernMilestone = (typeof CONCERN_MILESTONES)[number];

export const CONCERN_MILESTONE_LABELS: Readonly<Record<ConcernMilestone, string>> = {
  'authoritative-information': '发布权威信息',
  'press-conference': '召开新闻发布会',
  response: '答复',
};

/** Which milestones the published response meets (the press conference is recorded separately). */
export const RESPONSE_MILESTONES: readonly ConcernMilestone[] = ['authoritative-information', 'response'];

/**
 * The time limits of responding (each configurable; the defaults are the national rules):
 * 国办发〔2016〕61号 for incidents, and the common local rule for website messages.
 */
export interface ConcernDeadlinePolicy {
  /** Major emergency: authoritative information within this many hours of receipt. */
  readonly majorEmergencyInformationHours: number;
  /** Major emergency: a press conference within this many hours of receipt. */
  readonly majorEmergencyPressConferenceHours: number;
  /** Other public-opinion issues: a response within this many hours of receipt. */
  readonly publicOpinionResponseHours: number;
  /** Website messages: feedback within this many working days. */
  readonly messageResponseWorkingDays: number;
  /** Website messages: the limit once extended (one extension, for complex messages). */
  readonly messageExtendedWorkingDays: number;
}

export const DEFAULT_CONCERN_DEADLINE_POLICY: ConcernDeadlinePolicy = {
  majorEmergencyInformationHours: 5,
  majorEmergencyPressConferenceHours: 24,
  publicOpinionResponseHours: 48,
  messageResponseWorkingDays: 7,
  messageExtendedWorkingDays: 15,
};

/** The environment variable of each policy setting. */
export const CONCERN_DEADLINE_POLICY_VARIABLES: Readonly<Record<keyof ConcernDeadlinePolicy, string>> = {
  majorEmergencyInformationHours: 'CONCERN_EMERGENCY_INFORMATION_HOURS',
  majorEmergencyPressConferenceHours: 'CONCERN_EMERGENCY_PRESS_CONFERENCE_HOURS',
  publicOpinionResponseHours: 'CONCERN_PUBLIC_OPINION_HOURS',
  messageResponseWorkingDays: 'CONCERN_MESSAGE_WORKING_DAYS',
  messageExtendedWorkingDays: 'CONCERN_MESSAGE_EXTENDED_WORKING_DAYS',
};

/** Thrown when a policy setting is not a usable count; names the variable. */
export class InvalidConcernDeadlinePolicyError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'InvalidConcernDeadlinePolicyError';
  }
}

const MAX_HOURS = 24 * 365;
const MAX_WORKING_DAYS = 365;

/** The policy with any settings the environment overrides; throws on a value that is not a sane count. */
export function concernDeadlinePolicyFromEnv(env: Readonly<Record<string, string | undefined>>): ConcernDeadlinePolicy {
  const read = (key: keyof ConcernDeadlinePolicy, max: number): number => {
    const variable = CONCERN_DEADLINE_POLICY_VARIABLES[key];
    const raw = env[variable]?.trim();
    if (!raw) return DEFAULT_CONCERN_DEADLINE_POLICY[key];
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max) {
      throw new InvalidConcernDeadlinePolicyError(variable, `expected a whole number from 1 to ${max}, got "${raw}"`);
    }
    return value;
  };
  const policy: ConcernDeadlinePolicy = {
    majorEmergencyInformationHours: read('majorEmergencyInformationHours', MAX_HOURS),
    majorEmergencyPressConferenceHours: read('majorEmergencyPressConferenceHours', MAX_HOURS),
    publicOpinionResponseHours: read('publicOpinionResponseHours', MAX_HOURS),
    messageResponseWorkingDays: read('messageResponseWorkingDays', MAX_WORKING_DAYS),
    messageExtendedWorkingDays: read('messageExtendedWorkingDays', MAX_WORKING_DAYS),
  };
  if (policy.messageExtendedWorkingDays <= policy.messageResponseWorkingDays) {
    throw new InvalidConcernDeadlinePolicyError(
      CONCERN_DEADLINE_POLICY_VARIABLES.messageExtendedWorkingDays,
      `must be more than ${CONCERN_DEADLINE_POLICY_VARIABLES.messageResponseWorkingDays} (${policy.messageResponseWorkingDays})`,
    );
  }
  return policy;
}

/** How one milestone's limit is counted: exact hours from the receipt instant, or working days after the receipt day. */
export type ConcernTimeLimit = { readonly kind: 'hours'; readonly hours: number } | { readonly kind: 'working-days'; readonly count: number };

/** The milestones of a concern of this kind and their limits; `extended` applies the message extension. */
export function concernTimeLimits(
  policy: ConcernDeadlinePolicy,
  kind: ConcernKind,
  options: { readonly extended?: boolean } = {},
): { readonly milestone: ConcernMilestone; readonly limit: ConcernTimeLimit }[] {
  switch (kind) {
    case 'major-emergency':
      return [
        { milestone: 'authoritative-information', limit: { kind: 'hours', hours: policy.majorEmergencyInformationHours } },
        { milestone: 'press-conference', limit: { kind: 'hours', hours: policy.majorEmergencyPressConferenceHours } },
      ];
    case 'public-opinion':
      return [{ milestone: 'response', limit: { kind: 'hours', hours: policy.publicOpinionResponseHours } }];
    case 'message':
      return [
        {
          milestone: 'response',
          limit: { kind: 'working-days', count: options.extended ? policy.messageExtendedWorkingDays : policy.messageResponseWorkingDays },
        },
      ];
  }
}

/** A concern's due instant for one milestone, and why. */
export interface ConcernDeadline {
  readonly milestone: ConcernMilestone;
  readonly dueAt: string;
  /** "Why this date", in Chinese, for the timeline. */
  readonly explanation: string;
  /** True when a working-day count rests on a year whose holiday arrangement is not published yet. */
  readonly provisional: boolean;
}

/** `2026-11-26 19:39` in China time (UTC+8, no daylight saving). */
function chinaDateTimeOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * One milestone's due instant. Hours count exactly from the receipt instant (an incident is not a day
 * count); working days start on the day after the receipt day (China time) and end with the due day.
 */
export function computeConcernDeadline(calendar: WorkingDayCalendar, milestone: ConcernMilestone, limit: ConcernTimeLimit, receivedAt: string): ConcernDeadline {
  const received = new Date(receivedAt);
  if (Number.isNaN(received.getTime())) throw new RangeError(`receivedAt is not an instant: ${receivedAt}`);
  const label = CONCERN_MILESTONE_LABELS[milestone];
  if (limit.kind === 'hours') {
    const due = new Date(received.getTime() + limit.hours * 3_600_000);
    return {
      milestone,
      dueAt: due.toISOString(),
      explanation: `${label}：自收到时（${chinaDateTimeOf(received)}）起${limit.hours}小时内，截止${chinaDateTimeOf(due)}（北京时间）`,
      provisional: false,
    };
  }
  const deadline = computeDeadline(calendar, { kind: 'working-days', count: limit.count, anchor: 'document-received' }, chinaDateOf(received));
  return { milestone, dueAt: deadline.dueAt, explanation: `${label}：${deadline.explanation}`, provisional: deadline.provisional };
}

/** Every due instant of a concern of this kind received at `receivedAt`. */
export function computeConcernDeadlines(
  calendar: WorkingDayCalendar,
  policy: ConcernDeadlinePolicy,
  kind: ConcernKind,
  receivedAt: string,
  options: { readonly extended?: boolean } = {},
): ConcernDeadline[] {
  return concernTimeLimits(policy, kind, options).map(({ milestone, limit }) => computeConcernDeadline(calendar, milestone, limit, receivedAt));
}
