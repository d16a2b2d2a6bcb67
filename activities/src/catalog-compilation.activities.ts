import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { activateCatalogVersion, CatalogOperationError, createCompiledVersion, type CompiledRowChange } from '@zwgk/db';
import { parseTimeLimit, type CatalogItem } from '@zwgk/domain';
import type { CatalogCompilationInput, CatalogCompilationView, CatalogRowProposal } from '@zwgk/contracts';

/** A proposed row read into a catalog item, its 公开时限 parsed as an import parses it. */
function toCatalogItem(proposal: CatalogRowProposal): CatalogItem | undefined {
  const row = proposal.row;
  if (!row) return undefined;
  return {
    code: proposal.code,
    area: row.area,
    level1: row.level1,
    level2: row.level2,
    ...(row.level3 ? { level3: row.level3 } : {}),
    content: row.content,
    basis: row.basis,
    timeLimit: parseTimeLimit(row.timeLimitText),
    subject: row.subject,
    departmentCodes: [...row.departmentCodes],
    channels: [...row.channels],
    audience: row.audience,
    mode: row.mode,
    levels: [...row.levels],
    category: row.category,
    needsInterpretation: row.needsInterpretation ?? false,
  };
}

/**
 * IO of the catalog compilation workflow: the round's projection (an upsert of its whole view, so a retry
 * or a later step simply writes the newer view), the compiled version, and its activation.
 */
export function createCatalogCompilationActivities(dataSource: DataSource) {
  return {
    /** Writes the round and each department's proposal as the workflow sees them now. */
    async projectCompilationRound(request: { input: CatalogCompilationInput; workflowId: string; openedAt: string; view: CatalogCompilationView }): Promise<void> {
      const { input, view } = request;
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO catalog_compilation_rounds (id, workflow_id, kind, year, areas, department_codes, due_at, legal_review, base_version_id,
             office_department_code, opened_by, opened_at, state, overdue, result_version_id, diff, last_return, updated_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17, now())
           ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, overdue = EXCLUDED.overdue, result_version_id = EXCLUDED.result_version_id,
             diff = EXCLUDED.diff, last_return = EXCLUDED.last_return, updated_at = now()`,
          [
            input.roundId, request.workflowId, input.kind, input.year, input.areas, input.departmentCodes, input.dueAt, input.legalReview,
            input.baseVersionId, input.officeDepartmentCode, input.openedBy.username, request.openedAt, view.state, view.overdue,
            view.resultVersionId ?? null, view.diff ? JSON.stringify(view.diff) : null, view.lastReturn ? JSON.stringify(view.lastReturn) : null,
          ],
        );
        for (const proposal of view.proposals) {
          await manager.query(
            `INSERT INTO catalog_compilation_proposals (round_id, department_code, state, revision, rows, reviews, overdue, updated_at)
             VALUES ($1,$2,$3,$4,$5,$6,$7, now())
             ON CONFLICT (round_id, department_code) DO UPDATE SET state = EXCLUDED.state, revision = EXCLUDED.revision, rows = EXCLUDED.rows,
               reviews = EXCLUDED.reviews, overdue = EXCLUDED.overdue, updated_at = now()`,
            [input.roundId, proposal.departmentCode, proposal.state, proposal.revision, JSON.stringify(proposal.rows), JSON.stringify(proposal.reviews), proposal.overdue],
          );
        }
      });
    },

    /** The approved round as a new draft catalog version, and its diff against the base version (codes only). */
    async compileCatalogVersion(request: { versionId: string; baseVersionId: string; label: string; createdBy: string; rows: readonly CatalogRowProposal[] }) {
      const changes: CompiledRowChange[] = request.rows.map((row) => ({ action: row.action, code: row.code, ...(toCatalogItem(row) ? { item: toCatalogItem(row) } : {}) }));
      const diff = await createCompiledVersion(dataSource, { versionId: request.versionId, baseVersionId: request.baseVersionId, label: request.label, createdBy: request.createdBy, changes });
      return { added: diff.added.map((item) => item.code), removed: diff.removed.map((item) => item.code), changed: diff.changed.map((entry) => entry.code) };
    },

    /**
     * Activates the compiled version (audited by the catalog code, once per version). A retry after it took
     * effect finds it active and succeeds; any other refusal will not change by retrying.
     */
    async activateCompiledVersion(request: { versionId: string; username: string; role: string; requestId?: string }): Promise<{ supersededVersionId: string | null }> {
      try {
        const activated = await activateCatalogVersion(dataSource, request.versionId, { username: request.username, role: request.role, requestId: request.requestId, via: 'workflow' });
        return { supersededVersionId: activated.supersededVersionId };
      } catch (error) {
        if (!(error instanceof CatalogOperationError)) throw error;
        const [version]: { state: string }[] = await dataSource.query(`SELECT state FROM catalog_versions WHERE id = $1`, [request.versionId]);
        if (version?.state === 'active') return { supersededVersionId: null };
        throw ApplicationFailure.nonRetryable(error.message, 'InvalidData');
      }
    },
  };
}
