import type { BrowserContext } from 'playwright-core';
import { checkScreen, expectText, failureScreenshots, launchChromium, screenshot as shot, signIn, type LaunchedChromium } from '../support/browser';
import { buildTextPdf } from '../support/personal-information-files';
import { uploadAttachments } from '../support/review-path';
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
  let draftId: string;
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

    // A draft the drafter still holds: an ID number in the body and a mobile number on page 2 of its PDF.
    const draft = await client.request('POST', '/items', {
      as: 'edu.drafter',
      body: { catalogItemCode: 'EDU-001', title: '2026年新生入学资格审核结果公示', body: `经审核，身份证号为${ID_NUMBER}的申请人符合入学条件。`, formedAt: '2026-11-20' },
    });
    draftId = draft.body.id;
    const pdf = buildTextPdf([['Enrolment list 2026, page 1.'], ['Page 2', 'Contact mobile: 13857112345']]);
    expect((await uploadAttachments(client, 'edu.drafter', draftId, [{ name: '名单.pdf', type: 'application/pdf', content: pdf }])).status).toBe(201);
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

  it('lets the drafter mask a finding in the text with one click and names the attachment page to fix', async () => {
    try {
      const page = await signIn(context, origin, 'edu.drafter');
      await page.goto(`${origin}/draft/${draftId}`);
      await page.getByRole('heading', { name: '个人信息检查' }).waitFor();
      const findings = page.locator('.pii-findings li');
      await expectText(findings.nth(0), '正文 · 身份证号 3301**********0415 · 待处理');
      await expectText(findings.nth(1), '附件《名单.pdf》第2页 · 手机号码 138****2345 · 待处理');
      await expectText(findings.nth(1), '删除原附件后重新上传');
      expect(await findings.nth(1).getByRole('button', { name: /一键脱敏/ }).count()).toBe(0);
      await checkScreen(page, 'pii-drafter');

      await findings.nth(0).getByRole('button', { name: /一键脱敏/ }).click();
      await expectText(page.locator('.pii-done'), '已脱敏：正文的身份证号');
      // The body no longer carries it, so it leaves the list; the attachment's finding stays, without a button.
      await expectText(findings.nth(0), '附件《名单.pdf》第2页 · 手机号码 138****2345 · 待处理');
      expect(await findings.count()).toBe(1);
      expect(await page.getByRole('button', { name: /一键脱敏/ }).count()).toBe(0);
      // The form shows the masked revision, and it is what the API holds.
      expect(await page.getByLabel('正文').inputValue()).toBe('经审核，身份证号为3301**********0415的申请人符合入学条件。');
      const saved = await system.client.request('GET', `/items/${draftId}`, { as: 'edu.drafter' });
      expect(saved.body.body).not.toContain(ID_NUMBER);
      await checkScreen(page, 'pii-drafter-masked');
    } catch (error) {
      await failureScreenshots(context, 'failure-pii-drafter-');
      throw error;
    }
  }, 180_000);
});
