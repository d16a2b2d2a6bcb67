import { createHash } from 'node:crypto';
import { Workbook } from 'exceljs';
import type { Client as PgClient } from 'pg';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startApi, startSystem, type RunningSystem, type SpawnedProcess } from '../support/running-system';
import { shareActiveCatalogRow } from '../support/catalog-row';

/**
 * Public satisfaction (公众满意度) over HTTP against the real API and worker: the public rates an item
 * released by the real review workflow and a response published by the real concern workflow, once per
 * client (cookie + address), within a rate limit per address; the assessment shows the averages.
 */
describe('public satisfaction ratings', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  let limitedApi: (SpawnedProcess & { baseUrl: string }) | undefined;
  let releasedItemId: string;
  let draftItemId: string;
  let concernId: string;
  let unpublishedConcernId: string;
  let startedAt: string;
  // A department of this suite's own (made through the organisation API): other suites rate 县教育局's items
  // at any moment, and the assessment below counts one department's ratings exactly.
  const dept = `rate${Date.now().toString(36)}`;
  const user = (role: string) => `${dept}.${role}`;
  const deciders = [user('reviewer'), user('secrecy'), user('legal'), user('leader')];

  async function createDraft(title: string): Promise<string> {
    const created = await client.request('POST', '/items', {
      as: user('drafter'),
      body: { catalogItemCode: 'EDU-001', title, body: '现将2026年秋季学期义务教育阶段学生资助政策公布如下。', formedAt: '2026-02-10' },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** create → submit → every configured review stage approved → released by the workflow. */
  async function releaseItem(title: string): Promise<string> {
    const itemId = await createDraft(title);
    await releaseThroughReview(client, itemId, deciders, { submitAs: user('drafter'), readAs: user('drafter') });
    return itemId;
  }

  /**
   * A 政务舆情 incident registered by staff, so that this suite does not spend the public-question allowance
   * the concern specs count on; it goes through the same triage, drafting and review to publication.
   */
  async function registerIncident(summary: string): Promise<string> {
    const registered = await client.request('POST', `/items/${releasedItemId}/incidents`, { as: 'office.publisher', body: { summary, severity: 'public-opinion' } });
    expect(registered.status).toBe(201);
    return registered.body.id;
  }

  beforeAll(async () => {
    system = await startSystem('ratings');
    ({ client, db } = system);
    const madeDepartment = await client.request('POST', '/org/departments', { as: 'admin', body: { code: dept, name: `满意度测试局${dept}`, kind: 'department', parentCode: 'county' } });
    expect(madeDepartment.status).toBe(201);
    for (const [role, roles] of [['drafter', ['drafter']], ['reviewer', ['reviewer']], ['secrecy', ['secrecy-reviewer']], ['legal', ['legal-reviewer']], ['leader', ['leader']]] as const) {
      const made = await client.request('POST', '/org/users', { as: 'admin', body: { username: user(role), displayName: `${role}（满意度测试）`, departmentCode: dept, roles } });
      expect(made.status).toBe(201);
    }
    await shareActiveCatalogRow(db, 'EDU-001', dept);
    startedAt = new Date(Date.now() - 1000).toISOString();
    releasedItemId = await releaseItem('2026年秋季学期学生资助政策（满意度评价）');
    draftItemId = await createDraft('尚未发布的资助政策');
    concernId = await registerIncident('网传资助名额缩减，引发家长关注');
    expect((await client.request('POST', `/concerns/${concernId}/triage`, { as: 'office.publisher', body: { classification: 'inquiry', assignDepartmentCode: dept } })).status).toBe(200);
    expect((await client.request('POST', `/concerns/${concernId}/response`, { as: user('drafter'), body: { draft: '经核实，2026年资助名额与上年持平，申请条件不变。' } })).status).toBe(200);
    const published = await client.request('POST', `/concerns/${concernId}/review`, { as: user('leader'), body: { decision: 'approve' } });
    expect(published.body).toMatchObject({ state: 'PUBLISHED' });
    unpublishedConcernId = await registerIncident('另一条尚未答复的舆情');
  }, 240_000);

  afterAll(async () => {
    await limitedApi?.stop();
    await system?.stop();
  });

  const cookieOf = (response: ApiResponse): string | undefined => {
    const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('zwgk_client='));
    return setCookie?.split(';')[0];
  };
  const rate = (path: string, body: unknown, cookie?: string, via = client) => via.request('POST', path, { body, headers: cookie ? { cookie } : {} });
  const fieldsOf = (response: ApiResponse) => ((response.body.fields ?? []) as { field: string }[]).map((f) => f.field).sort();

  it('refuses a score that is not a whole number from 1 to 5, naming `score`, and a long comment, naming `comment`', async () => {
    const path = `/public/items/${releasedItemId}/ratings`;
    for (const score of [0, 6, 'x', 3.5, null]) {
      const refused = await rate(path, { score });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused)).toEqual(['score']);
    }
    expect(fieldsOf(await rate(path, {}))).toEqual(['score']);
    expect(fieldsOf(await rate(path, { score: 4, comment: '好'.repeat(201) }))).toEqual(['comment']);
    expect((await rate(path, { score: 4, name: '张三' })).status).toBe(400);
    expect((await rate('/public/items/not-a-uuid/ratings', { score: 4 })).status).toBe(400);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM satisfaction_ratings WHERE item_id = $1`, [releasedItemId]);
    expect(rows[0].n).toBe(0);
  });

  it('rates only what the public can see: 404 for a draft, an unknown item and an unpublished response', async () => {
    expect((await rate(`/public/items/${draftItemId}/ratings`, { score: 5 })).status).toBe(404);
    expect((await client.request('GET', `/public/items/${draftItemId}/ratings`)).status).toBe(404);
    expect((await rate('/public/items/00000000-0000-4000-8000-00000000abcd/ratings', { score: 5 })).status).toBe(404);
    expect((await rate(`/public/concerns/${unpublishedConcernId}/ratings`, { score: 5 })).status).toBe(404);
    expect((await client.request('GET', `/public/concerns/${unpublishedConcernId}/ratings`)).status).toBe(404);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM satisfaction_ratings WHERE item_id = $1`, [draftItemId]);
    expect(rows[0].n).toBe(0);
  });

  it('takes one rating per client (cookie and address): a second is 409, another browser at the same address counts', async () => {
    const path = `/public/items/${releasedItemId}/ratings`;
    const first = await rate(path, { score: 4, comment: '  条件写得很清楚。  ' });
    expect(first.status).toBe(201);
    const setCookie = first.headers.getSetCookie().find((header) => header.startsWith('zwgk_client='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const browserA = cookieOf(first)!;
    expect(first.body).toMatchObject({
      target: { kind: 'item', itemId: releasedItemId },
      score: 4,
      comment: '条件写得很清楚。',
      summary: { count: 1, average: 4, distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 }, ratedByYou: true },
    });

    const again = await rate(path, { score: 1 }, browserA);
    expect(again.status).toBe(409);
    expect(cookieOf(again)).toBeUndefined(); // a known client keeps its id

    // A second browser on the same address (no cookie yet) is another client.
    const second = await rate(path, { score: 2 });
    expect(second.status).toBe(201);
    const browserB = cookieOf(second)!;
    expect(browserB).not.toBe(browserA);
    expect(second.body.summary).toMatchObject({ count: 2, average: 3 });
    expect((await rate(path, { score: 5 }, browserB)).status).toBe(409);

    const summary = await client.request('GET', path, { headers: { cookie: browserA } });
    expect(summary.body).toEqual({ count: 2, average: 3, distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 }, ratedByYou: true });
    expect((await client.request('GET', path)).body.ratedByYou).toBe(false);

    // Only salted hashes are kept: neither the address nor its plain SHA-256 is in either table.
    const stored = await db.query(`SELECT client_hash FROM satisfaction_ratings WHERE item_id = $1`, [releasedItemId]);
    expect(stored.rows).toHaveLength(2);
    const plainAddressHash = createHash('sha256').update('127.0.0.1').digest('hex');
    for (const row of stored.rows as { client_hash: string }[]) expect(row.client_hash).toMatch(/^[0-9a-f]{64}$/);
    const hits = await db.query(`SELECT client_key FROM rate_limit_hits WHERE scope = 'public-rating'`);
    expect((hits.rows as { client_key: string }[]).map((row) => row.client_key)).not.toContain(plainAddressHash);
    const leaked = await db.query(`SELECT count(*)::int AS n FROM satisfaction_ratings WHERE client_hash IN ($1, '127.0.0.1')`, [plainAddressHash]);
    expect(leaked.rows[0].n).toBe(0);
  });

  it('rates a published response once per client, apart from its item', async () => {
    const path = `/public/concerns/${concernId}/ratings`;
    const rated = await rate(path, { score: 5 });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ target: { kind: 'response', concernId, itemId: releasedItemId }, score: 5, comment: null, summary: { count: 1, average: 5 } });
    expect((await rate(path, { score: 3 }, cookieOf(rated))).status).toBe(409);
    // The item's own summary is unchanged by the response's rating.
    expect((await client.request('GET', `/public/items/${releasedItemId}/ratings`)).body.count).toBe(2);
  });

  it('limits ratings per address across targets and cookies: 429 with Retry-After', async () => {
    // A replica allowing 3 ratings per address, salted differently, so its window is this test's alone
    // (the table is shared with every suite, and the ratings above came from the same loopback address).
    limitedApi = await startApi(system.taskQueue, { RATING_RATE_LIMIT_MAX: '3', RATING_RATE_LIMIT_WINDOW_SECONDS: '600', RATING_CLIENT_SALT: 'rate-limit-test-salt' });
    const limited = new ApiClient(limitedApi.baseUrl);
    const itemPath = `/public/items/${releasedItemId}/ratings`;
    const responsePath = `/public/concerns/${concernId}/ratings`;
    const a = await rate(itemPath, { score: 5 }, undefined, limited);
    expect(a.status).toBe(201);
    const browserA = cookieOf(a)!;
    expect((await rate(responsePath, { score: 4 }, browserA, limited)).status).toBe(201);
    const b = await rate(itemPath, { score: 3 }, undefined, limited);
    expect(b.status).toBe(201);
    // A repeat is a 409, not a use of the allowance.
    expect((await rate(itemPath, { score: 1 }, browserA, limited)).status).toBe(409);

    const refused = await rate(responsePath, { score: 2 }, cookieOf(b), limited);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'too-many-requests' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // A fresh cookie does not get around the address limit.
    expect((await rate(responsePath, { score: 2 }, undefined, limited)).status).toBe(429);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM satisfaction_ratings WHERE concern_id = $1`, [concernId]);
    expect(rows[0].n).toBe(2);
  }, 120_000);

  it('shows the department its public satisfaction in the assessment and its .xlsx', async () => {
    const period = `?from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&departmentCode=${dept}`;
    const answer = await client.request('GET', `/reports/assessment${period}`, { as: 'office.supervisor' });
    expect(answer.status).toBe(200);
    // Items: 4 and 2 here, 5 and 3 through the limited replica; responses: 5 here, 4 there.
    expect(answer.body.departments).toEqual([
      expect.objectContaining({ departmentCode: dept, satisfaction: { items: { ratings: 4, average: 3.5 }, responses: { ratings: 2, average: 4.5 } } }),
    ]);
    const xlsx = await fetch(`${client.baseUrl}/reports/assessment.xlsx${period}`, { headers: { authorization: `Bearer ${await client.token('office.supervisor')}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('考核评估')!;
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    const values = (sheet.getRow(3).values as unknown[]).slice(1);
    const cell = (header: string) => values[headers.indexOf(header)];
    expect(cell('事项满意度评价数')).toBe(4);
    expect(cell('事项满意度均分（5分制）')).toBe(3.5);
    expect(cell('回应满意度评价数')).toBe(2);
    expect(cell('回应满意度均分（5分制）')).toBe(4.5);
  });
});
