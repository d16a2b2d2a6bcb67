import { addDays, chinaDateOf, endOfChinaDay, isLocalDate, type LocalDate } from '../calendar/local-date';

/** What is put out for comment (意见征集). The kind decides the legal minimum period. */
export const CONSULTATION_KINDS = ['normative-document', 'plan', 'major-decision', 'other'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const CONSULTATION_KIND_LABELS: Readonly<Record<ConsultationKind, string>> = {
  'normative-document': '行政规范性文件',
  plan: '规划',
  'major-decision': '重大行政决策',
  other: '其他政策文件',
};

export function isConsultationKind(value: unknown): value is ConsultationKind {
  return typeof value === 'string' && (CONSULTATION_KINDS as readonly string[]).includes(value);
}

/**
 * Where a consultation is: open for comment until its period ends, then closed and waiting for the
 * department's feedback (采纳情况), whose publication is a disclosure item going through review, then
 * published.
 */
export const CONSULTATION_STATES = ['OPEN', 'CLOSED', 'FEEDBACK_IN_REVIEW', 'FEEDBACK_PUBLISHED'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

export const CONSULTATION_STATE_LABELS: Readonly<Record<ConsultationState, string>> = {
  OPEN: '征求意见中',
  CLOSED: '已截止，待反馈',
  FEEDBACK_IN_REVIEW: '反馈审核中',
  FEEDBACK_PUBLISHED: '已反馈',
};

/** A minimum period: calendar days (日) or working days (工作日), counted from the day after publication. */
export interface ConsultationPeriodRule {
  readonly unit: 'days' | 'working-days';
  readonly count: number;
  /** Where the default comes from, quoted to the drafter when a period is too short. */
  readonly basis: string;
}

/**
 * The county's consultation policy. The defaults are the national rules; each is a setting because a
 * province or county may require longer periods.
 */
export interface ConsultationPolicy {
  readonly minimumPeriod: Readonly<Record<ConsultationKind, ConsultationPeriodRule>>;
  /** A normative document closely bound up with market entities' business needs this many days. */
  readonly marketEntityMinimumDays: number;
  /** Working days after closing within which the department publishes its feedback (local policy, no national figure). */
  readonly feedbackWorkingDays: number;
}

export const DEFAULT_CONSULTATION_POLICY: ConsultationPolicy = {
  minimumPeriod: {
    // 《重大行政决策程序暂行条例》（国务院令第713号）第十五条：公开征求意见的期限一般不少于30日；因情况紧急等
    // 原因需要缩短期限的，公开征求意见时应当予以说明。(Art. 14 lists the ways of hearing opinions; the period is Art. 15.)
    'major-decision': { unit: 'days', count: 30, basis: '《重大行政决策程序暂行条例》第十五条：一般不少于30日' },
    // 国办发〔2018〕37号：涉及群众切身利益或者对权利义务有重大影响的规范性文件公开征求意见，期限一般不少于7个工作日。
    'normative-document': { unit: 'working-days', count: 7, basis: '国办发〔2018〕37号：一般不少于7个工作日' },
    // Important plans are major administrative decisions (条例第三条第一款第二项), so the same 30 days.
    plan: { unit: 'days', count: 30, basis: '重要规划属重大行政决策事项（《重大行政决策程序暂行条例》第三条），一般不少于30日' },
    other: { unit: 'working-days', count: 7, basis: '本县政策：一般不少于7个工作日' },
  },
  // 《优化营商环境条例》第六十三条：与市场主体生产经营活动密切相关的行政规范性文件，征求意见期限一般不少于30日。
  marketEntityMinimumDays: 30,
  feedbackWorkingDays: 15,
};

/** The environment variable of each setting. */
export const CONSULTATION_POLICY_VARIABLES = {
  'major-decision': 'CONSULTATION_MIN_DAYS_MAJOR_DECISION',
  plan: 'CONSULTATION_MIN_DAYS_PLAN',
  'normative-document': 'CONSULTATION_MIN_WORKING_DAYS_NORMATIVE',
  other: 'CONSULTATION_MIN_WORKING_DAYS_OTHER',
  marketEntityMinimumDays: 'CONSULTATION_MIN_DAYS_MARKET_ENTITIES',
  feedbackWorkingDays: 'CONSULTATION_FEEDBACK_WORKING_DAYS',
} as const;

export class InvalidConsultationPolicyError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'InvalidConsultationPolicyError';
  }
}

const MAX_DAYS = 365;

/**
 * The policy with the settings the environment overrides. A setting may lengthen a minimum, never shorten
 * it below the national rule: the defaults are the law.
 */
export function consultationPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): ConsultationPolicy {
  const read = (variable: string, fallback: number, min: number): number => {
    const raw = env[variable]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > MAX_DAYS) throw new InvalidConsultationPolicyError(variable, `expected a whole number from ${min} to ${MAX_DAYS}, got "${raw}"`);
    return value;
  };
  const defaults = DEFAULT_CONSULTATION_POLICY;
  const minimum = (kind: ConsultationKind): ConsultationPeriodRule => {
    const rule = defaults.minimumPeriod[kind];
    const count = read(CONSULTATION_POLICY_VARIABLES[kind], rule.count, rule.count);
    return count === rule.count ? rule : { ...rule, count, basis: `本县政策：不少于${count}${rule.unit === 'days' ? '日' : '个工作日'}（${rule.basis}）` };
  };
  return {
    minimumPeriod: { 'major-decision': minimum('major-decision'), plan: minimum('plan'), 'normative-document': minimum('normative-document'), other: minimum('other') },
    marketEntityMinimumDays: read(CONSULTATION_POLICY_VARIABLES.marketEntityMinimumDays, defaults.marketEntityMinimumDays, defaults.marketEntityMinimumDays),
    feedbackWorkingDays: read(CONSULTATION_POLICY_VARIABLES.feedbackWorkingDays, defaults.feedbackWorkingDays, 1),
  };
}

/** What the minimum of one consultation is: its kind's rule, or the market-entity rule where it is longer. */
export function minimumPeriodFor(policy: ConsultationPolicy, kind: ConsultationKind, affectsMarketEntities: boolean): ConsultationPeriodRule {
  const rule = policy.minimumPeriod[kind];
  if (kind === 'normative-document' && affectsMarketEntities) {
    const market: ConsultationPeriodRule = { unit: 'days', count: policy.marketEntityMinimumDays, basis: `《优化营商环境条例》第六十三条：与市场主体生产经营活动密切相关的，一般不少于${policy.marketEntityMinimumDays}日` };
    // Working days are never fewer than calendar days, so 30 days beat 7 working days unless a setting says otherwise.
    return rule.unit === 'days' && rule.count >= market.count ? rule : market;
  }
  return rule;
}

/** Counts working days for a rule in working days; the calendar lives outside this file so workflows can import it. */
export interface WorkingDayCounter {
  addWorkingDays(from: LocalDate, count: number): { readonly date: LocalDate };
}

/** The earliest day the period may end on: the minimum counted from the day after the opening day (China time). */
export function earliestClosingDay(rule: ConsultationPeriodRule, openedOn: LocalDate, calendar: WorkingDayCounter): LocalDate {
  return rule.unit === 'days' ? addDays(openedOn, rule.count) : calendar.addWorkingDays(openedOn, rule.count).date;
}

export const CONSULTATION_SHORTENED_REASON_MAX_LENGTH = 500;

/** A problem with a proposed period, for the field it concerns. */
export interface ConsultationPeriodProblem {
  readonly field: 'closesOn' | 'shortenedReason';
  readonly code: 'consultation.period-too-short' | 'consultation.period-invalid';
  readonly message: string;
}

/**
 * Checks the closing day a department proposes. The rules say 一般不少于: a shorter period is lawful when
 * urgency requires it and the reason is stated publicly with the draft, so a shorter period needs a reason,
 * and at least one whole day is always left for comment.
 */
export function consultationPeriodProblems(
  rule: ConsultationPeriodRule,
  request: { readonly openedOn: LocalDate; readonly closesOn: string; readonly shortenedReason?: string },
  calendar: WorkingDayCounter,
): ConsultationPeriodProblem[] {
  if (!isLocalDate(request.closesOn)) return [{ field: 'closesOn', code: 'consultation.period-invalid', message: 'closesOn（截止日期）须为 YYYY-MM-DD 格式的日期' }];
  if (request.closesOn <= request.openedOn) return [{ field: 'closesOn', code: 'consultation.period-invalid', message: `closesOn（截止日期）须晚于发布当日 ${request.openedOn}` }];
  const earliest = earliestClosingDay(rule, request.openedOn, calendar);
  if (request.closesOn >= earliest) return [];
  if (request.shortenedReason?.trim()) return [];
  return [{
    field: 'closesOn',
    code: 'consultation.period-too-short',
    message: `closesOn（截止日期）早于最短征求意见期限：${rule.basis}，自 ${request.openedOn} 次日起算，最早截止于 ${earliest}；确需缩短的，请在 shortenedReason 中说明理由（将随草案公布）`,
  }];
}

/** The instant a consultation closes: the end of its closing day in China. */
export function consultationClosesAt(closesOn: LocalDate): string {
  return endOfChinaDay(closesOn).toISOString();
}

/**
 * Days left for comment as the portal shows them (剩余N天): the days from today to the closing day, both
 * counted, in China time; 0 once it has closed.
 */
export function consultationDaysLeft(closesAt: string, now: Date): number {
  if (Date.parse(closesAt) <= now.getTime()) return 0;
  const today = chinaDateOf(now);
  const closingDay = chinaDateOf(new Date(closesAt));
  return Math.round((Date.parse(`${closingDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) + 1;
}
