import { Workbook } from 'exceljs';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@zwgk/db';
import { PublicCatalogReader } from '../../apps/api/src/public-catalog/public-catalog.reader';
import type { ApiClient } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * The public catalog (能监督) over HTTP without signing in, against the real API, worker, Temporal and
 * PostgreSQL: each row with its six elements and what was released under it. Other suites share the
 * database (and may activate another version with the same sample rows), so assertions look at this file's
 * own item and at properties every row must have.
 */
describe('the public catalog', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let dataSource: DataSource;
  let itemId: string;
  const title = `公开目录测试：${Date.now().toString(36)}年招生政策`;

  beforeAll(async () => {
    system = await startSystem('public-catalog');
    ({ client } = system);
    dataSource = createDataSource(testServers().databaseUrl, { applicationName: 'zwgk-public-catalog' });
    await dataSource.initialize();
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body: '正文', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    itemId = created.body.id;
    await releaseThroughReview(client, itemId, undefined, { submitAs: 'edu.drafter' });
  }, 180_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await system?.stop();
  });

  it('lists a department\'s rows with their six elements and the item released under one, without a login', async () => {
    const response = await client.request('GET', '/public/catalog?department=edu');
    expect(response.status).toBe(200);
    const { rows, filters, departments } = response.body;
    expect(filters).toEqual({ area: null, department: { code: 'edu', name: '县教育局' } });
    expect(departments).toEqual(expect.arrayContaining([{ code: 'edu', name: '县教育局' }]));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row: { departments: { code: string }[] }) => row.departments.some((d) => d.code === 'edu'))).toBe(true);
    const row = rows.find((candidate: { code: string }) => candidate.code === 'EDU-001');
    expect(row).toMatchObject({
      area: '义务教育', name: '招生管理 / 招生政策', subject: '翔安区教育局', timeLimit: expect.stringContaining('20个工作日'),
      channels: expect.arrayContaining(['政府网站']), mode: '主动公开', departments: expect.arrayContaining([{ code: 'edu', name: '县教育局' }]),
      standing: { basis: 'event', label: expect.any(String) },
    });
    expect(row.basis).toEqual(expect.any(String));
    expect(row.content).toEqual(expect.any(String));
    expect(row.releases.count).toBeGreaterThanOrEqual(1);
    // Other suites release under EDU-001 in the same database, so this file's item may have been pushed out of
    // the few latest shown: then every one shown was released at or after it, newest first.
    const [{ released_at: releasedAt }] = await dataSource.query<{ released_at: Date }[]>('SELECT released_at FROM disclosure_items WHERE id = $1', [itemId]);
    const latest = row.releases.latest as { id: string; title: string; releasedAt: string }[];
    const shownTimes = latest.map((release) => Date.parse(release.releasedAt));
    expect(shownTimes).toEqual([...shownTimes].sort((a, b) => b - a));
    const mine = latest.find((release) => release.id === itemId);
    if (mine) expect(mine).toMatchObject({ title, releasedAt: releasedAt.toISOString() });
    else expect({ shown: latest.length, allLater: shownTimes.every((time) => time >= releasedAt.getTime()) }).toEqual({ shown: 5, allLater: true });
    expect(Date.parse(row.releases.lastReleasedAt)).toBeGreaterThanOrEqual(releasedAt.getTime());
  });

  it('serves the catalog as a page readable without JavaScript: the row, its release, the downloads', async () => {
    const origin = client.baseUrl.replace(/\/api$/, '');
    const response = await fetch(`${origin}/public/catalog?department=edu`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<title>县教育局公开事项标准目录 - 政务公开专栏</title>');
    expect(page).toContain(`<link rel="canonical" href="${origin}/public/catalog?department=edu" />`);
    expect(page).toContain('<a href="/public/catalog" aria-current="page">标准目录</a>');
    // The EDU-001 row: its six elements, and beside it this file's release with its date.
    const row = page.slice(page.indexOf('data-code="EDU-001"'));
    expect(row.length).toBeLessThan(page.length);
    const rowHtml = row.slice(0, row.indexOf('</li>\n'));
    for (const label of ['事项名称', '公开依据', '公开内容', '公开主体', '公开时限', '公开方式']) expect(rowHtml).toContain(`<dt>${label}</dt>`);
    expect(rowHtml).toContain('翔安区教育局');
    expect(rowHtml).toMatch(/最近公开：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(rowHtml).toContain('按时公开');
    // The row links its releases (this file's item among them unless newer ones from other suites push it out).
    expect(rowHtml).toMatch(/<a href="\/public\/items\/[0-9a-f-]{36}">/);
    expect(page).toContain('href="/api/public/catalog.xlsx?department=edu"');
    expect(page).toContain('href="/api/public/catalog?department=edu"');
    // A filter that names nothing is a page saying so, not an error.
    const missing = await fetch(`${origin}/public/catalog?area=${encodeURIComponent('不存在的领域')}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('现行目录没有“不存在的领域”领域');
    expect(await (await fetch(`${origin}/sitemap.xml`)).text()).toContain(`<loc>${origin}/public/catalog</loc>`);
  });

  it('narrows to an area, and answers 404 for an area or department that is not there', async () => {
    const area = await client.request('GET', `/public/catalog?area=${encodeURIComponent('义务教育')}`);
    expect(area.status).toBe(200);
    expect(area.body.rows.length).toBeGreaterThan(0);
    expect(area.body.rows.every((row: { area: string }) => row.area === '义务教育')).toBe(true);
    expect((await client.request('GET', `/public/catalog?area=${encodeURIComponent('不存在的领域')}`)).status).toBe(404);
    expect((await client.request('GET', '/public/catalog?department=nowhere')).status).toBe(404);
  });

  it('offers the catalog as a spreadsheet in the published layout with the releases beside each row', async () => {
    const response = await fetch(`${client.baseUrl}/public/catalog.xlsx?area=${encodeURIComponent('义务教育')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('义务教育')!;
    expect(sheet.getCell('A1').value).toBe('义务教育领域基层政务公开标准目录');
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['序号', '公开事项', '公开内容（要素）', '公开时限', '公开主体', '公开渠道和载体', '已公开条数', '最近公开日期', '公开情况']));
    const rows = [] as unknown[][];
    sheet.eachRow((row, index) => index > 3 && rows.push(row.values as unknown[]));
    const enrolment = rows.find((values) => values[3] === '招生政策')!;
    expect(enrolment[8]).toBe('翔安区教育局');
    expect(enrolment[14]).toBeGreaterThanOrEqual(1);
  });

  it('shows the supervisors the rows with no release in their period, by department', async () => {
    expect((await client.request('GET', '/supervision/catalog-gaps', { as: 'edu.drafter' })).status).toBe(403);
    const gaps = await client.request('GET', '/supervision/catalog-gaps', { as: 'office.supervisor' });
    expect(gaps.status).toBe(200);
    expect(gaps.body).toMatchObject({ asOf: expect.any(String), departments: expect.any(Array) });
    // A year on, every standing obligation of the active catalog has a period that fell due: those with no
    // release in it are listed under their departments, and nothing else is.
    const service = new PublicCatalogReader(dataSource);
    const later = new Date('2027-12-15T04:00:00Z');
    const view = await service.publicCatalogView({}, later);
    const periodic = view.rows.filter((row) => row.standing.basis === 'periodic');
    expect(periodic.length).toBeGreaterThan(0);
    const behind = view.rows.filter((row) => row.standing.status === 'behind').map((row) => row.code).sort();
    expect(behind).toEqual(expect.arrayContaining(periodic.filter((row) => row.releases.count === 0).map((row) => row.code)));
    const listed = (await service.catalogGaps(later)).departments.flatMap((department) => department.rows.map((row) => row.code));
    expect([...new Set(listed)].sort()).toEqual(behind);
  });
});
