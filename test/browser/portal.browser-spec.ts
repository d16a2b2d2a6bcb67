import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, checkScreen, type LaunchedChromium } from '../support/browser';
import { EDU_DECIDERS, releaseThroughReview, uploadAttachments } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { buildPdf } from '../support/sample-files';

/**
 * The portal's keyword search in a real browser (Debian's Chromium through playwright-core): a citizen
 * searches 政务公开专栏 for 课后服务, sees the released item with the words highlighted, opens it, and the same
 * search works on a phone; on the item page the attachment is there to download and the citizen rates the item.
 * Screenshots go to test-output/screenshots/portal-search*.png and portal-item.png.
 */
const TITLE = '关于做好2026年秋季学期中小学课后服务工作的通知';
const BODY = '各中小学校：\n为落实“双减”工作要求，现就2026年秋季学期课后服务工作通知如下：\n一、课后服务时间为每个上课日下午放学后至17:30。\n二、课后服务内容以作业辅导、文体活动和科普阅读为主，家长自愿申请。';
const ATTACHMENT = '课后服务安排表.pdf';

describe('the public portal search in a browser', () => {
  let system: RunningSystem;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let origin: string;
  let itemId: string;

  /** A draft through the API, by the drafter; its id. */
  async function createItem(catalogItemCode: string, title: string, body: string): Promise<string> {
    const created = await system.client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode, title, body, formedAt: '2026-02-10' } });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** submit → every review stage approved → released, through the API and the workflow. */
  async function release(id: string): Promise<void> {
    await releaseThroughReview(system.client, id, EDU_DECIDERS, { submitAs: 'edu.drafter', timeoutMs: 60_000 });
  }

  beforeAll(async () => {
    // Before the system: the API serves apps/web/dist only if it exists when it starts.
    chromium = await launchChromium('portal');
    ({ context } = chromium);
    system = await startSystem('portal-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    itemId = await createItem('EDU-001', TITLE, BODY);
    const uploaded = await uploadAttachments(system.client, 'edu.drafter', itemId, [{ name: ATTACHMENT, content: buildPdf('After-school services 2026'), type: 'application/pdf' }]);
    expect(uploaded.status).toBe(201);
    await release(itemId);
    await release(await createItem('EDU-002', '2026年义务教育学区划分方案', '一、第一小学学区：城东街道。\n二、第二小学学区：城西街道。'));
  }, 300_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('searches the portal in Chinese, highlights the match, opens the item, and works on a phone', async () => {
    const citizen = await context.newPage();
    await citizen.goto(`${origin}/public`);
    await citizen.getByRole('navigation', { name: '按五公开类别浏览' }).getByText('未分类').waitFor();
    await expectAttribute(citizen, 'link[rel="alternate"][type="application/atom+xml"]', 'href', '/api/public/feed.atom');

    await citizen.getByLabel('搜索公开信息').fill('课后服务');
    await citizen.getByLabel('搜索公开信息').press('Enter');
    await citizen.getByText('条与“课后服务”相关的信息').waitFor();
    expect(decodeURIComponent(pathOf(citizen.url()))).toBe('/public?q=课后服务');
    const result = citizen.getByRole('link', { name: TITLE });
    await result.waitFor();
    expect(await result.locator('mark').allTextContents()).toEqual(['课后服务']);
    expect(await citizen.locator('.public-snippet mark').first().textContent()).toBe('课后服务');
    await checkScreen(citizen, 'portal-search');

    // The query is in the route: a reload keeps it, and a miss says so.
    await citizen.reload();
    await result.waitFor();
    expect(await citizen.getByLabel('搜索公开信息').inputValue()).toBe('课后服务');
    await citizen.getByLabel('搜索公开信息').fill('没有这样的关键词');
    await citizen.getByLabel('搜索公开信息').press('Enter');
    await citizen.getByText('未找到与“没有这样的关键词”相关的公开信息。').waitFor();
    await citizen.goBack();
    await result.click();
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    expect(pathOf(citizen.url())).toBe(`/public/items/${itemId}`);
    // A link from before the history URLs (/#/public/items/<id>) lands on the same page.
    await citizen.goto(`${origin}/#/public/items/${itemId}`);
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    expect(pathOf(citizen.url())).toBe(`/public/items/${itemId}`);

    // The item page: its attachment, served without a login, and a satisfaction rating.
    const attachmentLink = citizen.getByRole('region', { name: '附件' }).getByRole('link', { name: ATTACHMENT });
    const href = await attachmentLink.getAttribute('href');
    const file = await fetch(new URL(href!, origin));
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const rating = citizen.getByRole('group', { name: /您对.*满意吗/ }).first();
    await rating.getByRole('radio', { name: /^4星/ }).check();
    await citizen.getByRole('button', { name: /提交评价/ }).first().click();
    await citizen.getByText('感谢您的评价', { exact: false }).waitFor();
    await citizen.getByText('共 1 人评价', { exact: false }).waitFor();
    await checkScreen(citizen, 'portal-item');
    const summary = await system.client.request('GET', `/public/items/${itemId}/ratings`);
    expect(summary.body).toMatchObject({ count: 1, average: 4 });

    // 适老化 and the keyboard: the first Tab reaches the skip link, which moves to the content; 大字版 and
    // 高对比度 hold across a reload, and the page stays free of serious accessibility problems in them.
    await citizen.reload();
    const heading = citizen.getByRole('heading', { name: TITLE });
    await heading.waitFor();
    await citizen.keyboard.press('Tab');
    expect(await citizen.evaluate<string>('document.activeElement.textContent')).toBe('跳到主要内容');
    await citizen.keyboard.press('Enter');
    expect(await citizen.evaluate<string>('document.activeElement.id')).toBe('main');
    const headingSize = () => citizen.evaluate<string>('getComputedStyle(document.querySelector("h1")).fontSize');
    expect(await headingSize()).toBe('26px');
    await citizen.getByRole('button', { name: '大字版' }).click();
    await citizen.getByRole('button', { name: '高对比度' }).click();
    await citizen.reload();
    await heading.waitFor();
    expect(await citizen.getByRole('button', { name: '大字版' }).getAttribute('aria-pressed')).toBe('true');
    expect(await citizen.getByRole('button', { name: '高对比度' }).getAttribute('aria-pressed')).toBe('true');
    expect(await citizen.evaluate<string>('document.documentElement.className')).toBe('text-large contrast-high');
    expect(await headingSize()).toBe('32.5px');
    await checkScreen(citizen, 'portal-item-large-text-high-contrast');
    // The list and its search in the same modes: the facets, the marked terms and the summary stay readable.
    await citizen.goto(`${origin}/public?q=${encodeURIComponent('课后服务')}`);
    await citizen.getByRole('link', { name: TITLE }).waitFor();
    await checkScreen(citizen, 'portal-search-large-text-high-contrast');
    await citizen.goBack();
    await heading.waitFor();
    await citizen.getByRole('button', { name: '大字版' }).click();
    await citizen.getByRole('button', { name: '高对比度' }).click();
    expect(await headingSize()).toBe('26px');

    // On a phone: the same search, and nothing wider than the screen.
    await citizen.setViewportSize({ width: 390, height: 844 });
    await citizen.goto(`${origin}/public?q=${encodeURIComponent('课后')}`);
    await citizen.getByRole('link', { name: TITLE }).waitFor();
    await checkScreen(citizen, 'portal-search-phone');
    // A string, because this file is type-checked for Node, without the DOM library.
    const overflow = await citizen.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

/** The path and query of a URL, which is what the app routes on. */
function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

async function expectAttribute(page: Page, selector: string, name: string, value: string): Promise<void> {
  expect(await page.locator(`head ${selector}`).getAttribute(name)).toBe(value);
}
