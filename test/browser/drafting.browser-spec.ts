import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { expectCount, expectText, failureScreenshots, launchChromium, checkScreen, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { startSystem, type RunningSystem } from '../support/running-system';
import { buildPdf, buildPng } from '../support/sample-files';
import { testServers } from '../support/test-environment';

/**
 * Drafting in a real browser: the drafter attaches a PDF and an image, saves and submits; 初审 returns it
 * with a comment; the drafter opens it from 我的事项, edits the prefilled form and resubmits; the item page
 * shows the attachments and what changed between the two revisions.
 */
const TITLE = '2026年秋季学期义务教育阶段学校招生入学办法';
const BODY = '一、招生对象：本县户籍及符合条件的随迁子女。\n二、报名方式：网上报名。\n三、录取办法：按学区划片，就近免试入学。';
const REVISED_BODY = '一、招生对象：本县户籍及符合条件的随迁子女。\n二、报名方式：网上报名，报名时间为7月1日至7月10日。\n三、录取办法：按学区划片，就近免试入学。';

describe('drafting in the browser', () => {
  let system: RunningSystem;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    chromium = await launchChromium('drafting');
    ({ context } = chromium);
    process.env.ATTACHMENT_DIR = path.join(testServers().dataDir, 'attachments-browser');
    system = await startSystem('drafting');
    origin = system.api.baseUrl.replace(/\/api$/, '');
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    delete process.env.ATTACHMENT_DIR;
  });

  const signIn = (username: string) => signInAt(context, origin, username);

  it('attaches files, is returned, edits the returned draft, resubmits, and shows the diff', async () => {
    try {
      await drafting();
    } catch (error) {
      await failureScreenshots(context, 'failure-drafting-');
      throw error;
    }
  }, 300_000);

  async function drafting(): Promise<void> {
    const drafter = await signIn('edu.drafter');
    await drafter.goto(`${origin}/draft`);
    await drafter.getByRole('heading', { name: '起草公开事项' }).waitFor();
    // The form offers only the rows 县教育局 is responsible for (any other row the API would refuse).
    const owned = (await system.client.request('GET', '/public/catalog?department=edu')).body.rows.map((row: { code: string }) => row.code) as string[];
    const all = (await system.client.request('GET', '/public/catalog')).body.rows as { code: string }[];
    expect(all.length).toBeGreaterThan(owned.length);
    await drafter.locator('.catalog-option', { hasText: 'EDU-001' }).waitFor();
    const offered = await drafter.locator('.catalog-option code').allTextContents();
    expect([...offered].sort()).toEqual([...owned].sort());
    await drafter.getByLabel('关键词').fill('招生');
    await drafter.getByRole('button', { name: '搜索', exact: true }).click();
    await drafter.locator('.catalog-option', { hasText: 'EDU-001' }).click();
    await drafter.getByLabel('标题').fill(TITLE);
    await drafter.getByLabel('正文').fill(BODY);

    // A Word file is refused by name before anything is sent; PDFs and images are listed with type and size.
    await drafter.locator('#files').setInputFiles([{ name: '招生说明.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004') }]);
    await expectText(drafter.locator('#files-error'), '招生说明.docx：只能上传 PDF、PNG、JPEG 文件');
    await drafter.locator('#files').setInputFiles([
      { name: '2026年招生办法（正式文件）.pdf', mimeType: 'application/pdf', buffer: buildPdf('2026 enrolment rules') },
      { name: '学区划分示意图.png', mimeType: 'image/png', buffer: buildPng(64, 48, [40, 110, 180]) },
    ]);
    await expectCount(drafter.locator('#files-error'), 0);
    const rows = drafter.locator('.attachment-table tbody tr');
    await expectCount(rows, 2);
    await expectText(rows.nth(0), 'PDF');
    await expectText(rows.nth(1), '学区划分示意图.png');
    await drafter.locator('.attachment-table').scrollIntoViewIfNeeded();
    await checkScreen(drafter, 'draft-attachments');

    await drafter.getByRole('button', { name: '保存并提交审核' }).click();
    await drafter.getByRole('heading', { name: TITLE }).waitFor();
    const itemId = /\/items\/([0-9a-f-]{36})/.exec(drafter.url())?.[1] ?? '';
    expect(itemId).toMatch(/^[0-9a-f-]{36}$/);
    await expectText(drafter.locator('.page-head [data-state]'), '审核中');
    await expectText(drafter.locator('.item-attachments'), '2026年招生办法（正式文件）.pdf');
    await expectText(drafter.locator('.item-attachments'), '学区划分示意图.png');

    // 初审 returns it with a comment.
    const reviewer = await signIn('edu.reviewer');
    const link = reviewer.locator(`a[href^="/review/${itemId}/"]`).first();
    const deadline = Date.now() + 60_000;
    await reviewer.goto(`${origin}/inbox`);
    while (!(await link.isVisible())) {
      if (Date.now() > deadline) throw new Error('no 初审 task in the inbox');
      await reviewer.waitForTimeout(500);
      await reviewer.reload();
      await reviewer.locator('#inbox-title').waitFor();
    }
    await link.click();
    await reviewer.getByLabel('退回修改', { exact: true }).check();
    await reviewer.locator('#comment').fill('请写明网上报名的起止时间。');
    await reviewer.getByRole('button', { name: '提交审核决定' }).click();
    await reviewer.getByText('已提交：退回修改').waitFor();

    // The drafter finds it in 我的事项 (from the API), returned, with the comment, and edits it.
    await drafter.goto(`${origin}/items`);
    const row = drafter.locator('tr', { has: drafter.locator(`a[href="/items/${itemId}"]`) });
    await expectText(row, '已退回');
    await expectText(row, '请写明网上报名的起止时间');
    await checkScreen(drafter, 'my-items-returned');
    // The item page offers the resubmission, asked once more in a dialog; cancelled here, the form resubmits below.
    await drafter.goto(`${origin}/items/${itemId}`);
    await drafter.getByRole('button', { name: '重新提交审核' }).click();
    await expectText(drafter.locator('.t-dialog'), '提交后进入审核流程');
    await checkScreen(drafter, 'item-returned-submit-dialog');
    await drafter.locator('.t-dialog').getByRole('button', { name: '取消' }).click();
    await drafter.goto(`${origin}/items`);
    await row.getByRole('link', { name: `修改 ${TITLE}` }).click();
    await drafter.getByRole('heading', { name: '修改退回的事项' }).waitFor();
    await expectText(drafter.locator('.return-comment'), '请写明网上报名的起止时间。');
    expect(await drafter.getByLabel('标题').inputValue()).toBe(TITLE);
    expect(await drafter.getByLabel('正文').inputValue()).toBe(BODY);
    await expectCount(drafter.locator('.attachment-table tbody tr'), 2);
    await drafter.getByLabel('正文').fill(REVISED_BODY);
    await drafter.getByRole('button', { name: '保存并重新提交审核' }).click();
    await drafter.getByRole('heading', { name: TITLE }).waitFor();
    await expectText(drafter.locator('.page-head [data-state]'), '审核中');

    // The item page compares the two revisions: the added dates in green with a ［+…］ marker.
    await drafter.locator('#revisions-title').waitFor();
    await expectText(drafter.locator('.diff-field', { hasText: '正文' }).locator('ins.diff-added'), '，报名时间为7月1日至7月10日');
    await expectText(drafter.locator('.diff'), '未修改：标题');
    await drafter.locator('#revisions-title').scrollIntoViewIfNeeded();
    await checkScreen(drafter, 'item-diff');
  }
});
