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
 * The read-model writes, each usable alone (an activity of its own) or as a part of one statement with the
 * others of the same step (item-step.activities.ts): the SQL lives once, here.
 */

/**
 * Several writes of one step as ONE statement (data-modifying CTEs sharing one parameter list): atomic like a
 * transaction, without its BEGIN and COMMIT round trips. Every part runs to completion whether or not it is
 * read; all of them see the database as it was when the statement began (not each other's changes), and a
 * row may be changed by one part only, so each step's changes to the item's row are one part (itemRowPart).
 */
export class CombinedWrite {
  readonly parameters: unknown[] = [];
  private readonly parts: { name: string; sql: string }[] = [];

  /** Adds a value to the statement; its placeholder. */
  readonly p = (value: unknown): string => `$${this.parameters.push(value)}`;

  add(name: string, sql: string | undefined): this {
    if (sql) this.parts.push({ name, sql });
    return this;
  }

  has(name: string): boolean {
    return this.parts.some((part) => part.name === name);
  }

  async run(sql: SqlRunner): Promise<void> {
    if (this.parts.length === 0) return;
    if (this.parts.length === 1) await sql.query(this.parts[0]!.sql, this.parameters);
    else await sql.query(`WITH ${this.parts.map((part) => `${part.name} AS (${part.sql})`).join(',\n')}\nSELECT 1`, this.parameters);
  }
}

/** The draft's own rows: the item, and its first revision's content. Neither overwrites (a retried draft must not write over a later edit). */
export function addDraft(w: CombinedWrite, request: { input: DisclosureItemInput; deadline: Deadline; createdAt: string }): void {
  const { input, deadline } = request;
  const [id, title, body, formedAt, channels, createdAt, interpretation] = [input.itemId, input.title, input.body, input.formedAt, input.channels, request.createdAt, input.interpretation ?? null].map(w.p);
  w.add(
    'draft',
    `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title,
       body, formed_at, channels, state, revision, release_due_at, release_due_explanation, release_due_provisional,
       created_at, updated_at, normative_document, interpretation)
     VALUES (${id}::uuid, ${w.p(input.catalogVersionId)}, ${w.p(input.catalogItem.code)}, ${w.p(input.drafter.departmentCode)}, ${w.p(input.drafter.username)},
       ${title}::text, ${body}::text, ${formedAt}::date, ${channels}::text[], 'DRAFT', 1, ${w.p(deadline.dueAt)}, ${w.p(deadline.explanation)}, ${w.p(deadline.provisional)},
       ${createdAt}::timestamptz, ${createdAt}::timestamptz, ${w.p(input.normativeDocument ?? false)}, ${interpretation}::text)
     ON CONFLICT (id) DO NOTHING`,
  );
  // Its foreign key is checked at the statement's end, when the item's row exists.
  w.add(
    'first_revision',
    `INSERT INTO item_revisions (item_id, revision, title, body, interpretation, formed_at, channels, recorded_at)
     VALUES (${id}::uuid, 1, ${title}::text, ${body}::text, ${interpretation}::text, ${formedAt}::date, ${channels}::text[], ${createdAt}::timestamptz)
     ON CONFLICT (item_id, revision) DO NOTHING`,
  );
}

export async function writeDraft(sql: SqlRunner, request: { input: DisclosureItemInput; deadline: Deadline; createdAt: string }): Promise<void> {
  const w = new CombinedWrite();
  addDraft(w, request);
  await w.run(sql);
}

export async function writeItemState(sql: SqlRunner, change: ItemStateChange): Promise<void> {
  await writeItemRow(sql, change.itemId, { state: change });
}

/** What a step sets on the item's own row; written together as one UPDATE (see itemRowPart). */
export interface ItemRowChange {
  readonly state?: Omit<ItemStateChange, 'itemId'>;
  readonly signOff?: Omit<SignOffRecord, 'itemId'>;
  /** The edition the portal shows from now on (never an older one than it shows). */
  readonly currentEdition?: number;
  /** The first release against the statutory deadline: no longer outstanding, on time or late by so many working days. */
  readonly releaseTiming?: { readonly late: boolean; readonly workingDaysLate: number };
  /** The 公示期 of a released item, shown on its public page. */
  readonly publicity?: { readonly startsAt: string; readonly endsAt: string };
}

/**
 * The item row's changes of one step as one UPDATE, instead of one each. When the statement closes a task
 * (the `closed` part, see addCloseTask), the item's overdue flag is settled here too: the item is overdue while
 * one of its open tasks is, so only closing an overdue task can change it. The parts see the closed task as
 * still open, hence `NOT IN closed`.
 */
export function itemRowPart(w: CombinedWrite, itemId: string, change: ItemRowChange): string | undefined {
  const sets: string[] = [];
  // As when each was its own UPDATE in this order: the state's instant, unless a sign-off, the timing or the period followed (now).
  const stampedNow = change.signOff !== undefined || change.releaseTiming !== undefined || change.publicity !== undefined;
  if (change.state) {
    const state = w.p(change.state.state);
    const at = w.p(change.state.at);
    sets.push(
      `state = ${state}::varchar`,
      `revision = ${w.p(change.state.revision)}::int`,
      `released_at = COALESCE(${w.p(change.state.releasedAt ?? null)}::timestamptz, released_at)`,
      `withdrawn_at = CASE WHEN ${state}::varchar = 'WITHDRAWN' THEN ${at}::timestamptz ELSE withdrawn_at END`,
      `withdrawal_reason = COALESCE(${w.p(change.state.withdrawalReason ?? null)}::text, withdrawal_reason)`,
    );
    if (!stampedNow) sets.push(`updated_at = ${at}::timestamptz`);
  }
  if (stampedNow) sets.push('updated_at = now()');
  if (change.signOff) sets.push(`signed_content_hash = ${w.p(change.signOff.contentHash)}::varchar`, `scheduled_release_at = ${w.p(change.signOff.scheduledReleaseAt ?? null)}::timestamptz`);
  if (change.currentEdition !== undefined) sets.push(`current_edition = GREATEST(coalesce(current_edition, 0), ${w.p(change.currentEdition)}::int)`);
  if (change.releaseTiming) {
    const { late, workingDaysLate } = change.releaseTiming;
    sets.push('release_overdue = false', `released_late = ${w.p(late)}::boolean`, `release_late_working_days = ${w.p(late ? workingDaysLate : null)}::int`);
  }
  if (change.publicity) sets.push(`publicity_starts_at = ${w.p(change.publicity.startsAt)}::timestamptz`, `publicity_ends_at = ${w.p(change.publicity.endsAt)}::timestamptz`);
  const closing = w.has('closed');
  const closedOverdue = 'EXISTS (SELECT 1 FROM closed WHERE closed.overdue)';
  if (closing) {
    sets.push(`overdue = CASE WHEN ${closedOverdue}
      THEN EXISTS (SELECT 1 FROM review_tasks t WHERE t.item_id = disclosure_items.id AND t.state = 'open' AND t.overdue AND t.id NOT IN (SELECT id FROM closed))
      ELSE disclosure_items.overdue END`);
  }
  if (sets.length === 0) return undefined;
  // Only the flag to settle: the row is left alone unless the closed task was overdue.
  const onlyOverdue = closing && sets.length === 1;
  return `UPDATE disclosure_items SET ${sets.join(', ')} WHERE id = ${w.p(itemId)}::uuid${onlyOverdue ? ` AND ${closedOverdue}` : ''}`;
}

/** The item row's changes as a statement of their own (see itemRowPart). */
export async function writeItemRow(sql: SqlRunner, itemId: string, change: ItemRowChange): Promise<void> {
  const w = new CombinedWrite();
  w.add('item', itemRowPart(w, itemId, change));
  await w.run(sql);
}

/** The 公示期 of a released item (from computePublicityPeriod), shown on its public page. */
export async function writePublicityPeriod(sql: SqlRunner, request: { itemId: string; startsAt: string; endsAt: string }): Promise<void> {
  await writeItemRow(sql, request.itemId, { publicity: request });
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

/** The edition's own row: stored once, whatever the retries. */
export function addEdition(w: CombinedWrite, request: EditionRecord): void {
  w.add(
    'edition',
    `INSERT INTO item_editions (item_id, edition, revision, title, body, interpretation, content_hash, released_at)
     VALUES (${[request.itemId, request.edition, request.revision, request.title, request.body, request.interpretation ?? null, request.contentHash, request.releasedAt].map(w.p).join(', ')})
     ON CONFLICT (item_id, edition) DO NOTHING`,
  );
}

/** A released edition; the public portal switches to it. Retries store it once. */
export async function writeEdition(sql: SqlRunner, request: EditionRecord): Promise<void> {
  const w = new CombinedWrite();
  addEdition(w, request);
  w.add('item', itemRowPart(w, request.itemId, { currentEdition: request.edition }));
  await w.run(sql);
}

export async function writeSignOff(sql: SqlRunner, request: SignOffRecord): Promise<void> {
  await writeItemRow(sql, request.itemId, { signOff: request });
}

/** Opens a task; not overdue, whatever its due time, until its timer says so (so opening one never changes the item's flag). */
export function addOpenTask(w: CombinedWrite, request: OpenReviewTaskRequest): void {
  w.add(
    'opened',
    `INSERT INTO review_tasks (id, item_id, stage, role, department_code, state, revision, due_at, due_explanation)
     VALUES (${[request.taskId, request.itemId, request.stage, request.role, request.departmentCode].map(w.p).join(', ')}, 'open', ${w.p(request.revision)}, ${w.p(request.dueAt)}, ${w.p(request.dueExplanation ?? null)})
     ON CONFLICT (id) DO NOTHING`,
  );
}

export async function writeOpenTask(sql: SqlRunner, request: OpenReviewTaskRequest): Promise<void> {
  const w = new CombinedWrite();
  addOpenTask(w, request);
  await w.run(sql);
}

/** Closes the decided task (once: a closed task stays as decided); the item row part settles the item's overdue flag. */
export function addCloseTask(w: CombinedWrite, request: CloseReviewTaskRequest): void {
  w.add(
    'closed',
    `UPDATE review_tasks
        SET state = 'completed', decision = ${w.p(request.decision)}, comment = ${w.p(request.comment ?? null)}, decided_by = ${w.p(request.decidedBy)}, completed_at = ${w.p(request.decidedAt)}
      WHERE id = ${w.p(request.taskId)} AND state = 'open'
      RETURNING id, item_id, overdue`,
  );
}

/** Closes the decided task, and clears the item's overdue flag in the same statement if that task was what made it overdue. */
export async function writeCloseTask(sql: SqlRunner, request: CloseReviewTaskRequest): Promise<void> {
  const w = new CombinedWrite();
  addCloseTask(w, request);
  // The item is not known by id here: the closed task names it.
  w.add(
    'item',
    `UPDATE disclosure_items
        SET overdue = EXISTS (SELECT 1 FROM review_tasks t WHERE t.item_id = disclosure_items.id AND t.state = 'open' AND t.overdue AND t.id NOT IN (SELECT id FROM closed))
      WHERE id = (SELECT item_id FROM closed WHERE closed.overdue)`,
  );
  await w.run(sql);
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
