import type { CatalogItemEntity } from '@zwgk/db';
import { catalogItemName, clockStartOf, describePublicityPeriod, describeTimeLimitRule, publicityPeriodOf, requiresManualDue, timeLimitCasesOf, type CatalogItem, type DisclosureCategory } from '@zwgk/domain';

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
    departmentCodes: item.departmentCodes ?? [],
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
      // What the drafter must choose or give at creation: one of the cases (each with its own clock start),
      // or, when no limit can be computed from the rule, the due day and its reason.
      cases: timeLimitCasesOf(item.timeLimitRule).map((c) => ({ name: c.name, description: describeTimeLimitRule(c.rule), clockStart: clockStartOf(item.timeLimitRule, c.name) })),
      manualDue: requiresManualDue(item.timeLimitRule),
      publicityPeriod: publicityPeriodOf(item.timeLimitRule) ? describePublicityPeriod(publicityPeriodOf(item.timeLimitRule)!) : null,
    },
    subject: item.subject,
    departmentCodes: item.departmentCodes ?? [],
    channels: item.channels,
    audience: item.audience,
    mode: item.mode,
    levels: item.levels,
    category: item.category,
    needsInterpretation: item.needsInterpretation,
  };
}
