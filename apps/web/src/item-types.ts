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
  timeline: { at: string; action: string; actor: string; actorName: string; reason: string | null; decision?: string }[];
  publications: { channel: string; kind: string; status: string; action: string; revision: number; at: string; reference: string | null }[];
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
