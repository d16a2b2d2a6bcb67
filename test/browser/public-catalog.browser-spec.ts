import type { BrowserContext } from 'playwright-core';
import { addDays, chinaDateOf } from '@zwgk/domain';
import { checkScreen, launchChromium, type LaunchedChromium } from '../support/browser';
import { EDU_DECIDERS, releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The public catalog (能监督) in a real browser: a resident opens 标准目录 from the portal's navigation, narrows
 * it to 县教育局, and finds the 招生政策 row with its six elements and, beside it, the notice released under it,
 * which opens with its interpretation (a Q&A). Then an open consultation as the same resident sees it. Screenshots (with axe):
 * test-output/screenshots/public-catalog.png and consultation-page.png.
 */
const TITLE = `2026年秋季义务教育阶段招生政策（${Date.now().toString(36)}）`;
const CONSULTATION = '县城区义务教育学校学区划分调整方案（征求意见稿）';

describe('the public catalog in a browser', () => {
  let system: RunningSystem;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let origin: string;
  let itemId: string;
  let consultationId: string;

  beforeAll(async () => {
    chromium = await launchChromium('public-catalog');
    ({ context } = chromium);
    system = await startSystem('public-catalog-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    const created = await system.client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: TITLE, body: '一、招生范围……\n二、报名时间……', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    itemId = created.body.id;
    const qa = { form: 'qa', interpreterKind: 'drafting-department', interpreterName: '县教育局', title: '招生政策问答', questions: [{ question: '随迁子女需要哪些材料？', answer: '户口簿、居住证和租房合同。' }] };
    expect((await system.client.request('POST', `/items/${itemId}/interpretations`, { as: 'edu.drafter', body: qa })).status).toBe(201);
    await releaseThroughReview(system.client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter', timeoutMs: 60_000 });
    const opened = await system.client.request('POST', '/consultations', {
      as: 'edu.drafter',
      body: {
        kind: 'major-decision',
        title: CONSULTATION,
        draftText: '第一条 为合理配置城区义务教育学位资源，制定本方案。\n第三条 第一小学学区调整为城东街道、城南社区。\n第六条 本方案自2027年秋季学期起施行。',
        explanation: '城东片区新建住宅较多，第一小学学位紧张，需要调整学区范围。',
        // The API's own China day, 31 days on: past the legal minimum of 30 whatever today is.
        closesOn: addDays(chinaDateOf(new Date()), 31),
      },
    });
    expect(opened.status).toBe(201);
    consultationId = opened.body.id;
  }, 300_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('shows a row with its six elements and its releases, and an open consultation', async () => {
    const resident = await context.newPage();
    await resident.goto(`${origin}/public`);
    await resident.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '标准目录' }).click();
    await resident.getByRole('heading', { name: '政务公开事项标准目录' }).waitFor();
    await resident.getByRole('navigation', { name: '按部门查看' }).getByRole('link', { name: '县教育局' }).click();
    await resident.getByRole('heading', { name: '县教育局公开事项标准目录' }).waitFor();
    expect(new URL(resident.url()).search).toBe('?department=edu');
    const row = resident.locator('li.catalog-row[data-code="EDU-001"]');
    for (const label of ['事项名称', '公开依据', '公开内容', '公开主体', '公开时限', '公开方式']) await row.getByText(label, { exact: true }).waitFor();
    await row.getByText(/最近公开：\d{4}年\d{1,2}月\d{1,2}日/).waitFor();
    await row.getByText('按时公开').waitFor();
    // The row lists its latest releases. Other suites release under EDU-001 in the same database at the same
    // time, so this file's item may be pushed out of the few shown: open the newest one instead, then this one.
    const newest = row.locator('a[href^="/public/items/"]').first();
    await newest.waitFor();
    const newestTitle = (await newest.textContent())!.trim();
    const newestPath = (await newest.getAttribute('href'))!;
    expect(await resident.getByRole('link', { name: 'Excel 表格（.xlsx）' }).getAttribute('href')).toBe('/api/public/catalog.xlsx?department=edu');
    await checkScreen(resident, 'public-catalog');
    await newest.click();
    await resident.getByRole('heading', { name: newestTitle }).waitFor();
    expect(new URL(resident.url()).pathname).toBe(newestPath);
    await resident.goto(`${origin}/public/items/${itemId}`);
    await resident.getByRole('heading', { name: TITLE }).waitFor();
    // The item page in the app shows its interpretation in its form (多元化解读).
    await resident.getByRole('heading', { name: '政策解读' }).waitFor();
    await resident.getByText('问：随迁子女需要哪些材料？').waitFor();
    await resident.getByText('答：户口簿、居住证和租房合同。').waitFor();

    // The same page without the app's script: the server's HTML alone has the row and its release.
    const plain = await (await fetch(`${origin}/public/catalog?department=edu`)).text();
    expect(plain.slice(plain.indexOf('data-code="EDU-001"'))).toMatch(/<a href="\/public\/items\/[0-9a-f-]{36}">/);

    await resident.goto(`${origin}/public/consultations/${consultationId}`);
    await resident.getByRole('heading', { name: CONSULTATION }).waitFor();
    await resident.getByText(/正在征集意见，剩余\d+天（含今日）/).waitFor();
    await checkScreen(resident, 'consultation-page');
  }, 180_000);
});
