import type { components } from '../../openapi/schema';

type Schemas = components['schemas'];

/** The catalog API's answers, as the API documents them (catalog.views.ts). */
export type VersionState = Schemas['CatalogVersionSummaryView']['state'];
export type CatalogVersionSummary = Schemas['CatalogVersionSummaryView'];
export type ImportWarning = Schemas['CatalogImportWarningView'];
export type ManualRule = Schemas['CatalogManualRuleView'];
export type ImportedFile = Schemas['CatalogImportedFileView'];
export type CatalogRowDetail = Schemas['CatalogItemView'];
export type CatalogVersionDetail = Schemas['CatalogVersionDetailView'];

export const VERSION_STATE_LABELS: Record<VersionState, string> = { draft: '草稿', active: '现行', superseded: '已停用' };
export const VERSION_STATE_THEMES: Record<VersionState, 'warning' | 'success' | 'default'> = { draft: 'warning', active: 'success', superseded: 'default' };

export const catalogKeys = {
  all: ['catalog'] as const,
  versions: ['catalog', 'versions'] as const,
  version: (id: string) => ['catalog', 'version', id] as const,
  diff: (from: string, to: string) => ['catalog', 'diff', from, to] as const,
};
