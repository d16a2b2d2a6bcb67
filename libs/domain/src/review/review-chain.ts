import type { Role } from '../identity/roles';
import type { TimeLimitRule } from '../catalog/time-limit-rule';

/** A sign-off stage of the review chain. */
export type ReviewStage =
  | 'preliminary-review' // 初审
  | 'confidentiality-review' // 保密审查: mandatory, never bypassed
  | 'legality-review' // 合法性审查: normative documents only
  | 'sign-off'; // 签发

export const REVIEW_STAGE_LABELS: Readonly<Record<ReviewStage, string>> = {
  'preliminary-review': '初审',
  'confidentiality-review': '保密审查',
  'legality-review': '合法性审查',
  'sign-off': '签发',
};

/** Which role performs each stage. */
export const STAGE_ROLE: Readonly<Record<ReviewStage, Role>> = {
  'preliminary-review': 'reviewer',
  'confidentiality-review': 'secrecy-reviewer',
  'legality-review': 'legal-reviewer',
  'sign-off': 'leader',
};

/** The internal time limit of each stage (a stage SLA, not a statutory limit). */
export const STAGE_TIME_LIMIT: Readonly<Record<ReviewStage, TimeLimitRule>> = {
  'preliminary-review': { kind: 'working-days', count: 2, anchor: 'formed-or-changed' },
  'confidentiality-review': { kind: 'working-days', count: 3, anchor: 'formed-or-changed' },
  'legality-review': { kind: 'working-days', count: 5, anchor: 'formed-or-changed' },
  'sign-off': { kind: 'working-days', count: 2, anchor: 'formed-or-changed' },
};

/**
 * The foundation's chain: 保密审查 → 签发. The lifecycle issue makes it configurable per catalog item and
 * department (初审 and 合法性审查 included); 保密审查 stays mandatory in every configuration.
 */
export function defaultReviewChain(): readonly ReviewStage[] {
  return ['confidentiality-review', 'sign-off'];
}

export type ReviewDecision = 'approve' | 'return' | 'reject';
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['approve', 'return', 'reject'];
