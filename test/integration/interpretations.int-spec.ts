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
    // 三同步 at release: 签发 is refused while the planned video is missing, and the task stays open.
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    let signOff: { username: string; taskId: string } | undefined;
    while (!signOff) {
      const next = await client.eventually(async () => {
        for (const username of EDU_DECIDERS) {
          const tasks = await client.request('GET', '/tasks?state=open', { as: username });
          const task = (tasks.body.items as { id: string; itemId: string }[]).find((candidate) => candidate.itemId === itemId);
          if (task) return { username, taskId: task.id };
        }
        return undefined;
      }, `the next review task of ${itemId}`);
      // 签发 is the leader's (the last of EDU_DECIDERS); the stages before it pass.
      if (next.username === 'edu.leader') signOff = next;
      else expect((await client.request('POST', `/tasks/${next.taskId}/complete`, { as: next.username, body: { decision: 'approve', comment: '同意' } })).status).toBe(200);
    }
    const refused = await client.request('POST', `/tasks/${signOff.taskId}/complete`, { as: signOff.username, body: { decision: 'approve', comment: '同意' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('interpretation.plan-incomplete');
    expect(refused.body.message).toContain('领导的视频解读');
    const video = await client.request('POST', path, { as: 'edu.drafter', body: { form: 'video', interpreterKind: 'leader', interpreterName: '孙局长', title: '局长谈入学', mediaUrl: 'https://media.example.gov.cn/v/2.mp4', transcript: '今年随迁子女入学……' } });
    expect(video.status).toBe(201);
    await releaseThroughReview(client, itemId, EDU_DECIDERS);
    const page = await client.request('GET', `/public/items/${itemId}/interpretations`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((entry: { formLabel: string }) => entry.formLabel)).toEqual(['图解', '问答解读', '视频解读']);
    expect(page.body.items[0].attachments[0]).toMatchObject({ id: imageId, downloadPath: `/api/public/items/${itemId}/attachments/${imageId}` });
    expect((await client.request('GET', page.body.items[0].attachments[0].downloadPath.replace(/^\/api/, ''))).status).toBe(200);
    // The plan is settled once released.
    expect((await client.request('PUT', `/items/${itemId}/interpretation-plan`, { as: 'edu.drafter', body: { entries: [] } })).status).toBe(409);
  }, 120_000);

  it('shows each form on the portal\'s item page, server-rendered: the graphic with its text, the recording with its transcript, the Q&A, the press conference', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年学区划分方案（解读）', body: '一、……', formedAt: '2026-02-10' } });
    expect(created.status).toBe(201);
    const itemId: string = created.body.id;
    const path = `/items/${itemId}/interpretations`;
    const uploaded = await uploadAttachments(client, 'edu.drafter', itemId, [{ name: '一图读懂学区.png', content: buildPng(4, 3, [30, 90, 200]), type: 'image/png' }]);
    const imageId: string = uploaded.body.items[0].id;
    const add = async (body: Record<string, unknown>) => expect((await client.request('POST', path, { as: 'edu.drafter', body: { interpreterKind: 'drafting-department', interpreterName: '县教育局', ...body } })).status).toBe(201);
    await add({ form: 'text', title: '文字解读：学区怎么划', body: '学区按街道划分<b>就近</b>入学。' });
    await add({ form: 'graphic', title: '一图读懂学区划分', body: '城东街道对应第一小学，城西街道对应第二小学。', attachmentIds: [imageId] });
    await add({ form: 'video', interpreterKind: 'leader', interpreterName: '孙局长', title: '局长谈学区', mediaUrl: 'https://media.example.gov.cn/v/1.mp4', transcript: '大家好，今年学区调整的原因是……' });
    await add({ form: 'qa', title: '学区问答', questions: [{ question: '租房能否入学？', answer: '持居住证可以。' }] });
    await add({ form: 'press-conference', title: '学区划分新闻发布会', heldAt: '2026-02-12T02:00:00Z', body: '发布会实录：主持人：……' });
    await releaseThroughReview(client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter' });

    const response = await fetch(`${client.baseUrl.replace(/\/api$/, '')}/public/items/${itemId}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const section = html.slice(html.indexOf('<h2 id="interpretation-title">政策解读</h2>'));
    expect(section.length).toBeLessThan(html.length);
    for (const label of ['文字解读', '图解', '视频解读', '问答解读', '新闻发布会']) expect(section).toContain(`<span class="badge">${label}</span>`);
    expect(section).toContain('学区按街道划分&lt;b&gt;就近&lt;/b&gt;入学。');
    // The graphic, described by its text for whoever cannot see it.
    expect(section).toMatch(new RegExp(`<img src="/api/public/items/${itemId}/attachments/${imageId}" alt="一图读懂学区划分" aria-describedby="(interpretation-\\d+)-text"`));
    const describedBy = /aria-describedby="(interpretation-\d+-text)"/.exec(section)![1];
    expect(section).toContain(`id="${describedBy}"><p class="interpretation-label">图解文字说明</p>城东街道对应第一小学，城西街道对应第二小学。`);
    expect(section).toContain('<a href="https://media.example.gov.cn/v/1.mp4" rel="noopener noreferrer">观看视频：局长谈学区</a>');
    expect(section).toContain('<summary>文字实录</summary><div class="body-text">大家好，今年学区调整的原因是……</div>');
    expect(section).toContain('解读人：孙局长（领导）');
    expect(section).toContain('<dt>问：租房能否入学？</dt><dd>答：持居住证可以。</dd>');
    expect(section).toContain('发布会时间：2026年2月12日');
    expect(section).toContain('发布会实录：主持人：……');
  }, 120_000);
});
