import { ApiError } from '../common/api-error';

/** The position after the last task of a page: keyset pagination, never OFFSET. */
export interface TaskCursor {
  readonly dueAt: string;
  readonly priority: number;
  readonly id: string;
}

export function encodeTaskCursor(cursor: TaskCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt, cursor.priority, cursor.id])).toString('base64url');
}

export function decodeTaskCursor(raw: string): TaskCursor {
  try {
    const [dueAt, priority, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof dueAt === 'string' && !Number.isNaN(Date.parse(dueAt)) && Number.isInteger(priority) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { dueAt, priority: priority as number, id };
    }
  } catch {
    // fall through to the error below
  }
  throw ApiError.invalid('cursor', '翻页游标（cursor）不是本接口返回的游标');
}
