import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen, expectText, failureScreenshots, launchChromium, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * 依申请公开 in a real browser: a citizen applies on the portal without an account and keeps the 查询号 and
 * code; the office 签收 and 受理 it to 县教育局, the department drafts the reply, 保密审查 and 签发 approve, the
 * office delivers it; the citizen reads the reply with the 查询号. Each main state is checked with axe and saved as test-output/screenshots/application-*.png.
 */
describe('an application for disclosure in a browser', () => {
  let system: RunningSystem;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    chromium = await launchChromium('applications');
    ({ context } = chromium);
    system = await startSystem('applications-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
  }, 300_000);

  afterAll(async () => {
    if (context) await failureScreenshots(context, 'application-failure');
    await chromium?.close();
    await system?.stop();
  });

  /** Takes one step on the application page and waits for the state it leads to. */
  async function takeStep(page: Page, step: string, fields: Record<string, string>, nextState: string, choices: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(fields)) await page.locator(`form:has(button[data-step="${step}"]) input[name="${name}"]`).fill(value);
    for (const [label, option] of Object.entries(choices)) {
      await page.locator(`form:has(button[data-step="${step}"])`).getByLabel(label).click();
      await page.locator('.t-select-option', { hasText: option }).first().click();
    }
    await page.locator(`button[data-step="${step}"]`).click();
    await expectText(page.getByRole('heading', { level: 1 }), nextState);
  }

  it('is applied for by a citizen, answered by staff, and read with the 查询号', async () => {
    const citizen = await context.newPage();
    await citizen.goto(`${origin}/public/applications`);
    await citizen.getByLabel('姓名或名称').fill('李浏览');
    await citizen.getByLabel('身份证明（证件号码）').fill('110101198001015678');
    await citizen.getByLabel('所需政府信息的名称、文号或特征性描述').fill('2026年县城学区划分的正式文件');
    await checkScreen(citizen, 'application-01-form');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    const queryNumber = (await citizen.getByTestId('query-number').textContent())!;
    expect(queryNumber).toMatch(/^YSQ/);
    expect(await citizen.getByTestId('verification-code').textContent()).toMatch(/^\d{6}$/);
    await checkScreen(citizen, 'application-02-receipt');

    const id = (await system.client.request('GET', '/applications?state=submitted', { as: 'office.publisher' })).body.items.find((entry: { queryNumber: string }) => entry.queryNumber === queryNumber).id as string;
    const office = await signInAt(context, origin, 'office.publisher');
    await office.goto(`${origin}/applications`);
    // Other suites' applications share this database: find this one by its 查询号, whatever page it falls on.
    await office.getByLabel('按查询号或申请人查找').fill(queryNumber);
    await office.getByRole('link', { name: queryNumber }).waitFor();
    await checkScreen(office, 'application-list');
    await office.getByRole('link', { name: queryNumber }).click();
    await expectText(office.getByRole('heading', { level: 1 }), '待签收');
    await takeStep(office, 'sign', {}, '已签收');
    await takeStep(office, 'accept', { departmentCode: 'edu' }, '办理中');
    await checkScreen(office, 'application-03-accepted');

    const drafter = await signInAt(context, origin, 'edu.drafter');
    await drafter.goto(`${origin}/applications/${id}`);
    await expectText(drafter.getByRole('heading', { level: 1 }), '办理中');
    await takeStep(drafter, 'draft-reply', {}, '答复保密审查', { 处理结果: '予以公开' });
    const secrecy = await signInAt(context, origin, 'edu.secrecy');
    await secrecy.goto(`${origin}/applications/${id}`);
    await takeStep(secrecy, 'review-reply', {}, '答复签发');
    const leader = await signInAt(context, origin, 'edu.leader');
    await leader.goto(`${origin}/applications/${id}`);
    await takeStep(leader, 'sign-off-reply', {}, '待送达');
    await office.reload();
    await takeStep(office, 'deliver-reply', { method: '电子邮件' }, '已办结');
    await checkScreen(office, 'application-04-closed');

    await citizen.getByRole('button', { name: '查询' }).click();
    await expectText(citizen.getByTestId('application-status'), '已办结');
    await expectText(citizen.getByTestId('reply-letter'), '予以公开');
    await expectText(citizen.getByTestId('reply-letter'), '李浏览');
    await checkScreen(citizen, 'application-05-reply');
  }, 240_000);
});
