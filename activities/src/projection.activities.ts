import type { DataSource, EntityManager } from 'typeorm';
import type { DisclosureItemInput } from '@zwgk/contracts';
import type { Deadline, DisclosureState, ReviewDecision, ReviewStage, Role } from '@zwgk/domain';

export interface OpenReviewTaskRequest {
  readonly taskId: string;
  readonly itemId: string;
  readonly stage: ReviewStage;
  readonly role: Role;
  readonly departmentCode: string;
  readonly revision: number;
  readonly dueAt: string;
  /** "Why this date", from the calendar activity. */
  readonly dueExplanation?: string;
}

export interface CloseReviewTaskRequest {
  readonly taskId: string;
  readonly decision: ReviewDecision;
  readonly comment?: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

export interface ItemStateChange {
  readonly itemId: string;
  readonly state: DisclosureState;
  readonly revision: number;
  readonly at: string;
  readonly releasedAt?: string;
  readonly withdrawalReason?: string;
}

/**
 * The content of one revision (稿), for the revision diff: an upsert, so the row holds the revision's content
 * as last recorded and a retry writes the same. The formed date and channels are the item's (they do not change).
 */
async function recordRevisionContent(
  manager: EntityManager,
  content: { itemId: string; revision: number; title: string; body: string; interpretation?: string; at: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO item_revisions (item_id, revision, title, body, interpretation, formed_at, channels, recorded_at)
     SELECT id, $2, $3, $4, $5, formed_at, channels, $6 FROM disclosure_items WHERE id = $1
     ON CONFLICT (item_id, revision) DO UPDATE
       SET title = EXCLUDED.title, body = EXCLUDED.body, interpretation = EXCLUDED.interpretation, recorded_at = EXCLUDED.recorded_at`,
    [content.itemId, content.revision, content.title, content.body, content.interpretation ?? null, content.at],
  );
}

/** Whatever runs SQL: the DataSource for a write that stands alone, an EntityManager inside a transaction. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface ContentChange {
  readonly itemId: string;
  readonly revision: number;
  readonly title: string;
  readonly body: string;
  readonly interpretation?: string;
}

export interface EditionRecord {
  readonly itemId: string;
  readonly edition: number;
  readonly revision: number;
  readonly title: string;
  readonly body: string;
  readonly interpretation?: string;
  readonly contentHash: string;
  readonly releasedAt: string;
}

export interface SignOffRecord {
  readonly itemId: string;
  readonly contentHash: string | null;
  readonly scheduledReleaseAt?: string;
}

/*
 * The read-model writes, each usable alone (an activity of its own) or inside one transaction with the
 * others of the same step (item-step.activities.ts): the SQL lives once, here.
 */

export async function writeDraft(manager: EntityManager, request: { input: DisclosureItemInput; deadline: Deadline; createdAt: string }): Promise<void> {
  const { input, deadline } = request;
  // The item and its first revision's content in one statement (the revision's foreign key is checked at its
  // end, when both rows exist). Neither overwrites: a retried draft must not write over a later edit.
  await manager.query(
    `WITH item AS (
       INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title,
         body, formed_at, channels, state, revision, release_due_at, release_due_explanation, release_due_provisional,
         created_at, updated_at, normative_document, interpretation)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'DRAFT',1,$10,$11,$12,$13,$13,$14,$15)
       ON CONFLICT (id) DO NOTHING)
     INSERT INTO item_revisions (item_id, revision, title, body, interpretation, formed_at, channels, recorded_at)
     VALUES ($1, 1, $6, $7, $15, $8, $9, $13)
     ON CONFLICT (item_id, revision) DO NOTHING`,
    [
      input.itemId, input.catalogVersionId, input.catalogItem.code, input.drafter.departmentCode, input.drafter.username,
      input.title, input.body, input.formedAt, input.channels, deadline.dueAt, deadline.explanation, deadline.provisional,
      request.createdAt, input.normativeDocument ?? false, input.interpretation ?? null,
    ],
  );
}

export async function writeItemState(sql: SqlRunner, change: ItemStateChange): Promise<void> {
  await writeItemRow(sql, change.itemId, { state: change });
}

/** What a step sets on the item's own row; written together as one UPDATE (see writeItemRow). */
export interface ItemRowChange {
  readonly state?: Omit<ItemStateChange, 'itemId'>;
  readonly signOff?: Omit<SignOffRecord, 'itemId'>;
  /** The edition the portal shows from now on (never an older one than it shows). */
  readonly currentEdition?: number;
  /** The first release against the statutory deadline: no longer outstanding, on time or late by so many working days. */
  readonly releaseTiming?: { readonly late: boolean; readonly workingDaysLate: number };
}

/**
 * The item row's changes of one step in ONE statement, instead of one UPDATE each. `before`: a data-modifying
 * CTE (its own parameters numbered from $1) that goes with them, such as the edition being released.
 */
export async function writeItemRow(sql: SqlRunner, itemId: string, change: ItemRowChange, before?: { cte: string; parameters: unknown[] }): Promise<void> {
  const parameters: unknown[] = [...(before?.parameters ?? []), itemId];
  const p = (value: unknown) => `$${parameters.push(value)}`;
  const sets: string[] = [];
  // As when each was its own UPDATE in this order: the state's instant, unless a sign-off or the timing followed (now).
  const stampedNow = change.signOff !== undefined || change.releaseTiming !== undefined || change.state === undefined;
  if (change.state) {
    const state = p(change.state.state);
    const at = p(change.state.at);
    sets.push(
      `state = ${state}::varchar`,
      `revision = ${p(change.state.revision)}::int`,
      `released_at = COALESCE(${p(change.state.releasedAt ?? null)}::timestamptz, released_at)`,
      `withdrawn_at = CASE WHEN ${state}::varchar = 'WITHDRAWN' THEN ${at}::timestamptz ELSE withdrawn_at END`,
      `withdrawal_reason = COALESCE(${p(change.state.withdrawalReason ?? null)}::text, withdrawal_reason)`,
    );
    if (!stampedNow) sets.push(`updated_at = ${at}::timestamptz`);
  }
  if (stampedNow && (change.state || change.signOff || change.releaseTiming)) sets.push('updated_at = now()');
  if (change.signOff) sets.push(`signed_content_hash = ${p(change.signOff.contentHash)}`, `scheduled_release_at = ${p(change.signOff.scheduledReleaseAt ?? null)}::timestamptz`);
  if (change.currentEdition !== undefined) sets.push(`current_edition = GREATEST(coalesce(current_edition, 0), ${p(change.currentEdition)}::int)`);
  if (change.releaseTiming) {
    const { late, workingDaysLate } = change.releaseTiming;
    sets.push('release_overdue = false', `released_late = ${p(late)}::boolean`, `release_late_working_days = ${p(late ? workingDaysLate : null)}::int`);
  }
  const itemParameter = `$${(before?.parameters.length ?? 0) + 1}`;
  await sql.query(`${before ? `WITH ${before.cte} ` : ''}UPDATE disclosure_items SET ${sets.join(', ')} WHERE id = ${itemParameter}`, parameters);
}

/** The 公示期 of a released item (from computePublicityPeriod), shown on its public page. */
export async function writePublicityPeriod(sql: SqlRunner, request: { itemId: string; startsAt: string; endsAt: string }): Promise<void> {
  await sql.query(`UPDATE disclosure_items SET publicity_starts_at = $2, publicity_ends_at = $3, updated_at = now() WHERE id = $1`, [
    request.itemId,
    request.startsAt,
    request.endsAt,
  ]);
}

export async function writeContent(manager: EntityManager, request: ContentChange): Promise<void> {
  await manager.query(
    `UPDATE disclosure_items SET title = $2, body = $3, interpretation = $4, revision = $5, updated_at = now() WHERE id = $1`,
    [request.itemId, request.title, request.body, request.interpretation ?? null, request.revision],
  );
  // An edit after 签发 arrives under the signed revision's number, and the workflow numbers it one
  // higher once it voids the sign-off: the signed content stays as it was signed, the edit is the next revision.
  const [signed]: unknown[] = await manager.query(
    `SELECT 1 FROM review_tasks WHERE item_id = $1 AND revision = $2 AND stage = 'sign-off' AND decision = 'approve' LIMIT 1`,
    [request.itemId, request.revision],
  );
  const revision = signed ? request.revision + 1 : request.revision;
  await recordRevisionContent(manager, { itemId: request.itemId, revision, title: request.title, body: request.body, interpretation: request.interpretation, at: new Date().toISOString() });
}

/** The edition's own row, as a data-modifying CTE for writeItemRow: stored once, whatever the retries. */
export function editionInsert(request: EditionRecord): { cte: string; parameters: unknown[] } {
  return {
    cte: `edition AS (
      INSERT INTO item_editions (item_id, edition, revision, title, body, interpretation, content_hash, released_at)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (item_id, edition) DO NOTHING)`,
    parameters: [request.itemId, request.edition, request.revision, request.title, request.body, request.interpretation ?? null, request.contentHash, request.releasedAt],
  };
}

/** A released edition; the public portal switches to it. Retries store it once. */
export async function writeEdition(sql: SqlRunner, request: EditionRecord): Promise<void> {
  await writeItemRow(sql, request.itemId, { currentEdition: request.edition }, editionInsert(request));
}

export async function writeSignOff(sql: SqlRunner, request: SignOffRecord): Promise<void> {
  await writeItemRow(sql, request.itemId, { signOff: request });
}

export async function writeOpenTask(sql: SqlRunner, request: OpenReviewTaskRequest): Promise<void> {
  await sql.query(
    `INSERT INTO review_tasks (id, item_id, stage, role, department_code, state, revision, due_at, due_explanation)
     VALUES ($1,$2,$3,$4,$5,'open',$6,$7,$8)
     ON CONFLICT (id) DO NOTHING`,
    [request.taskId, request.itemId, request.stage, request.role, request.departmentCode, request.revision, request.dueAt, request.dueExplanation ?? null],
  );
}

/**
 * Closes the decided task. The item is overdue while one of its open tasks is, so closing an overdue task may
 * clear the item's flag: that is settled in the same statement, and only then (closing a task that is not
 * overdue changes nothing about the item's flag). The statement's reads see the task still open, hence `id <> $1`.
 */
export async function writeCloseTask(sql: SqlRunner, request: CloseReviewTaskRequest): Promise<void> {
  await sql.query(
    `WITH closed AS (
       UPDATE review_tasks
          SET state = 'completed', decision = $2, comment = $3, decided_by = $4, completed_at = $5
        WHERE id = $1 AND state = 'open'
       RETURNING item_id, overdue)
     UPDATE disclosure_items
        SET overdue = EXISTS (SELECT 1 FROM review_tasks WHERE item_id = disclosure_items.id AND state = 'open' AND overdue AND id <> $1)
      WHERE id = (SELECT item_id FROM closed WHERE overdue)`,
    [request.taskId, request.decision, request.comment ?? null, request.decidedBy, request.decidedAt],
  );
}

/** The item is overdue while one of its open tasks is (by the item, or by one of its tasks). */
export async function refreshItemOverdue(sql: SqlRunner, of: { itemId: string } | { taskId: string }): Promise<void> {
  if ('itemId' in of) {
    await sql.query(
      `UPDATE disclosure_items SET overdue = EXISTS (SELECT 1 FROM review_tasks WHERE item_id = $1 AND state = 'open' AND overdue) WHERE id = $1`,
      [of.itemId],
    );
    return;
  }
  await sql.query(
    `UPDATE disclosure_items SET overdue = EXISTS (SELECT 1 FROM review_tasks WHERE item_id = disclosure_items.id AND state = 'open' AND overdue)
      WHERE id = (SELECT item_id FROM review_tasks WHERE id = $1)`,
    [of.taskId],
  );
}

/** Read models the API serves. Every write is an upsert or a guarded update, so a retry changes nothing. */
export function createProjectionActivities(dataSource: DataSource) {
  return {
    async recordDraft(request: { input: DisclosureItemInput; deadline: Deadline; createdAt: string }): Promise<void> {
      await dataSource.transaction((manager) => writeDraft(manager, request));
    },

    async recordItemState(change: ItemStateChange): Promise<void> {
      await writeItemState(dataSource, change);
    },

    async recordReleaseDeadline(request: { itemId: string; deadline: Deadline }): Promise<void> {
      await dataSource.query(
        `UPDATE disclosure_items SET release_due_at = $2, release_due_explanation = $3, release_due_provisional = $4, updated_at = now() WHERE id = $1`,
        [request.itemId, request.deadline.dueAt, request.deadline.explanation, request.deadline.provisional],
      );
    },

    /** The 公示期 of a released item (from computePublicityPeriod), shown on its public page. */
    async recordPublicityPeriod(request: { itemId: string; startsAt: string; endsAt: string }): Promise<void> {
      await writePublicityPeriod(dataSource, request);
    },

    async rescheduleReviewTask(request: { taskId: string; dueAt: string; dueExplanation?: string }): Promise<void> {
      await dataSource.query(`UPDATE review_tasks SET due_at = $2, due_explanation = COALESCE($3, due_explanation) WHERE id = $1 AND state = 'open'`, [
        request.taskId,
        request.dueAt,
        request.dueExplanation ?? null,
      ]);
    },

    async recordContent(request: ContentChange): Promise<void> {
      await dataSource.transaction((manager) => writeContent(manager, request));
    },

    /** A released edition; the public portal switches to it. Retries store it once. */
    async recordEdition(request: EditionRecord): Promise<void> {
      await dataSource.transaction((manager) => writeEdition(manager, request));
    },

    async recordSignOff(request: SignOffRecord): Promise<void> {
      await writeSignOff(dataSource, request);
    },

    async recordTaskAssignment(request: { taskId: string; claimedBy: string | null; assignee?: string | null; delegatedBy?: string }): Promise<void> {
      await dataSource.query(
        `UPDATE review_tasks SET claimed_by = $2, assignee = CASE WHEN $3::boolean THEN $4 ELSE assignee END, delegated_by = COALESCE($5, delegated_by)
          WHERE id = $1 AND state = 'open'`,
        [request.taskId, request.claimedBy, request.assignee !== undefined, request.assignee ?? null, request.delegatedBy ?? null],
      );
    },

    async recordTaskReminder(request: { taskId: string; at: string }): Promise<void> {
      await dataSource.query(`UPDATE review_tasks SET reminded_at = COALESCE(reminded_at, $2) WHERE id = $1`, [request.taskId, request.at]);
    },

    /**
     * Overdue: the task and its item are flagged, and the task escalates to the department head's inbox. An
     * extension clears both: with a fresh due time the task is its holders' again, as the workflow's access
     * check has it (the access policy reads an escalated task as one that is overdue now).
     */
    async recordTaskOverdue(request: { taskId: string; itemId: string; overdue: boolean }): Promise<void> {
      await dataSource.query(`UPDATE review_tasks SET overdue = $2, escalated = $2 WHERE id = $1`, [request.taskId, request.overdue]);
      await dataSource.query(
        `UPDATE disclosure_items SET overdue = EXISTS (SELECT 1 FROM review_tasks WHERE item_id = $1 AND state = 'open' AND overdue), updated_at = now() WHERE id = $1`,
        [request.itemId],
      );
    },

    async openReviewTask(request: OpenReviewTaskRequest): Promise<void> {
      await writeOpenTask(dataSource, request);
    },

    /** Undoes a close whose decision the workflow then refused: the task is open again, as it is in the workflow. */
    async reopenReviewTask(request: { taskId: string }): Promise<void> {
      await dataSource.query(
        `UPDATE review_tasks SET state = 'open', decision = NULL, comment = NULL, decided_by = NULL, completed_at = NULL
          WHERE id = $1 AND state = 'completed'`,
        [request.taskId],
      );
      await dataSource.query(
        `UPDATE disclosure_items SET overdue = EXISTS (SELECT 1 FROM review_tasks WHERE item_id = disclosure_items.id AND state = 'open' AND overdue)
          WHERE id = (SELECT item_id FROM review_tasks WHERE id = $1)`,
        [request.taskId],
      );
    },

    /** Closes the task; the item's overdue flag follows in the same statement (see writeCloseTask). */
    async closeReviewTask(request: CloseReviewTaskRequest): Promise<void> {
      await writeCloseTask(dataSource, request);
    },
  };
}
