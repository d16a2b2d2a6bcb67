import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import { publicConcernWorkflowId, type PublicConcernView } from '@zwgk/contracts';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { EDU_DECIDERS, releaseThroughReview } from '../support/review-path';
import { startApi, startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

const HOUR = 3_600_000;

/**
 * 回应关切 and 政务舆情 end to end over HTTP, against the real API and worker processes, a real Temporal
 * dev server and a real PostgreSQL: a citizen asks about a released item, the disclosure office triages
 * and assigns it, the department drafts, its leader returns then approves, and the response appears on
 * the public item page.
 */
describe('public concerns over HTTP', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  let releasedItemId: string;
  let draftItemId: string;

  async function createDraft(title: string): Promise<string> {
    const created = await client.request('POST', '/items', {
      as: 'edu.drafter',
      body: { catalogItemCode: 'EDU-001', title, body: '为做好2026年秋季义务教育招生入学工作，现将有关事项公布如下。', formedAt: '2026-02-10' },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** create → submit → every review stage approved (保密审查 by edu.secrecy, 签发 by edu.leader, …) → released. */
  async function releaseItem(title: string): Promise<string> {
    const itemId = await createDraft(title);
    await releaseThroughReview(client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter' });
    return itemId;
  }

  beforeAll(async () => {
    system = await startSystem('concerns');
    ({ client, db } = system);
    releasedItemId = await releaseItem('2026年秋季义务教育招生入学办法（回应关切）');
    draftItemId = await createDraft('尚未发布的招生办法');
  }, 180_000);

  afterAll(() => system?.stop());

  // Every test starts with a fresh allowance: all requests come from loopback.
  // Only the public-concern window: other suites (ratings) keep their own windows in the same table.
  beforeEach(() => db.query(`DELETE FROM rate_limit_hits WHERE scope = 'public-concern'`));

  const ask = (itemId: string, body: unknown, headers?: Record<string, string>) => client.request('POST', `/public/items/${itemId}/concerns`, { body, headers });
  const fieldsOf = (response: ApiResponse) => (response.body.fields as { field: string }[]).map((f) => f.field).sort();
  const inboxIds = async (username: string, state = 'open') =>
    ((await client.request('GET', `/concerns?state=${state}`, { as: username })).body.items as { id: string }[]).map((concern) => concern.id);

  it('validates a question, naming the fields, and takes questions only on released items', async () => {
    expect(fieldsOf(await ask(releasedItemId, {}))).toEqual(['content']);
    expect(fieldsOf(await ask(releasedItemId, { content: '太短了' }))).toEqual(['content']);
    expect(fieldsOf(await ask(releasedItemId, { content: '   好的   ' }))).toEqual(['content']); // 2 characters once trimmed
    expect(fieldsOf(await ask(releasedItemId, { content: '问'.repeat(2001) }))).toEqual(['content']);
    expect(fieldsOf(await ask(releasedItemId, { content: '请问招生范围如何划定？', contact: 'x'.repeat(201) }))).toEqual(['contact']);
    expect(fieldsOf(await ask(releasedItemId, { content: 7, contact: 8 }))).toEqual(['contact', 'content']);
    expect((await ask(releasedItemId, { content: '请问招生范围如何划定？', name: '张三' })).status).toBe(400);
    expect((await ask('not-a-uuid', { content: '请问招生范围如何划定？' })).status).toBe(400);
    // A draft, and an item that does not exist, are not public: 404 either way.
    const onDraft = await ask(draftItemId, { content: '请问招生范围如何划定？' });
    expect(onDraft.status).toBe(404);
    expect((await ask('00000000-0000-4000-8000-00000000abcd', { content: '请问招生范围如何划定？' })).status).toBe(404);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM concerns WHERE item_id = $1`, [draftItemId]);
    expect(rows[0].n).toBe(0);
  });

  it('takes a question through triage, drafting, a return, approval and publication next to the item', async () => {
    const asked = await ask(releasedItemId, { content: '请问随迁子女入学需要哪些材料？我的电话13800138000', contact: ' 13800138000 ' });
    expect(asked.status).toBe(201);
    const concernId: string = asked.body.id;
    // The concern is a child workflow of the item's workflow.
    const parentCheck = await Connection.connect({ address: testServers().temporalAddress });
    try {
      const description = await new TemporalClient({ connection: parentCheck }).workflow.getHandle(publicConcernWorkflowId(concernId)).describe();
      expect(description.raw.workflowExecutionInfo?.parentExecution?.workflowId).toBe(`disclosure-item-${releasedItemId}`);
    } finally {
      await parentCheck.close();
    }
    expect(asked.body).toEqual({
      id: concernId,
      itemId: releasedItemId,
      receivedAt: expect.any(String),
      deadlines: [expect.objectContaining({ milestone: 'response', label: '答复', why: expect.stringContaining('7个工作日') })],
    });

    // The inbox: the office sees everything, the item's department sees it, another department does not.
    expect(await inboxIds('office.publisher')).toContain(concernId);
    expect(await inboxIds('edu.drafter')).toContain(concernId);
    expect(await inboxIds('civil.drafter')).not.toContain(concernId);
    expect((await client.request('GET', `/concerns/${concernId}`, { as: 'civil.drafter' })).status).toBe(403);
    const received = await client.request('GET', `/concerns/${concernId}`, { as: 'office.publisher' });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ state: 'AWAITING_TRIAGE', kind: 'message', contact: '13800138000', itemTitle: '2026年秋季义务教育招生入学办法（回应关切）' });
    expect(received.body.timeline).toEqual([expect.objectContaining({ action: 'concern.received', actor: 'public' })]);
    expect((await client.request('GET', '/concerns/00000000-0000-4000-8000-00000000abcd', { as: 'office.publisher' })).status).toBe(404);

    // 1–2. Triage and assignment, by the disclosure office only.
    const triage = (as: string, body: unknown, headers?: Record<string, string>) => client.request('POST', `/concerns/${concernId}/triage`, { as, body, headers });
    expect((await triage('edu.drafter', { classification: 'inquiry', assignDepartmentCode: 'edu' })).status).toBe(403);
    expect(fieldsOf(await triage('office.publisher', { classification: 'inquiry' }))).toEqual(['assignDepartmentCode']);
    expect(fieldsOf(await triage('office.publisher', { classification: 'gossip', assignDepartmentCode: 'edu' }))).toEqual(['classification']);
    expect(fieldsOf(await triage('office.publisher', { classification: 'inquiry', assignDepartmentCode: 'nowhere' }))).toEqual(['assignDepartmentCode']);
    const key = { 'Idempotency-Key': `triage-${concernId}` };
    const triaged = await triage('office.publisher', { classification: 'inquiry', assignDepartmentCode: 'edu' }, key);
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ state: 'AWAITING_RESPONSE', classification: 'inquiry', classificationLabel: '咨询', assignedDepartmentCode: 'edu' });
    // A retry with the same key answers the same; a second triage is a conflicting transition.
    const retried = await triage('office.publisher', { classification: 'inquiry', assignDepartmentCode: 'edu' }, key);
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe('AWAITING_RESPONSE');
    expect((await triage('office.publisher', { classification: 'complaint', assignDepartmentCode: 'civil' })).status).toBe(409);

    // 3. The draft, by a drafter of the assigned department.
    const respond = (as: string, body: unknown) => client.request('POST', `/concerns/${concernId}/response`, { as, body });
    expect((await respond('civil.drafter', { draft: '答复' })).status).toBe(403);
    expect((await respond('edu.leader', { draft: '答复' })).status).toBe(403);
    expect(fieldsOf(await respond('edu.drafter', { draft: '  ' }))).toEqual(['draft']);
    const firstDraft = await respond('edu.drafter', { draft: '需提交户口簿。' });
    expect(firstDraft.status).toBe(200);
    expect(firstDraft.body).toMatchObject({ state: 'AWAITING_REVIEW', revision: 1, draft: '需提交户口簿。', draftedBy: 'edu.drafter' });
    expect((await respond('edu.drafter', { draft: '再写一遍' })).status).toBe(409);

    // 4. The review, by the leader of the assigned department; a return needs a comment.
    const review = (as: string, body: unknown) => client.request('POST', `/concerns/${concernId}/review`, { as, body });
    expect((await review('edu.drafter', { decision: 'approve' })).status).toBe(403);
    expect((await review('civil.leader', { decision: 'approve' })).status).toBe(403);
    expect(fieldsOf(await review('edu.leader', { decision: 'maybe' }))).toEqual(['decision']);
    const returnWithoutComment = await review('edu.leader', { decision: 'return' });
    expect(returnWithoutComment.status).toBe(400);
    expect(fieldsOf(returnWithoutComment)).toEqual(['comment']);
    const returned = await review('edu.leader', { decision: 'return', comment: '请补充居住证明的要求' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'AWAITING_RESPONSE', revision: 2, returnComment: '请补充居住证明的要求' });
    expect((await review('edu.leader', { decision: 'approve' })).status).toBe(409);
    const response = '您好，随迁子女入学需提交户口簿、居住证及父母务工证明，详见办法第三条。';
    expect((await respond('edu.drafter', { draft: response })).body).toMatchObject({ state: 'AWAITING_REVIEW', revision: 2 });
    expect((await client.request('GET', `/public/items/${releasedItemId}`)).body.responses).toEqual([]);

    // 5. Approval publishes it next to the item.
    const approved = await review('edu.leader', { decision: 'approve', comment: '同意答复' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'PUBLISHED', publishedAt: expect.any(String) });
    expect(approved.body.deadlines).toEqual([expect.objectContaining({ milestone: 'response', met: true, overdue: false, metAt: approved.body.publishedAt })]);
    // Published and every deadline met: the concern's workflow completes, and a repeated decision is still a conflict.
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      const result: PublicConcernView = await new TemporalClient({ connection }).workflow.getHandle(publicConcernWorkflowId(concernId)).result();
      expect(result).toMatchObject({ state: 'PUBLISHED', revision: 2 });
    } finally {
      await connection.close();
    }
    expect((await review('edu.leader', { decision: 'approve' })).status).toBe(409);
    expect((await review('edu.leader', { decision: 'return', comment: '撤回' })).status).toBe(409);

    const page = await client.request('GET', `/public/items/${releasedItemId}`);
    expect(page.status).toBe(200);
    expect(page.body.responses).toEqual([
      {
        id: concernId,
        kind: 'message',
        kindLabel: '网站留言',
        question: '请问随迁子女入学需要哪些材料？我的电话***',
        response,
        respondent: '县教育局',
        publishedAt: approved.body.publishedAt,
      },
    ]);
    expect(JSON.stringify(page.body)).not.toContain('13800138000');

    // Every human action is in the audit trail, with who and in what role.
    const detail = await client.request('GET', `/concerns/${concernId}`, { as: 'edu.leader' });
    expect(detail.body.state).toBe('PUBLISHED');
    expect(detail.body.timeline.map((event: { action: string; actor: string; role: string | null }) => [event.action, event.actor, event.role])).toEqual([
      ['concern.received', 'public', null],
      ['concern.triaged', 'office.publisher', 'disclosure-office'],
      ['concern.response-drafted', 'edu.drafter', 'drafter'],
      ['concern.response-returned', 'edu.leader', 'leader'],
      ['concern.response-drafted', 'edu.drafter', 'drafter'],
      ['concern.response-approved', 'edu.leader', 'leader'],
      ['concern.response-published', 'system', null],
    ]);
    expect(detail.body.timeline[3].reason).toBe('请补充居住证明的要求');
    expect(await inboxIds('office.publisher')).not.toContain(concernId);
    expect(await inboxIds('office.publisher', 'PUBLISHED')).toContain(concernId);
  });

  it('lets the disclosure office extend a message once, with a reason', async () => {
    const asked = await ask(releasedItemId, { content: '请问学区划分是否会调整？' });
    expect(asked.status).toBe(201);
    const concernId: string = asked.body.id;
    const extend = (as: string, body: unknown) => client.request('POST', `/concerns/${concernId}/extension`, { as, body });
    expect((await extend('edu.leader', { reason: '情况复杂' })).status).toBe(403);
    expect(fieldsOf(await extend('office.publisher', {}))).toEqual(['reason']);
    const extended = await extend('office.publisher', { reason: '涉及多部门会商，情况复杂' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ deadlineExtended: true, extensionReason: '涉及多部门会商，情况复杂' });
    expect(Date.parse(extended.body.deadlines[0].dueAt)).toBeGreaterThan(Date.parse(asked.body.deadlines[0].dueAt));
    expect(extended.body.deadlines[0].why).toContain('15个工作日');
    expect((await extend('office.publisher', { reason: '再次延期' })).status).toBe(409);
    const { rows } = await db.query(`SELECT reason FROM audit_events WHERE action = 'concern.deadline-extended' AND detail ->> 'concernId' = $1`, [concernId]);
    expect(rows).toEqual([{ reason: '涉及多部门会商，情况复杂' }]);
  });

  it('registers 政务舆情 incidents from staff, each with the deadlines of its severity', async () => {
    const incident = (as: string, itemId: string, body: unknown) => client.request('POST', `/items/${itemId}/incidents`, { as, body });
    const summary = '网传某校招生违规，相关帖子转发量较大';
    expect((await incident('edu.drafter', releasedItemId, { summary, severity: 'public-opinion' })).status).toBe(403);
    expect((await incident('civil.leader', releasedItemId, { summary, severity: 'public-opinion' })).status).toBe(403);
    expect(fieldsOf(await incident('office.publisher', releasedItemId, { summary, severity: 'rumour' }))).toEqual(['severity']);
    expect(fieldsOf(await incident('office.publisher', releasedItemId, { severity: 'public-opinion' }))).toEqual(['summary']);
    expect((await incident('office.publisher', draftItemId, { summary, severity: 'public-opinion' })).status).toBe(409);
    expect((await incident('office.publisher', '00000000-0000-4000-8000-00000000abcd', { summary, severity: 'public-opinion' })).status).toBe(404);

    const major = await incident('edu.leader', releasedItemId, { summary, severity: 'major-emergency' });
    expect(major.status).toBe(201);
    const received = Date.parse(major.body.receivedAt);
    expect(major.body).toMatchObject({ kind: 'major-emergency', state: 'AWAITING_TRIAGE' });
    expect(major.body.deadlines.map((d: { milestone: string; dueAt: string }) => [d.milestone, Date.parse(d.dueAt) - received])).toEqual([
      ['authoritative-information', 5 * HOUR],
      ['press-conference', 24 * HOUR],
    ]);
    const opinion = await incident('office.supervisor', releasedItemId, { summary: '关于招生政策的讨论持续升温', severity: 'public-opinion' });
    expect(opinion.status).toBe(201);
    expect(opinion.body.deadlines.map((d: { milestone: string; dueAt: string }) => [d.milestone, Date.parse(d.dueAt) - Date.parse(opinion.body.receivedAt)])).toEqual([
      ['response', 48 * HOUR],
    ]);
    expect(await inboxIds('edu.leader')).toEqual(expect.arrayContaining([major.body.id, opinion.body.id]));

    // A press conference belongs to a major emergency, and is recorded once.
    const pressConference = (as: string, id: string) => client.request('POST', `/concerns/${id}/press-conference`, { as, body: { summary: '县政府新闻办召开新闻发布会' } });
    expect((await pressConference('edu.drafter', major.body.id)).status).toBe(403);
    expect((await pressConference('office.publisher', opinion.body.id)).status).toBe(409);
    const held = await pressConference('office.publisher', major.body.id);
    expect(held.status).toBe(200);
    expect(held.body.pressConference).toMatchObject({ summary: '县政府新闻办召开新闻发布会' });
    expect(held.body.deadlines.find((d: { milestone: string }) => d.milestone === 'press-conference')).toMatchObject({ met: true });
    expect((await pressConference('office.publisher', major.body.id)).status).toBe(409);
    // Incidents have fixed limits.
    expect((await client.request('POST', `/concerns/${opinion.body.id}/extension`, { as: 'office.publisher', body: { reason: '情况复杂' } })).status).toBe(409);

    // The authoritative information goes through the same steps; the public page shows the response, not the internal summary.
    expect((await client.request('POST', `/concerns/${major.body.id}/triage`, { as: 'office.publisher', body: { classification: 'report', assignDepartmentCode: 'edu' } })).status).toBe(200);
    expect((await client.request('POST', `/concerns/${major.body.id}/response`, { as: 'edu.drafter', body: { draft: '经核查，网传情况不实，招生工作依法依规进行。' } })).status).toBe(200);
    const published = await client.request('POST', `/concerns/${major.body.id}/review`, { as: 'edu.leader', body: { decision: 'approve' } });
    expect(published.body).toMatchObject({ state: 'PUBLISHED' });
    const page = await client.request('GET', `/public/items/${releasedItemId}`);
    expect(page.body.responses).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: major.body.id, kind: 'major-emergency', question: null, response: '经核查，网传情况不实，招生工作依法依规进行。' })]),
    );
    expect(JSON.stringify(page.body)).not.toContain(summary);
    const { rows } = await db.query(`SELECT actor, actor_role FROM audit_events WHERE action = 'incident.registered' AND detail ->> 'concernId' = $1`, [major.body.id]);
    expect(rows).toEqual([{ actor: 'edu.leader', actor_role: 'leader' }]);
  });

  it('limits each address to 5 questions in 10 minutes, shared by every API replica', async () => {
    const keyed = { 'Idempotency-Key': 'first-question' };
    const first = await ask(releasedItemId, { content: '第1个问题：招生范围？' }, keyed);
    expect(first.status).toBe(201);
    for (let n = 2; n <= 5; n++) expect((await ask(releasedItemId, { content: `第${n}个问题：招生范围？` })).status).toBe(201);

    const limited = await ask(releasedItemId, { content: '第6个问题：招生范围？' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'too-many-requests', code: 'public.rate-limited' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // A retried submission is not a new one: it finds the first concern instead of being refused.
    const retried = await ask(releasedItemId, { content: '第1个问题：招生范围？' }, keyed);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    // Staff work is not limited.
    expect((await client.request('GET', '/concerns', { as: 'office.publisher' })).status).toBe(200);

    // Another API replica counts the same submissions: the limit lives in PostgreSQL.
    const replica = await startApi(system.taskQueue);
    try {
      const elsewhere = await new ApiClient(replica.baseUrl).request('POST', `/public/items/${releasedItemId}/concerns`, { body: { content: '第7个问题：招生范围？' } });
      expect(elsewhere.status).toBe(429);
      expect(Number(elsewhere.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await replica.stop();
    }
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM concerns WHERE item_id = $1 AND content LIKE '第_个问题：招生范围？'`, [releasedItemId]);
    expect(rows[0].n).toBe(5);
  }, 120_000);
});
