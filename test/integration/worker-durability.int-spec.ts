import type { Client as PgClient } from 'pg';
import { chinaDateOf } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The worker dies (SIGKILL, no clean-up) while a task is open. A new worker picks the workflow up
 * from Temporal's history, and the item completes with exactly one release and no duplicate audit rows.
 */
describe('a worker killed while a task is open', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;

  beforeAll(async () => {
    system = await startSystem('durability');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  it('completes with a single release after a restart', async () => {
    const created = await client.request('POST', '/items', {
      as: 'edu.drafter',
      // Formed today (China time): its statutory deadline is weeks ahead, so no overdue event joins the audit rows counted below.
      body: { catalogItemCode: 'EDU-002', title: '学区划分方案（耐久性测试）', body: '学区划分详细情况。', formedAt: chinaDateOf(new Date()) },
    });
    expect(created.status).toBe(201);
    const itemId: string = created.body.id;
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const preliminary = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: 'edu.reviewer' });
      return inbox.body.items.find((t: { itemId: string }) => t.itemId === itemId) as { id: string } | undefined;
    }, 'the 初审 task');
    expect((await client.request('POST', `/tasks/${preliminary.id}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' } })).status).toBe(200);
    const task = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: 'edu.secrecy' });
      return inbox.body.items.find((t: { itemId: string }) => t.itemId === itemId) as { id: string } | undefined;
    }, 'the 保密审查 task');

    system.worker.child.kill('SIGKILL');
    expect(await system.worker.exited).toBe('SIGKILL');

    // A new worker process: the workflow resumes from Temporal's history, not from memory.
    await system.restartWorker();

    // The decision may meet the new worker still starting: the API then answers 503 still-processing, and a
    // client sends it again with the same Idempotency-Key.
    const secrecy = await client.requestPatiently('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } });
    expect(secrecy.status).toBe(200);
    const signOff = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: 'edu.leader' });
      return inbox.body.items.find((t: { itemId: string }) => t.itemId === itemId) as { id: string } | undefined;
    }, 'the 签发 task', 60_000);

    // Kill it once more between the two decisions, then finish.
    system.worker.child.kill('SIGKILL');
    await system.worker.exited;
    await system.restartWorker();
    const signed = await client.requestPatiently('POST', `/tasks/${signOff.id}/complete`, { as: 'edu.leader', body: { decision: 'approve' } });
    expect(signed.status).toBe(200);
    expect(signed.body.item.state).toBe('RELEASED');

    // One ledger row per channel, the website published once.
    const publications = await db.query(`SELECT channel, action, status FROM publications WHERE item_id = $1 ORDER BY id`, [itemId]);
    expect(publications.rows[0]).toEqual({ channel: '政府网站', action: 'publish', status: 'published' });
    expect(new Set(publications.rows.map((row: { channel: string }) => row.channel)).size).toBe(publications.rows.length);
    const audit = await db.query(`SELECT action, count(*)::int AS n FROM audit_events WHERE item_id = $1 GROUP BY action ORDER BY action`, [itemId]);
    expect(audit.rows).toEqual([
      { action: 'item.created', n: 1 },
      { action: 'item.released', n: 1 },
      { action: 'item.submitted', n: 1 },
      { action: 'task.approve', n: 3 },
    ]);
    const tasks = await db.query(`SELECT stage, state FROM review_tasks WHERE item_id = $1 ORDER BY created_at`, [itemId]);
    expect(tasks.rows).toEqual([
      { stage: 'preliminary-review', state: 'completed' },
      { stage: 'confidentiality-review', state: 'completed' },
      { stage: 'sign-off', state: 'completed' },
    ]);
  }, 240_000); // two worker restarts: slow on a loaded machine, and the assertions above are what counts
});
