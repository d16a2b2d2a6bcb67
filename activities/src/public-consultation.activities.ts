import type { DataSource } from 'typeorm';
import type { PublicConsultationInput, PublicConsultationView } from '@zwgk/contracts';

/** What the consultation needs to know of its feedback item: where its review stands, and when it was released. */
export interface FeedbackItemState {
  readonly state: string | null;
  readonly releasedAt: string | null;
}

/**
 * IO of the public-consultation workflow (意见征集): its read model. The row is inserted once (a repeat
 * changes nothing) and then only ever set to the workflow's view, so a retried activity is harmless.
 * Comments are written by the API directly (they do not change the workflow's course); the workflow
 * reads the feedback item's state here because the item's own workflow knows nothing of consultations.
 */
export function createPublicConsultationActivities(dataSource: DataSource) {
  return {
    async recordConsultationOpened(request: { input: PublicConsultationInput; view: PublicConsultationView }): Promise<void> {
      const { input, view } = request;
      await dataSource.query(
        `INSERT INTO public_consultations (id, workflow_id, department_code, kind, title, draft_text, explanation, affects_market_entities, shortened_reason,
                                           minimum_basis, opened_by, opened_at, closes_on, closes_at, state)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
         ON CONFLICT (id) DO NOTHING`,
        [
          input.consultationId,
          `public-consultation-${input.consultationId}`,
          input.departmentCode,
          input.kind,
          input.title,
          input.draftText,
          input.explanation,
          input.affectsMarketEntities,
          input.shortenedReason ?? null,
          input.minimumBasis,
          input.openedBy.username,
          input.openedAt,
          input.closesOn,
          input.closesAt,
          view.state,
        ],
      );
    },

    async recordConsultationProgress(request: { view: PublicConsultationView }): Promise<void> {
      const { view } = request;
      await dataSource.query(
        `UPDATE public_consultations
            SET state = $2, closed_at = $3, feedback_due_at = $4, feedback_due_explanation = $5, feedback_overdue = $6,
                feedback_overdue_at = CASE WHEN $6 THEN coalesce(feedback_overdue_at, now()) END,
                feedback_item_id = $7, feedback_published_at = $8, feedback_late = $9, updated_at = now()
          WHERE id = $1`,
        [
          view.consultationId,
          view.state,
          view.closedAt ?? null,
          view.feedbackDueAt ?? null,
          view.feedbackDueExplanation ?? null,
          view.feedbackOverdue,
          view.feedbackItemId ?? null,
          view.feedbackPublishedAt ?? null,
          view.feedbackLate ?? null,
        ],
      );
    },

    async readFeedbackItemState(request: { itemId: string }): Promise<FeedbackItemState> {
      const rows: { state: string; released_at: Date | null }[] = await dataSource.query(`SELECT state, released_at FROM disclosure_items WHERE id = $1`, [request.itemId]);
      return { state: rows[0]?.state ?? null, releasedAt: rows[0]?.released_at ? rows[0].released_at.toISOString() : null };
    },
  };
}
