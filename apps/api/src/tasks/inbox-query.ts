/**
 * The inbox queries, free of Nest and TypeORM so that the benchmark (bench/inbox.ts) runs exactly the SQL
 * the API runs, through a plain pg client.
 *
 * Design (indexes in libs/db/src/migrations/1764250000000-inbox-indexes.ts): a task is visible through one
 * of three branches of the access policy (libs/domain/src/identity/access-policy.ts) — assigned to me;
 * unassigned in the pool of one of my roles in my department; escalated to the department head. An OR of
 * those can only be answered by reading and sorting every matching row, so each branch (and each role of the pool) is its own subquery that walks one index in the
 * page order `due_at, -priority, id`, starts at the keyset cursor with a row comparison, and stops after
 * `limit + 1` rows. The outer query sorts at most (branches × (limit + 1)) rows and keeps `limit + 1`. The
 * branches are made disjoint by their predicates, so no task appears twice and no DISTINCT is needed.
 */
import { inboxBranches, REVIEW_STAGES, taskStageLabel, type ReviewStage } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { decodeTaskCursor, encodeTaskCursor, type TaskCursor } from './task-cursor';

export const INBOX_MAX_LIMIT = 200;
export const INBOX_DEFAULT_LIMIT = 50;
/** Badge counts stop counting here and read "999+": a badge needs no exact number, and an exact one costs a scan. */
export const INBOX_COUNT_CAP = 999;
/** "Due soon": open and due within this many hours (the reminder fires about one working day ahead). */
export const INBOX_DUE_SOON_HOURS = 24;

export interface InboxViewer {
  readonly username: string;
  readonly departmentCode: string;
  readonly roles: readonly string[];
}

export type InboxState = 'open' | 'completed';

export interface InboxFilters {
  readonly state: InboxState;
  readonly kind?: ReviewStage;
  readonly area?: string;
  readonly overdue?: boolean;
  readonly dueBefore?: string;
}

export interface InboxPageRequest {
  readonly filters: InboxFilters;
  readonly after?: TaskCursor;
  readonly limit: number;
  /** The instant "overdue" is measured against; passed in so that tests and the benchmark can pin it. */
  readonly now: Date;
}

export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

/** The raw query-string values of `GET /api/tasks`, before validation. */
export interface RawInboxQuery {
  state?: unknown;
  kind?: unknown;
  area?: unknown;
  overdue?: unknown;
  dueBefore?: unknown;
  cursor?: unknown;
  limit?: unknown;
}

function single(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // `?kind=a&kind=b` arrives as an array: one value per filter is the contract.
  if (typeof value !== 'string') throw ApiError.invalid(field, '只能填写一次，且须为文字');
  return value;
}

/** Validates the inbox query string; every failure is a 400 naming the field. */
export function parseInboxQuery(raw: RawInboxQuery): { filters: InboxFilters; after?: TaskCursor; limit: number } {
  const state = single('state', raw.state) ?? 'open';
  if (state !== 'open' && state !== 'completed') throw ApiError.invalid('state', '状态（state）须为 open（待办）或 completed（已办）');

  const kind = single('kind', raw.kind);
  if (kind !== undefined && !REVIEW_STAGES.includes(kind as ReviewStage)) throw ApiError.invalid('kind', `环节（kind）须为 ${REVIEW_STAGES.join('、')} 之一`);

  const area = single('area', raw.area);
  if (area !== undefined && (area.trim() === '' || area.length > 100)) throw ApiError.invalid('area', '目录领域（area）须为 1 至 100 个字的名称');

  const overdueText = single('overdue', raw.overdue);
  if (overdueText !== undefined && overdueText !== 'true' && overdueText !== 'false') throw ApiError.invalid('overdue', '是否逾期（overdue）须为 true 或 false');

  const dueBefore = single('dueBefore', raw.dueBefore);
  if (dueBefore !== undefined && (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(dueBefore) || Number.isNaN(Date.parse(dueBefore)))) {
    throw ApiError.invalid('dueBefore', '截止时间（dueBefore）须为 ISO 8601 日期或日期时间');
  }

  const limitText = single('limit', raw.limit);
  let limit = INBOX_DEFAULT_LIMIT;
  if (limitText !== undefined) {
    if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > INBOX_MAX_LIMIT) throw ApiError.invalid('limit', `每页条数（limit）须为 1 至 ${INBOX_MAX_LIMIT} 的整数`);
    limit = Number(limitText);
  }

  const cursorText = single('cursor', raw.cursor);
  const after = cursorText !== undefined ? decodeTaskCursor(cursorText) : undefined;

  return {
    filters: {
      state,
      ...(kind !== undefined ? { kind: kind as ReviewStage } : {}),
      ...(area !== undefined ? { area } : {}),
      ...(overdueText !== undefined ? { overdue: overdueText === 'true' } : {}),
      // A bare date means the start of that day in 北京时间, the zone every deadline is set in.
      ...(dueBefore !== undefined ? { dueBefore: new Date(/T/.test(dueBefore) ? dueBefore : `${dueBefore}T00:00:00+08:00`).toISOString() } : {}),
    },
    ...(after ? { after } : {}),
    limit,
  };
}

/** Collects positional parameters, so that each branch can refer to shared values by number. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const ORDER = 't.due_at, -t.priority, t.id';
const COLUMNS = `t.id, t.item_id, t.stage, t.role, t.department_code, t.area, t.assignee, t.claimed_by, t.overdue, t.escalated, t.state,
                t.decision, t.revision, t.priority, t.due_at, to_json(t.due_at) #>> '{}' AS due_at_exact, t.created_at`;

/**
 * The visibility branches of a viewer, each a WHERE fragment that one inbox index answers in page order. The
 * branches are the access policy's (inboxBranches in @zwgk/domain); each fragment here is the SQL form of
 * inboxBranchAdmits for that branch, which a property test holds to the policy's mayActOnTask.
 */
function branches(viewer: InboxViewer, p: Params, filters: InboxFilters): string[] {
  const me = p.add(viewer.username, 'varchar');
  // Added on first use: a parameter no branch refers to has no type, and PostgreSQL refuses the statement.
  let departmentParam: string | undefined;
  const department = () => (departmentParam ??= p.add(viewer.departmentCode, 'varchar'));
  return inboxBranches(viewer, filters.kind).map((branch) => {
    switch (branch.kind) {
      case 'assigned':
        return `t.assignee = ${me}`;
      case 'role-pool':
        return `t.assignee IS NULL AND t.department_code = ${department()} AND t.role = ${p.add(branch.role, 'varchar')}`;
      case 'escalated':
        // Leave out what the branches above already return, so that a task is never listed twice.
        if (branch.form === 'delegated-elsewhere') {
          // A small partial index finds these without reading every escalated task of the department.
          return `t.escalated AND t.assignee IS NOT NULL AND t.department_code = ${department()} AND t.assignee <> ${me}`;
        }
        return `t.escalated AND t.department_code = ${department()} AND t.assignee IS DISTINCT FROM ${me} AND NOT (t.assignee IS NULL AND t.role = ANY(${p.add([...new Set(viewer.roles)], 'varchar[]')}))`;
    }
  });
}

/**
 * Separation of duties (separationOfDutiesRefusal in @zwgk/domain), as a filter every branch shares: an open
 * review task the viewer would be refused is not listed, nor counted. The drafter decides no stage of their
 * own item; nobody decides a second stage of a revision whose other stage they approved. The workflow still
 * refuses such a decision; the inbox only stops offering it.
 */
function separationOfDuties(viewer: InboxViewer, p: Params): string {
  const me = p.add(viewer.username, 'varchar');
  return `NOT (t.stage = ANY(${p.add([...REVIEW_STAGES], 'varchar[]')}) AND (
    EXISTS (SELECT 1 FROM disclosure_items si WHERE si.id = t.item_id AND si.drafter_username = ${me})
    OR EXISTS (SELECT 1 FROM review_tasks sd WHERE sd.item_id = t.item_id AND sd.revision = t.revision AND sd.state = 'completed'
                 AND sd.decision = 'approve' AND sd.decided_by = ${me} AND sd.stage <> t.stage)))`;
}

/** One inbox page (limit + 1 rows, so the caller knows whether there is a next page). */
export function buildInboxQuery(viewer: InboxViewer, request: InboxPageRequest): SqlQuery {
  const p = new Params();
  const { filters } = request;
  const common: string[] = [`t.state = ${p.add(filters.state, 'varchar')}`];
  if (filters.kind !== undefined) common.push(`t.stage = ${p.add(filters.kind, 'varchar')}`);
  if (filters.area !== undefined) common.push(`t.area = ${p.add(filters.area, 'varchar')}`);
  if (filters.overdue !== undefined) {
    if (filters.state === 'open') {
      // An open task is overdue once its due time has passed (the workflow flags it at that moment and clears
      // the flag when a supervisor extends the due time), so the filter is a range on the index's due_at
      // column instead of a row filter that could scan the whole pool for a few matches.
      const now = p.add(request.now.toISOString(), 'timestamptz');
      common.push(filters.overdue ? `t.due_at < ${now}` : `t.due_at >= ${now} AND NOT t.overdue`);
    } else {
      // A completed task keeps the flag it had when it was decided: "decided late".
      common.push(filters.overdue ? 't.overdue' : 'NOT t.overdue');
    }
  }
  if (filters.dueBefore !== undefined) common.push(`t.due_at < ${p.add(filters.dueBefore, 'timestamptz')}`);
  if (filters.state === 'open') common.push(separationOfDuties(viewer, p));
  if (request.after) {
    const a = request.after;
    common.push(`(t.due_at, -t.priority, t.id) > (${p.add(a.dueAt, 'timestamptz')}, -${p.add(a.priority, 'int')}, ${p.add(a.id, 'uuid')})`);
  }
  const limit = p.add(request.limit + 1, 'int');
  const where = common.join(' AND ');
  const parts = branches(viewer, p, filters).map((branch) => `(SELECT ${COLUMNS} FROM review_tasks t WHERE ${branch} AND ${where} ORDER BY ${ORDER} LIMIT ${limit})`);
  const text = `WITH page AS (
  SELECT * FROM (
    ${parts.join('\n    UNION ALL\n    ')}
  ) t ORDER BY ${ORDER} LIMIT ${limit}
)
SELECT t.*, i.title AS item_title FROM page t JOIN disclosure_items i ON i.id = t.item_id ORDER BY ${ORDER}`;
  return { text, values: p.values };
}

/** A row of {@link buildInboxQuery}. */
export interface InboxRow {
  id: string;
  item_id: string;
  item_title: string;
  stage: ReviewStage;
  role: string;
  department_code: string;
  area: string | null;
  assignee: string | null;
  claimed_by: string | null;
  overdue: boolean;
  escalated: boolean;
  state: string;
  decision: string | null;
  revision: number;
  priority: number;
  due_at: Date;
  /** due_at at the database's microsecond precision: a cursor rounded to milliseconds could skip or repeat rows. */
  due_at_exact: string;
  created_at: Date;
}

export function toInboxPage(rows: readonly InboxRow[], limit: number, now: Date) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      itemId: row.item_id,
      itemTitle: row.item_title,
      kind: row.stage,
      kindLabel: taskStageLabel(row.stage),
      area: row.area,
      role: row.role,
      departmentCode: row.department_code,
      state: row.state,
      decision: row.decision,
      assignee: row.assignee,
      claimedBy: row.claimed_by,
      revision: row.revision,
      priority: row.priority,
      dueAt: row.due_at.toISOString(),
      overdue: row.overdue || (row.state === 'open' && row.due_at.getTime() < now.getTime()),
      escalated: row.escalated,
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeTaskCursor({ dueAt: last.due_at_exact, priority: last.priority, id: last.id }) : null,
  };
}

export type InboxPage = ReturnType<typeof toInboxPage>;

/** Runs one inbox page with any query function (TypeORM's, or a pg client's in the benchmark). */
export async function queryInbox(run: (text: string, values: unknown[]) => Promise<InboxRow[]>, viewer: InboxViewer, request: InboxPageRequest): Promise<InboxPage> {
  const { text, values } = buildInboxQuery(viewer, request);
  return toInboxPage(await run(text, values), request.limit, request.now);
}

/** Midnight 北京时间 (UTC+8, no daylight saving) of the day `now` falls in. */
export function startOfDayInBeijing(now: Date): Date {
  const shifted = now.getTime() + 8 * 3_600_000;
  return new Date(shifted - (shifted % 86_400_000) - 8 * 3_600_000);
}

/**
 * The badge counts, each capped: every branch reads at most cap + 1 index entries (index-only on the visibility
 * map), and so does the sum. Cost is bounded by the cap, not by the table, and no summary table has to be kept
 * consistent by triggers on the hot write path of the workflow activities.
 */
export function buildInboxCountsQuery(viewer: InboxViewer, now: Date): SqlQuery {
  const p = new Params();
  const cap = p.add(INBOX_COUNT_CAP + 1, 'int');
  const open = p.add('open', 'varchar');
  const nowParam = p.add(now.toISOString(), 'timestamptz');
  const soon = p.add(new Date(now.getTime() + INBOX_DUE_SOON_HOURS * 3_600_000).toISOString(), 'timestamptz');
  const filters: InboxFilters = { state: 'open' };
  const visible = branches(viewer, p, filters);
  const allowed = separationOfDuties(viewer, p);
  const capped = (extra: string) =>
    `(SELECT count(*)::int FROM (${visible.map((branch) => `(SELECT 1 FROM review_tasks t WHERE ${branch} AND t.state = ${open}${extra} AND ${allowed} LIMIT ${cap})`).join(' UNION ALL ')} LIMIT ${cap}) c)`;
  const me = p.add(viewer.username, 'varchar');
  const today = p.add(startOfDayInBeijing(now).toISOString(), 'timestamptz');
  const text = `SELECT ${capped('')} AS open,
       ${capped(` AND t.due_at < ${nowParam}`)} AS overdue,
       ${capped(` AND t.due_at >= ${nowParam} AND t.due_at < ${soon}`)} AS due_soon,
       (SELECT count(*)::int FROM (SELECT 1 FROM review_tasks t WHERE t.decided_by = ${me} AND t.completed_at >= ${today} LIMIT ${cap}) c) AS completed_today`;
  return { text, values: p.values };
}

export interface InboxCountsRow {
  open: number;
  overdue: number;
  due_soon: number;
  completed_today: number;
}

export function toInboxCounts(row: InboxCountsRow) {
  const shown = (n: number) => Math.min(n, INBOX_COUNT_CAP);
  const label = (n: number) => (n > INBOX_COUNT_CAP ? `${INBOX_COUNT_CAP}+` : String(n));
  return {
    open: shown(row.open),
    overdue: shown(row.overdue),
    dueSoon: shown(row.due_soon),
    completedToday: shown(row.completed_today),
    /** What a badge shows: the number, or "999+" once the cap is reached. */
    labels: { open: label(row.open), overdue: label(row.overdue), dueSoon: label(row.due_soon), completedToday: label(row.completed_today) },
    cap: INBOX_COUNT_CAP,
    dueSoonHours: INBOX_DUE_SOON_HOURS,
  };
}

export async function queryInboxCounts(run: (text: string, values: unknown[]) => Promise<InboxCountsRow[]>, viewer: InboxViewer, now: Date) {
  const { text, values } = buildInboxCountsQuery(viewer, now);
  const [row] = await run(text, values);
  if (!row) throw new Error('the counts query returned no row');
  return toInboxCounts(row);
}
