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

/** The label of any task's stage: a review stage, or a supervisor's demand (督办), which shares the task table. */
export function taskStageLabel(stage: string): string {
  return (REVIEW_STAGE_LABELS as Readonly<Record<string, string>>)[stage] ?? (stage === 'supervision-demand' ? '督办' : stage);
}

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

export const REVIEW_STAGES: readonly ReviewStage[] = ['preliminary-review', 'confidentiality-review', 'legality-review', 'sign-off'];

/** The default chain: 初审 → 保密审查 → 合法性审查 (normative documents only) → 签发. */
export const DEFAULT_REVIEW_CHAIN: readonly ReviewStage[] = REVIEW_STAGES;

/**
 * Problems with a configured chain (empty when valid). 保密审查 can never be left out, 签发 is always the
 * last stage, and stages keep their order and appear once.
 */
export function reviewChainProblems(stages: readonly unknown[]): string[] {
  const problems: string[] = [];
  const unknown = stages.filter((stage) => !REVIEW_STAGES.includes(stage as ReviewStage));
  if (unknown.length) problems.push(`unknown stages: ${unknown.join(', ')}`);
  if (new Set(stages).size !== stages.length) problems.push('a stage appears twice');
  if (!stages.includes('confidentiality-review')) problems.push('保密审查 (confidentiality-review) can never be left out');
  if (stages[stages.length - 1] !== 'sign-off') problems.push('签发 (sign-off) must be the last stage');
  const order = stages.map((stage) => REVIEW_STAGES.indexOf(stage as ReviewStage));
  if (order.some((position, index) => index > 0 && position < order[index - 1])) problems.push('stages must keep the order 初审 → 保密审查 → 合法性审查 → 签发');
  return problems;
}

/**
 * The chain an item goes through: the configured one (or the default), with 合法性审查 only for
 * normative documents (行政规范性文件). 保密审查 is put back if a configuration ever lacks it.
 */
export function reviewChainFor(configured: readonly ReviewStage[] | undefined, normativeDocument: boolean): ReviewStage[] {
  const base = configured && reviewChainProblems(configured).length === 0 ? configured : DEFAULT_REVIEW_CHAIN;
  const stages = base.filter((stage) => stage !== 'legality-review' || normativeDocument);
  if (normativeDocument && !stages.includes('legality-review')) stages.splice(stages.indexOf('sign-off'), 0, 'legality-review');
  return stages;
}

export type ReviewDecision = 'approve' | 'return' | 'reject';
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['approve', 'return', 'reject'];
