import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  departmentsNamedBy,
  MalformedCatalogError,
  type NamedDepartment,
  type CatalogItem,
  type CatalogWarning,
  type DisclosureCategory,
  type TimeLimitRule,
} from '@zwgk/domain';
import { CatalogItemEntity, CatalogVersionEntity, UserEntity } from '../entities';
import { readCatalogFile, type CatalogFile } from './catalog-file';
import { writeAuditEvent } from '../audit/audit-writer';

/**
 * Why a catalog operation was refused; the API maps `kind` to 400/404/409. Who may run these operations is
 * the caller's decision (the API service, the CLI), taken before it calls here.
 */
export class CatalogOperationError extends Error {
  constructor(readonly kind: 'invalid' | 'not-found' | 'conflict', message: string, readonly field?: string) {
    super(message);
    this.name = 'CatalogOperationError';
  }
}

/** One catalog sheet of an imported file: its worksheet (for a workbook of several), area and counts. */
export interface CatalogSheetSummary {
  readonly sheet?: string;
  readonly area: string;
  readonly itemCount: number;
  readonly warningCount: number;
}

/**
 * One imported file. `area` lists the areas of its sheets (义务教育、社会救助), `sheets` counts each one,
 * and `skippedSheets` names the worksheets that hold no catalog, so none is dropped unseen.
 */
export interface CatalogFileSummary {
  readonly name: string;
  readonly area: string;
  readonly itemCount: number;
  readonly warningCount: number;
  readonly sheets: readonly CatalogSheetSummary[];
  readonly skippedSheets: readonly { readonly sheet: string; readonly reason: string }[];
}

export interface CatalogImportReport {
  readonly importId: string;
  readonly versionId: string;
  readonly itemCount: number;
  readonly files: readonly CatalogFileSummary[];
  readonly warnings: readonly CatalogWarning[];
  /** Items whose 公开时限 the parser could not read: an admin must set their rule before relying on them. */
  readonly manualRules: readonly { code: string; text: string; file?: string; row?: number }[];
}

export type CatalogImportProgress =
  | { readonly step: 'reading'; readonly file: string; readonly index: number; readonly total: number }
  | { readonly step: 'read'; readonly file: string; readonly items: number; readonly warnings: number; readonly sheets: number; readonly skippedSheets: readonly string[] }
  | { readonly step: 'storing'; readonly items: number };

/** Who does it, for the audit trail: an active user, whom the caller has checked may manage the catalog. */
export interface CatalogOperator {
  readonly username: string;
  readonly requestId?: string;
  readonly via?: 'api' | 'cli' | 'workflow';
  /** The role they act in, for the audit trail: admin unless a compilation round's office activates. */
  readonly role?: string;
}

/** The operator's user row, for the department the audit trail records. */
async function loadOperator(manager: EntityManager, operator: CatalogOperator): Promise<UserEntity> {
  const user = await manager.getRepository(UserEntity).findOneBy({ username: operator.username });
  if (!user || !user.active) throw new CatalogOperationError('invalid', `unknown user "${operator.username}"`, 'username');
  return user;
}

async function audit(manager: EntityManager, operator: CatalogOperator, user: UserEntity, eventKey: string, action: string, detail: Record<string, unknown>) {
  await writeAuditEvent(manager, {
    eventKey, actor: operator.username, actorRole: operator.role ?? 'admin', departmentCode: user.departmentCode, action,
    detail: { ...detail, via: operator.via ?? 'api' }, requestId: operator.requestId,
  });
}

export async function insertCatalogItems(manager: EntityManager, versionId: string, items: readonly CatalogItem[]): Promise<void> {
  for (const item of items) {
    await manager.query(
      `INSERT INTO catalog_items (version_id, code, area, level1, level2, level3, content, basis, time_limit_text,
         time_limit_rule, time_limit_notes, subject, channels, audience, mode, levels, category, needs_interpretation,
         source_file, source_row, department_codes)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)`,
      [
        versionId, item.code, item.area, item.level1, item.level2, item.level3 ?? null, item.content, item.basis,
        item.timeLimit.text, JSON.stringify(item.timeLimit.rule), item.timeLimit.notes ?? [], item.subject, item.channels,
        item.audience, item.mode, item.levels, item.category ?? null, item.needsInterpretation, item.source?.file ?? null,
        item.source?.row ?? null, item.departmentCodes ?? [],
      ],
    );
  }
}

/**
 * Imports published catalogs as one new draft version. All files, and every worksheet of a workbook, are
 * read and checked before anything is written, and the write is one transaction: a bad file or sheet,
 * or an item code that appears twice, stores nothing at all.
 */
export async function importCatalogFiles(
  dataSource: DataSource,
  files: readonly CatalogFile[],
  operator: CatalogOperator,
  options: { label?: string; onProgress?: (progress: CatalogImportProgress) => void } = {},
): Promise<CatalogImportReport> {
  if (files.length === 0) throw new CatalogOperationError('invalid', 'no file was given: upload one or more .xlsx or .csv catalogs', 'files');
  await loadOperator(dataSource.manager, operator);
  const items: CatalogItem[] = [];
  const warnings: CatalogWarning[] = [];
  const fileSummaries: CatalogFileSummary[] = [];
  const firstSeen = new Map<string, { file: string; row?: number }>();
  for (const [index, file] of files.entries()) {
    options.onProgress?.({ step: 'reading', file: file.name, index: index + 1, total: files.length });
    const read = await readCatalogFile(file);
    const sheets: CatalogSheetSummary[] = [];
    for (const sheet of read.sheets) {
      for (const item of sheet.items) {
        const source = item.source?.file ?? file.name;
        const earlier = firstSeen.get(item.code);
        if (earlier) {
          throw new MalformedCatalogError(
            source,
            `第 ${item.source?.row} 行：事项编码 ${item.code} 与 ${earlier.file} 第 ${earlier.row} 行重复；同一领域内的“序号”不能重复`,
          );
        }
        firstSeen.set(item.code, { file: source, row: item.source?.row });
      }
      items.push(...sheet.items);
      warnings.push(...sheet.warnings);
      sheets.push({ ...(sheet.sheet !== undefined ? { sheet: sheet.sheet } : {}), area: sheet.area, itemCount: sheet.items.length, warningCount: sheet.warnings.length });
    }
    const itemCount = sheets.reduce((sum, sheet) => sum + sheet.itemCount, 0);
    const warningCount = sheets.reduce((sum, sheet) => sum + sheet.warningCount, 0);
    const areas = [...new Set(sheets.map((sheet) => sheet.area))].join('、');
    fileSummaries.push({ name: file.name, area: areas, itemCount, warningCount, sheets, skippedSheets: read.skippedSheets });
    options.onProgress?.({ step: 'read', file: file.name, items: itemCount, warnings: warningCount, sheets: sheets.length, skippedSheets: read.skippedSheets.map((skipped) => skipped.sheet) });
  }
  const versionId = randomUUID();
  const importId = randomUUID();
  options.onProgress?.({ step: 'storing', items: items.length });
  await dataSource.transaction(async (manager) => {
    const user = await loadOperator(manager, operator);
    const label = options.label ?? `导入：${fileSummaries.map((f) => f.area).join('、')}`;
    await manager.query(`INSERT INTO catalog_versions (id, label, state, created_by) VALUES ($1, $2, 'draft', $3)`, [versionId, label.slice(0, 200), operator.username]);
    const departments: NamedDepartment[] = await manager.query(`SELECT code, name, active FROM departments ORDER BY code`);
    await insertCatalogItems(manager, versionId, items.map((item) => (item.departmentCodes ? item : { ...item, departmentCodes: departmentsNamedBy(item.subject, departments) })));
    await manager.query(
      `INSERT INTO catalog_imports (id, version_id, imported_by, files, item_count, warnings) VALUES ($1, $2, $3, $4, $5, $6)`,
      [importId, versionId, operator.username, JSON.stringify(fileSummaries), items.length, JSON.stringify(warnings)],
    );
    await audit(manager, operator, user, `catalog-import:${importId}`, 'catalog.imported', { versionId, importId, files: fileSummaries, itemCount: items.length, warningCount: warnings.length });
  });
  return {
    importId,
    versionId,
    itemCount: items.length,
    files: fileSummaries,
    warnings,
    manualRules: items.filter((item) => item.timeLimit.rule.kind === 'manual').map((item) => ({ code: item.code, text: item.timeLimit.text, file: item.source?.file, row: item.source?.row })),
  };
}

/** Makes a draft version the active one; the previous active version becomes superseded. */
export async function activateCatalogVersion(dataSource: DataSource, versionId: string, operator: CatalogOperator): Promise<{ versionId: string; supersededVersionId: string | null }> {
  return dataSource.transaction(async (manager) => {
    const user = await loadOperator(manager, operator);
    const [version]: { id: string; state: string }[] = await manager.query(`SELECT id, state FROM catalog_versions WHERE id = $1 FOR UPDATE`, [versionId]);
    if (!version) throw new CatalogOperationError('not-found', `catalog version ${versionId} does not exist`);
    if (version.state !== 'draft') throw new CatalogOperationError('conflict', `catalog version ${versionId} is ${version.state}; only a draft can be activated`);
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [superseded]: [{ id: string }[], number] = await manager.query(`UPDATE catalog_versions SET state = 'superseded' WHERE state = 'active' RETURNING id`);
    await manager.query(`UPDATE catalog_versions SET state = 'active', activated_at = now(), activated_by = $2 WHERE id = $1`, [versionId, operator.username]);
    const supersededVersionId = superseded[0]?.id ?? null;
    await audit(manager, operator, user, `catalog-activate:${versionId}`, 'catalog.activated', { versionId, supersededVersionId });
    return { versionId, supersededVersionId };
  });
}

/** The admin's corrections to an imported item: a hand-set rule, the 五公开 category, the interpretation flag. */
export interface CatalogItemPatch {
  readonly timeLimitRule?: TimeLimitRule;
  readonly category?: DisclosureCategory | null;
  readonly needsInterpretation?: boolean;
  /** The responsible units (责任部门), each an active department of the organisation. */
  readonly departmentCodes?: readonly string[];
}

/** Edits an item of a draft version (an active version changes only by importing and activating a new one). */
export async function updateCatalogItem(dataSource: DataSource, versionId: string, code: string, patch: CatalogItemPatch, operator: CatalogOperator): Promise<CatalogItemEntity> {
  return dataSource.transaction(async (manager) => {
    const user = await loadOperator(manager, operator);
    const version = await manager.getRepository(CatalogVersionEntity).findOne({ where: { id: versionId }, lock: { mode: 'pessimistic_write' } });
    if (!version) throw new CatalogOperationError('not-found', `catalog version ${versionId} does not exist`);
    if (version.state !== 'draft') throw new CatalogOperationError('conflict', `catalog version ${versionId} is ${version.state}; only a draft version can be edited`);
    const repository = manager.getRepository(CatalogItemEntity);
    const item = await repository.findOneBy({ versionId, code });
    if (!item) throw new CatalogOperationError('not-found', `catalog version ${versionId} has no item ${code}`);
    if (patch.departmentCodes !== undefined) {
      const known: { code: string }[] = await manager.query(`SELECT code FROM departments WHERE active AND code = ANY($1)`, [patch.departmentCodes]);
      const unknown = patch.departmentCodes.filter((code) => !known.some((row) => row.code === code));
      if (unknown.length) throw new CatalogOperationError('invalid', `不是在用的单位：${unknown.join('、')}`, 'departmentCodes');
    }
    const before = { timeLimitRule: item.timeLimitRule, category: item.category, needsInterpretation: item.needsInterpretation, departmentCodes: item.departmentCodes };
    if (patch.timeLimitRule !== undefined) item.timeLimitRule = patch.timeLimitRule;
    if (patch.category !== undefined) item.category = patch.category;
    if (patch.needsInterpretation !== undefined) item.needsInterpretation = patch.needsInterpretation;
    if (patch.departmentCodes !== undefined) item.departmentCodes = [...new Set(patch.departmentCodes)];
    await repository.save(item);
    await audit(manager, operator, user, `catalog-item-edit:${versionId}:${code}:${randomUUID()}`, 'catalog.item-edited', { versionId, code, before, after: patch });
    return item;
  });
}
