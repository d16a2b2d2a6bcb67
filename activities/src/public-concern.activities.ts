import type { DataSource, EntityManager } from 'typeorm';
import type { PublicConcernInput, PublicConcernView } from '@zwgk/contracts';
import {
  computeConcernDeadlines,
  concernDeadlinePolicyFromEnv,
  type ConcernDeadline,
  type ConcernDeadlinePolicy,
  type ConcernKind,
  type WorkingDayCalendar,
} from '@zwgk/domain';
import { calendarSource } from './calendar-source';

export interface PublishConcernResponseRequest {
  readonly concernId: string;
  readonly itemId: string;
  /** The question as asked, contact details already removed; null for an incident. */
  readonly question: string | null;
  readonly response: string;
  readonly departmentCode: string;
  readonly approvedBy: string;
  readonly at: string;
}

/** Writes every mutable column of the concern and its deadlines from the workflow's view: a retry writes the same. */
async function writeConcernView(manager: EntityManager, view: PublicConcernView, at: string): Promise<void> {
  await manager.query(
    `UPDATE concerns
        SET state = $2, revision = $3, classification = $4, assigned_department_code = $5, draft = $6, drafted_by = $7,
            return_comment = $8, deadline_extended = $9, extension_reason = $10, press_conference_held_at = $11,
            press_conference_summary = $12, published_at = $13, updated_at = $14
      WHERE id = $1`,
    [
      view.concernId, view.state, view.revision, view.classification ?? null, view.assignedDepartmentCode ?? null, view.draft ?? null,
      view.draftedBy ?? null, view.returnComment ?? null, view.deadlineExtended, view.extensionReason ?? null,
      view.pressConferenceHeldAt ?? null, view.pressConferenceSummary ?? null, view.publishedAt ?? null, at,
    ],
  );
  for (const deadline of view.deadlines) {
    await manager.query(
      `INSERT INTO concern_deadlines (concern_id, milestone, due_at, explanation, provisional, overdue_at, met_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (concern_id, milestone) DO UPDATE
         SET due_at = EXCLUDED.due_at, explanation = EXCLUDED.explanation, provisional = EXCLUDED.provisional,
             overdue_at = EXCLUDED.overdue_at, met_at = EXCLUDED.met_at`,
      [view.concernId, deadline.milestone, deadline.dueAt, deadline.explanation, deadline.provisional, deadline.overdueAt ?? null, deadline.metAt ?? null],
    );
  }
}

/**
 * IO of the public-concern workflow: its deadlines (the calendar and the policy live here, never in
 * workflow code), its read model, and the publication of its response next to the item.
 */
export function createPublicConcernActivities(dataSource: DataSource, fixedCalendar?: WorkingDayCalendar, policy: ConcernDeadlinePolicy = concernDeadlinePolicyFromEnv(process.env)) {
  const calendar = calendarSource(dataSource, fixedCalendar);

  return {
    /** The concern's due instants under the policy in force: exact hours for incidents, working days for messages. */
    async computeConcernDeadlines(request: { kind: ConcernKind; receivedAt: string; extended?: boolean }): Promise<ConcernDeadline[]> {
      return computeConcernDeadlines(await calendar(), policy, request.kind, request.receivedAt, { extended: request.extended });
    },

    /** Inserts the concern's read model once; a retry finds the row and only rewrites the same view. */
    async recordConcernReceived(request: { input: PublicConcernInput; view: PublicConcernView }): Promise<void> {
      const { input, view } = request;
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO concerns (id, item_id, item_department_code, kind, content, contact, received_at, registered_by, state, revision,
             created_at, updated_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11)
           ON CONFLICT (id) DO NOTHING`,
          [
            input.concernId, input.itemId, input.itemDepartmentCode, input.kind, input.content, input.contact ?? null, input.receivedAt,
            input.registeredBy?.username ?? null, view.state, view.revision, input.receivedAt,
          ],
        );
        await writeConcernView(manager, view, input.receivedAt);
      });
    },

    /** Brings the read model up to the workflow's view after a step, an extension or a passed deadline. */
    async recordConcernProgress(request: { view: PublicConcernView; at: string }): Promise<void> {
      await dataSource.transaction((manager) => writeConcernView(manager, request.view, request.at));
    },

    /** Publishes the approved response on the item's public page, once: a retry returns the first publication. */
    async publishConcernResponse(request: PublishConcernResponseRequest): Promise<{ publishedAt: string }> {
      await dataSource.query(
        `INSERT INTO concern_responses (concern_id, item_id, question, response, department_code, approved_by, published_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (concern_id) DO NOTHING`,
        [request.concernId, request.itemId, request.question, request.response, request.departmentCode, request.approvedBy, request.at],
      );
      const rows: { published_at: Date }[] = await dataSource.query(`SELECT published_at FROM concern_responses WHERE concern_id = $1`, [request.concernId]);
      return { publishedAt: rows[0].published_at.toISOString() };
    },
  };
}
