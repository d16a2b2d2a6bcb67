import type { BrowserContext } from 'playwright-core';
import { checkScreen, expectText, failureScreenshots, launchChromium, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * 目录编制 in a real browser: the education bureau's drafter proposes a new row, the disclosure office
 * accepts it row by row, and the office's leader approves the round, which shows the new version's diff.
 * Activation would replace the catalog every suite reads, so it is left to catalog-compilation.int-spec.ts.
 * Each main screen is checked with axe and saved as test-output/screenshots/compilation-*.png.
 */
describe('a catalog compilation round in the browser', () => {
  let system: RunningSystem;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let roundId: string;
  const run = Date.now().toString(36);
  const leader = `cmp${run}.leader`;
  const code = `EDU-${String(100 + (Date.now() % 800)).padStart(3, '0')}`;

  beforeAll(async () => {
    chromium = await launchChromium('compilation-browser');
    ({ context } = chromium);
    system = await startSystem('compilation-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    const { client } = system;
    expect((await client.request('POST', '/org/users', { as: 'admin', body: { username: leader, displayName: '分管领导（公开办）', departmentCode: 'office', roles: ['leader'] } })).status).toBe(201);
    const opened = await client.request('POST', '/catalog-compilation/rounds', { as: 'office.publisher', body: { year: 2099, areas: ['义务教育'], departmentCodes: ['edu'], dueDate: '2099-06-30' } });
    expect(opened.status).toBe(201);
    roundId = opened.body.roundId;
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('has a department propose a row, the office accept it and the leader approve the round', async () => {
    try {
      const drafter = await signInAt(context, origin, 'edu.drafter');
      await drafter.goto(`${origin}/compilation/${roundId}`);
      await drafter.getByRole('heading', { name: /2099年目录编制/ }).waitFor();
      const form = drafter.getByRole('region', { name: '添加目录事项' });
      await form.getByLabel('事项编码').fill(code);
      await form.getByLabel('一级事项').fill('学生资助');
      await form.getByLabel('二级事项').fill('资助名单');
      await form.getByLabel('公开内容（要素）').fill('●受助学生名单');
      await form.getByLabel('公开依据').fill('《学生资助资金管理办法》');
      await form.getByLabel('公开时限').fill('信息形成之日起20个工作日内');
      await form.getByLabel('来源（权责清单事项）').fill('教育-021');
      await form.getByRole('button', { name: '加入列表' }).click();
      await form.getByRole('button', { name: '提交本部门目录事项' }).click();
      await expectText(drafter.getByRole('heading', { level: 2 }).first(), '待审核');
      await checkScreen(drafter, 'compilation-proposed');

      const office = await signInAt(context, origin, 'office.publisher');
      await office.goto(`${origin}/compilation`);
      await office.getByRole('link', { name: '2099年目录编制' }).first().waitFor();
      await checkScreen(office, 'compilation-list');
      await office.goto(`${origin}/compilation/${roundId}`);
      await office.getByRole('radiogroup', { name: `${code} 审核决定` }).locator('label', { hasText: '通过' }).click();
      await office.getByRole('button', { name: '提交审核意见' }).click();
      await expectText(office.getByTestId('round-state'), '领导审批');
      await checkScreen(office, 'compilation-reviewed');

      // The office's leader is this file's own user, not a demo button: signed in by name.
      const approver = await context.newPage();
      await approver.goto(`${origin}/login`);
      await approver.locator('#username').fill(leader);
      await approver.locator('#username').press('Enter');
      await approver.locator('.user-box').waitFor();
      await approver.goto(`${origin}/compilation/${roundId}`);
      await approver.getByRole('button', { name: '同意' }).click();
      await expectText(approver.getByTestId('round-state'), '已审批，待启用');
      await expectText(approver.getByTestId('round-diff'), `新增：${code}`);
      await checkScreen(approver, 'compilation-approved');
    } catch (error) {
      await failureScreenshots(context, 'failure-compilation-');
      throw error;
    }
  }, 300_000);
});
