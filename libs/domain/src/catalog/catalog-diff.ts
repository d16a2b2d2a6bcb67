import type { CatalogItem } from './catalog-item';

/** One field that differs between two versions of the same catalog item. */
export interface CatalogFieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface CatalogDiff {
  readonly added: readonly CatalogItem[];
  readonly removed: readonly CatalogItem[];
  readonly changed: readonly { readonly code: string; readonly changes: readonly CatalogFieldChange[] }[];
}

const COMPARED_FIELDS = [
  'area', 'level1', 'level2', 'level3', 'content', 'basis', 'timeLimit', 'subject', 'departmentCodes', 'channels', 'audience', 'mode', 'levels', 'category', 'needsInterpretation',
] as const satisfies readonly (keyof CatalogItem)[];

/** Stable JSON: object keys sorted, so two equal rules compare equal whatever order they were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A row read without responsible departments has none: [] and absent compare equal. */
function comparable(item: CatalogItem, field: (typeof COMPARED_FIELDS)[number]): unknown {
  return field === 'departmentCodes' ? item.departmentCodes ?? [] : item[field];
}

/** What changed from version `from` to version `to` (动态调整), item by item and field by field. */
export function diffCatalogVersions(from: readonly CatalogItem[], to: readonly CatalogItem[]): CatalogDiff {
  const before = new Map(from.map((item) => [item.code, item]));
  const after = new Map(to.map((item) => [item.code, item]));
  const added = to.filter((item) => !before.has(item.code));
  const removed = from.filter((item) => !after.has(item.code));
  const changed = to
    .filter((item) => before.has(item.code))
    .map((item) => {
      const old = before.get(item.code)!;
      const changes = COMPARED_FIELDS.filter((field) => canonical(comparable(old, field)) !== canonical(comparable(item, field))).map((field) => ({ field, from: comparable(old, field) ?? null, to: comparable(item, field) ?? null }));
      return { code: item.code, changes };
    })
    .filter((entry) => entry.changes.length > 0);
  return { added, removed, changed };
}
