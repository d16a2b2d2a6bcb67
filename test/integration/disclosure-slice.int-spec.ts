import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import { DepartmentIdAttribute, disclosureItemWorkflowId, DisclosureStateAttribute } from '@zwgk/contracts';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * The first end-to-end slice through HTTP, against the real API and worker processes, a real
 * Temporal dev server and a real PostgreSQL: draft → submit → 保密审查 → 签发 → released.
 */
describe('the disclosure slice over HTTP', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;

  beforeAll(async () => {
    system = await startSystem('slice');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const draft = (overrides: Record<string, unknown> = {}) => ({
    catalogItemCode: 'EDU-001',
    title: '2026年秋季义务教育招生入学办法',
    body: '为做好2026年秋季义务教育招生入学工作，现将有关事项公布如下。',
    formedAt: '2026-02-10',
    ...overrides,
  });

  async function openTasksFor(username: string, itemId: string) {
    const response = await client.request('GET', '/tasks?state=open', { as: username });
    expect(response.status).toBe(200);
    return (response.body.items as { id: string; itemId: string; kind: string; dueAt: string; overdue: boolean }[]).filter((task) => task.itemId === itemId);
  }

  /** 初审 by the department head, the first stage of the default chain. */
  async function passPreliminaryReview(itemId: string) {
    const [task] = await openTasksFor('edu.reviewer', itemId);
    expect(task).toMatchObject({ kind: 'preliminary-review' });
    const response = await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' } });
    expect(response.status).toBe(200);
  }

  it('reports both real servers as healthy', async () => {
    const response = await client.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', db: { ok: true }, temporal: { ok: true } });
  });

  it('serves the OpenAPI document', async () => {
    const response = await client.request('GET', '/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/items', '/api/tasks/{id}/complete', '/api/public/items']));
  });

  it('takes a draft through 保密审查 and 签发 to the public portal, with a timeline of who decided what', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draft() });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('DRAFT');
    // 20 working days after 2026-02-10, skipping the 春节 holiday and counting the 2/14 and 2/28 make-up days.
    expect(created.body.releaseDueAt).toBe('2026-03-16T15:59:59.999Z');
    const itemId: string = created.body.id;

    const submitted = await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('IN_REVIEW');
    // The default chain for an ordinary (not normative) document: 初审 → 保密审查 → 签发.
    expect(submitted.body.reviewChain).toEqual(['preliminary-review', 'confidentiality-review', 'sign-off']);
    // Nobody outside department edu sees the task, and nobody in edu without the stage's role.
    expect(await openTasksFor('civil.secrecy', itemId)).toEqual([]);
    expect(await openTasksFor('edu.secrecy', itemId)).toEqual([]);
    await passPreliminaryReview(itemId);

    const [secrecyTask] = await openTasksFor('edu.secrecy', itemId);
    expect(secrecyTask).toMatchObject({ kind: 'confidentiality-review', overdue: false });
    // Nobody outside department edu sees it, not even a secrecy reviewer of another department.
    expect(await openTasksFor('civil.secrecy', itemId)).toEqual([]);
    expect(await openTasksFor('edu.leader', itemId)).toEqual([]);

    const approved = await client.request('POST', `/tasks/${secrecyTask.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } });
    expect(approved.status).toBe(200);

    const [signOffTask] = await openTasksFor('edu.leader', itemId);
    expect(signOffTask).toMatchObject({ kind: 'sign-off' });
    const signed = await client.request('POST', `/tasks/${signOffTask.id}/complete`, { as: 'edu.leader', body: { decision: 'approve', comment: '同意发布' } });
    expect(signed.status).toBe(200);
    expect(signed.body.item.state).toBe('RELEASED');

    const portal = await client.request('GET', '/public/items?area=义务教育'.replace('义务教育', encodeURIComponent('义务教育')));
    expect(portal.status).toBe(200);
    const listed = portal.body.items.find((item: { id: string }) => item.id === itemId);
    expect(listed.elements).toEqual({
      name: '招生管理 / 招生政策',
      basis: expect.stringContaining('中华人民共和国政府信息公开条例'),
      content: '●随迁子女入学办法',
      subject: '翔安区教育局',
      timeLimit: '信息形成或者变更之日起20个工作日内',
      mode: '主动公开',
    });
    const publicPage = await client.request('GET', `/public/items/${itemId}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.body).toMatchObject({ title: draft().title, body: draft().body, department: '县教育局' });

    const detail = await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' });
    expect(detail.status).toBe(200);
    expect(detail.body.state).toBe('RELEASED');
    expect(detail.body.deadlines[0]).toMatchObject({ kind: 'release', dueAt: '2026-03-16T15:59:59.999Z', why: expect.stringContaining('20个工作日') });
    expect(detail.body.deadlines[2]).toMatchObject({ kind: 'task', label: '保密审查', met: true, why: expect.stringMatching(/^保密审查内部办理时限：.*3个工作日/) });
    const allEvents = detail.body.timeline.map((event: { action: string; actor: string; role: string | null }) => [event.action, event.actor, event.role]) as [string, string, string | null][];
    // The statutory deadline (2026-03-16) is long past: the release timer marked the item overdue once, at a
    // moment among the decisions that depends on timing; the decisions themselves come in order.
    expect(allEvents.filter(([action]) => action === 'item.release-overdue')).toEqual([['item.release-overdue', 'system', null]]);
    const timeline = allEvents.filter(([action]) => action !== 'item.release-overdue');
    expect(timeline).toEqual([
      ['item.created', 'edu.drafter', 'drafter'],
      ['item.submitted', 'edu.drafter', 'drafter'],
      ['task.approve', 'edu.reviewer', 'reviewer'],
      ['task.approve', 'edu.secrecy', 'secrecy-reviewer'],
      ['task.approve', 'edu.leader', 'leader'],
      ['item.released', 'system', null],
    ]);
    expect(detail.body.timeline.filter((event: { action: string }) => event.action !== 'item.release-overdue')[4]).toMatchObject({ reason: '同意发布', actorName: '孙局长（教育局）' });
    // Every channel of EDU-001 is in the ledger, the website first; channels with no adapter (or no
    // configured webhook) are recorded as needing manual publication, never as published.
    expect(detail.body.publications.map((p: { channel: string; kind: string; status: string }) => [p.channel, p.kind, p.status])).toEqual([
      ['政府网站', 'website', 'published'],
      ['两微一端', 'new-media', 'manual-required'],
      ['广播电视', 'manual', 'manual-required'],
      ['纸质媒体', 'manual', 'manual-required'],
      ['公开查阅点', 'manual', 'manual-required'],
      ['社区/企事业单位/村公示栏（电子屏）', 'notice-board', 'published'],
    ]);
    expect(detail.body.publications[0]).toMatchObject({ action: 'publish', reference: `/public/items/${itemId}` });

    // Operators find the workflow by its business id and see its state in the custom search attributes.
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      const description = await new TemporalClient({ connection }).workflow.getHandle(disclosureItemWorkflowId(itemId)).describe();
      // Released with nothing left to time, the item's workflow has completed; its search attributes stay.
      expect(description.status.name).toBe('COMPLETED');
      expect(description.typedSearchAttributes.get(DisclosureStateAttribute)).toBe('RELEASED');
      expect(description.typedSearchAttributes.get(DepartmentIdAttribute)).toBe('edu');
    } finally {
      await connection.close();
    }
  });

  it('maps decisions it cannot accept to 400, 403, 404 and 409', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ title: '错误处理测试' }) });
    const itemId: string = created.body.id;
    await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' });
    await passPreliminaryReview(itemId);
    const [task] = await openTasksFor('edu.secrecy', itemId);

    // Missing decision: 400 naming the field.
    const missing = await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['decision']);
    // A return needs a comment: the workflow validator names the field.
    const returnWithoutComment = await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: { decision: 'return' } });
    expect(returnWithoutComment.status).toBe(400);
    expect(returnWithoutComment.body.fields).toEqual([expect.objectContaining({ field: 'comment' })]);
    // Wrong actor: the leader of the same department, and a reviewer of another department.
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.leader', body: { decision: 'approve' } })).status).toBe(403);
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: 'civil.secrecy', body: { decision: 'approve' } })).status).toBe(403);
    // The drafter can never decide a stage of their own item.
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.drafter', body: { decision: 'approve' } })).status).toBe(403);
    // Unknown ids.
    expect((await client.request('POST', `/tasks/00000000-0000-4000-8000-00000000abcd/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } })).status).toBe(404);
    expect((await client.request('GET', `/items/00000000-0000-4000-8000-00000000abcd`, { as: 'edu.drafter' })).status).toBe(404);
    // Approving twice: the second is a conflicting transition.
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } })).status).toBe(200);
    const again = await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } });
    expect(again.status).toBe(409);
    // Submitting an item already in review.
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(409);
  });

  it('answers a retried decision with the same Idempotency-Key once, without a second effect', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ title: '幂等测试' }) });
    const itemId: string = created.body.id;
    await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' });
    await passPreliminaryReview(itemId);
    const [task] = await openTasksFor('edu.secrecy', itemId);
    const headers = { 'Idempotency-Key': `approve-${task.id}` };
    const first = await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' }, headers });
    const retry = await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' }, headers });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.item.openTask?.taskId).toBe(first.body.item.openTask?.taskId);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE task_id = $1 AND action = 'task.approve'`, [task.id]);
    expect(rows[0].n).toBe(1);
  });

  it('returns the same item for a retried create with the same Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': `create-${Date.now()}` };
    const first = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ title: '重复提交' }), headers });
    const second = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ title: '重复提交' }), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM disclosure_items WHERE title = '重复提交'`);
    expect(rows[0].n).toBe(1);
  });

  it('rejects bad drafts with 400 naming each failing field', async () => {
    const bad = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: '', title: 'x', formedAt: '2026-02-30' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body', 'catalogItemCode', 'formedAt']);
    const unknownCode = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ catalogItemCode: 'NOPE-001' }) });
    expect(unknownCode.status).toBe(400);
    expect(unknownCode.body.fields).toEqual([expect.objectContaining({ field: 'catalogItemCode' })]);
    const future = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ formedAt: '2099-01-01' }) });
    expect(future.status).toBe(400);
    const malformed = await client.request('POST', '/items', { as: 'edu.drafter', rawBody: '{"title":' });
    expect(malformed.status).toBe(400);
  });

  it('requires a bearer token, and checks roles and department', async () => {
    expect((await client.request('GET', '/tasks')).status).toBe(401);
    expect((await client.request('GET', '/tasks', { headers: { authorization: 'Bearer forged.token.value' } })).status).toBe(401);
    expect((await client.request('POST', '/auth/dev-login', { body: { username: 'nobody' } })).status).toBe(401);
    // Only drafters create items.
    expect((await client.request('POST', '/items', { as: 'edu.leader', body: draft() })).status).toBe(403);
    // Another department cannot read an edu item; the supervisor can.
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ title: '可见性测试' }) });
    expect((await client.request('GET', `/items/${created.body.id}`, { as: 'civil.drafter' })).status).toBe(403);
    expect((await client.request('GET', `/items/${created.body.id}`, { as: 'office.supervisor' })).status).toBe(200);
    // Another department's drafter cannot submit it.
    expect((await client.request('POST', `/items/${created.body.id}/submit`, { as: 'civil.drafter' })).status).toBe(403);
    // A draft is not public.
    expect((await client.request('GET', `/public/items/${created.body.id}`)).status).toBe(404);
  });

  it('withdraws a released item with a public reason and keeps a withdrawal notice', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ title: '撤回测试' }) });
    const itemId: string = created.body.id;
    await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' });
    await passPreliminaryReview(itemId);
    const [secrecy] = await openTasksFor('edu.secrecy', itemId);
    await client.request('POST', `/tasks/${secrecy.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } });
    const [signOff] = await openTasksFor('edu.leader', itemId);
    await client.request('POST', `/tasks/${signOff.id}/complete`, { as: 'edu.leader', body: { decision: 'approve' } });

    expect((await client.request('POST', `/items/${itemId}/withdraw`, { as: 'edu.drafter', body: {} })).status).toBe(400);
    const withdrawn = await client.request('POST', `/items/${itemId}/withdraw`, { as: 'edu.drafter', body: { reason: '政策已调整，原文件停止执行' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('WITHDRAWN');
    const notice = await client.request('GET', `/public/items/${itemId}`);
    expect(notice.body).toMatchObject({ state: 'WITHDRAWN', withdrawalReason: '政策已调整，原文件停止执行' });
    expect(notice.body.body).toBeUndefined();
    const list = await client.request('GET', '/public/items');
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(itemId);
    const ledger = await db.query(`SELECT action, status FROM publications WHERE item_id = $1 AND channel = '政府网站' ORDER BY id`, [itemId]);
    expect(ledger.rows).toEqual([{ action: 'publish', status: 'published' }, { action: 'withdraw', status: 'withdrawn' }]);
    const perChannel = await db.query(`SELECT channel, count(*)::int AS n FROM publications WHERE item_id = $1 GROUP BY channel`, [itemId]);
    expect(perChannel.rows.every((row: { n: number }) => row.n === 2)).toBe(true);
  });

  it('sends a returned item back to the drafter and restarts the chain on resubmission', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draft({ title: '退回测试' }) });
    const itemId: string = created.body.id;
    await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' });
    await passPreliminaryReview(itemId);
    const [first] = await openTasksFor('edu.secrecy', itemId);
    const returned = await client.request('POST', `/tasks/${first.id}/complete`, { as: 'edu.secrecy', body: { decision: 'return', comment: '请删除学生个人信息' } });
    expect(returned.status).toBe(200);
    expect(returned.body.item.state).toBe('RETURNED');
    const resubmitted = await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' });
    // The chain starts again from the top.
    expect(resubmitted.body).toMatchObject({ state: 'IN_REVIEW', revision: 2, openTask: { stage: 'preliminary-review' } });
    await passPreliminaryReview(itemId);
    const [second] = await openTasksFor('edu.secrecy', itemId);
    expect(second.id).not.toBe(first.id);
    const rejected = await client.request('POST', `/tasks/${second.id}/complete`, { as: 'edu.secrecy', body: { decision: 'reject', comment: '涉及国家秘密，不予公开' } });
    expect(rejected.body.item.state).toBe('REJECTED');
    // A rejected item is closed for good.
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(409);
  });
});
