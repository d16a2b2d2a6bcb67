import { randomBytes } from 'node:crypto';
import type { ApiClient } from '../support/api-client';
import { EDU_DECIDERS, releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The portal as a website: what a search engine, a notice's link or a browser without JavaScript gets from a
 * plain GET of the public addresses (no script runs here; only the first response counts).
 */
describe('the portal pages, server-rendered', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let origin: string;
  const RUN = `zp${randomBytes(4).toString('hex')}`;
  const HOSTILE_TITLE = `课后服务安排<script>alert("${RUN}")</script> & 说明`;
  const BODY = `为落实“双减”要求，学校在每个上课日放学后提供课后服务。编号${RUN}。`;
  let releasedItem: string;
  let withdrawnItem: string;
  let draftItem: string;

  async function createItem(title: string, body: string): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body, formedAt: '2026-02-10' } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function page(path: string): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  beforeAll(async () => {
    system = await startSystem('portal-pages');
    client = system.client;
    origin = system.api.baseUrl.replace(/\/api$/, '');
    releasedItem = await createItem(HOSTILE_TITLE, BODY);
    await releaseThroughReview(client, releasedItem, EDU_DECIDERS, { submitAs: 'edu.drafter', timeoutMs: 60_000 });
    withdrawnItem = await createItem(`招生咨询电话公告（${RUN}）`, '招生咨询电话：0592-12345678。');
    await releaseThroughReview(client, withdrawnItem, EDU_DECIDERS, { submitAs: 'edu.drafter', timeoutMs: 60_000 });
    expect((await client.request('POST', `/items/${withdrawnItem}/withdraw`, { as: 'edu.drafter', body: { reason: '电话号码有误，将重新发布' } })).status).toBe(200);
    await client.eventually(async () => ((await client.request('GET', `/public/items/${withdrawnItem}`)).body.state === 'WITHDRAWN' ? true : undefined), 'the withdrawal on the portal');
    draftItem = await createItem(`尚未发布的草稿（${RUN}）`, '草稿正文。');
  }, 300_000);

  afterAll(() => system?.stop());

  it('serves an item page with its title and body in the HTML, escaped, with title, description and canonical URL', async () => {
    const { status, html, headers } = await page(`/public/items/${releasedItem}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const escapedTitle = `课后服务安排&lt;script&gt;alert(&quot;${RUN}&quot;)&lt;/script&gt; &amp; 说明`;
    expect(html).toContain(`<title>${escapedTitle} - 政务公开专栏</title>`);
    expect(html).toContain(`<h1 id="public-item-title" class="article-title">${escapedTitle}</h1>`);
    expect(html).not.toContain(`<script>alert`);
    expect(html).toContain(BODY);
    expect(html).toContain(`<meta name="description" content="${BODY}" />`);
    expect(html).toContain(`<link rel="canonical" href="${origin}/public/items/${releasedItem}" />`);
    // Its six catalog elements, and links back to the list and its area.
    expect(html).toContain('公开依据');
    expect(html).toContain('<a href="/public">政府信息公开</a>');
    expect(html).toContain(`<a href="/public?area=${encodeURIComponent('义务教育')}">义务教育</a>`);
    // The same security headers as every other response: only this origin's scripts may run.
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it('lists and searches released items as HTML, each linking to its page', async () => {
    const list = await page(`/public?q=${encodeURIComponent(RUN)}`);
    expect(list.status).toBe(200);
    expect(list.html).toContain(`<a href="/public/items/${releasedItem}" class="public-title">`);
    expect(list.html).not.toContain(`/public/items/${withdrawnItem}"`);
    expect(list.html).not.toContain(`/public/items/${draftItem}"`);
    expect(list.html).toContain(`<link rel="canonical" href="${origin}/public" />`);
    expect(list.html).toContain(`value="${RUN}"`);
    const area = await page(`/public/area/${encodeURIComponent('义务教育')}`);
    expect(area.status).toBe(200);
    expect(area.html).toContain('<h1 id="portal-title">义务教育领域信息公开</h1>');
    const bad = await page('/public?category=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('没有这个五公开类别。');
  });

  it('answers an unknown, unreleased or withdrawn item with a 404 page in Chinese', async () => {
    for (const path of ['/public/items/00000000-0000-4000-8000-000000000000', `/public/items/${draftItem}`, '/public/items/not-an-id']) {
      const missing = await page(path);
      expect({ path, status: missing.status }).toEqual({ path, status: 404 });
      expect(missing.html).toContain('<h1 id="not-found-title">未找到该公开信息</h1>');
      expect(missing.html).toContain('<html lang="zh-CN">');
    }
    const withdrawn = await page(`/public/items/${withdrawnItem}`);
    expect(withdrawn.status).toBe(404);
    expect(withdrawn.html).toContain('撤回原因：电话号码有误，将重新发布');
    expect(withdrawn.html).not.toContain('0592-12345678');
  });

  it('lists released items only in sitemap.xml', async () => {
    const response = await fetch(`${origin}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<loc>${origin}/public</loc>`);
    expect(xml).toContain(`<loc>${origin}/public/items/${releasedItem}</loc>`);
    expect(xml).not.toContain(withdrawnItem);
    expect(xml).not.toContain(draftItem);
  });
});
