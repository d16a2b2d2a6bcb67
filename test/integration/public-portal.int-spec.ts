import { randomBytes } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { SaxesParser } from 'saxes';
import type { ApiClient, ApiResponse } from '../support/api-client';
import { EDU_DECIDERS, releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';

/** A parsed XML element: enough of a DOM to read an Atom feed (saxes is the XML parser exceljs ships). */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses strictly: a feed that is not well-formed XML (an unescaped & or <) throws here. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1]?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);
const children = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

/**
 * The public portal (政务公开专栏) over HTTP, on items released through the real review workflow: keyword
 * search for Chinese text, browsing by area and 五公开 category with counts, paging, and the Atom feed.
 * Other suites release items into the same database, so every exact assertion is scoped by this run's token.
 */
describe('the public portal: search, 五公开 browsing and the Atom feed', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  // A token only this run's items carry (Latin letters and digits: it is searched as such too).
  const RUN = `zq${randomBytes(4).toString('hex')}`;
  const TITLE_WITH_MARKUP = `课后服务家长开放日安排 & <第${RUN}期>`;
  let servicesItem: string; // EDU-001, 课后服务 in the title and body
  let districtItem: string; // EDU-002, 课后服务 in the body only, and the rare character 馥
  let hotlineItem: string; // EDU-002, withdrawn

  /** create → submit → every review stage approved → released, through the API and the workflow. */
  async function releaseItem(catalogItemCode: string, title: string, body: string): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode, title, body, formedAt: '2026-02-10' } });
    expect(created.status).toBe(201);
    const itemId: string = created.body.id;
    await releaseThroughReview(client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter', timeoutMs: 60_000 });
    return itemId;
  }

  beforeAll(async () => {
    system = await startSystem('portal');
    ({ client, db } = system);
    servicesItem = await releaseItem('EDU-001', TITLE_WITH_MARKUP, `为落实“双减”要求，学校在每个上课日放学后提供课后服务，本期编号${RUN}。`);
    districtItem = await releaseItem('EDU-002', `义务教育学区划分方案（${RUN}）`, `一、馥郁路片区划入第一小学学区。\n二、放学后的课后服务由各校自行安排。`);
    hotlineItem = await releaseItem('EDU-002', `招生咨询电话公告（${RUN}）`, '招生咨询电话：0592-12345678。');
    const withdrawn = await client.request('POST', `/items/${hotlineItem}/withdraw`, { as: 'edu.drafter', body: { reason: '电话号码有误 & 将重新发布<更正版>' } });
    expect(withdrawn.status).toBe(200);
    await client.eventually(async () => ((await client.request('GET', `/public/items/${hotlineItem}`)).body.state === 'WITHDRAWN' ? true : undefined), 'the withdrawal on the portal');
  }, 300_000);

  afterAll(() => system?.stop());

  const ids = (response: ApiResponse) => (response.body.items as { id: string }[]).map((item) => item.id);
  const search = (q: string, extra = '') => client.request('GET', `/public/items?q=${encodeURIComponent(q)}${extra}`);
  const fieldsOf = (response: ApiResponse) => (response.body.fields as { field: string }[]).map((f) => f.field);

  it('finds Chinese text by a whole word, a part of it and a single character, ranked by where it matched', async () => {
    const whole = await search('课后服务');
    expect(whole.status).toBe(200);
    const found = ids(whole);
    expect(found).toEqual(expect.arrayContaining([servicesItem, districtItem]));
    // 课后服务 in the title outranks 课后服务 in the body alone, although the body-only item is newer.
    expect(found.indexOf(servicesItem)).toBeLessThan(found.indexOf(districtItem));
    const first = whole.body.items.find((item: { id: string }) => item.id === servicesItem);
    expect(first).toMatchObject({ title: TITLE_WITH_MARKUP, area: '义务教育', snippet: expect.stringContaining('课后服务'), relevance: 9 });
    expect(whole.body.items.find((item: { id: string }) => item.id === districtItem)).toMatchObject({ relevance: 1, snippet: expect.stringContaining('课后服务') });

    expect(ids(await search('课后'))).toEqual(expect.arrayContaining([servicesItem, districtItem]));
    const single = ids(await search('馥'));
    expect(single).toContain(districtItem);
    expect(single).not.toContain(servicesItem);
    // The catalog item name is searched too: EDU-002 is 招生管理 / 招生范围.
    expect(ids(await search(`招生范围 ${RUN}`)).sort()).toEqual([districtItem].sort());
    // A withdrawn item is never a search result.
    expect(ids(await search(RUN))).not.toContain(hotlineItem);
  });

  it('matches Latin letters and digits in any case, requires every word, and finds nothing for a miss', async () => {
    expect(ids(await search(RUN.toUpperCase())).sort()).toEqual([servicesItem, districtItem].sort());
    expect(ids(await search(`课后服务 ${RUN}`)).sort()).toEqual([servicesItem, districtItem].sort());
    // Both words must be there; 馥 is in one item only.
    expect(ids(await search(`${RUN}　馥`))).toEqual([districtItem]);
    // The characters of 课后服务 in another order are not a match, whatever the n-grams share.
    expect(ids(await search(`服务课后 ${RUN}`))).toEqual([]);
    const miss = await search(`没有这样的词${RUN}`);
    expect(miss.status).toBe(200);
    expect(miss.body).toEqual({ items: [], nextCursor: null });
    // Markup in a query is only text.
    expect(ids(await search(`<第${RUN}期>`))).toEqual([servicesItem]);
  });

  it('pages search results and the plain list with a cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await search(RUN, `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 5);
    // 9 (the token in the title and the body) before 8 (in the title only).
    expect(seen).toEqual([servicesItem, districtItem]);

    // Browsing, one item a page, newest edition first, to the end.
    const browsed: { id: string; updatedAt: string }[] = [];
    let browseCursor: string | null = null;
    do {
      const page: ApiResponse = await client.request('GET', `/public/items?limit=1${browseCursor ? `&cursor=${browseCursor}` : ''}`);
      expect(page.status).toBe(200);
      browsed.push(...page.body.items);
      browseCursor = page.body.nextCursor;
    } while (browseCursor && browsed.length < 500);
    const browsedIds = browsed.map((item) => item.id);
    expect(new Set(browsedIds).size).toBe(browsedIds.length);
    expect(browsedIds).toEqual(expect.arrayContaining([servicesItem, districtItem]));
    expect(browsedIds).not.toContain(hotlineItem);
    const dates = browsed.map((item) => Date.parse(item.updatedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('refuses a bad query with 400 naming the field', async () => {
    expect(fieldsOf(await search(''))).toEqual(['q']);
    expect(fieldsOf(await search('   '))).toEqual(['q']);
    expect(fieldsOf(await search('字'.repeat(101)))).toEqual(['q']);
    expect((await search('字'.repeat(100))).status).toBe(200);
    const badCategory = await client.request('GET', '/public/items?category=secret');
    expect([badCategory.status, fieldsOf(badCategory)]).toEqual([400, ['category']]);
    const badCursor = await client.request('GET', '/public/items?cursor=bm90LWEtY3Vyc29y');
    expect([badCursor.status, fieldsOf(badCursor)]).toEqual([400, ['cursor']]);
    // A browsing cursor is not a search cursor.
    const browsing = await client.request('GET', '/public/items?limit=1');
    const mixed = await search('课后', `&cursor=${browsing.body.nextCursor}`);
    expect([mixed.status, fieldsOf(mixed)]).toEqual([400, ['cursor']]);
    expect(fieldsOf(await client.request('GET', '/public/facets?q='))).toEqual(['q']);
    expect((await client.request('GET', '/public/feed.atom?category=secret')).status).toBe(400);
  });

  it('browses by 五公开 category, with 未分类 for catalog rows without one, and counts per area and category', async () => {
    // The demo catalog's CSVs have no 五公开 column, so the catalog row is given one here. Changing an active
    // version through the admin API would mean activating a new one, which other suites running at the same
    // time compare against; the category is set for the shortest time and restored.
    const { rows } = await db.query<{ version: string; category: string | null }>(
      `SELECT i.catalog_version_id AS version, c.category FROM disclosure_items i JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code WHERE i.id = $1`,
      [servicesItem],
    );
    const { version, category: before } = rows[0]!;
    await db.query(`UPDATE catalog_items SET category = 'service' WHERE version_id = $1 AND code = 'EDU-001'`, [version]);
    try {
      const services = await client.request('GET', `/public/items?category=service&q=${RUN}`);
      expect(ids(services)).toEqual([servicesItem]);
      expect(services.body.items[0]).toMatchObject({ category: 'service', categoryLabel: '服务公开' });
      expect(ids(await client.request('GET', `/public/items?category=uncategorized&q=${RUN}`))).toEqual([districtItem]);
      expect(ids(await client.request('GET', `/public/items?category=decision&q=${RUN}`))).toEqual([]);
      expect(ids(await client.request('GET', `/public/items?category=service&area=${encodeURIComponent('义务教育')}&limit=200`))).toContain(servicesItem);
      expect((await client.request('GET', `/public/items/${servicesItem}`)).body).toMatchObject({ category: 'service', categoryLabel: '服务公开' });

      const facets = await client.request('GET', `/public/facets?q=${RUN}`);
      expect(facets.status).toBe(200);
      expect(facets.body).toEqual({
        total: 2,
        areas: [{ area: '义务教育', count: 2 }],
        categories: [
          { category: 'decision', label: '决策公开', count: 0 },
          { category: 'execution', label: '执行公开', count: 0 },
          { category: 'management', label: '管理公开', count: 0 },
          { category: 'service', label: '服务公开', count: 1 },
          { category: 'result', label: '结果公开', count: 0 },
          { category: 'uncategorized', label: '未分类', count: 1 },
        ],
      });
      // Each list is counted under the other filters: choosing 服务公开 narrows the areas, not the categories.
      const narrowed = await client.request('GET', `/public/facets?q=${RUN}&category=service`);
      expect(narrowed.body.total).toBe(1);
      expect(narrowed.body.areas).toEqual([{ area: '义务教育', count: 1 }]);
      expect(narrowed.body.categories.find((c: { category: string }) => c.category === 'uncategorized').count).toBe(1);
      const otherArea = await client.request('GET', `/public/facets?q=${RUN}&area=${encodeURIComponent('社会救助')}`);
      expect(otherArea.body.total).toBe(0);

      const feed = await client.request('GET', `/public/feed.atom?category=service&area=${encodeURIComponent('义务教育')}`);
      const entries = children(parseXml(feed.body as string), 'entry').map((entry) => child(entry, 'id')!.text);
      expect(entries).toContain(`urn:uuid:${servicesItem}`);
      expect(entries).not.toContain(`urn:uuid:${districtItem}`);
    } finally {
      await db.query(`UPDATE catalog_items SET category = $2 WHERE version_id = $1 AND code = 'EDU-001'`, [version, before]);
    }
  });

  it('publishes an Atom 1.0 feed with escaped text, links to the portal pages and withdrawals as updated entries', async () => {
    const response = await client.request('GET', '/public/feed.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    // No CHANNEL_PUBLIC_BASE_URL here: its links come from this request's Host, so no shared cache may keep it.
    expect(response.headers.get('cache-control')).toBe('no-store');
    const xml = response.body as string;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain(`课后服务家长开放日安排 &amp; &lt;第${RUN}期&gt;`);
    const feed = parseXml(xml);
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'id')!.text).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(feed, 'title')!.text).toBe('政务公开专栏');
    const selfLink = children(feed, 'link').find((link) => link.attributes.rel === 'self')!;
    expect(selfLink.attributes).toMatchObject({ type: 'application/atom+xml', href: `${client.baseUrl}/public/feed.atom` });
    const entries = children(feed, 'entry');
    const updatedTimes = entries.map((entry) => Date.parse(child(entry, 'updated')!.text));
    expect(updatedTimes).toEqual([...updatedTimes].sort((a, b) => b - a));
    expect(Date.parse(child(feed, 'updated')!.text)).toBe(updatedTimes[0]);

    const entry = entries.find((e) => child(e, 'id')!.text === `urn:uuid:${servicesItem}`)!;
    expect(child(entry, 'title')!.text).toBe(TITLE_WITH_MARKUP);
    expect(child(entry, 'link')!.attributes).toMatchObject({ rel: 'alternate', href: `${client.baseUrl.replace(/\/api$/, '')}/public/items/${servicesItem}` });
    expect(child(entry, 'summary')!.text).toContain('课后服务');
    expect(child(child(entry, 'author')!, 'name')!.text).toBe('县教育局');
    expect(Date.parse(child(entry, 'published')!.text)).not.toBeNaN();
    expect(children(entry, 'category').map((c) => c.attributes.term)).toEqual(['义务教育', '未分类']);

    // The withdrawn item stays in the feed, updated at its withdrawal, saying so and why.
    const withdrawal = entries.find((e) => child(e, 'id')!.text === `urn:uuid:${hotlineItem}`)!;
    expect(child(withdrawal, 'title')!.text).toBe(`【已撤回】招生咨询电话公告（${RUN}）`);
    expect(child(withdrawal, 'summary')!.text).toMatch(/^该信息已于\d{4}年\d{1,2}月\d{1,2}日撤回。撤回原因：电话号码有误 & 将重新发布<更正版>$/);
    expect(Date.parse(child(withdrawal, 'updated')!.text)).toBeGreaterThan(Date.parse(child(withdrawal, 'published')!.text));

    // A filtered feed is its own feed: another id and self link.
    const filtered = parseXml((await client.request('GET', `/public/feed.atom?area=${encodeURIComponent('社会救助')}`)).body as string);
    expect(child(filtered, 'id')!.text).not.toBe(child(feed, 'id')!.text);
    expect(child(filtered, 'title')!.text).toBe('政务公开专栏：社会救助领域');
    expect(children(filtered, 'entry').map((e) => child(e, 'id')!.text)).not.toContain(`urn:uuid:${servicesItem}`);
  });
});
