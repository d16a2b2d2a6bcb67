import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import { DISCLOSURE_ITEM_WORKFLOW_TYPE, disclosureItemWorkflowId, draftRecordedUpdate, type DisclosureItemInput } from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';
import { eduCatalogRow } from '../support/catalog-row';
import { testServers } from '../support/test-environment';

/**
 * The review chain through HTTP: configurable chains, 合法性审查 for normative documents, claims and
 * delegation, revisions, edits after 签发, scheduled release, interpretations, extensions, notifications.
 */
describe('the review lifecycle', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;

  beforeAll(async () => {
    system = await startSystem('lifecycle');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const draft = (overrides: Record<string, unknown> = {}) => ({
    catalogItemCode: 'EDU-001',
    title: '生命周期测试',
    body: '正文第一版。',
    formedAt: '2026-11-20',
    ...overrides,
  });

  async function openTask(username: string, itemId: string) {
    return client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: username });
      return inbox.body.items.find((task: { itemId: string }) => task.itemId === itemId) as { id: string; kind: string; claimedBy: string | null } | undefined;
    }, `a task of ${itemId} for ${username}`);
  }

  async function decide(username: string, itemId: string, body: Record<string, unknown> = { decision: 'approve' }) {
    const task = await openTask(username, itemId);
    const response = await client.request('POST', `/tasks/${task.id}/complete`, { as: username, body });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function createAndSubmit(overrides: Record<string, unknown> = {}, drafter = 'edu.drafter') {
    const created = await client.request('POST', '/items', { as: drafter, body: draft(overrides) });
    expect(created.status).toBe(201);
    const submitted = await client.request('POST', `/items/${created.body.id}/submit`, { as: drafter });
    expect(submitted.status).toBe(200);
    return { id: created.body.id as string, submitted: submitted.body };
  }

  it('sends a normative document through 合法性审查 before 签发', async () => {
    // 三同步: a normative document goes to review with its interpretation.
    const { id, submitted } = await createAndSubmit({ title: '规范性文件', normativeDocument: true, interpretation: '本规范性文件的解读。' });
    expect(submitted.reviewChain).toEqual(['preliminary-review', 'confidentiality-review', 'legality-review', 'sign-off']);
    await decide('edu.reviewer', id);
    await decide('edu.secrecy', id);
    const legal = await openTask('edu.legal', id);
    expect(legal.kind).toBe('legality-review');
    await decide('edu.legal', id);
    const signed = await decide('edu.leader', id);
    expect(signed.item.state).toBe('RELEASED');
  });

  it('follows a configured chain, and refuses one without 保密审查', async () => {
    const refused = await client.request('PUT', '/review-chains', { as: 'admin', body: { departmentCode: 'civil', stages: ['preliminary-review', 'sign-off'] } });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'stages', problems: [expect.stringContaining('保密审查')] })]);
    expect((await client.request('PUT', '/review-chains', { as: 'edu.leader', body: { departmentCode: 'civil', stages: ['confidentiality-review', 'sign-off'] } })).status).toBe(403);
    const set = await client.request('PUT', '/review-chains', { as: 'admin', body: { departmentCode: 'civil', catalogItemCode: 'ASSIST-001', stages: ['confidentiality-review', 'sign-off'] } });
    expect(set.status).toBe(200);
    const { submitted } = await createAndSubmit({ catalogItemCode: 'ASSIST-001', title: '民政政策' }, 'civil.drafter');
    expect(submitted.reviewChain).toEqual(['confidentiality-review', 'sign-off']);
    expect(submitted.openTask.stage).toBe('confidentiality-review');
    expect((await client.request('GET', '/review-chains', { as: 'admin' })).body.policies).toEqual(
      expect.arrayContaining([expect.objectContaining({ departmentCode: 'civil', catalogItemCode: 'ASSIST-001', stages: ['confidentiality-review', 'sign-off'] })]),
    );
  });

  it('claims, refuses others while claimed, and delegates to a colleague with the same role, audited and notified', async () => {
    const { id } = await createAndSubmit({ title: '认领与转交' });
    await decide('edu.reviewer', id);
    const task = await openTask('edu.secrecy', id);
    const claimed = await client.request('POST', `/tasks/${task.id}/claim`, { as: 'edu.secrecy' });
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy).toBe('edu.secrecy');
    expect((await client.request('POST', `/tasks/${task.id}/claim`, { as: 'edu.secrecy' })).status).toBe(200); // idempotent
    expect((await client.request('POST', `/tasks/${task.id}/claim`, { as: 'edu.secrecy2' })).status).toBe(409);
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy2', body: { decision: 'approve' } })).status).toBe(409);

    expect((await client.request('POST', `/tasks/${task.id}/delegate`, { as: 'edu.secrecy', body: { to: 'edu.drafter' } })).status).toBe(403);
    const wrongRole = await client.request('POST', `/tasks/${task.id}/delegate`, { as: 'edu.secrecy', body: { to: 'edu.leader' } });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.fields).toEqual([expect.objectContaining({ field: 'delegateTo' })]);
    expect((await client.request('POST', `/tasks/${task.id}/delegate`, { as: 'edu.secrecy', body: { to: 'nobody' } })).status).toBe(400);
    const delegated = await client.request('POST', `/tasks/${task.id}/delegate`, { as: 'edu.secrecy', body: { to: 'edu.secrecy2', comment: '出差，请代为审查' } });
    expect(delegated.status).toBe(200);
    expect(delegated.body.assignee).toBe('edu.secrecy2');
    // Now only the delegate sees and decides it.
    expect((await client.request('GET', '/tasks', { as: 'edu.secrecy' })).body.items.map((t: { id: string }) => t.id)).not.toContain(task.id);
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } })).status).toBe(403);
    const inbox = await client.request('GET', '/notifications?unread=true', { as: 'edu.secrecy2' });
    const notice = inbox.body.items.find((n: { taskId: string }) => n.taskId === task.id);
    expect(notice).toMatchObject({ kind: 'task-delegated', title: expect.stringContaining('认领与转交') });
    expect((await client.request('POST', `/notifications/${notice.id}/read`, { as: 'edu.secrecy2' })).status).toBe(200);
    expect((await client.request('POST', `/notifications/${notice.id}/read`, { as: 'edu.secrecy' })).status).toBe(404);
    await decide('edu.secrecy2', id);
    const audit = await db.query(`SELECT action, actor, reason FROM audit_events WHERE task_id = $1 ORDER BY id`, [task.id]);
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(['task.claimed', 'task.delegated', 'task.approve']);
    expect(audit.rows[1]).toMatchObject({ actor: 'edu.secrecy', reason: '出差，请代为审查' });
  });

  it('revises a returned item, and an edit after 签发 voids the sign-off and restarts the chain', async () => {
    const { id } = await createAndSubmit({ title: '修订测试' });
    await decide('edu.reviewer', id, { decision: 'return', comment: '请补充政策依据' });
    expect((await client.request('PATCH', `/items/${id}`, { as: 'edu.leader', body: { body: 'x' } })).status).toBe(403);
    expect((await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: {} })).status).toBe(400);
    const revised = await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { body: '正文第二版，补充了依据。' } });
    expect(revised.status).toBe(200);
    expect((await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' })).body.revision).toBe(2);
    await decide('edu.reviewer', id);
    await decide('edu.secrecy', id);
    // 签发 with a release an hour from now: approved, not yet released.
    const releaseAt = new Date(Date.now() + 3_600_000).toISOString();
    const signed = await decide('edu.leader', id, { decision: 'approve', releaseAt });
    expect(signed.item).toMatchObject({ state: 'APPROVED', scheduledReleaseAt: releaseAt });
    expect((await client.request('GET', `/public/items/${id}`)).status).toBe(404);

    // The drafter edits the signed content: the sign-off is void, the chain starts again at revision 3.
    const edited = await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { title: '修订测试（签发后修改）' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ state: 'IN_REVIEW', revision: 3, openTask: { stage: 'preliminary-review' } });
    await decide('edu.reviewer', id);
    await decide('edu.secrecy', id);
    // This time a release in 20 seconds (beyond the bound on any decision's answer, so it is still ahead
    // when the 签发 answers, however busy the machine): the durable timer releases it.
    const soon = new Date(Date.now() + 20_000).toISOString();
    expect((await decide('edu.leader', id, { decision: 'approve', releaseAt: soon })).item.state).toBe('APPROVED');
    const released = await client.eventually(async () => {
      const page = await client.request('GET', `/public/items/${id}`);
      return page.status === 200 ? page.body : undefined;
    }, 'the scheduled release', 90_000);
    expect(released).toMatchObject({ title: '修订测试（签发后修改）', body: '正文第二版，补充了依据。' });
    // The public page shows as soon as the state is RELEASED; the release's audit line follows it.
    const actions = await client.eventually(async () => {
      const timeline = (await client.request('GET', `/items/${id}`, { as: 'edu.drafter' })).body.timeline.map((e: { action: string }) => e.action) as string[];
      return timeline.includes('item.released') ? timeline : undefined;
    }, 'the release in the timeline');
    expect(actions).toEqual(expect.arrayContaining(['item.revised', 'sign-off.voided', 'item.released']));
    expect(actions.filter((a: string) => a === 'item.revised')).toHaveLength(2);
    expect((await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { body: '发布后修改' } })).status).toBe(409);
  }, 180_000); // a scheduled release 20 s ahead, on a machine that may be busy

  it('lets a supervisor extend a task deadline with a reason, and no one else', async () => {
    const { id } = await createAndSubmit({ title: '延期测试' });
    const task = await openTask('edu.reviewer', id);
    expect((await client.request('POST', `/items/${id}/extensions`, { as: 'edu.leader', body: { target: task.id, workingDays: 2, reason: '会商' } })).status).toBe(403);
    const bad = await client.request('POST', `/items/${id}/extensions`, { as: 'office.supervisor', body: { target: 'later', workingDays: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['reason', 'target', 'workingDays']);
    const before = (await client.request('GET', `/items/${id}`, { as: 'office.supervisor' })).body.tasks[0].dueAt;
    const extended = await client.request('POST', `/items/${id}/extensions`, { as: 'office.supervisor', body: { target: task.id, workingDays: 3, reason: '需征求第三方意见' } });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.openTask.dueAt)).toBeGreaterThan(Date.parse(before));
    const release = await client.request('POST', `/items/${id}/extensions`, { as: 'office.supervisor', body: { target: 'release', workingDays: 5, reason: '依法延长' } });
    expect(release.status).toBe(200);
    const detail = (await client.request('GET', `/items/${id}`, { as: 'office.supervisor' })).body;
    expect(detail.deadlines[0].why).toMatch(/督查延期5个工作日：依法延长/);
    expect(detail.timeline.filter((e: { action: string }) => e.action === 'deadline.extended')).toHaveLength(2);
  });

  it('requires the interpretation of a policy document before it is submitted, and signs them together', async () => {
    // A policy-document catalog row, started on this system's task queue like the API would.
    const itemId = randomUUID();
    const input: DisclosureItemInput = {
      itemId,
      drafter: { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] },
      catalogVersionId: DEMO_CATALOG_VERSION_ID,
      catalogItem: eduCatalogRow({ needsInterpretation: true }),
      title: '随迁子女入学办法',
      body: '正文',
      formedAt: '2026-11-20',
      channels: ['政府网站'],
    };
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      const handle = await new TemporalClient({ connection }).workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue: system.taskQueue, args: [input] });
      await handle.executeUpdate(draftRecordedUpdate);
    } finally {
      await connection.close();
    }
    const refused = await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'interpretation' })]);
    expect((await client.request('PATCH', `/items/${itemId}`, { as: 'edu.drafter', body: { interpretation: '一、出台背景……二、主要内容……' } })).status).toBe(200);
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await decide('edu.reviewer', itemId);
    await decide('edu.secrecy', itemId);
    await decide('edu.leader', itemId);
    const detail = (await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body;
    expect(detail).toMatchObject({ state: 'RELEASED', interpretation: '一、出台背景……二、主要内容……' });
    expect(detail.timeline.find((e: { action: string }) => e.action === 'interpretation.released')).toMatchObject({ detail: expect.objectContaining({ together: true, late: false }) });
    expect((await client.request('GET', `/public/items/${itemId}`)).body.interpretation).toBe('一、出台背景……二、主要内容……');
  });

  it('changes a released item as a new edition: the released one stays public until the new one is released, with the history kept', async () => {
    const { id } = await createAndSubmit({ title: '变更测试', body: '第一版正文' });
    await decide('edu.reviewer', id);
    await decide('edu.secrecy', id);
    await decide('edu.leader', id);
    expect((await client.request('GET', `/public/items/${id}`)).body).toMatchObject({ edition: 1, body: '第一版正文' });

    expect((await client.request('POST', `/items/${id}/editions`, { as: 'edu.drafter', body: { body: '第二版正文' } })).status).toBe(400); // a reason is required
    expect((await client.request('POST', `/items/${id}/editions`, { as: 'civil.drafter', body: { body: 'x', reason: 'y' } })).status).toBe(403);
    const changing = await client.request('POST', `/items/${id}/editions`, { as: 'edu.drafter', body: { body: '第二版正文', reason: '政策调整' } });
    expect(changing.status).toBe(200);
    expect(changing.body).toMatchObject({ state: 'IN_REVIEW', edition: 1, openTask: { stage: 'preliminary-review' } });
    // While the change is reviewed the public still sees the first edition, and the item cannot be withdrawn.
    expect((await client.request('GET', `/public/items/${id}`)).body).toMatchObject({ edition: 1, body: '第一版正文' });
    expect((await client.request('POST', `/items/${id}/withdraw`, { as: 'edu.drafter', body: { reason: 'x' } })).status).toBe(409);

    // A rejected change leaves the first edition in force.
    await decide('edu.reviewer', id, { decision: 'reject', comment: '无需变更' });
    expect((await client.request('GET', `/items/${id}`, { as: 'edu.drafter' })).body).toMatchObject({ state: 'RELEASED', body: '第一版正文' });

    // A second change goes through and becomes edition 2; the history lists both.
    await client.request('POST', `/items/${id}/editions`, { as: 'edu.drafter', body: { body: '第二版正文', title: '变更测试（第二版）', reason: '政策调整' } });
    await decide('edu.reviewer', id);
    await decide('edu.secrecy', id);
    const released = await decide('edu.leader', id);
    expect(released.item).toMatchObject({ state: 'RELEASED', edition: 2 });
    const page = (await client.request('GET', `/public/items/${id}`)).body;
    expect(page).toMatchObject({ edition: 2, title: '变更测试（第二版）', body: '第二版正文' });
    expect(page.editions.map((e: { edition: number; title: string }) => [e.edition, e.title])).toEqual([[1, '变更测试'], [2, '变更测试（第二版）']]);
    const ledger = await db.query(`SELECT revision, count(*)::int AS n FROM publications WHERE item_id = $1 AND channel = '政府网站' GROUP BY revision ORDER BY revision`, [id]);
    expect(ledger.rows).toHaveLength(2); // one website publication per released edition
    const actions = (await client.request('GET', `/items/${id}`, { as: 'edu.drafter' })).body.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['edition.started', 'edition.rejected']));
    expect(actions.filter((a: string) => a === 'item.released')).toHaveLength(2);
  });

  it('carries a released item over to a fresh history (continue-as-new) and goes on from its snapshot', async () => {
    const { id } = await createAndSubmit({ title: '续跑测试', body: '正文' });
    await decide('edu.reviewer', id);
    await decide('edu.secrecy', id);
    const released = await decide('edu.leader', id);
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      const temporal = new TemporalClient({ connection });
      const handle = temporal.workflow.getHandle(disclosureItemWorkflowId(id));
      const history = await handle.fetchHistory();
      // The first run's input, as the workflow received it.
      const payload = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
      const input = JSON.parse(Buffer.from(payload.data!).toString('utf8')) as DisclosureItemInput;
      const detail = (await client.request('GET', `/items/${id}`, { as: 'edu.drafter' })).body;
      // What continueAsNew hands over, started as the next run of the same workflow id.
      const resume = {
        state: 'RELEASED' as const,
        revision: 1,
        edition: 1,
        content: { title: '续跑测试', body: '正文' },
        releasedAt: released.item.releasedAt,
        releaseDeadline: { dueAt: detail.releaseDueAt, dueDate: detail.releaseDueAt.slice(0, 10), provisional: false, explanation: detail.deadlines[0].why, calendarVersion: 'test' },
        lastRelease: { edition: 1, revision: 1, content: { title: '续跑测试', body: '正文' }, contentHash: detail.signedContentHash, releasedAt: released.item.releasedAt },
      };
      // A released item's workflow completes once nothing is left to time; an older one still runs.
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test: stand-in for continue-as-new');
      await temporal.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(id), taskQueue: system.taskQueue, args: [{ ...input, resume }] });
    } finally {
      await connection.close();
    }
    const withdrawn = await client.request('POST', `/items/${id}/withdraw`, { as: 'edu.drafter', body: { reason: '续跑后撤回' } });
    expect([withdrawn.status, withdrawn.body.message]).toEqual([200, undefined]);
    expect(withdrawn.body).toMatchObject({ state: 'WITHDRAWN', edition: 1 });
    expect((await client.request('GET', `/public/items/${id}`)).body).toMatchObject({ state: 'WITHDRAWN', withdrawalReason: '续跑后撤回' });
  });
});
