import type { DisclosureCategory } from '@zwgk/domain';

/** A catalog row without a 五公开 category is browsed as 未分类. */
export const UNCATEGORIZED = 'uncategorized';
export type PortalCategory = DisclosureCategory | typeof UNCATEGORIZED;

/** 五公开 in the order the regulations list them, then 未分类. */
export const PORTAL_CATEGORY_LABELS: Readonly<Record<PortalCategory, string>> = {
  decision: '决策公开',
  execution: '执行公开',
  management: '管理公开',
  service: '服务公开',
  result: '结果公开',
  uncategorized: '未分类',
};

export const PORTAL_CATEGORIES = Object.keys(PORTAL_CATEGORY_LABELS) as PortalCategory[];

export function portalCategoryOf(category: string | null): PortalCategory {
  return category && category in PORTAL_CATEGORY_LABELS ? (category as PortalCategory) : UNCATEGORIZED;
}
