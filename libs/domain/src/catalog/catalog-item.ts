import type { TimeLimit } from './time-limit-rule';

/** 五公开: decision, execution, management, service, result disclosure. */
export type DisclosureCategory = 'decision' | 'execution' | 'management' | 'service' | 'result';

/** One row of the standard catalog (标准目录): a type of disclosure item and its obligations. */
export interface CatalogItem {
  readonly code: string;
  /** 领域, taken from the catalog's title row. */
  readonly area: string;
  readonly level1: string; // 一级事项
  readonly level2: string; // 二级事项
  readonly level3?: string; // 三级事项
  readonly content: string; // 公开内容（要素）
  readonly basis: string; // 公开依据
  readonly timeLimit: TimeLimit; // 公开时限
  readonly subject: string; // 公开主体
  /** The county's units responsible for the row (责任部门): only they draft items under it. */
  readonly departmentCodes?: readonly string[];
  readonly channels: readonly string[]; // 公开渠道和载体 (chosen ones)
  readonly audience: 'public' | 'specific-group' | 'both'; // 公开对象
  readonly mode: 'proactive' | 'on-application' | 'both'; // 公开方式
  readonly levels: readonly ('county' | 'township')[]; // 公开层级
  readonly category?: DisclosureCategory;
  /** A policy document that needs an interpretation (政策解读). */
  readonly needsInterpretation: boolean;
  /** Where the row came from, for reports and for admins fixing a manual rule. */
  readonly source?: { readonly file: string; readonly row: number };
}

/** The item's name as the public sees it: the most specific 事项. */
export function catalogItemName(item: Pick<CatalogItem, 'level1' | 'level2' | 'level3'>): string {
  return [item.level1, item.level2, item.level3].filter(Boolean).join(' / ');
}

const MODE_LABEL = { proactive: '主动公开', 'on-application': '依申请公开', both: '主动公开、依申请公开' } as const;

export function disclosureModeLabel(mode: CatalogItem['mode']): string {
  return MODE_LABEL[mode];
}

/** The government website (政府网站): the first and mandatory channel. */
export const GOVERNMENT_WEBSITE_CHANNEL = '政府网站';
