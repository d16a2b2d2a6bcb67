import type { components } from '../../openapi/schema';

/** The review-chain API's answer (GET /api/review-chains), and the stages in the clerk's words. */

export type ReviewChains = components['schemas']['ReviewChainsView'];
export type ReviewChainPolicy = components['schemas']['ReviewChainPolicyView'];
/** What PUT /api/review-chains answers: the policy as set, without who set it. */
export type ReviewChainPolicySet = components['schemas']['ReviewChainPolicySetView'];
export type ReviewStage = ReviewChains['default'][number];

/** In the order a chain runs; 保密审查 and 签发 are in every chain. */
export const STAGES: { value: ReviewStage; label: string; required: boolean }[] = [
  { value: 'preliminary-review', label: '初审', required: false },
  { value: 'confidentiality-review', label: '保密审查', required: true },
  { value: 'legality-review', label: '合法性审查', required: false },
  { value: 'sign-off', label: '签发', required: true },
];

export const STAGE_LABELS = Object.fromEntries(STAGES.map((stage) => [stage.value, stage.label])) as Record<ReviewStage, string>;

export const chainText = (stages: readonly ReviewStage[]) => stages.map((stage) => STAGE_LABELS[stage]).join(' → ');

export const reviewChainKeys = { all: ['review-chains'] as const };
