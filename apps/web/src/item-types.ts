import type { components } from './openapi/schema';

/**
 * The item API's answers, as the API documents them (generated into openapi/schema.d.ts from the OpenAPI
 * document; apps/api/src/items/item.views.ts describes them), under the names the screens use.
 */
type Schemas = components['schemas'];
/** GET /api/items/:id: the item with its catalog row, deadlines, tasks, timeline, attachments and ledger. */
export type ItemDetail = Schemas['ItemDetailView'];
/** The item's catalog row (only `code` when the row is gone); the catalog API's rows have the same shape. */
export type CatalogItemView = Schemas['ItemCatalogRowView'];
/** A catalog row's 公开时限: the catalog's wording, the rule read back in Chinese, and the event it counts from. */
export type TimeLimitView = Schemas['TimeLimitView'];
/** A released item's 公示期 (GET /api/items/:id and /api/public/items/:id), when its rule has one. */
export type PublicityPeriodView = Schemas['PublicityPeriodView'];
/** A file attached to an item (GET /api/items/:id and /api/items/:id/attachments). */
export type AttachmentView = Schemas['ItemAttachmentView'];
/** One row of GET /api/items (my items, or the department's). */
export type MyItemView = Schemas['MyItemView'];

/**
 * The date field's label: the event the limit counts from (采购合同签订日期; the chosen case's, for a rule with
 * cases), else the information's forming.
 */
export function clockStartLabel(timeLimit: TimeLimitView | undefined, timeLimitCase?: string): string {
  const chosen = timeLimitCase ? timeLimit?.cases?.find((c) => c.name === timeLimitCase) : undefined;
  return chosen?.clockStart.dateLabel ?? timeLimit?.clockStart?.dateLabel ?? '信息形成（变更）日期';
}

/** The catalog's wording, and how the system reads it when that says more (实时公开，最迟…: which limit binds). */
export function timeLimitLine(timeLimit: TimeLimitView | undefined): string {
  if (!timeLimit) return '';
  const { text, description } = timeLimit;
  return description && description !== text ? `${text}（系统理解：${description}）` : text;
}

/** GET /api/attachments/limits: what the upload form checks before sending (`spreadsheet`: named apart, "PDF、PNG、JPEG 文件或 XLSX、CSV 表格"). */
export type AttachmentLimits = Schemas['AttachmentLimitsView'];

// The labels of libs/domain's MODE_LABEL (the portal gets them from the API already).
const MODE_LABELS: Record<string, string> = { proactive: '主动公开', 'on-application': '依申请公开', both: '主动公开、依申请公开' };

/** The six elements of the item's catalog row, spelled like the public portal's. */
export function elementsOf(item: CatalogItemView) {
  return {
    name: item.name ?? item.code,
    basis: item.basis ?? '',
    content: item.content ?? '',
    subject: item.subject ?? '',
    timeLimit: timeLimitLine(item.timeLimit),
    mode: item.mode ? (MODE_LABELS[item.mode] ?? item.mode) : '',
  };
}
