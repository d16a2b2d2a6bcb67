import type { DataSource, EntityManager } from 'typeorm';
import { diffCatalogVersions, type CatalogDiff, type CatalogItem, type DisclosureCategory, type TimeLimitRule } from '@zwgk/domain';
import { insertCatalogItems } from './catalog-import';

interface CatalogItemRow {
  code: string;
  area: string;
  level1: string;
  level2: string;
  level3: string | null;
  content: string;
  basis: string;
  time_limit_text: string;
  time_limit_rule: TimeLimitRule;
  time_limit_notes: string[] | null;
  subject: string;
  department_codes: string[];
  channels: string[];
  audience: CatalogItem['audience'];
  mode: CatalogItem['mode'];
  levels: CatalogItem['levels'];
  category: string | null;
  needs_interpretation: boolean;
}

/** Every row of a catalog version as domain catalog items, by code. */
export async function readCatalogVersionItems(manager: Pick<EntityManager, 'query'>, versionId: string): Promise<CatalogItem[]> {
  const rows: CatalogItemRow[] = await manager.query(`SELECT * FROM catalog_items WHERE version_id = $1 ORDER BY code`, [versionId]);
  return rows.map((row) => ({
    code: row.code,
    area: row.area,
    level1: row.level1,
    level2: row.level2,
    ...(row.level3 ? { level3: row.level3 } : {}),
    content: row.content,
    basis: row.basis,
    timeLimit: { text: row.time_limit_text, rule: row.time_limit_rule, ...(row.time_limit_notes?.length ? { notes: row.time_limit_notes } : {}) },
    subject: row.subject,
    departmentCodes: row.department_codes,
    channels: row.channels,
    audience: row.audience,
    mode: row.mode,
    levels: row.levels,
    ...(row.category ? { category: row.category as DisclosureCategory } : {}),
    needsInterpretation: row.needs_interpretation,
  }));
}

/** One accepted change of a compilation round, already read into a catalog item (not for a removal). */
export interface CompiledRowChange {
  readonly action: 'add' | 'change' | 'remove';
  readonly code: string;
  readonly item?: CatalogItem;
}

/**
 * Writes a round's result as a new draft version: the base version's rows with the accepted changes
 * applied, and returns its diff against the base. Safe to run twice: a version that already exists is
 * read back and diffed again, not written again.
 */
export async function createCompiledVersion(
  dataSource: DataSource,
  request: { versionId: string; baseVersionId: string; label: string; createdBy: string; changes: readonly CompiledRowChange[] },
): Promise<CatalogDiff> {
  return dataSource.transaction(async (manager) => {
    const base = await readCatalogVersionItems(manager, request.baseVersionId);
    const [existing] = await manager.query(`SELECT id FROM catalog_versions WHERE id = $1`, [request.versionId]);
    if (!existing) {
      const byCode = new Map(base.map((item) => [item.code, item]));
      for (const change of request.changes) {
        if (change.action === 'remove') byCode.delete(change.code);
        else if (change.item) byCode.set(change.code, change.item);
      }
      await manager.query(`INSERT INTO catalog_versions (id, label, state, created_by) VALUES ($1, $2, 'draft', $3)`, [request.versionId, request.label.slice(0, 200), request.createdBy]);
      await insertCatalogItems(manager, request.versionId, [...byCode.values()]);
    }
    return diffCatalogVersions(base, await readCatalogVersionItems(manager, request.versionId));
  });
}
