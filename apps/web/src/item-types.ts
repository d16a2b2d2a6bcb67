/** GET /api/items/:id, as apps/api/src/items/items.service.ts answers it (the fields the screens use). */
export interface CatalogItemView {
  code: string;
  name?: string;
  area?: string;
  content?: string;
  basis?: string;
  subject?: string;
  mode?: string;
  timeLimit?: { text: string };
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
  deadlines: { kind: string; label: string; dueAt: string; why: string | null; met: boolean | null; overdue: boolean; provisional: boolean }[];
  tasks: { id: string; stage: string; stageLabel: string; state: string; decision: string | null; comment: string | null; decidedBy: string | null; dueAt: string; completedAt: string | null; overdue: boolean }[];
  timeline: { at: string; action: string; actor: string; actorName: string; reason: string | null; decision?: string; detail?: Record<string, unknown> }[];
  publications: { channel: string; kind: string; status: string; action: string; revision: number; at: string; reference: string | null }[];
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
  types: { mediaType: string; label: string; extensions: string[] }[];
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
    timeLimit: item.timeLimit?.text ?? '',
    mode: item.mode ? (MODE_LABELS[item.mode] ?? item.mode) : '',
  };
}
