import type { ConcernDeadlineView, PublicConcernView } from '@zwgk/contracts';
import type { ConcernDeadlineEntity, ConcernEntity } from '@zwgk/db';
import {
  CONCERN_CLASSIFICATION_LABELS,
  CONCERN_KIND_LABELS,
  CONCERN_MILESTONE_LABELS,
  CONCERN_STATE_LABELS,
  CONCERN_MILESTONES,
} from '@zwgk/domain';

function toDeadlineResponse(deadline: ConcernDeadlineView) {
  return {
    milestone: deadline.milestone,
    label: CONCERN_MILESTONE_LABELS[deadline.milestone],
    dueAt: deadline.dueAt,
    why: deadline.explanation,
    provisional: deadline.provisional,
    overdue: deadline.overdueAt !== undefined && deadline.metAt === undefined,
    overdueAt: deadline.overdueAt ?? null,
    metAt: deadline.metAt ?? null,
    met: deadline.metAt !== undefined ? Date.parse(deadline.metAt) <= Date.parse(deadline.dueAt) : null,
  };
}

/** A concern as staff see it, from the workflow's view (after a step) or from the read model. */
export function toConcernResponse(view: PublicConcernView) {
  return {
    id: view.concernId,
    itemId: view.itemId,
    kind: view.kind,
    kindLabel: CONCERN_KIND_LABELS[view.kind],
    state: view.state,
    stateLabel: CONCERN_STATE_LABELS[view.state],
    receivedAt: view.receivedAt,
    revision: view.revision,
    classification: view.classification ?? null,
    classificationLabel: view.classification ? CONCERN_CLASSIFICATION_LABELS[view.classification] : null,
    assignedDepartmentCode: view.assignedDepartmentCode ?? null,
    draft: view.draft ?? null,
    draftedBy: view.draftedBy ?? null,
    returnComment: view.returnComment ?? null,
    deadlines: view.deadlines.map(toDeadlineResponse),
    deadlineExtended: view.deadlineExtended,
    extensionReason: view.extensionReason ?? null,
    pressConference: view.pressConferenceHeldAt ? { heldAt: view.pressConferenceHeldAt, summary: view.pressConferenceSummary ?? null } : null,
    publishedAt: view.publishedAt ?? null,
  };
}

/** What the public is told on submission: the receipt and when to expect an answer (no internal fields). */
export function toPublicReceipt(view: PublicConcernView) {
  return {
    id: view.concernId,
    itemId: view.itemId,
    receivedAt: view.receivedAt,
    deadlines: view.deadlines.map((deadline) => ({
      milestone: deadline.milestone,
      label: CONCERN_MILESTONE_LABELS[deadline.milestone],
      dueAt: deadline.dueAt,
      why: deadline.explanation,
    })),
  };
}

const iso = (date: Date | null): string | undefined => date?.toISOString();

/** The read model in the workflow view's shape, so both answer alike. */
export function viewFromReadModel(concern: ConcernEntity, deadlines: readonly ConcernDeadlineEntity[]): PublicConcernView {
  const order = (milestone: string) => (CONCERN_MILESTONES as readonly string[]).indexOf(milestone);
  return {
    concernId: concern.id,
    itemId: concern.itemId,
    kind: concern.kind,
    state: concern.state,
    receivedAt: concern.receivedAt.toISOString(),
    revision: concern.revision,
    classification: concern.classification ?? undefined,
    assignedDepartmentCode: concern.assignedDepartmentCode ?? undefined,
    draft: concern.draft ?? undefined,
    draftedBy: concern.draftedBy ?? undefined,
    returnComment: concern.returnComment ?? undefined,
    deadlines: [...deadlines]
      .sort((a, b) => order(a.milestone) - order(b.milestone))
      .map((deadline) => ({
        milestone: deadline.milestone,
        dueAt: deadline.dueAt.toISOString(),
        explanation: deadline.explanation,
        provisional: deadline.provisional,
        overdueAt: iso(deadline.overdueAt),
        metAt: iso(deadline.metAt),
      })),
    deadlineExtended: concern.deadlineExtended,
    extensionReason: concern.extensionReason ?? undefined,
    pressConferenceHeldAt: iso(concern.pressConferenceHeldAt),
    pressConferenceSummary: concern.pressConferenceSummary ?? undefined,
    publishedAt: iso(concern.publishedAt),
  };
}
