import { randomUUID } from 'node:crypto';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The inbox over HTTP: filters, sort order, keyset paging and badge counts. Tasks are seeded straight into the
 * read model for department jiangshang, which no other test file uses, by users only this file creates, so the
 * shared database does not disturb the expectations.
 */
describe('the task inbox', () => {
  let system: RunningSystem;
  const HOUR = 3_600_000;
  const now = Date.now();
  const run = randomUUID().slice(0, 8);
  const user = (role: string) => `js.${run}.${role}`;
  const users = { drafter: user('drafter'), secrecy: user('secrecy'), head: user('head'), leader: user('leader'), legal: user('legal') };

  interface Seeded {
    id: string;
    stage: string;
    role: string;
    area: string;
    dueAt: string;
    priority: number;
    state: 'open' | 'completed';
    assignee?: string;
    escalated?: boolean;
  }
  const seeded: Seeded[] = [];
  let areas: [{ code: string; area: string }, { code: string; area: string }];

  const inbox = async (as: string, query = '') => system.client.request('GET', `/tasks${query}`, { as });
  const order = (a: Seeded, b: Seeded) => a.dueAt.localeCompare(b.dueAt) || b.priority - a.priority || a.id.localeCompare(b.id);
  const expectedFor = (predicate: (task: Seeded) => boolean) => seeded.filter(predicate).sort(order).map((task) => task.id);

  async function allPages(as: string, query: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const response = await inbox(as, `?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...response.body.items.map((task: { id: string }) => task.id));
      cursor = response.body.nextCursor;
      if (!cursor) return ids;
    }
    throw new Error('the inbox did not end');
  }

  beforeAll(async () => {
    system = await startSystem('inbox');
    const { db } = system;
    const roles: Record<keyof typeof users, string[]> = {
      drafter: ['drafter'],
      secrecy: ['secrecy-reviewer'],
      head: ['reviewer'],
      leader: ['leader'],
      legal: ['legal-reviewer'],
    };
    for (const [key, username] of Object.entries(users)) {
      await db.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $1, 'jiangshang', $2)`, [username, roles[key as keyof typeof users]]);
    }
    const catalog = await db.query(
      `SELECT DISTINCT ON (c.area) c.code, c.area, c.version_id FROM catalog_items c JOIN catalog_versions v ON v.id = c.version_id AND v.state = 'active' ORDER BY c.area, c.code LIMIT 2`,
    );
    areas = [catalog.rows[0], catalog.rows[1]];
    const versionId = catalog.rows[0].version_id as string;

    // Two items, one per area; their tasks get the area from the migration's trigger, not from this insert.
    const itemIds = [randomUUID(), randomUUID()];
    for (const [index, itemId] of itemIds.entries()) {
      await db.query(
        `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, formed_at, channels, state)
         VALUES ($1, $2, $3, 'jiangshang', $4, $5, '正文', '2026-03-01', ARRAY['website'], 'IN_REVIEW')`,
        [itemId, versionId, areas[index]!.code, users.drafter, `收件箱测试事项 ${run} ${index}`],
      );
    }
    const add = async (task: Omit<Seeded, 'id' | 'area'> & { item: 0 | 1; overdue?: boolean; decidedBy?: string; completedAt?: Date }) => {
      const id = randomUUID();
      await db.query(
        `INSERT INTO review_tasks (id, item_id, stage, role, department_code, assignee, state, revision, priority, due_at, overdue, escalated, decided_by, completed_at, decision)
         VALUES ($1, $2, $3, $4, 'jiangshang', $5, $6, 1, $7, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          itemIds[task.item],
          task.stage,
          task.role,
          task.assignee ?? null,
          task.state,
          task.priority,
          task.dueAt,
          task.overdue ?? false,
          task.escalated ?? false,
          task.decidedBy ?? null,
          task.completedAt ?? null,
          task.state === 'completed' ? 'approve' : null,
        ],
      );
      seeded.push({ id, stage: task.stage, role: task.role, area: areas[task.item].area, dueAt: task.dueAt, priority: task.priority, state: task.state, assignee: task.assignee, escalated: task.escalated });
    };

    // 25 open 保密审查 tasks: ties at the same due instant with different priorities, some overdue (and escalated,
    // as the workflow timer does), some due within the day, across both areas.
    for (let n = 0; n < 25; n++) {
      const dueAt = new Date(now + (Math.floor(n / 4) - 2) * 20 * HOUR).toISOString();
      const overdue = Date.parse(dueAt) < now;
      await add({ item: (n % 2) as 0 | 1, stage: 'confidentiality-review', role: 'secrecy-reviewer', state: 'open', dueAt, priority: n % 3, overdue, escalated: overdue });
    }
    // Completed ones, two decided today by the secrecy reviewer.
    for (let n = 0; n < 3; n++) {
      await add({
        item: 0,
        stage: 'confidentiality-review',
        role: 'secrecy-reviewer',
        state: 'completed',
        dueAt: new Date(now - (n + 1) * 24 * HOUR).toISOString(),
        priority: 0,
        decidedBy: users.secrecy,
        completedAt: new Date(n < 2 ? now - 60_000 : now - 10 * 24 * HOUR),
      });
    }
    // 签发 tasks for the leader, one delegated to them by name, one in the head's own 初审 pool that is also escalated.
    await add({ item: 1, stage: 'sign-off', role: 'leader', state: 'open', dueAt: new Date(now + 30 * HOUR).toISOString(), priority: 0 });
    await add({ item: 0, stage: 'sign-off', role: 'leader', state: 'open', dueAt: new Date(now + 40 * HOUR).toISOString(), priority: 1, assignee: users.leader });
    await add({ item: 0, stage: 'preliminary-review', role: 'reviewer', state: 'open', dueAt: new Date(now - 50 * HOUR).toISOString(), priority: 0, overdue: true, escalated: true });
    await add({ item: 1, stage: 'preliminary-review', role: 'reviewer', state: 'open', dueAt: new Date(now + 60 * HOUR).toISOString(), priority: 0 });
    // More than the badge cap for the legal reviewer, in one statement.
    await db.query(
      `INSERT INTO review_tasks (id, item_id, stage, role, department_code, state, revision, due_at)
       SELECT gen_random_uuid(), $1, 'legality-review', 'legal-reviewer', 'jiangshang', 'open', 1, now() + n * interval '1 minute' FROM generate_series(1, 1005) n`,
      [itemIds[0]],
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('fills the catalog area of a new task from its item (trigger)', async () => {
    const rows = await system.db.query(`SELECT DISTINCT area FROM review_tasks WHERE id = ANY($1::uuid[])`, [seeded.map((task) => task.id)]);
    expect(rows.rows.map((row: { area: string }) => row.area).sort()).toEqual(areas.map((a) => a.area).sort());
  });

  it('pages through the whole inbox by keyset, in due, priority, id order, without duplicates or gaps', async () => {
    const expected = expectedFor((task) => task.state === 'open' && task.role === 'secrecy-reviewer');
    for (const limit of [1, 4, 7, 25, 200]) {
      expect(await allPages(users.secrecy, '', limit)).toEqual(expected);
    }
    const first = await inbox(users.secrecy, '?limit=3');
    expect(first.body.items[0]).toMatchObject({ kind: 'confidentiality-review', kindLabel: '保密审查', departmentCode: 'jiangshang', state: 'open', overdue: true });
    expect(first.body.items[0].area).toBeDefined();
    expect(first.body.items[0].itemTitle).toContain(run);
  });

  it('filters by kind, area, overdue, due-before and state', async () => {
    const openSecrecy = (task: Seeded) => task.state === 'open' && task.role === 'secrecy-reviewer';
    expect(await allPages(users.secrecy, `&area=${encodeURIComponent(areas[1].area)}`, 5)).toEqual(expectedFor((t) => openSecrecy(t) && t.area === areas[1].area));
    expect(await allPages(users.secrecy, '&overdue=true', 5)).toEqual(expectedFor((t) => openSecrecy(t) && Date.parse(t.dueAt) < Date.now()));
    expect(await allPages(users.secrecy, '&overdue=false', 5)).toEqual(expectedFor((t) => openSecrecy(t) && Date.parse(t.dueAt) >= Date.now()));
    const before = new Date(now + 30 * HOUR).toISOString();
    expect(await allPages(users.secrecy, `&dueBefore=${before}`, 5)).toEqual(expectedFor((t) => openSecrecy(t) && t.dueAt < before));
    expect(await allPages(users.secrecy, '&kind=sign-off', 5)).toEqual([]);
    expect(await allPages(users.secrecy, '&state=completed', 2)).toEqual(expectedFor((t) => t.state === 'completed'));
    expect(await allPages(users.secrecy, `&state=open&kind=confidentiality-review&overdue=false&area=${encodeURIComponent(areas[0].area)}&dueBefore=${before}`, 2)).toEqual(
      expectedFor((t) => openSecrecy(t) && Date.parse(t.dueAt) >= Date.now() && t.area === areas[0].area && t.dueAt < before),
    );
  });

  it('shows delegated tasks to their assignee only, and escalated tasks to the department head once', async () => {
    expect(await allPages(users.leader, '', 10)).toEqual(expectedFor((t) => t.state === 'open' && t.role === 'leader'));
    expect((await inbox(users.secrecy)).body.items.some((task: { role: string }) => task.role === 'leader')).toBe(false);
    // the head: their own 初审 pool (one of which is escalated) plus every escalated task of the department, no duplicates
    const head = await allPages(users.head, '', 3);
    expect(head).toEqual(expectedFor((t) => t.state === 'open' && ((t.role === 'reviewer' && !t.assignee) || t.escalated === true)));
    expect(new Set(head).size).toBe(head.length);
    expect(await allPages(users.head, '&kind=preliminary-review', 3)).toEqual(expectedFor((t) => t.state === 'open' && t.role === 'reviewer'));
  });

  it('counts badges cheaply, capped at 999+', async () => {
    const secrecy = await system.client.request('GET', '/tasks/counts', { as: users.secrecy });
    expect(secrecy.status).toBe(200);
    const open = seeded.filter((t) => t.state === 'open' && t.role === 'secrecy-reviewer');
    const t = Date.now();
    expect(secrecy.body).toMatchObject({
      open: open.length,
      overdue: open.filter((task) => Date.parse(task.dueAt) < t).length,
      dueSoon: open.filter((task) => Date.parse(task.dueAt) >= t && Date.parse(task.dueAt) < t + 24 * HOUR).length,
      completedToday: 2,
      labels: { open: String(open.length), completedToday: '2' },
      cap: 999,
    });
    const legal = await system.client.request('GET', '/tasks/counts', { as: users.legal });
    expect(legal.body).toMatchObject({ open: 999, labels: { open: '999+', overdue: '0' } });
    expect((await system.client.request('GET', '/tasks/counts')).status).toBe(401);
  });

  it.each([
    ['state', '?state=cancelled'],
    ['kind', '?kind=publish'],
    ['overdue', '?overdue=maybe'],
    ['dueBefore', '?dueBefore=next-week'],
    ['limit', '?limit=201'],
    ['limit', '?limit=abc'],
    ['cursor', '?cursor=bm90LWEtY3Vyc29y'],
    ['area', '?area='],
    ['kind', '?kind=sign-off&kind=preliminary-review'],
    ['sort', '?sort=dueAt'],
  ])('answers 400 naming %s for %s', async (field, query) => {
    const response = await inbox(users.secrecy, query);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it('refuses every unknown parameter by name, and takes the known ones', async () => {
    const response = await inbox(users.secrecy, '?state=open&sort=dueAt&page=2');
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { field: 'sort', code: 'validation.unknown-field', problems: ['不是可接受的字段'] },
      { field: 'page', code: 'validation.unknown-field', problems: ['不是可接受的字段'] },
    ]);
    expect((await inbox(users.secrecy, '?state=open&kind=sign-off&limit=5')).status).toBe(200);
  });
});
