import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import { PUBLIC_CONSULTATION_WORKFLOW_TYPE, publicConsultationWorkflowId, type PublicConsultationInput } from '@zwgk/contracts';
import { addDays, chinaDateOf } from '@zwgk/domain';
import type { ApiClient, ApiResponse } from '../support/api-client';
import { EDU_DECIDERS, releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * 意见征集 over HTTP against the real API, worker, Temporal dev server and PostgreSQL: a department opens a
 * consultation, citizens comment without signing in, staff moderate, and the portal shows the opinions
 * without contacts. The comment period itself runs on the real clock, so the feedback path starts a
 * consultation whose period has already ended straight on Temporal (its timers are covered on the
 * time-skipping server): the department records its answers over HTTP, the feedback item goes through
 * review, and the citizen reads the feedback on the portal.
 */
describe('public consultations over HTTP', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  let connection: Connection;
  let temporal: TemporalClient;

  beforeAll(async () => {
    system = await startSystem('consultations');
    ({ client, db } = system);
    connection = await Connection.connect({ address: testServers().temporalAddress });
    temporal = new TemporalClient({ connection });
  }, 120_000);
  afterAll(async () => {
    await connection?.close();
    await system?.stop();
  });
  beforeEach(() => db.query(`DELETE FROM rate_limit_hits WHERE scope = 'public-consultation-comment'`));

  // Relative to today only through the China day the API sees: 31 days is past the 30-day minimum whatever today is.
  const today = () => chinaDateOf(new Date());
  const draft = (overrides: Record<string, unknown> = {}) => ({
    kind: 'major-decision',
    title: `县城公共停车收费调整方案（征求意见稿）${randomUUID().slice(0, 8)}`,
    draftText: '第一条 为规范停车秩序……\n第五条 夜间停车收费标准……',
    explanation: '起草说明：近年来县城机动车保有量快速增长……',
    closesOn: addDays(today(), 31),
    ...overrides,
  });
  const open = (body: unknown, as = 'edu.drafter', headers?: Record<string, string>) => client.request('POST', '/consultations', { as, body, headers });
  const comment = (id: string, body: unknown, headers?: Record<string, string>) => client.request('POST', `/public/consultations/${id}/comments`, { body, headers });
  const fieldsOf = (response: ApiResponse) => (response.body.fields as { field: string }[]).map((field) => field.field).sort();

  it('opens a consultation for at least the legal minimum, and refuses a shorter one without a reason, naming the field', async () => {
    const short = await open(draft({ closesOn: addDays(today(), 10) }));
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'consultation.period-too-short' });
    expect(fieldsOf(short)).toEqual(['closesOn']);
    expect(short.body.message).toContain('第十五条');
    expect(short.body.message).toContain(addDays(today(), 30));

    const bad = await open({ ...draft(), kind: 'poster', closesOn: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['closesOn', 'kind']);
    expect((await open(draft(), 'office.supervisor')).status).toBe(403);

    const urgent = await open(draft({ closesOn: addDays(today(), 10), shortenedReason: '汛期临近，需尽快实施' }));
    expect(urgent.status).toBe(201);
    expect(urgent.body).toMatchObject({ state: 'OPEN', shortenedReason: '汛期临近，需尽快实施', daysLeft: 11 });

    const opened = await open(draft(), 'edu.drafter', { 'Idempotency-Key': `open-${urgent.body.id}` });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ state: 'OPEN', kind: 'major-decision', departmentCode: 'edu', daysLeft: 32, minimumBasis: expect.stringContaining('30日') });
    const again = await open({ ...draft(), title: opened.body.title }, 'edu.drafter', { 'Idempotency-Key': `open-${urgent.body.id}` });
    expect(again.body.id).toBe(opened.body.id);
    const { rows } = await db.query(`SELECT actor, action FROM audit_events WHERE action = 'consultation.opened' AND detail->>'consultationId' = $1`, [opened.body.id]);
    expect(rows).toEqual([{ actor: 'edu.drafter', action: 'consultation.opened' }]);

    const listed = await client.request('GET', '/public/consultations?status=open&limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: opened.body.id, daysLeft: 32, kindLabel: '重大行政决策', stateLabel: '征求意见中' })]));
    expect((await client.request('GET', '/public/consultations?status=whatever')).status).toBe(400);
    // Staff lists are scoped to the department.
    expect(((await client.request('GET', '/consultations', { as: 'civil.drafter' })).body.items as { id: string }[]).map((item) => item.id)).not.toContain(opened.body.id);
    expect((await client.request('GET', `/consultations/${opened.body.id}`, { as: 'civil.drafter' })).status).toBe(403);
  });

  it('takes comments with their clause, moderates them, and never shows a contact publicly', async () => {
    const { body: consultation } = await open(draft());
    expect(fieldsOf(await comment(consultation.id, {}))).toEqual(['content']);
    expect(fieldsOf(await comment(consultation.id, { content: '短', clause: '', contact: 'x'.repeat(101) }))).toEqual(['clause', 'contact', 'content']);
    expect((await comment(consultation.id, { content: '建议增加夜间免费时段。', extra: 1 })).status).toBe(400);
    expect((await comment(randomUUID(), { content: '建议增加夜间免费时段。' })).status).toBe(404);
    expect((await comment('not-a-uuid', { content: '建议增加夜间免费时段。' })).status).toBe(400);

    const first = await comment(consultation.id, { clause: '第五条', content: '建议夜间22点后免费停车。', name: '张先生', contact: '13800001111' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'pending', consultationId: consultation.id });
    const spam = await comment(consultation.id, { content: '低价代办各类证件，请加微信。', contact: 'spam@example.com' });
    expect(spam.status).toBe(201);

    // Pending: not on the portal yet.
    expect((await client.request('GET', `/public/consultations/${consultation.id}`)).body.comments).toEqual([]);
    const moderate = (commentId: string, body: unknown, as = 'edu.reviewer') => client.request('POST', `/consultations/${consultation.id}/comments/${commentId}/moderation`, { as, body });
    expect(fieldsOf(await moderate(spam.body.id, { decision: 'reject' }))).toEqual(['reason']);
    expect((await moderate(spam.body.id, { decision: 'reject', reason: '广告' }, 'civil.leader')).status).toBe(403);
    expect((await moderate(spam.body.id, { decision: 'reject', reason: '广告' }, 'office.supervisor')).status).toBe(403);
    expect((await moderate(spam.body.id, { decision: 'reject', reason: '广告' })).status).toBe(200);
    expect((await moderate(first.body.id, { decision: 'approve' }, 'office.publisher')).status).toBe(200);
    expect((await moderate(first.body.id, { decision: 'approve' })).status).toBe(200);
    expect((await moderate(spam.body.id, { decision: 'approve' })).status).toBe(409);
    expect((await moderate(randomUUID(), { decision: 'approve' })).status).toBe(404);

    const page = await client.request('GET', `/public/consultations/${consultation.id}`);
    expect(page.status).toBe(200);
    expect(page.body.comments).toEqual([{ id: first.body.id, clause: '第五条', content: '建议夜间22点后免费停车。', authorName: '张先生', receivedAt: expect.any(String) }]);
    expect(JSON.stringify(page.body)).not.toContain('13800001111');
    expect(JSON.stringify(page.body)).not.toContain('代办');
    expect(page.body).toMatchObject({ draftText: expect.stringContaining('第五条'), explanation: expect.stringContaining('起草说明'), feedback: null });
    // Staff of the department see the contact, and the whole queue.
    const staff = await client.request('GET', `/consultations/${consultation.id}`, { as: 'edu.drafter' });
    expect(staff.body.comments).toEqual(expect.arrayContaining([expect.objectContaining({ id: first.body.id, contact: '13800001111', state: 'approved', moderatedBy: 'office.publisher' })]));
    expect(staff.body.comments).toEqual(expect.arrayContaining([expect.objectContaining({ id: spam.body.id, state: 'rejected', rejectionReason: '广告' })]));
    // Feedback comes after closing.
    const early = await client.request('POST', `/consultations/${consultation.id}/feedback`, { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', summary: '……', opinions: [] } });
    expect(early.status).toBe(409);
    // The audit trail records that an opinion came in, not what it says or who sent it.
    const { rows } = await db.query(`SELECT detail::text AS detail FROM audit_events WHERE action = 'consultation.comment-received' AND detail->>'commentId' = $1`, [first.body.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).not.toContain('13800001111');
  });

  it('masks the personal data a commenter wrote into an approved opinion before the portal shows it', async () => {
    const { body: consultation } = await open(draft());
    const written = '我家户主张建国，身份证330106198503120415，卡号6222021203001234565，补贴一直没到账，请回电13857112345或联系zjg_1985。';
    const posted = await comment(consultation.id, { clause: '第五条 13857112345', content: written, name: '张建国', contact: 'zjg_1985' });
    expect(posted.status).toBe(201);
    expect((await client.request('POST', `/consultations/${consultation.id}/comments/${posted.body.id}/moderation`, { as: 'edu.reviewer', body: { decision: 'approve' } })).status).toBe(200);

    const page = await client.request('GET', `/public/consultations/${consultation.id}`);
    expect(page.status).toBe(200);
    const shown = page.body.comments[0] as { clause: string; content: string; authorName: string };
    const publicText = JSON.stringify(page.body);
    for (const value of ['330106198503120415', '6222021203001234565', '13857112345', 'zjg_1985']) expect(publicText).not.toContain(value);
    expect(shown.content).toContain('身份证***');
    expect(shown.content).toContain('6222***********4565');
    expect(shown.content).toContain('补贴一直没到账');
    expect(shown.clause).toBe('第五条 138****2345');
    // Staff still read the opinion as written, to answer it.
    const staff = await client.request('GET', `/consultations/${consultation.id}`, { as: 'edu.drafter' });
    expect(staff.body.comments[0]).toMatchObject({ content: written, contact: 'zjg_1985' });
  });

  it('refuses comments once the period has ended, and limits each address to 5 comments in 10 minutes', async () => {
    const { body: consultation } = await open(draft());
    const keyed = { 'Idempotency-Key': `c-${consultation.id}` };
    const first = await comment(consultation.id, { content: '第1条意见：建议延长公示。' }, keyed);
    expect(first.status).toBe(201);
    for (let n = 2; n <= 5; n++) expect((await comment(consultation.id, { content: `第${n}条意见：建议延长公示。` })).status).toBe(201);
    const limited = await comment(consultation.id, { content: '第6条意见：建议延长公示。' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'public.rate-limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await comment(consultation.id, { content: '第1条意见：建议延长公示。' }, keyed)).body.id).toBe(first.body.id);

    // The end of the period as the read model has it (the timer itself is tested on the time-skipping server).
    await db.query(`DELETE FROM rate_limit_hits WHERE scope = 'public-consultation-comment'`);
    await db.query(`UPDATE public_consultations SET closes_at = now() - interval '1 minute' WHERE id = $1`, [consultation.id]);
    const late = await comment(consultation.id, { content: '截止后提交的意见。' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'consultation.closed' });
    const closed = await client.request('GET', '/public/consultations?status=closed&limit=100');
    expect(closed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: consultation.id, daysLeft: 0, state: 'CLOSED' })]));
  });

  it('publishes the feedback through review, and the citizen reads which opinions were adopted and why', async () => {
    // A consultation whose period ended a minute ago: its timer closes it at once.
    const consultationId = randomUUID();
    const title = `县城公共自行车站点布局规划（征求意见稿）${consultationId.slice(0, 8)}`;
    const input: PublicConsultationInput = {
      consultationId,
      departmentCode: 'edu',
      kind: 'plan',
      title,
      draftText: '第三条 站点布局……',
      explanation: '起草说明……',
      affectsMarketEntities: false,
      minimumBasis: '一般不少于30日',
      openedAt: new Date(Date.now() - 31 * 86_400_000).toISOString(),
      closesOn: chinaDateOf(new Date(Date.now() - 60_000)),
      closesAt: new Date(Date.now() - 60_000).toISOString(),
      feedbackWorkingDays: 15,
      openedBy: { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] },
      feedbackPollMinutes: 0.02,
    };
    await temporal.workflow.start(PUBLIC_CONSULTATION_WORKFLOW_TYPE, { workflowId: publicConsultationWorkflowId(consultationId), taskQueue: system.taskQueue, args: [input] });
    const [adopted, declined] = [randomUUID(), randomUUID()];
    await client.eventually(async () => ((await db.query(`SELECT 1 FROM public_consultations WHERE id = $1`, [consultationId])).rowCount ? true : undefined), 'the consultation row');
    await db.query(
      `INSERT INTO consultation_comments (id, consultation_id, clause, content, contact, state, received_at)
       VALUES ($1, $3, '第三条', '建议在县医院门口增设站点', '13900002222', 'approved', now() - interval '2 minutes'), ($2, $3, NULL, '建议全部免费', NULL, 'approved', now() - interval '1 minute')`,
      [adopted, declined, consultationId],
    );
    await client.eventually(async () => ((await client.request('GET', `/consultations/${consultationId}`, { as: 'edu.drafter' })).body.state === 'CLOSED' ? true : undefined), 'closed by its timer');

    const feedback = (body: unknown, as = 'edu.drafter') => client.request('POST', `/consultations/${consultationId}/feedback`, { as, body });
    const answers = [
      { commentId: adopted, adoption: 'adopted' },
      { commentId: declined, adoption: 'not-adopted', reason: '运营经费需由使用者适当分担' },
    ];
    const incomplete = await feedback({ catalogItemCode: 'EDU-001', summary: '感谢参与。', opinions: [{ commentId: adopted, adoption: 'adopted' }, { commentId: declined, adoption: 'not-adopted' }] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({ code: 'consultation.feedback-incomplete' });
    expect(fieldsOf(incomplete)).toEqual(['opinions.1.reason']);
    expect(fieldsOf(await feedback({ catalogItemCode: 'EDU-001', summary: '感谢参与。', opinions: [{ commentId: 'x', adoption: 'maybe' }] }))).toEqual(['opinions.0.adoption', 'opinions.0.commentId']);
    expect((await feedback({ catalogItemCode: 'EDU-001', summary: '感谢参与。', opinions: answers }, 'civil.drafter')).status).toBe(403);
    expect((await feedback({ catalogItemCode: 'EDU-001', summary: '感谢参与。', opinions: answers }, 'edu.reviewer')).status).toBe(403);

    const recorded = await feedback({ catalogItemCode: 'EDU-001', summary: '感谢社会各界的积极参与。', opinions: answers });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ state: 'FEEDBACK_IN_REVIEW', feedbackItemId: expect.any(String) });
    const itemId: string = recorded.body.feedbackItemId;
    const item = await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' });
    expect(item.body).toMatchObject({ state: 'DRAFT', title: `关于《${title}》公开征求意见采纳情况的说明` });
    expect(item.body.body).toContain('采纳情况：未采纳。理由：运营经费需由使用者适当分担');
    // Not on the portal until the review has released it.
    expect((await client.request('GET', `/public/consultations/${consultationId}`)).body.feedback).toBeNull();
    expect((await feedback({ catalogItemCode: 'EDU-001', summary: '再来一次', opinions: answers })).status).toBe(409);

    await releaseThroughReview(client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter' });
    const page = await client.eventually(async () => {
      const response = await client.request('GET', `/public/consultations/${consultationId}`);
      return response.body.feedback ? response : undefined;
    }, 'the feedback on the portal');
    expect(page.body).toMatchObject({ state: 'FEEDBACK_PUBLISHED', stateLabel: '已反馈', feedback: { itemId, summary: '感谢社会各界的积极参与。', late: false } });
    expect(page.body.comments).toEqual([
      expect.objectContaining({ id: adopted, clause: '第三条', adoptionLabel: '采纳' }),
      expect.objectContaining({ id: declined, adoptionLabel: '未采纳', adoptionReason: '运营经费需由使用者适当分担' }),
    ]);
    expect(JSON.stringify(page.body)).not.toContain('13900002222');
    expect((await client.request('GET', `/public/items/${itemId}/consultation`)).body).toEqual({ consultationId, title, relation: 'feedback' });
    const { rows } = await db.query(`SELECT action FROM audit_events WHERE detail->>'consultationId' = $1 ORDER BY id`, [consultationId]);
    expect(rows.map((row: { action: string }) => row.action)).toEqual(['consultation.opened', 'consultation.closed', 'consultation.feedback-recorded', 'consultation.feedback-drafted', 'consultation.feedback-published']);

    // The final decision document links back to its consultation.
    const decision = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '县城公共自行车站点布局规划', body: '……', formedAt: today() } });
    expect((await client.request('POST', `/consultations/${consultationId}/decision`, { as: 'edu.drafter', body: { itemId: 'nope' } })).status).toBe(400);
    expect((await client.request('POST', `/consultations/${consultationId}/decision`, { as: 'edu.drafter', body: { itemId: decision.body.id } })).status).toBe(200);
    await releaseThroughReview(client, decision.body.id, EDU_DECIDERS, { submitAs: 'edu.drafter' });
    expect((await client.request('GET', `/public/consultations/${consultationId}`)).body.decision).toEqual({ itemId: decision.body.id, title: '县城公共自行车站点布局规划' });
    expect((await client.request('GET', `/public/items/${decision.body.id}/consultation`)).body).toEqual({ consultationId, title, relation: 'decision' });
  }, 120_000);
});
