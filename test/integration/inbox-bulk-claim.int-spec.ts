import { randomUUID } from 'node:crypto';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';
import { shareActiveCatalogRow } from '../support/catalog-row';

interface ClaimOutcome {
  taskId: string;
  outcome: 'claimed' | 'already-claimed-by-you' | 'refused';
  status: number;
  message: string;
}

/**
 * Bulk claim (批量认领) and the delegate list, on tasks of real workflows. The department and its people are
 * created through the organisation API for this file alone, so other test files' tasks never mix in.
 */
describe('bulk claim in the inbox', () => {
  let system: RunningSystem;
  let client: ApiClient;
  const run = randomUUID().slice(0, 6);
  const department = `bulk-${run}`;
  const people = { drafter: `bulk${run}.drafter`, head: `bulk${run}.head`, deputy: `bulk${run}.deputy`, third: `bulk${run}.third` };
  /** The 初审 tasks of four items of the new department, and one 初审 task of 县教育局 (not for our heads). */
  const tasks: string[] = [];
  let eduTask: string;

  async function submitItem(drafter: string, title: string): Promise<string> {
    const created = await client.request('POST', '/items', { as: drafter, body: { catalogItemCode: 'EDU-001', title, body: '批量认领测试正文。', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    expect((await client.request('POST', `/items/${created.body.id}/submit`, { as: drafter })).status).toBe(200);
    return created.body.id;
  }

  async function taskOf(username: string, itemId: string): Promise<string> {
    return client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks?limit=200', { as: username });
      return (inbox.body.items as { id: string; itemId: string }[]).find((task) => task.itemId === itemId)?.id;
    }, `the task of ${itemId} in ${username}'s inbox`);
  }

  const claimed = async (taskId: string) => (await system.db.query(`SELECT claimed_by FROM review_tasks WHERE id = $1`, [taskId])).rows[0]?.claimed_by as string | null;
  const claimAudits = async (taskId: string, actor: string) =>
    (await system.db.query(`SELECT request_id FROM audit_events WHERE action = 'task.claimed' AND task_id = $1 AND actor = $2`, [taskId, actor])).rows as { request_id: string | null }[];

  beforeAll(async () => {
    system = await startSystem('bulk-claim');
    client = system.client;
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code: department, name: `批量认领测试局${run}`, kind: 'department', parentCode: 'county' } })).status).toBe(201);
    const roles = { drafter: ['drafter'], head: ['reviewer'], deputy: ['reviewer'], third: ['reviewer'] } as const;
    for (const [key, username] of Object.entries(people)) {
      const created = await client.request('POST', '/org/users', { as: 'admin', body: { username, displayName: `${key}-${run}`, departmentCode: department, roles: roles[key as keyof typeof roles] } });
      expect(created.status).toBe(201);
    }
    await shareActiveCatalogRow(system.db, 'EDU-001', department);
    const itemIds = [];
    for (let n = 0; n < 4; n++) itemIds.push(await submitItem(people.drafter, `批量认领测试事项 ${run} ${n}`));
    for (const itemId of itemIds) tasks.push(await taskOf(people.head, itemId));
    eduTask = await taskOf('edu.reviewer', await submitItem('edu.drafter', `批量认领：教育局事项 ${run}`));
  }, 180_000);

  afterAll(() => system?.stop());

  it('claims what it can, and refuses the others one by one with the single claim status', async () => {
    // tasks[2] is held by a colleague; tasks[3] the head already claimed alone.
    expect((await client.request('POST', `/tasks/${tasks[2]}/claim`, { as: people.deputy })).status).toBe(200);
    expect((await client.request('POST', `/tasks/${tasks[3]}/claim`, { as: people.head })).status).toBe(200);
    const unknown = randomUUID();
    const taskIds = [tasks[0]!, tasks[1]!, tasks[2]!, tasks[3]!, eduTask, unknown];

    const first = await client.request('POST', '/tasks/claims', { as: people.head, body: { taskIds }, headers: { 'Idempotency-Key': `bulk-${run}`, 'x-request-id': `bulk-req-${run}` } });
    expect(first.status).toBe(200);
    const byTask = new Map((first.body.results as ClaimOutcome[]).map((result) => [result.taskId, result]));
    expect((first.body.results as ClaimOutcome[]).map((result) => result.taskId)).toEqual(taskIds);
    expect(byTask.get(tasks[0]!)).toMatchObject({ outcome: 'claimed', status: 200 });
    expect(byTask.get(tasks[1]!)).toMatchObject({ outcome: 'claimed', status: 200 });
    expect(byTask.get(tasks[2]!)).toMatchObject({ outcome: 'refused', status: 409, code: 'task.claimed-by-other', claimedBy: people.deputy });
    expect(byTask.get(tasks[3]!)).toMatchObject({ outcome: 'already-claimed-by-you', status: 200 });
    expect(byTask.get(eduTask)).toMatchObject({ outcome: 'refused', status: 403, code: 'task.not-yours', message: expect.stringContaining('部门 edu 的初审人（reviewer）') });
    expect(byTask.get(unknown)).toMatchObject({ outcome: 'refused', status: 404 });
    expect(first.body.summary).toEqual({ claimed: 2, alreadyClaimedByYou: 1, refused: 3 });

    expect(await claimed(tasks[0]!)).toBe(people.head);
    expect(await claimed(tasks[1]!)).toBe(people.head);
    expect(await claimed(tasks[2]!)).toBe(people.deputy);
    expect(await claimed(eduTask)).toBeNull();
    // Audited per task by its workflow, with the request id of the bulk request.
    expect(await claimAudits(tasks[0]!, people.head)).toEqual([{ request_id: `bulk-req-${run}` }]);
    expect(await claimAudits(tasks[1]!, people.head)).toEqual([{ request_id: `bulk-req-${run}` }]);
    expect(await claimAudits(tasks[2]!, people.head)).toEqual([]);
    expect(await claimAudits(tasks[3]!, people.head)).toHaveLength(1); // the single claim, not the bulk one

    // The same request again, and again without a key: nothing changes, nothing more is audited.
    for (const headers of [{ 'Idempotency-Key': `bulk-${run}` }, {} as Record<string, string>]) {
      const again = await client.request('POST', '/tasks/claims', { as: people.head, body: { taskIds }, headers });
      expect(again.status).toBe(200);
      expect((again.body.results as ClaimOutcome[]).map((result) => result.outcome)).toEqual(['already-claimed-by-you', 'already-claimed-by-you', 'refused', 'already-claimed-by-you', 'refused', 'refused']);
      expect(again.body.summary).toEqual({ claimed: 0, alreadyClaimedByYou: 3, refused: 3 });
    }
    for (const taskId of [tasks[0]!, tasks[1]!, tasks[3]!]) expect(await claimAudits(taskId, people.head)).toHaveLength(1);

    // The claimed tasks are the head's alone now: the colleague sees them claimed and cannot take them.
    const deputyTry = await client.request('POST', '/tasks/claims', { as: people.deputy, body: { taskIds: [tasks[0]!] } });
    expect(deputyTry.body.results).toEqual([expect.objectContaining({ outcome: 'refused', status: 409 })]);

    // The inbox names each holder by their display name.
    const inbox = await client.request('GET', '/tasks?state=open&limit=200', { as: people.head });
    const row = (taskId: string) => (inbox.body.items as { id: string; claimedBy: string | null; claimedByName: string | null }[]).find((task) => task.id === taskId);
    expect(row(tasks[2]!)).toMatchObject({ claimedBy: people.deputy, claimedByName: `deputy-${run}` });
    expect(row(tasks[0]!)).toMatchObject({ claimedBy: people.head, claimedByName: `head-${run}` });
  });

  it.each([
    [{}, 'taskIds'],
    [{ taskIds: [] }, 'taskIds'],
    [{ taskIds: ['not-a-uuid'] }, 'taskIds'],
    [{ taskIds: Array.from({ length: 51 }, () => randomUUID()) }, 'taskIds'],
    [{ taskIds: ['6f1c1c1e-8c55-4d2a-9a53-2d7d6f0e4f11', '6f1c1c1e-8c55-4d2a-9a53-2d7d6f0e4f11'] }, 'taskIds'],
    [{ taskIds: [randomUUID()], extra: 1 }, 'extra'],
  ])('answers 400 naming the field for %p', async (body, field) => {
    const response = await client.request('POST', '/tasks/claims', { as: people.head, body });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('lists the colleagues a task may be delegated to, and delegates to one of them', async () => {
    const listed = await client.request('GET', `/tasks/${tasks[1]}/delegates`, { as: people.head });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ taskId: tasks[1], role: 'reviewer', departmentCode: department });
    // Not the head themselves, not the drafter, nobody from another department.
    expect(listed.body.items).toEqual([
      { username: people.deputy, displayName: `deputy-${run}` },
      { username: people.third, displayName: `third-${run}` },
    ]);
    expect((await client.request('GET', `/tasks/${eduTask}/delegates`, { as: people.head })).status).toBe(403);

    const delegated = await client.request('POST', `/tasks/${tasks[1]}/delegate`, { as: people.head, body: { to: people.third, comment: '请代为初审' } });
    expect(delegated.status).toBe(200);
    const view = await client.request('GET', `/tasks/${tasks[1]}`, { as: people.third });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: tasks[1], stage: 'preliminary-review', stageLabel: '初审', assignee: people.third, claimedBy: people.third, delegatedBy: people.head, state: 'open' });
    expect((await client.request('GET', `/tasks/${tasks[1]}`, { as: people.deputy })).status).toBe(403);
  });
});
