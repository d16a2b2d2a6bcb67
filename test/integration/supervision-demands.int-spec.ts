import { randomUUID } from 'node:crypto';
import {
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  respondToDemandUpdate,
  SUPERVISION_DEMAND_WORKFLOW_TYPE,
  supervisionDemandOpenedUpdate,
  supervisionDemandWorkflowId,
  type ActorRef,
  type SupervisionDemandInput,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import type { ApiClient } from '../support/api-client';
import { eduCatalogRow } from '../support/catalog-row';
import { startSystem, type RunningSystem } from '../support/running-system';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * 督办 through the real API, worker and workflow: a supervisor demands action on an overdue item, the task
 * lands in the department head's inbox, the head answers it, and every step is audited. Other test files
 * share the database, so every assertion looks only at this file's items and demands.
 */
describe('a supervisor demands action (督办)', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let itemId: string;

  beforeAll(async () => {
    system = await startSystem('demands');
    ({ client } = system);
    // Formed in September and never released: statutory overdue.
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '督办测试：逾期未公开', body: '……', formedAt: '2026-09-01' } });
    expect(created.status).toBe(201);
    itemId = created.body.id;
  }, 120_000);

  afterAll(() => system?.stop());

  const demand = (body: unknown, as = 'office.supervisor', key?: string) =>
    client.request('POST', '/supervision/demands', { as, body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });
  const audit = async (demandId: string) =>
    (await system.db.query<{ action: string; actor: string; reason: string | null }>(`SELECT action, actor, reason FROM audit_events WHERE task_id = $1 ORDER BY id`, [demandId])).rows;

  it('opens a task in the department head inbox, notifies the head, and answers a retry with the same demand', async () => {
    const key = `demand-${randomUUID()}`;
    const first = await demand({ itemId, reason: '请于三日内说明未按时公开的原因并尽快公开', dueWorkingDays: 2 }, 'office.supervisor', key);
    expect(first.status).toBe(201);
    expect(first.body).toEqual(expect.objectContaining({
      itemId, itemTitle: '督办测试：逾期未公开', departmentCode: 'edu', demandedBy: 'office.supervisor', dueWorkingDays: 2, state: 'open',
      response: null, dueExplanation: expect.stringContaining('2个工作日'),
    }));
    expect(Date.parse(first.body.dueAt)).toBeGreaterThan(Date.now());
    const again = await demand({ itemId, reason: '请于三日内说明未按时公开的原因并尽快公开', dueWorkingDays: 2 }, 'office.supervisor', key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const { rows } = await system.db.query(`SELECT count(*)::int AS n FROM supervision_demands WHERE item_id = $1`, [itemId]);
    expect(rows[0].n).toBe(1);

    // The head's inbox (reviewer of edu), labelled 督办; not the drafter's, nor another department's.
    const inbox = await client.request('GET', '/tasks?state=open&limit=200', { as: 'edu.reviewer' });
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: first.body.id, itemId, kind: 'supervision-demand', kindLabel: '督办', departmentCode: 'edu' })]));
    for (const other of ['edu.drafter', 'civil.leader']) {
      const theirs = await client.request('GET', '/tasks?state=open&limit=200', { as: other });
      expect(theirs.body.items.map((task: { id: string }) => task.id)).not.toContain(first.body.id);
    }
    const notified = await client.eventually(async () => {
      const { rows: found } = await system.db.query(`SELECT recipient FROM notifications WHERE task_id = $1 AND kind = 'supervision-demand'`, [first.body.id]);
      return found.length ? found.map((row) => row.recipient as string) : undefined;
    }, 'the head notified');
    expect(notified).toContain('edu.reviewer');
    expect(await audit(first.body.id)).toEqual([expect.objectContaining({ action: 'supervision.demanded', actor: 'office.supervisor', reason: '请于三日内说明未按时公开的原因并尽快公开' })]);
  });

  it('is answered by the head: closed, out of the inbox, audited, idempotent; a second answer is a conflict', async () => {
    const made = await demand({ itemId, reason: '请尽快完成审核发布' });
    expect(made.status).toBe(201);
    const id = made.body.id as string;

    expect((await client.request('POST', `/supervision/demands/${id}/respond`, { as: 'office.supervisor', body: { response: 'x' } })).status).toBe(403);
    expect((await client.request('POST', `/supervision/demands/${id}/respond`, { as: 'edu.leader', body: { response: 'x' } })).status).toBe(403);
    const blank = await client.request('POST', `/supervision/demands/${id}/respond`, { as: 'edu.reviewer', body: { response: '' } });
    expect(blank.status).toBe(400);
    expect(blank.body.fields).toEqual([expect.objectContaining({ field: 'response' })]);
    // The review-task actions do not apply to a demand: they point at the demand's own endpoint.
    await client.eventually(async () => ((await client.request('GET', '/tasks?state=open&limit=200', { as: 'edu.reviewer' })).body.items as { id: string }[]).some((t) => t.id === id) || undefined, `demand ${id} in the head's inbox`);
    const asReview = await client.request('POST', `/tasks/${id}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' } });
    expect(asReview.status).toBe(409);
    expect(asReview.body.message).toContain(`/api/supervision/demands/${id}/respond`);
    const bulk = await client.request('POST', '/tasks/claims', { as: 'edu.reviewer', body: { taskIds: [id] } });
    expect(bulk.body.results).toEqual([expect.objectContaining({ taskId: id, outcome: 'refused', status: 409 })]);

    const answer = '已督促经办科室，将于本周五前发布';
    const answered = await client.request('POST', `/supervision/demands/${id}/respond`, { as: 'edu.reviewer', body: { response: answer }, headers: { 'Idempotency-Key': `answer-${id}` } });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual(expect.objectContaining({ id, state: 'answered', response: answer, responder: 'edu.reviewer', late: false, respondedAt: expect.any(String) }));
    const task = (await system.db.query(`SELECT state, comment, decided_by, overdue FROM review_tasks WHERE id = $1`, [id])).rows[0];
    expect(task).toEqual({ state: 'completed', comment: answer, decided_by: 'edu.reviewer', overdue: false });
    const inbox = await client.request('GET', '/tasks?state=open&limit=200', { as: 'edu.reviewer' });
    expect(inbox.body.items.map((entry: { id: string }) => entry.id)).not.toContain(id);

    const repeat = await client.request('POST', `/supervision/demands/${id}/respond`, { as: 'edu.reviewer', body: { response: answer }, headers: { 'Idempotency-Key': `answer-${id}` } });
    expect(repeat.status).toBe(200);
    expect(repeat.body.respondedAt).toBe(answered.body.respondedAt);
    expect((await client.request('POST', `/supervision/demands/${id}/respond`, { as: 'edu.reviewer', body: { response: '另一个答复' } })).status).toBe(409);

    const actions = await client.eventually(async () => {
      const rows = await audit(id);
      return rows.length >= 2 ? rows : undefined;
    }, 'the answer audited');
    expect(actions.map((row) => row.action)).toEqual(['supervision.demanded', 'supervision.demand-answered']);
    expect(actions[1]).toEqual(expect.objectContaining({ actor: 'edu.reviewer', reason: answer }));
    const told = await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT recipient FROM notifications WHERE task_id = $1 AND kind = 'supervision-demand-answered'`, [id]);
      return rows.length ? rows : undefined;
    }, 'the supervisor told');
    expect(told).toEqual([{ recipient: 'office.supervisor' }]);
  });

  it('lists demands by state and department, to supervisors and to the department head only', async () => {
    const answered = await client.request('GET', '/supervision/demands?state=answered&department=edu', { as: 'office.supervisor' });
    expect(answered.status).toBe(200);
    const mine = answered.body.items.filter((entry: { itemId: string }) => entry.itemId === itemId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toEqual(expect.objectContaining({ state: 'answered', response: '已督促经办科室，将于本周五前发布' }));
    const open = await client.request('GET', '/supervision/demands?state=open', { as: 'admin' });
    expect(open.body.items.filter((entry: { itemId: string }) => entry.itemId === itemId)).toHaveLength(1);
    expect((await client.request('GET', `/supervision/demands?itemId=${itemId}`, { as: 'edu.reviewer' })).body.items).toHaveLength(2);
    expect((await client.request('GET', '/supervision/demands?department=civil', { as: 'edu.reviewer' })).status).toBe(403);
    expect((await client.request('GET', '/supervision/demands', { as: 'edu.drafter' })).status).toBe(403);
    const bad = await client.request('GET', '/supervision/demands?state=late&department=nowhere', { as: 'office.supervisor' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field)).toEqual(['state']);
    expect((await client.request('GET', '/supervision/demands?department=nowhere', { as: 'office.supervisor' })).body.fields).toEqual([expect.objectContaining({ field: 'department' })]);
  });

  it('shows the demands on the item overdue audit rows and in the exports', async () => {
    const overdue = await client.request('GET', '/supervision/overdue?departmentCode=edu&kind=statutory', { as: 'office.supervisor' });
    const row = overdue.body.items.find((entry: { itemId: string }) => entry.itemId === itemId);
    expect(row.demands.map((entry: { state: string; reason: string }) => [entry.state, entry.reason])).toEqual([
      ['open', '请于三日内说明未按时公开的原因并尽快公开'],
      ['answered', '请尽快完成审核发布'],
    ]);
    // The demand's own task is not a review stage: it never shows as an internal SLA row.
    expect(overdue.body.items.some((entry: { taskId: string | null }) => row.demands.some((d: { id: string }) => d.id === entry.taskId))).toBe(false);
    const csv = await client.request('GET', '/supervision/overdue.csv?departmentCode=edu&kind=statutory', { as: 'office.supervisor' });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toMatch(/分管领导,督办\r\n/);
    expect(String(csv.body)).toContain('office.supervisor：请尽快完成审核发布（已答复）');
  });

  it('refuses anyone but a supervisor, a demand without a reason, and an unknown item', async () => {
    expect((await demand({ itemId, reason: '请处理' }, 'edu.leader')).status).toBe(403);
    expect((await demand({ itemId, reason: '请处理' }, 'admin')).status).toBe(403);
    const missing = await demand({ itemId });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    const bad = await demand({ itemId: 'nope', reason: ' ', dueWorkingDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['dueWorkingDays', 'itemId', 'reason']);
    expect((await demand({ itemId: randomUUID(), reason: '请处理' })).status).toBe(404);
  });
});

/**
 * The demand's durable timer on the time-skipping server: unanswered at its due time, the workflow itself
 * marks it overdue, audits it and tells the supervisors; a late answer still closes it, flagged late.
 * The server's clock starts at a fixed instant, Tuesday 2098-03-04 09:00 China time, so no date here depends on today's.
 */
describe('a demand left unanswered', () => {
  let harness: TimeSkippingHarness;

  beforeAll(async () => {
    harness = await startTimeSkippingHarness('demand-timer', undefined, { startAt: '2098-03-04T01:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };
  const head: ActorRef = { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] };

  it('becomes overdue at its due time, and a late answer is recorded as late', async () => {
    const { env, dataSource, taskQueue } = harness;
    const itemId = randomUUID();
    const item = await env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(itemId),
      taskQueue,
      args: [{ itemId, drafter, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow(), title: '督办计时', body: '正文', formedAt: '2098-03-03', channels: ['政府网站'] }],
    });
    await item.executeUpdate(draftRecordedUpdate);

    const demandId = randomUUID();
    const input: SupervisionDemandInput = { demandId, itemId, itemTitle: '督办计时', departmentCode: 'edu', reason: '请说明进展', dueWorkingDays: 1, demandedBy: supervisor };
    const handle = await env.client.workflow.start(SUPERVISION_DEMAND_WORKFLOW_TYPE, { workflowId: supervisionDemandWorkflowId(demandId), taskQueue, args: [input] });
    const opened = await handle.executeUpdate(supervisionDemandOpenedUpdate);
    expect(opened.state).toBe('OPEN');
    // 1 working day from Tuesday: the end of Wednesday 3/5, China time.
    expect(opened.dueAt).toBe('2098-03-05T15:59:59.999Z');
    const row = async () => (await dataSource.query(`SELECT state, overdue_at, responded_at FROM supervision_demands WHERE id = $1`, [demandId]))[0];
    expect((await row()).state).toBe('open');
    const { due_at: taskDue } = (await dataSource.query(`SELECT due_at FROM review_tasks WHERE id = $1 AND stage = 'supervision-demand' AND role = 'reviewer'`, [demandId]))[0];
    expect(new Date(taskDue).toISOString()).toBe(opened.dueAt);

    // A second before the due time nothing has happened; just after it, the workflow has marked it overdue.
    await harness.sleepUntil(new Date(Date.parse(opened.dueAt!) - 1000).toISOString());
    expect((await row()).state).toBe('open');
    await harness.sleepUntil(new Date(Date.parse(opened.dueAt!) + 60_000).toISOString());
    const overdue = await row();
    expect(overdue.state).toBe('overdue');
    expect(overdue.overdue_at).not.toBeNull();
    const actions = (await dataSource.query(`SELECT action FROM audit_events WHERE task_id = $1 ORDER BY id`, [demandId])).map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(['supervision.demanded', 'supervision.demand-overdue']);
    const told = (await dataSource.query(`SELECT recipient FROM notifications WHERE task_id = $1 AND kind = 'supervision-demand-overdue'`, [demandId])).map((entry: { recipient: string }) => entry.recipient);
    expect(told).toContain('office.supervisor');

    // The wrong actor is refused by the validator; the head's late answer closes it.
    await expect(handle.executeUpdate(respondToDemandUpdate, { args: [{ demandId, actor: { ...head, departmentCode: 'civil' }, response: '晚了' }] })).rejects.toMatchObject({ cause: { type: 'Forbidden', message: expect.stringMatching(/^只有部门 edu 的负责人（\S+）才能答复本督办单$/) } });
    const answered = await handle.executeUpdate(respondToDemandUpdate, { args: [{ demandId, actor: head, response: '已于今日公开' }] });
    expect(answered).toEqual(expect.objectContaining({ state: 'ANSWERED', overdue: true, response: expect.objectContaining({ text: '已于今日公开', responder: 'edu.reviewer', late: true }) }));
    expect(await handle.result()).toEqual(expect.objectContaining({ state: 'ANSWERED' }));
    expect((await row()).state).toBe('answered');
    expect((await dataSource.query(`SELECT state, overdue FROM review_tasks WHERE id = $1`, [demandId]))[0]).toEqual({ state: 'completed', overdue: true });
  });
});
