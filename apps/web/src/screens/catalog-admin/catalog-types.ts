/** The catalog API's answers, as the administration screens read them. */

export type VersionState = 'draft' | 'active' | 'superseded';

export interface CatalogVersionSummary {
  id: string;
  label: string | null;
  state: VersionState;
  createdAt: string;
  createdBy: string;
  activatedAt: string | null;
  activatedBy: string | null;
}

export interface ImportWarning {
  file: string;
  row: number;
  column?: string;
  message: string;
}

export interface ManualRule {
  code: string;
  text: string;
  file?: string;
  row?: number;
}

export interface ImportedFile {
  name: string;
  area: string;
  itemCount: number;
  warningCount: number;
  sheets: { sheet?: string; area: string; itemCount: number; warningCount: number }[];
  skippedSheets: { sheet: string; reason: string }[];
}

export interface ImportReport {
  importId: string;
  versionId: string;
  itemCount: number;
  files: ImportedFile[];
  warnings: ImportWarning[];
  manualRules: ManualRule[];
}

export interface CatalogRowDetail {
  code: string;
  name: string;
  area: string;
  timeLimit: { text: string; rule: { kind: string }; description: string };
  departmentCodes: string[];
  category: string | null;
}

export interface CatalogVersionDetail extends CatalogVersionSummary {
  manualRules: ManualRule[];
  importReport: { importId: string; importedBy: string; importedAt: string; files: ImportedFile[]; itemCount: number; warnings: ImportWarning[] } | null;
  items: CatalogRowDetail[];
}

/** A row as the diff carries it (the domain's catalog item). */
export interface DiffRow {
  code: string;
  area: string;
  level1: string;
  level2: string;
  level3?: string;
  timeLimit: { text: string };
}

export interface CatalogDiff {
  from: string;
  to: string;
  added: DiffRow[];
  removed: DiffRow[];
  changed: { code: string; changes: { field: string; from: unknown; to: unknown }[] }[];
}

export const VERSION_STATE_LABELS: Record<VersionState, string> = { draft: '草稿', active: '现行', superseded: '已停用' };
export const VERSION_STATE_THEMES: Record<VersionState, 'warning' | 'success' | 'default'> = { draft: 'warning', active: 'success', superseded: 'default' };

export const catalogKeys = {
  all: ['catalog'] as const,
  versions: ['catalog', 'versions'] as const,
  version: (id: string) => ['catalog', 'version', id] as const,
  diff: (from: string, to: string) => ['catalog', 'diff', from, to] as const,
};
