import { findingKindLabel, findingPlace } from '@zwgk/domain';
import type { StoredFinding } from '@zwgk/db';

const STATUS_LABELS = { open: '待处理', masked: '已脱敏', justified: '已说明公开依据' } as const;

/** A finding as the drafter and the reviewer see it: where, what, the masked preview; never the value. */
export function toFindingView(finding: StoredFinding) {
  return {
    id: finding.id,
    kind: finding.kind,
    kindLabel: findingKindLabel(finding.kind),
    field: finding.field,
    place: findingPlace(finding),
    attachmentId: finding.attachmentId,
    fileName: finding.fileName,
    page: finding.page,
    pageName: finding.pageName,
    start: finding.start,
    end: finding.end,
    maskedPreview: finding.maskedPreview,
    status: finding.status,
    statusLabel: STATUS_LABELS[finding.status],
    /** A text finding the drafter can mask in one step; an attachment's is fixed in the file and uploaded again. */
    maskable: finding.field !== 'attachment' && finding.status === 'open',
    justification: finding.justification,
    justifiedBy: finding.justifiedBy,
    justifiedAt: finding.justifiedAt,
  };
}
