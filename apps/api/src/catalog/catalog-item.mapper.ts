import type { CatalogItemEntity } from '@zwgk/db';
import { catalogItemName, clockStartOf, describeTimeLimitRule, type CatalogItem, type DisclosureCategory } from '@zwgk/domain';

/** The stored row as a domain catalog item, for comparisons between versions. */
export function toCatalogItem(item: CatalogItemEntity): CatalogItem {
  return {
    code: item.code,
    area: item.area,
    level1: item.level1,
    level2: item.level2,
    ...(item.level3 ? { level3: item.level3 } : {}),
    content: item.content,
    basis: item.basis,
    timeLimit: { text: item.timeLimitText, rule: item.timeLimitRule, ...(item.timeLimitNotes?.length ? { notes: item.timeLimitNotes } : {}) },
    subject: item.subject,
    channels: item.channels,
    audience: item.audience,
    mode: item.mode,
    levels: item.levels,
    ...(item.category ? { category: item.category as DisclosureCategory } : {}),
    needsInterpretation: item.needsInterpretation,
  };
}

/** The catalog item as the HTTP contract spells it (the catalog item of docs/product.md). */
export function toCatalogItemResponse(item: CatalogItemEntity) {
  return {
    code: item.code,
    name: catalogItemName(item as { level1: string; level2: string; level3?: string }),
    area: item.area,
    level1: item.level1,
    level2: item.level2,
    ...(item.level3 ? { level3: item.level3 } : {}),
    content: item.content,
    basis: item.basis,
    timeLimit: {
      text: item.timeLimitText,
      rule: item.timeLimitRule,
      notes: item.timeLimitNotes ?? [],
      // The rule read back in Chinese, and the event whose date an item under it is drafted with.
      description: describeTimeLimitRule(item.timeLimitRule),
      clockStart: clockStartOf(item.timeLimitRule),
    },
    subject: item.subject,
    channels: item.channels,
    audience: item.audience,
    mode: item.mode,
    levels: item.levels,
    category: item.category,
    needsInterpretation: item.needsInterpretation,
  };
}
