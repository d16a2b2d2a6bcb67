import { randomBytes, randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { startApi, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * The portal search's bounded ranking, with the rank limit lowered to 3 (PUBLIC_SEARCH_RANK_LIMIT) so that a
 * handful of items plays the part of a word found in every item: above the limit a search is listed newest
 * first (`ranking: 'recent'`), at or below it is ranked exactly as before, and a cursor keeps the ordering of
 * its first page. Released items are written with the SQL the projection activities use (recordItemState and
 * recordEdition), so no workflow runs; every assertion is scoped by this run's token.
 */
describe('the public portal: ranking a very common search term', () => {
  const RANK_LIMIT = 3;
  // A token only this run's items carry, in every body: the run's "very common word".
  const RUN = `zr${randomBytes(4).toString('hex')}`;
  let api: SpawnedProcess & { baseUrl: string };
  let client: ApiClient;
  let db: PgClient;
  let minutesAgo = 60;

  /** A released item (or a withdrawn one), one minute newer than the previous. */
  async function release(fields: { title: string; body: string; interpretation?: string; withdrawn?: boolean }): Promise<string> {
    const id = randomUUID();
    const releasedAt = new Date(Date.now() - minutesAgo-- * 60_000).toISOString();
    await db.query(
      `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, interpretation,
                                     formed_at, channels, state, revision, created_at, updated_at, released_at, current_edition, withdrawn_at, withdrawal_reason)
       VALUES ($1, $2, 'EDU-001', 'edu', 'edu.drafter', $3, $4, $5, '2026-02-10', ARRAY['website'], $6, 1, $7, $7, $7, 1,
               CASE WHEN $8::boolean THEN $7::timestamptz END, CASE WHEN $8::boolean THEN '已失效' END)`,
      [id, DEMO_CATALOG_VERSION_ID, fields.title, fields.body, fields.interpretation ?? null, fields.withdrawn ? 'WITHDRAWN' : 'RELEASED', releasedAt, fields.withdrawn ?? false],
    );
    await db.query(
      `INSERT INTO item_editions (item_id, edition, revision, title, body, interpretation, content_hash, released_at)
       VALUES ($1::uuid, 1, 1, $2, $3, $4, md5($1::text), $5)`,
      [id, fields.title, fields.body, fields.interpretation ?? null, releasedAt],
    );
    return id;
  }

  const search = (q: string, extra = '') => client.request('GET', `/public/items?q=${encodeURIComponent(q)}${extra}`);
  const ids = (response: ApiResponse) => (response.body.items as { id: string }[]).map((item) => item.id);

  /** Every page of a search, `limit` at a time, with the ranking each page reported. */
  async function allPages(q: string, limit: number): Promise<{ ids: string[]; rankings: string[] }> {
    const seen: string[] = [];
    const rankings: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await search(q, `&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...ids(page));
      rankings.push(page.body.ranking);
      cursor = page.body.nextCursor;
    } while (cursor);
    return { ids: seen, rankings };
  }

  let inTitle: string; // 课后 in the title and the body
  let inBody: string; // 课后 in the body only
  let inInterpretation: string; // 课后 in the interpretation
  let everyItem: string[]; // newest first

  beforeAll(async () => {
    db = new PgClient({ connectionString: testServers().databaseUrl });
    await db.connect();
    api = await startApi(uniqueTaskQueue('portal-rank'), { PUBLIC_SEARCH_RANK_LIMIT: String(RANK_LIMIT) });
    client = new ApiClient(api.baseUrl);
    inTitle = await release({ title: '关于做好课后服务工作的通知', body: `各学校要做好课后服务。编号${RUN}。` });
    inBody = await release({ title: '学区划分方案', body: `放学后的课后服务由各校自行安排。编号${RUN}。` });
    inInterpretation = await release({ title: '招生工作实施方案', body: `做好招生工作。编号${RUN}。`, interpretation: '解读：课后延时服务不另收费。' });
    // 课 and 后 apart (a space, a line break) or the other way round: never a match for 课后.
    const apart = await release({ title: '作息时间安排', body: `上课 后请安静；下课\n后有序离校；后课时间另行通知。编号${RUN}。` });
    const plain = await release({ title: '食堂价格公示', body: `饭菜价格见附件。编号${RUN}。` });
    await release({ title: '已撤回的课后服务通知', body: `课后服务暂停。编号${RUN}。`, withdrawn: true });
    everyItem = [plain, apart, inInterpretation, inBody, inTitle];
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db?.end();
  });

  it('ranks a search with no more matches than the limit by relevance, exactly as before', async () => {
    const page = await search(`${RUN} 课后`);
    expect(page.status).toBe(200);
    // A ranked list says nothing more than it did before the limit existed.
    expect(page.body.ranking).toBeUndefined();
    // title 8 + body 1, interpretation 2, body 1 for 课后, plus 1 each for the token in the body.
    expect(ids(page)).toEqual([inTitle, inInterpretation, inBody]);
    expect(page.body.items.map((item: { relevance: number }) => item.relevance)).toEqual([10, 3, 2]);
    // A two-character term is decided by its bigram alone: 课 and 后 apart (across a space or a line break)
    // are no match for 课后, the reversed 后课 only where it is written so, and the two words apart match both.
    const apart = everyItem[1]!;
    expect(ids(await search(`${RUN} 后课`))).toEqual([apart]);
    expect(ids(await search(`${RUN} 课 后`)).sort()).toEqual([inTitle, inBody, inInterpretation, apart].sort());
  });

  it('lists a search with more matches than the limit newest first, on every page, without repeats or gaps', async () => {
    const first = await search(RUN);
    expect(first.body.ranking).toBe('recent');
    expect(ids(first)).toEqual(everyItem);
    // Each row still carries its relevance; the withdrawn item is neither listed nor counted.
    expect(first.body.items.find((item: { id: string }) => item.id === inTitle).relevance).toBe(1);
    const paged = await allPages(RUN, 2);
    expect(paged.ids).toEqual(everyItem);
    expect(paged.rankings).toEqual(['recent', 'recent', 'recent']);
    // Facets count every match whatever the ordering.
    expect((await client.request('GET', `/public/facets?q=${RUN}`)).body.total).toBe(everyItem.length);
  });

  it('keeps the ordering of the first page when the match count crosses the limit while paging', async () => {
    const first = await search(`${RUN} 课后`, '&limit=2');
    expect(first.body.ranking).toBeUndefined();
    expect(ids(first)).toEqual([inTitle, inInterpretation]);
    // Two more 课后 items are released: 5 matches now, over the limit, but the cursor still pages by relevance.
    const later = await release({ title: '课后服务收费标准的通知', body: `课后服务按学期收费。编号${RUN}。` });
    const newest = await release({ title: '暑期安排', body: `暑期不提供课后服务。编号${RUN}。` });
    const second = await search(`${RUN} 课后`, `&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.ranking).toBeUndefined();
    // `later` (title 8 + body 1 + token 1 = 10) ranks above the cursor, so it belongs on page one; the rest follow it.
    expect(ids(second)).toEqual([newest, inBody]);
    expect(second.body.nextCursor).toBeNull();
    // A new search with five matches is listed newest first.
    const fresh = await allPages(`${RUN} 课后`, 2);
    expect(fresh.rankings).toEqual(['recent', 'recent', 'recent']);
    expect(fresh.ids).toEqual([newest, later, inInterpretation, inBody, inTitle]);
  });

  it('refuses a cursor of another kind of listing', async () => {
    const recent = await search(RUN, '&limit=1');
    expect(recent.body.ranking).toBe('recent');
    const browsing = await client.request('GET', `/public/items?cursor=${recent.body.nextCursor}`);
    expect(browsing.status).toBe(400);
    // A relevance cursor for a search with more than twice the limit of matches (7 now) would rank them all: refused.
    const forged = Buffer.from(JSON.stringify([0, recent.body.items[0].updatedAt.replace('Z', '000Z'), recent.body.items[0].id])).toString('base64url');
    const refused = await search(RUN, `&cursor=${forged}`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('cursor');
    const plainList = await client.request('GET', '/public/items?limit=1');
    expect((await search(RUN, `&cursor=${plainList.body.nextCursor}`)).status).toBe(400);
  });
});
