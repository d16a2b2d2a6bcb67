import { ApiError } from '../common/api-error';
import { buildInboxCountsQuery, buildInboxQuery, parseInboxQuery, startOfDayInBeijing, toInboxCounts } from './inbox-query';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor';

const head = { username: 'edu.reviewer', departmentCode: 'edu', roles: ['reviewer', 'legal-reviewer'] };
const now = new Date('2026-03-02T04:00:00Z');

describe('parseInboxQuery', () => {
  it('defaults to open tasks, 50 a page, no filters', () => {
    expect(parseInboxQuery({})).toEqual({ filters: { state: 'open' }, limit: 50 });
  });

  it('reads every filter', () => {
    const cursor = encodeTaskCursor({ dueAt: '2026-03-02T15:59:59.999+08:00', priority: 1, id: '028765dc-a3a0-474d-bae9-181f45c7fcf7' });
    expect(parseInboxQuery({ state: 'completed', kind: 'sign-off', area: '义务教育', overdue: 'false', dueBefore: '2026-03-05', limit: '200', cursor })).toEqual({
      filters: { state: 'completed', kind: 'sign-off', area: '义务教育', overdue: false, dueBefore: '2026-03-04T16:00:00.000Z' },
      after: { dueAt: '2026-03-02T15:59:59.999+08:00', priority: 1, id: '028765dc-a3a0-474d-bae9-181f45c7fcf7' },
      limit: 200,
    });
    expect(parseInboxQuery({ dueBefore: '2026-03-05T08:00:00Z', overdue: 'true' }).filters).toEqual({ state: 'open', dueBefore: '2026-03-05T08:00:00.000Z', overdue: true });
  });

  it.each([
    ['state', { state: 'cancelled' }],
    ['state', { state: ['open', 'completed'] }],
    ['kind', { kind: 'publish' }],
    ['area', { area: '' }],
    ['area', { area: 'x'.repeat(101) }],
    ['overdue', { overdue: 'yes' }],
    ['dueBefore', { dueBefore: 'tomorrow' }],
    ['dueBefore', { dueBefore: '2026-02-30T25:00:00Z' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: '201' }],
    ['limit', { limit: '1.5' }],
    ['cursor', { cursor: 'not-a-cursor' }],
  ])('refuses a bad %s with a 400 naming it', (field, raw) => {
    let error: unknown;
    try {
      parseInboxQuery(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-input');
    expect((error as ApiError).fields?.[0]?.field).toBe(field);
  });
});

describe('task cursors keep the database precision', () => {
  it('round-trip microseconds and offsets, which Date would round away', () => {
    const cursor = { dueAt: '2026-03-02T15:59:59.123456+08:00', priority: 0, id: '028765dc-a3a0-474d-bae9-181f45c7fcf7' };
    expect(decodeTaskCursor(encodeTaskCursor(cursor))).toEqual(cursor);
  });
});

describe('buildInboxQuery', () => {
  it('reads one index-ordered branch per visibility path, each limited, with the keyset as one row comparison', () => {
    const { text, values } = buildInboxQuery(head, {
      filters: { state: 'open' },
      after: { dueAt: '2026-03-02T15:59:59.999Z', priority: 2, id: '028765dc-a3a0-474d-bae9-181f45c7fcf7' },
      limit: 50,
      now,
    });
    // assigned to me + one pool per role + escalated
    expect(text.match(/UNION ALL/g)).toHaveLength(3);
    expect(text.match(/ORDER BY t\.due_at, -t\.priority, t\.id LIMIT/g)).toHaveLength(5);
    expect(text).toContain('(t.due_at, -t.priority, t.id) > (');
    expect(text).not.toMatch(/OFFSET|count\(/i);
    expect(text).toMatch(/WHERE t\.escalated AND t\.department_code = \$\d+::varchar AND t\.assignee IS DISTINCT FROM \$\d+::varchar AND NOT \(t\.assignee IS NULL AND t\.role = ANY\(/);
    expect(values).toContain(51);
    expect(values).toContain('legal-reviewer');
  });

  it('prunes the pools of other roles when filtering by kind, and leaves out the escalated branch for non-heads', () => {
    const { text, values } = buildInboxQuery({ username: 'edu.secrecy', departmentCode: 'edu', roles: ['secrecy-reviewer', 'leader'] }, { filters: { state: 'open', kind: 'sign-off' }, limit: 10, now });
    expect(text.match(/UNION ALL/g)).toHaveLength(1);
    expect(values).toContain('leader');
    expect(values).not.toContain('secrecy-reviewer');
    expect(text).not.toContain('WHERE t.escalated');
  });

  it.each([
    ['no filters', { state: 'open' }],
    ['a kind none of my roles works', { state: 'open', kind: 'sign-off' }],
    ['a kind of my own role', { state: 'open', kind: 'legality-review' }],
    ['every filter', { state: 'completed', kind: 'preliminary-review', area: 'a', overdue: true, dueBefore: '2026-03-01T00:00:00.000Z' }],
  ] as const)('refers to every parameter it passes (PostgreSQL cannot type an unused one): %s', (_, filters) => {
    for (const viewer of [head, { username: 'x', departmentCode: 'edu', roles: ['secrecy-reviewer'] }]) {
      const { text, values } = buildInboxQuery(viewer, { filters, limit: 5, now });
      values.forEach((_value, index) => expect(text).toMatch(new RegExp(`\\$${index + 1}::`)));
    }
  });

  it('turns overdue on open tasks into a due_at range, and on completed tasks into the recorded flag', () => {
    expect(buildInboxQuery(head, { filters: { state: 'open', overdue: true }, limit: 10, now }).text).toMatch(/t\.due_at < \$\d+::timestamptz/);
    expect(buildInboxQuery(head, { filters: { state: 'open', overdue: false }, limit: 10, now }).text).toMatch(/t\.due_at >= \$\d+::timestamptz AND NOT t\.overdue/);
    expect(buildInboxQuery(head, { filters: { state: 'completed', overdue: true }, limit: 10, now }).text).toMatch(/AND t\.overdue ORDER BY/);
  });
});

describe('badge counts', () => {
  it('are capped subqueries, never an exact count of the table', () => {
    const { text } = buildInboxCountsQuery(head, now);
    expect(text.match(/LIMIT \$1::int/g)!.length).toBeGreaterThanOrEqual(13);
  });

  it('show 999+ past the cap', () => {
    expect(toInboxCounts({ open: 1000, overdue: 3, due_soon: 999, completed_today: 0 })).toMatchObject({
      open: 999,
      overdue: 3,
      labels: { open: '999+', overdue: '3', dueSoon: '999', completedToday: '0' },
    });
  });

  it('count "today" from midnight 北京时间', () => {
    expect(startOfDayInBeijing(new Date('2026-03-02T15:59:59Z')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(startOfDayInBeijing(new Date('2026-03-02T16:00:00Z')).toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });
});
