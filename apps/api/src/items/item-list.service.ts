import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { taskStageLabel, type Actor, type ReviewStage } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { INBOX_DUE_SOON_HOURS } from '../tasks/inbox-query';
import { ITEM_LIST_DEFAULT_LIMIT, type ListItemsQuery } from './list-items.query';

/** Roles that see their whole department's items in the list: the department head (初审) and the leader (签发). */
const DEPARTMENT_SCOPE_ROLES = ['reviewer', 'leader'] as const;

interface ItemListRow {
  id: string;
  title: string;
  state: string;
  revision: number;
  catalog_item_code: string;
  department_code: string;
  drafter_username: string;
  updated_at: Date;
  cursor_at: string;
  release_due_at: Date | null;
  released_at: Date | null;
  overdue: boolean;
  release_overdue: boolean;
  task_id: string | null;
  task_stage: ReviewStage | null;
  task_due_at: Date | null;
  task_overdue: boolean | null;
  return_comment: string | null;
  attachment_count: string;
}

/** The keyset position: the last row's updated_at (to the microsecond, as text) and id. */
function encodeCursor(row: ItemListRow): string {
  return Buffer.from(`${row.cursor_at}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw ApiError.invalid('cursor', '翻页游标（cursor）不是本列表返回的游标');
  return { at, id };
}

/** "My items" (我的事项): state, revision and the next deadline of each, newest change first. */
@Injectable()
export class ItemListService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: ListItemsQuery) {
    const scope = query.scope ?? 'mine';
    if (scope === 'department' && !DEPARTMENT_SCOPE_ROLES.some((role) => actor.roles.includes(role))) {
      throw ApiError.forbidden('只有部门负责人（初审）或领导（签发）才能查看全部门的事项');
    }
    const limit = query.limit ?? ITEM_LIST_DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    // Mine means drafted by me in my department: someone moved to another department no longer lists the old one's drafts.
    const owner = scope === 'mine' ? 'i.drafter_username = $1 AND i.department_code = $6' : 'i.department_code = $1';
    // One index range scan (drafter or department, updated_at DESC, id DESC); the next deadline comes per row.
    const rows: ItemListRow[] = await this.dataSource.query(
      `SELECT i.id, i.title, i.state, i.revision, i.catalog_item_code, i.department_code, i.drafter_username, i.updated_at,
              to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
              i.release_due_at, i.released_at, i.overdue, i.release_overdue,
              t.id AS task_id, t.stage AS task_stage, t.due_at AS task_due_at, t.overdue AS task_overdue,
              r.comment AS return_comment,
              (SELECT count(*) FROM item_attachments a WHERE a.item_id = i.id AND a.removed_at IS NULL) AS attachment_count
         FROM disclosure_items i
         LEFT JOIN LATERAL (
           SELECT id, stage, due_at, overdue FROM review_tasks WHERE item_id = i.id AND state = 'open' ORDER BY due_at LIMIT 1
         ) t ON true
         LEFT JOIN LATERAL (
           SELECT comment FROM review_tasks WHERE item_id = i.id AND decision = 'return' AND i.state = 'RETURNED' ORDER BY completed_at DESC LIMIT 1
         ) r ON true
        WHERE ${owner}
          AND ($2::varchar IS NULL OR i.state = $2::varchar)
          AND ($3::timestamptz IS NULL OR (i.updated_at, i.id) < ($3::timestamptz, $4::uuid))
        ORDER BY i.updated_at DESC, i.id DESC
        LIMIT $5`,
      [scope === 'mine' ? actor.username : actor.departmentCode, query.state ?? null, after?.at ?? null, after?.id ?? null, limit + 1, ...(scope === 'mine' ? [actor.departmentCode] : [])],
    );
    const page = rows.slice(0, limit);
    const now = Date.now();
    return {
      scope,
      items: page.map((row) => this.toView(row, now)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    };
  }

  private toView(row: ItemListRow, now: number) {
    const closed = row.state === 'REJECTED' || row.state === 'WITHDRAWN';
    const candidates = [
      ...(row.task_due_at && row.task_stage
        ? [{ kind: 'task' as const, label: `${taskStageLabel(row.task_stage)}办理时限`, taskId: row.task_id, dueAt: row.task_due_at, flaggedOverdue: row.task_overdue ?? false }]
        : []),
      ...(row.release_due_at && !row.released_at && !closed
        ? [{ kind: 'release' as const, label: '法定公开时限', taskId: null, dueAt: row.release_due_at, flaggedOverdue: row.release_overdue }]
        : []),
    ].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    const next = candidates[0];
    const overdue = next ? next.flaggedOverdue || next.dueAt.getTime() < now : false;
    const dueSoon = next ? !overdue && next.dueAt.getTime() - now < INBOX_DUE_SOON_HOURS * 3_600_000 : false;
    return {
      id: row.id,
      title: row.title,
      state: row.state,
      revision: row.revision,
      catalogItemCode: row.catalog_item_code,
      departmentCode: row.department_code,
      drafter: row.drafter_username,
      updatedAt: row.updated_at.toISOString(),
      releaseDueAt: row.release_due_at?.toISOString() ?? null,
      releasedAt: row.released_at?.toISOString() ?? null,
      nextDeadline: next ? { kind: next.kind, label: next.label, taskId: next.taskId, dueAt: next.dueAt.toISOString() } : null,
      overdue,
      dueSoon,
      returnComment: row.return_comment,
      attachmentCount: Number(row.attachment_count),
    };
  }
}
