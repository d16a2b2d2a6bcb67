import type { DataSource } from 'typeorm';
import { reviewChainFor, reviewChainProblems, type ReviewStage } from '@zwgk/domain';

/** Review-chain configuration, read when an item is submitted: the most specific policy wins. */
export function createReviewActivities(dataSource: DataSource) {
  return {
    async resolveReviewChain(request: { departmentCode: string; catalogItemCode: string; normativeDocument: boolean }): Promise<{ stages: ReviewStage[]; policyId: string | null }> {
      const rows: { id: string; stages: string[] }[] = await dataSource.query(
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
    },
  };
}
