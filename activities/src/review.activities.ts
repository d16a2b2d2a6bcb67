import type { DataSource } from 'typeorm';
import { reviewChainFor, reviewChainProblems, type ReviewStage } from '@zwgk/domain';
import type { SqlRunner } from './projection.activities';

export interface ReviewChainRequest {
  readonly departmentCode: string;
  readonly catalogItemCode: string;
  readonly normativeDocument: boolean;
}

export interface ResolvedReviewChain {
  readonly stages: ReviewStage[];
  readonly policyId: string | null;
}

/** The chain an item goes through, read alone or inside the submission's transaction: the most specific policy wins. */
export async function resolveReviewChainWith(sql: SqlRunner, request: ReviewChainRequest): Promise<ResolvedReviewChain> {
  const rows: { id: string; stages: string[] }[] = await sql.query(
    `SELECT id::text, stages FROM review_chain_policies
      WHERE (department_code = $1 OR department_code IS NULL) AND (catalog_item_code = $2 OR catalog_item_code IS NULL)
      ORDER BY (department_code IS NOT NULL AND catalog_item_code IS NOT NULL) DESC, (catalog_item_code IS NOT NULL) DESC, (department_code IS NOT NULL) DESC
      LIMIT 1`,
    [request.departmentCode, request.catalogItemCode],
  );
  const policy = rows[0];
  // A stored policy was validated when it was saved; an invalid one (edited by hand) falls back to the default.
  const configured = policy && reviewChainProblems(policy.stages).length === 0 ? (policy.stages as ReviewStage[]) : undefined;
  return { stages: reviewChainFor(configured, request.normativeDocument), policyId: configured ? policy.id : null };
}

/** Review-chain configuration, read when an item is submitted. */
export function createReviewActivities(dataSource: DataSource) {
  return {
    async resolveReviewChain(request: ReviewChainRequest): Promise<ResolvedReviewChain> {
      return resolveReviewChainWith(dataSource, request);
    },
  };
}
