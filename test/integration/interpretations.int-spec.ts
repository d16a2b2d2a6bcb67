import type { ApiClient, ApiResponse } from '../support/api-client';
import { EDU_DECIDERS, releaseThroughReview, uploadAttachments } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { buildPng } from '../support/sample-files';

/**
 * 多元化解读 over HTTP against the real API, worker and PostgreSQL: the drafting department plans the
 * interpretations of a policy while drafting it (三同步), adds them in several forms with their interpreters
 * and attachments, the plan shows what is still missing, and the portal shows them once the item is released.
 */
describe('interpretations in more forms over HTTP', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    system = await startSystem('interpretations');
    ({ client } = system);
  }, 120_000);
  afterAll(() => system?.stop());

  const fieldsOf = (response: ApiResponse) => (response.body.fields as { field: string }[]).map((field) => field.field).sort();

  it('plans, adds and publishes interpretations in their forms', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年随迁子女入学办法（多元解读）', body: '一、……', formedAt: '2026-02-10' } });
    expect(created.status).toBe(201);
    const itemId: string = created.body.id;
    const path = `/items/${itemId}/interpretations`;

    const plan = await client.request('PUT', `/items/${itemId}/interpretation-plan`, {
      as: 'edu.drafter',
      body: { entries: [{ form: 'graphic', interpreterKind: 'drafting-department' }, { form: 'qa', interpreterKind: 'drafting-department' }, { form: 'video', interpreterKind: 'leader' }] },
    });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ planComplete: false, interpretations: [] });
    expect((await client.request('PUT', `/items/${itemId}/interpretation-plan`, { as: 'civil.drafter', body: { entries: [] } })).status).toBe(403);
    expect(fieldsOf(await client.request('PUT', `/items/${itemId}/interpretation-plan`, { as: 'edu.drafter', body: { entries: [{ form: 'poster', interpreterKind: 'expert' }] } }))).toEqual(['entries.0.form']);

    // A graphic needs its image and a text alternative; the image must be one of this item's files.
    const uploaded = await uploadAttachments(client, 'edu.drafter', itemId, [{ name: '一图读懂.png', content: buildPng(4, 3, [200, 30, 30]), type: 'image/png' }]);
    expect(uploaded.status).toBe(201);
    const imageId: string = uploaded.body.items[0].id;
    expect(imageId).toEqual(expect.any(String));
    const graphic = { form: 'graphic', interpreterKind: 'drafting-department', interpreterName: '县教育局', title: '一图读懂随迁子女入学' };
    expect(fieldsOf(await client.request('POST', path, { as: 'edu.drafter', body: graphic }))).toEqual(['attachmentIds', 'body']);
    expect(fieldsOf(await client.request('POST', path, { as: 'edu.drafter', body: { ...graphic, body: '图中要点：……', attachmentIds: ['00000000-0000-4000-8000-00000000dead'] } }))).toEqual(['attachmentIds']);
    const added = await client.request('POST', path, { as: 'edu.drafter', body: { ...graphic, body: '图中要点：……', attachmentIds: [imageId] } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ formLabel: '图解', interpreterKindLabel: '起草部门', attachments: [{ id: imageId, fileName: '一图读懂.png' }] });
    expect(fieldsOf(await client.request('POST', path, { as: 'edu.drafter', body: { form: 'video', interpreterKind: 'leader', interpreterName: '孙局长', title: '局长谈入学', mediaUrl: 'javascript:alert(1)' } }))).toEqual(['mediaUrl', 'transcript']);
    expect((await client.request('POST', path, { as: 'edu.reviewer', body: { form: 'text', interpreterKind: 'expert', interpreterName: '张教授', title: '专家解读', body: '……' } })).status).toBe(403);
    const qa = await client.request('POST', path, {
      as: 'edu.drafter',
      body: { form: 'qa', interpreterKind: 'drafting-department', interpreterName: '县教育局', title: '随迁子女入学问答', questions: [{ question: '需要哪些材料？', answer: '户口簿、居住证明。' }] },
    });
    expect(qa.status).toBe(201);

    const staff = await client.request('GET', path, { as: 'edu.reviewer' });
    expect(staff.body.plan.map((entry: { form: string; done: boolean }) => [entry.form, entry.done])).toEqual([['graphic', true], ['qa', true], ['video', false]]);
    expect(staff.body.planComplete).toBe(false);
    expect((await client.request('GET', path, { as: 'civil.drafter' })).status).toBe(403);

    // Not public until released; then the portal shows the forms with their files.
    expect((await client.request('GET', `/public/items/${itemId}/interpretations`)).status).toBe(404);
    await releaseThroughReview(client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter' });
    const page = await client.request('GET', `/public/items/${itemId}/interpretations`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((entry: { formLabel: string }) => entry.formLabel)).toEqual(['图解', '问答解读']);
    expect(page.body.items[0].attachments[0]).toMatchObject({ id: imageId, downloadPath: `/api/public/items/${itemId}/attachments/${imageId}` });
    expect((await client.request('GET', page.body.items[0].attachments[0].downloadPath.replace(/^\/api/, ''))).status).toBe(200);
    // The plan is settled once released.
    expect((await client.request('PUT', `/items/${itemId}/interpretation-plan`, { as: 'edu.drafter', body: { entries: [] } })).status).toBe(409);
  }, 120_000);
});
