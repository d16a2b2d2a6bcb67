/**
 * A catalog row's 公开时限: the catalog's wording, the rule read back in Chinese (采购合同签订之日起2个工作日内),
 * and the event whose date an item is drafted with (apps/api/src/catalog/catalog-item.mapper.ts).
 */
export interface TimeLimitView {
  text: string;
  description?: string;
  clockStart?: { event: string; dateLabel: string };
  /** The cases the drafter chooses between (一般情形 and each 其中… exception); empty when there is one. */
  cases?: { name: string; description: string; clockStart: { event: string; dateLabel: string } }[];
  /** No limit can be computed from the rule: the drafter gives the due date and its reason. */
  manualDue?: boolean;
  /** 7个工作日: how long the released item's 公示期 runs, when the rule has one. */
  publicityPeriod?: string | null;
}

/**
 * The date field's label: the event the limit counts from (采购合同签订日期; the chosen case's, for a rule with
 * cases), else the information's forming.
 */
export function clockStartLabel(timeLimit: TimeLimitView | undefined, timeLimitCase?: string): string {
  const chosen = timeLimitCase ? timeLimit?.cases?.find((c) => c.name === timeLimitCase) : undefined;
  return chosen?.clockStart.dateLabel ?? timeLimit?.clockStart?.dateLabel ?? '信息形成（变更）日期';
}

/** A released item's 公示期 (GET /api/items/:id and /api/public/items/:id), when its rule has one. */
export interface PublicityPeriodView {
  startsAt: string;
  endsAt: string;
  ended: boolean;
}

/** The catalog's wording, and how the system reads it when that says more (实时公开，最迟…: which limit binds). */
export function timeLimitLine(timeLimit: TimeLimitView | undefined): string {
  if (!timeLimit) return '';
  const { text, description } = timeLimit;
  return description && description !== text ? `${text}（系统理解：${description}）` : text;
}

/** GET /api/items/:id, as apps/api/src/items/items.service.ts answers it (the fields the screens use). */
export interface CatalogItemView {
  code: string;
  name?: string;
  area?: string;
  content?: string;
  basis?: string;
  subject?: string;
  mode?: string;
  timeLimit?: TimeLimitView;
  channels?: string[];
  needsInterpretation?: boolean;
}

export interface ItemDetail {
  id: string;
  title: string;
  body: string;
  state: string;
  revision: number;
  departmentCode: string;
  drafter: string;
  formedAt: string;
  channels: string[];
  catalogItem: CatalogItemView;
  releaseDueAt: string | null;
  releasedAt: string | null;
  interpretation: string | null;
  overdue: boolean;
  publicityPeriod?: PublicityPeriodView | null;
  deadlines: { kind: string; label: string; dueAt: string; why: string | null; met: boolean | null; overdue: boolean; provisional: boolean }[];
  tasks: { id: string; stage: string; stageLabel: string; state: string; decision: string | null; comment: string | null; decidedBy: string | null; dueAt: string; completedAt: string | null; overdue: boolean }[];
  timeline: { at: string; action: string; actor: string; actorName: string; reason: string | null; decision?: string; detail?: Record<string, unknown> }[];
  publications: {
    channel: string;
    kind: string;
    status: string;
    action: string;
    revision: number;
    at: string;
    reference: string | null;
    /** A person's confirmation of a manual channel's posting or taking down. */
    confirmation?: { action: 'posted' | 'taken-down'; by: string; byName: string; at: string; note: string; photoAttachmentId?: string } | null;
  }[];
  attachments: AttachmentView[];
}

/** A file attached to an item (GET /api/items/:id/attachments, apps/api/src/attachments/attachment.views.ts). */
export interface AttachmentView {
  id: string;
  itemId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  removedAt: string | null;
  downloadPath: string;
}

/** GET /api/attachments/limits: what the upload form checks before sending. */
export interface AttachmentLimits {
  maxFileBytes: number;
  maxFilesPerItem: number;
  /** `spreadsheet`: named apart ("PDF、PNG、JPEG 文件或 XLSX、CSV 表格"). */
  types: { mediaType: string; label: string; extensions: string[]; spreadsheet?: boolean }[];
}

/** One row of GET /api/items (my items, or the department's). */
export interface MyItemView {
  id: string;
  title: string;
  state: string;
  revision: number;
  drafter: string;
  updatedAt: string;
  nextDeadline: { kind: 'task' | 'release'; label: string; dueAt: string } | null;
  overdue: boolean;
  dueSoon: boolean;
  returnComment: string | null;
  attachmentCount: number;
}

export interface RevisionListView {
  currentRevision: number;
  items: { revision: number; title: string; recordedAt: string; changedFields: string[] }[];
}

export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

/** GET /api/items/:id/revisions/:from/diff/:to */
export interface RevisionDiffView {
  from: { revision: number; recordedAt: string };
  to: { revision: number; recordedAt: string };
  changed: boolean;
  fields: { field: string; label: string; changed: boolean; parts?: DiffPart[] }[];
}

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
