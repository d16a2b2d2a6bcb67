import type { BrowserContext } from 'playwright-core';
import { expectText, failureScreenshots, launchChromium, screenshot as shot, signIn, type LaunchedChromium } from '../support/browser';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The 保密审查 reviewer's screen in a real browser: the ID number in the body is highlighted, the findings
 * panel lists it with its masked preview, an approval is refused while it is open, and once the reviewer
 * records the legal reason the approval goes through. Screenshot: test-output/screenshots/pii-review.png.
 */
describe('personal information on the review screen', () => {
  let system: RunningSystem;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let itemId: string;
  let taskId: string;
  const ID_NUMBER = '330106198503120415';

  beforeAll(async () => {
    chromium = await launchChromium('pii-browser');
    ({ context } = chromium);
    system = await startSystem('pii-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    const { client } = system;
    const created = await client.request('POST', '/items', {
      as: 'edu.drafter',
      body: { catalogItemCode: 'EDU-001', title: '2026年特殊困难学生资助名单公示', body: `经学校申报、教育局审核，身份证号为${ID_NUMBER}的学生列入2026年资助名单。`, formedAt: '2026-11-20' },
    });
    itemId = created.body.id;
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const firstTask = await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT id FROM review_tasks WHERE item_id = $1 AND state = 'open'`, [itemId]);
      return rows[0]?.id as string | undefined;
    }, 'the 初审 task');
    expect((await client.request('POST', `/tasks/${firstTask}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' } })).status).toBe(200);
    taskId = await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT id FROM review_tasks WHERE item_id = $1 AND state = 'open' AND stage = 'confidentiality-review'`, [itemId]);
      return rows[0]?.id as string | undefined;
    }, 'the 保密审查 task');
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('highlights the finding, refuses the approval while it is open, and lets the reviewer justify it', async () => {
    try {
      const page = await signIn(context, origin, 'edu.secrecy');
      await page.goto(`${origin}/review/${itemId}/${taskId}`);
      await page.getByRole('heading', { name: '个人信息检查' }).waitFor();
      const mark = page.locator('mark.pii-finding');
      await expectText(mark, ID_NUMBER);
      expect(await mark.getAttribute('class')).toContain('pii-open');
      await expectText(page.locator('.pii-findings li'), '正文 · 身份证号 3301**********0415 · 待处理');
      await shot(page, 'pii-review');

      // Approving now is refused with the reason, and the task stays open.
      await page.getByRole('button', { name: '提交审核决定' }).click();
      await expectText(page.locator('#decision-error'), '正文的身份证号（3301**********0415）');

      await page.getByLabel('公开依据').fill('《学生资助资金管理办法》规定受助学生名单须公示（已征得监护人同意）');
      await page.getByRole('button', { name: '记录公开依据' }).click();
      await expectText(page.locator('.pii-findings li'), '已说明公开依据');
      expect(await mark.getAttribute('class')).toContain('pii-justified');
      await page.getByRole('button', { name: '提交审核决定' }).click();
      await expectText(page.locator('.banner-success'), '已提交');
      await shot(page, 'pii-review-justified');
    } catch (error) {
      await failureScreenshots(context, 'failure-pii-');
      throw error;
    }
  }, 180_000);
});
