import type { Client as PgClient } from 'pg';
import type { ApiClient, ApiResponse } from '../support/api-client';
import { EDU_DECIDERS, releaseThroughReview, uploadAttachments } from '../support/review-path';
import { buildPdf } from '../support/sample-files';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * Poison input is refused at the API edge (issue 16), against the real API and worker processes, a real
 * Temporal dev server and a real PostgreSQL: NUL and other control characters and lone surrogates in any
 * body or query string, over-deep and over-large bodies, non-JSON bodies, dates the calendar cannot
 * compute and empty unit codes are 4xx at once, naming the field in Chinese, and nothing reaches a
 * workflow. Each answer must come quickly: before the fix some of these hung for minutes.
 */
describe('the input policy at the API edge', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  let releasedItemId: string;
  let draftItemId: string;
  const suffix = Date.now().toString(36);

  const draftBody = (title: string) => ({ catalogItemCode: 'EDU-001', title, body: '为做好招生入学工作，现将有关事项公布如下。', formedAt: '2026-02-10' });

  async function createDraft(title: string): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draftBody(title) });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** The request's answer, which must be a 4xx in the error shape the web reads, naming `field`. */
  async function refused(request: Promise<ApiResponse>, status: number, field?: string): Promise<ApiResponse> {
    const started = Date.now();
    const response = await request;
    expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { statusCode: status, error: expect.any(String), message: expect.any(String) } });
    if (field) expect((response.body.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect(Date.now() - started).toBeLessThan(5_000);
    return response;
  }
  const chinese = /[\u4e00-\u9fff]/;

  beforeAll(async () => {
    system = await startSystem('input-policy');
    ({ client, db } = system);
    releasedItemId = await createDraft(`输入策略：已发布事项 ${suffix}`);
    await releaseThroughReview(client, releasedItemId, EDU_DECIDERS, { submitAs: 'edu.drafter' });
    draftItemId = await createDraft(`输入策略：草稿 ${suffix}`);
  }, 180_000);

  afterAll(() => system?.stop());

  it('refuses NUL, other control characters and lone surrogates in public questions and ratings, naming the field in Chinese', async () => {
    const nul = await refused(client.request('POST', `/public/items/${releasedItemId}/concerns`, { body: { content: '请问\u0000' } }), 400, 'content');
    expect(nul.body.message).toMatch(chinese);
    expect(nul.body.fields[0].problems[0]).toContain('U+0000');
    await refused(client.request('POST', `/public/items/${releasedItemId}/concerns`, { rawBody: '{"content":"请问招生范围如何划定？\\ud800"}' }), 400, 'content');
    await refused(client.request('POST', `/public/items/${releasedItemId}/concerns`, { body: { content: '请问招生范围如何划定？', contact: '138\u001b' } }), 400, 'contact');
    await refused(client.request('POST', `/public/items/${releasedItemId}/ratings`, { body: { score: 5, comment: '很好\u0000' } }), 400, 'comment');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM concerns WHERE item_id = $1`, [releasedItemId]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a return decision with a NUL comment at once, and the task stays decidable', async () => {
    const itemId = await createDraft(`输入策略：退回 ${suffix}`);
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const taskId = await client.eventually(async () => {
      const tasks = await client.request('GET', '/tasks?state=open', { as: 'edu.reviewer' });
      return (tasks.body.items as { id: string; itemId: string }[]).find((task) => task.itemId === itemId)?.id;
    }, 'the 初审 task');
    await refused(client.request('POST', `/tasks/${taskId}/complete`, { as: 'edu.reviewer', body: { decision: 'return', comment: '请修改\u0000' } }), 400, 'comment');
    const returned = await client.request('POST', `/tasks/${taskId}/complete`, { as: 'edu.reviewer', body: { decision: 'return', comment: '请修改标题' } });
    expect(returned.status).toBe(200);
    await client.eventually(async () => ((await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body.state === 'RETURNED' ? true : undefined), 'the return');
    // The revision, too: title and body are checked wherever they come in; newline and tab are text.
    await refused(client.request('PATCH', `/items/${itemId}`, { as: 'edu.drafter', body: { body: '正文\u0007' } }), 400, 'body');
    const revised = await client.request('PATCH', `/items/${itemId}`, { as: 'edu.drafter', body: { body: '第一段\n\t第二段' } });
    expect(revised.status).toBe(200);
    expect((await db.query(`SELECT body FROM disclosure_items WHERE id = $1`, [itemId])).rows[0].body).toBe('第一段\n\t第二段');
  });

  it('refuses control characters in item titles and bodies, demand reasons, unit and user names', async () => {
    await refused(client.request('POST', '/items', { as: 'edu.drafter', body: { ...draftBody('标题\u0000'), body: '正文' } }), 400, 'title');
    await refused(client.request('POST', '/items', { as: 'edu.drafter', body: { ...draftBody('标题'), body: '正文\u0000' } }), 400, 'body');
    await refused(client.request('POST', `/items/${releasedItemId}/editions`, { as: 'edu.drafter', body: { reason: '变更\u0000' } }), 400, 'reason');
    await refused(client.request('POST', '/supervision/demands', { as: 'office.supervisor', body: { itemId: draftItemId, reason: '请说明\u0000' } }), 400, 'reason');
    await refused(client.request('POST', '/org/departments', { as: 'admin', body: { code: `ip-${suffix}`, name: '县某局\u0000', kind: 'department', parentCode: 'county' } }), 400, 'name');
    await refused(client.request('POST', '/org/users', { as: 'admin', body: { username: `ip.user-${suffix}`, displayName: '张三\u0000', departmentCode: 'edu', roles: ['drafter'] } }), 400, 'displayName');
    await refused(client.request('PATCH', '/org/users/edu.drafter', { as: 'admin', body: { displayName: '\u0085王起草' } }), 400, 'displayName');
    // A key with a control character, and a nested string, are named by their path.
    await refused(client.request('POST', '/calendar/years', { as: 'admin', body: { year: 2090, source: '通知', holidays: [{ name: '元旦\u0000', days: ['2090-01-02'] }], makeUpWorkingDays: [] } }), 400, 'holidays[0].name');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM departments WHERE code = $1`, [`ip-${suffix}`]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses NUL in any query string and path (the anonymous portal search and the Atom feed included)', async () => {
    for (const path of ['/public/items?q=%00', '/public/items?q=%E6%8B%9B%00', '/public/facets?area=%00', '/public/feed.atom?area=%00', '/calendar/working-days?from=%00&count=1']) {
      const response = await refused(client.request('GET', path), 400);
      expect(response.body.message).toMatch(chinese);
    }
    await refused(client.request('GET', '/public/items?q=' + 'a'.repeat(2001)), 400, 'q');
    await refused(client.request('GET', '/tasks?state=open%00', { as: 'edu.reviewer' }), 400, 'state');
    await refused(client.request('GET', '/org/departments/edu%00/history', { as: 'admin' }), 400, 'path');
    // The portal search itself still works.
    expect((await client.request('GET', '/public/items?q=%E6%8B%9B%E7%94%9F')).status).toBe(200);
  });

  it('limits JSON depth and size, and refuses non-JSON bodies on JSON routes (415) while uploads keep working', async () => {
    let deep = '"edu.drafter"';
    for (let level = 0; level < 2000; level++) deep = `[${deep}]`;
    await refused(client.request('POST', '/auth/dev-login', { rawBody: deep }), 400);
    await refused(client.request('POST', '/auth/dev-login', { rawBody: `{"username":${deep}}` }), 400);
    const huge = await refused(client.request('POST', '/auth/dev-login', { rawBody: JSON.stringify({ username: 'x'.repeat(3_000_000) }) }), 413);
    expect(huge.body.error).toBe('payload-too-large');
    const form = await refused(
      client.request('POST', `/public/items/${releasedItemId}/concerns`, { rawBody: 'content=%E8%AF%B7%E9%97%AE%E6%8B%9B%E7%94%9F%E8%8C%83%E5%9B%B4', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'content-type',
    );
    expect(form.body.message).toMatch(chinese);
    await refused(client.request('POST', '/auth/dev-login', { rawBody: '{"username":"edu.drafter"}', headers: { 'content-type': 'text/plain' } }), 415);
    await refused(client.request('POST', `/items/${draftItemId}/submit`, { as: 'edu.drafter', rawBody: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    const upload = await uploadAttachments(client, 'edu.drafter', draftItemId, [{ name: '附件.pdf', type: 'application/pdf', content: buildPdf('input policy') }]);
    expect(upload.status).toBe(201);
  });

  it('refuses dates the working-day calendar cannot compute (2008–2099), naming the field', async () => {
    for (const formedAt of ['2007-12-31', '1900-01-01', '2100-01-01']) {
      const response = await refused(client.request('POST', '/items', { as: 'edu.drafter', body: { ...draftBody('期限测试'), formedAt } }), 400, 'formedAt');
      expect(response.body.message).toContain('2008 至 2099 年');
    }
    expect((await client.request('POST', '/items', { as: 'edu.drafter', body: { ...draftBody(`期限测试 2008 ${suffix}`), formedAt: '2008-01-02' } })).status).toBe(201);
    await refused(client.request('GET', '/calendar/working-days?from=2007-12-31&count=3'), 400, 'from');
    await refused(client.request('GET', '/calendar/working-days?from=2099-12-01&count=3000'), 400, 'count');
    await refused(client.request('POST', '/calendar/years', { as: 'admin', body: { year: 2100, source: '通知', holidays: [{ name: '元旦', days: ['2100-01-01'] }], makeUpWorkingDays: [] } }), 400, 'year');
    await refused(client.request('POST', '/tasks/00000000-0000-4000-8000-000000000000/complete', { as: 'edu.leader', body: { decision: 'approve', releaseAt: '2100-01-01T00:00:00+08:00' } }), 400, 'releaseAt');
  });

  it('refuses an empty departmentCode or parentCode with 400 naming the field', async () => {
    await refused(client.request('POST', '/org/departments', { as: 'admin', body: { code: `ip-e-${suffix}`, name: '县某局', kind: 'department', parentCode: '' } }), 400, 'parentCode');
    await refused(client.request('PATCH', '/org/departments/edu', { as: 'admin', body: { parentCode: '' } }), 400, 'parentCode');
    await refused(client.request('POST', '/org/users', { as: 'admin', body: { username: `ip.e-${suffix}`, displayName: '张三', departmentCode: '', roles: ['drafter'] } }), 400, 'departmentCode');
    await refused(client.request('PATCH', '/org/users/edu.drafter', { as: 'admin', body: { departmentCode: '', roles: ['drafter'] } }), 400, 'departmentCode');
    await refused(client.request('PUT', '/review-chains', { as: 'admin', body: { departmentCode: '', stages: ['preliminary-review', 'confidentiality-review', 'sign-off'] } }), 400, 'departmentCode');
  });

  it("refuses a deactivated user's dev token at once (403, in Chinese), and takes it again after reactivation", async () => {
    const username = `ip.leaver-${suffix}`;
    expect((await client.request('POST', '/org/users', { as: 'admin', body: { username, displayName: '即将停用', departmentCode: 'edu', roles: ['drafter'] } })).status).toBe(201);
    expect((await client.request('GET', '/auth/me', { as: username })).status).toBe(200);
    expect((await client.request('PATCH', `/org/users/${username}`, { as: 'admin', body: { active: false } })).status).toBe(200);
    const refusedMe = await refused(client.request('GET', '/auth/me', { as: username }), 403);
    expect(refusedMe.body.message).toContain('已被管理员停用');
    await refused(client.request('POST', '/items', { as: username, body: draftBody('停用后起草') }), 403);
    expect((await client.request('PATCH', `/org/users/${username}`, { as: 'admin', body: { active: true } })).status).toBe(200);
    expect((await client.request('GET', '/auth/me', { as: username })).status).toBe(200);
  });

  it('refuses a second county government with 409', async () => {
    const second = await refused(client.request('POST', '/org/departments', { as: 'admin', body: { code: `ip-county-${suffix}`, name: '第二个县政府', kind: 'county' } }), 409, 'kind');
    expect(second.body.message).toContain('县人民政府');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM departments WHERE parent_code IS NULL`);
    expect(rows[0].n).toBe(1);
  });

  it('answers 404 for the public attachment list of an unreleased item, 200 for a released one', async () => {
    await refused(client.request('GET', `/public/items/${draftItemId}/attachments`), 404);
    await refused(client.request('GET', '/public/items/00000000-0000-4000-8000-00000000abcd/attachments'), 404);
    const released = await client.request('GET', `/public/items/${releasedItemId}/attachments`);
    expect(released.status).toBe(200);
    expect(released.body.items).toEqual([]);
  });

  it('answers 422 for an Idempotency-Key reused with a different body, and the first item for a true retry', async () => {
    const key = { 'Idempotency-Key': `ip-key-${suffix}` };
    const body = draftBody(`幂等：第一份 ${suffix}`);
    const first = await client.request('POST', '/items', { as: 'edu.drafter', body, headers: key });
    expect(first.status).toBe(201);
    const retried = await client.request('POST', '/items', { as: 'edu.drafter', body, headers: key });
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    const other = await refused(client.request('POST', '/items', { as: 'edu.drafter', body: { ...body, title: `幂等：另一份 ${suffix}` }, headers: key }), 422, 'Idempotency-Key');
    expect(other.body).toMatchObject({ error: 'unprocessable', message: expect.stringContaining('title') });
    await refused(client.request('POST', '/items', { as: 'edu.drafter', body: { ...body, channels: ['政府网站', '两微一端'] }, headers: key }), 422);
    const { rows } = await db.query(`SELECT title FROM disclosure_items WHERE id = $1`, [first.body.id]);
    expect(rows[0].title).toBe(body.title);
  });

  it('accepts only known channels: the catalog item’s own, or kinds the engine releases on', async () => {
    const unknown = await refused(client.request('POST', '/items', { as: 'edu.drafter', body: { ...draftBody('渠道测试'), channels: ['政府网站', '随便写的渠道'] } }), 400, 'channels');
    expect(unknown.body.message).toContain('随便写的渠道');
    const known = await client.request('POST', '/items', { as: 'edu.drafter', body: { ...draftBody(`渠道测试 ${suffix}`), channels: ['两微一端', '政府公报'] } });
    expect(known.status).toBe(201);
    const { rows } = await db.query(`SELECT channels FROM disclosure_items WHERE id = $1`, [known.body.id]);
    expect(rows[0].channels).toEqual(['政府网站', '两微一端', '政府公报']);
  });

  it('answers the errors of routes that set their own media type (the Atom feed, the HTML report) as JSON', async () => {
    // Found by the fuzzer: the route's content-type header was set before the guard refused the request,
    // so a JSON error body went out labelled application/atom+xml or text/html.
    const feed = await refused(client.request('GET', '/public/feed.atom?category=nonsense'), 400, 'category');
    expect(feed.headers.get('content-type')).toMatch(/^application\/json/);
    const report = await refused(client.request('GET', '/reports/annual.html?year=20x5', { as: 'admin' }), 400, 'year');
    expect(report.headers.get('content-type')).toMatch(/^application\/json/);
    // What the routes answer when they succeed keeps its own type.
    expect((await client.request('GET', '/public/feed.atom')).headers.get('content-type')).toMatch(/^application\/atom\+xml/);
  });

  it('documents in OpenAPI the statuses the edge answers with, the error body and the id formats', async () => {
    const document = (await client.request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>; security?: unknown[]; requestBody?: unknown; parameters?: { name: string; in: string; schema: { format?: string; type?: string } }[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.components.schemas.ApiErrorBody).toBeDefined();
    const operations = Object.entries(document.paths).flatMap(([route, item]) => Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${route}`, ...operation })));
    expect(operations.length).toBeGreaterThan(80);
    for (const operation of operations) {
      const statuses = Object.keys(operation.responses);
      const expected = ['400', ...(operation.security?.length ? ['401', '403'] : []), ...(operation.requestBody ? ['413', '415'] : [])];
      expect({ operation: operation.name, missing: expected.filter((status) => !statuses.includes(status)), success: statuses.some((status) => status.startsWith('2')) }).toEqual({ operation: operation.name, missing: [], success: true });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && !operation.name.startsWith('GET /api/health')) expect({ operation: operation.name, status, schema: response.content?.['application/json']?.schema.$ref }).toEqual({ operation: operation.name, status, schema: '#/components/schemas/ApiErrorBody' });
      }
    }
    const param = (name: string, parameter: string) => operations.find((operation) => operation.name === name)?.parameters?.find((p) => p.name === parameter)?.schema;
    expect(param('GET /api/items/{id}', 'id')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(param('POST /api/tasks/{id}/complete', 'id')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(param('GET /api/calendar/recalculations/{batchId}', 'batchId')).toMatchObject({ type: 'integer' });
    expect(Object.keys(document.paths['/api/public/items/{id}/concerns']!.post!.responses)).toEqual(expect.arrayContaining(['201', '404', '429']));
    expect(Object.keys(document.paths['/api/items']!.post!.responses)).toEqual(expect.arrayContaining(['201', '404', '409', '422', '503']));
  });

  it('sends security headers on every response, and no X-Powered-By', async () => {
    for (const response of [await client.request('GET', '/public/items'), await client.request('GET', '/public/items?q=%00'), await client.request('GET', '/tasks')]) {
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});
