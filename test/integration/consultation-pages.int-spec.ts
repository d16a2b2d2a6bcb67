import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * 意见征集 on the portal as a website: a plain GET of /public/consultations and /public/consultations/<id>
 * gives the page with its content in the first response (no script runs here), as the item pages do.
 */
describe('the consultation pages, server-rendered', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let origin: string;
  const RUN = `cp${randomBytes(4).toString('hex')}`;
  const TITLE = `《县城区停车收费管理办法（征求意见稿）》<b>${RUN}</b>`;
  const ESCAPED_TITLE = `《县城区停车收费管理办法（征求意见稿）》&lt;b&gt;${RUN}&lt;/b&gt;`;
  const DRAFT = `第一条 为规范城区停车收费，制定本办法。\n第五条 夜间停车收费标准另行公布。编号${RUN}。`;
  const EXPLANATION = `城区停车位供需矛盾突出，现公开征求意见（${RUN}）。`;
  let consultationId: string;

  async function page(path: string): Promise<{ status: number; html: string }> {
    const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    return { status: response.status, html: await response.text() };
  }

  beforeAll(async () => {
    system = await startSystem('consultation-pages');
    client = system.client;
    origin = system.api.baseUrl.replace(/\/api$/, '');
    const opened = await client.request('POST', '/consultations', { as: 'edu.drafter', body: { kind: 'other', title: TITLE, draftText: DRAFT, explanation: EXPLANATION, closesOn: '2099-12-31' } });
    expect(opened.status).toBe(201);
    consultationId = opened.body.id as string;
    const comment = await client.request('POST', `/public/consultations/${consultationId}/comments`, { body: { clause: '第五条', content: `建议夜间22点后免费停车（${RUN}）。`, name: '张先生', contact: '13800001111' } });
    expect(comment.status).toBe(201);
    expect((await client.request('POST', `/consultations/${consultationId}/comments/${comment.body.id}/moderation`, { as: 'edu.reviewer', body: { decision: 'approve' } })).status).toBe(200);
  }, 120_000);

  afterAll(() => system?.stop());

  it('serves a consultation with its title, draft, explanation and approved opinions in the HTML, with title, description and canonical URL', async () => {
    const { status, html } = await page(`/public/consultations/${consultationId}`);
    expect(status).toBe(200);
    expect(html).toContain(`<title>${ESCAPED_TITLE} - 政务公开专栏</title>`);
    expect(html).toContain(`<h1 id="consultation-title" class="article-title">${ESCAPED_TITLE}</h1>`);
    expect(html).not.toContain(`<b>${RUN}`);
    expect(html).toContain(DRAFT);
    expect(html).toContain(EXPLANATION);
    expect(html).toContain(`<meta name="description" content="县教育局公开征求意见：${EXPLANATION}" />`);
    expect(html).toContain(`<link rel="canonical" href="${origin}/public/consultations/${consultationId}" />`);
    expect(html).toContain(`<strong>【第五条】</strong>建议夜间22点后免费停车（${RUN}）。`);
    expect(html).not.toContain('13800001111');
    expect(html).toContain('正在征集意见，剩余');
    expect(html).toContain('<a href="/public/consultations" aria-current="page">意见征集</a>');
  });

  it('lists open consultations with a link to each page, and closed ones under ?status=closed', async () => {
    const open = await page('/public/consultations');
    expect(open.status).toBe(200);
    expect(open.html).toContain(`<a href="/public/consultations/${consultationId}" class="public-title">${ESCAPED_TITLE}</a>`);
    expect(open.html).toContain(`<link rel="canonical" href="${origin}/public/consultations" />`);
    expect(open.html).toContain('<title>正在征集意见 - 意见征集 - 政务公开专栏</title>');
    const closed = await page('/public/consultations?status=closed');
    expect(closed.status).toBe(200);
    expect(closed.html).not.toContain(consultationId);
    expect(closed.html).toContain(`<link rel="canonical" href="${origin}/public/consultations?status=closed" />`);
    expect((await page('/public/consultations?status=whatever')).status).toBe(400);
  });

  it('answers an unknown or malformed address with the not-found page, and puts the consultations in the sitemap', async () => {
    for (const path of [`/public/consultations/${randomUUID()}`, '/public/consultations/not-a-uuid']) {
      const missing = await page(path);
      expect(missing.status).toBe(404);
      expect(missing.html).toContain('未找到');
    }
    const sitemap = await (await fetch(`${origin}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${origin}/public/consultations</loc>`);
    expect(sitemap).toContain(`<loc>${origin}/public/consultations/${consultationId}</loc>`);
  });
});
