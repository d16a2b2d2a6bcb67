import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expectText, expectVisible, failureScreenshots, launchChromium, checkScreen, SCREENSHOTS, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { startApiOnOwnClientAddress, startSystem, type RunningSystem, type SpawnedProcess } from '../support/running-system';

/**
 * The web UI in a real browser (Debian's Chromium through playwright-core), against the real API and
 * worker serving the built app: a drafter submits, 初审, 保密审查 and 签发 approve in their inboxes, the
 * public portal shows the item, a citizen asks a question, and the supervisor sees an overdue task.
 * Every main screen is saved under test-output/screenshots/ for a human to look at.
 */
const TITLE = '2026年秋季学期义务教育课后服务实施方案';
const BODY = '为落实“双减”工作要求，规范课后服务，现将2026年秋季学期课后服务安排公布如下：\n一、服务时间为每个上课日下午放学后至17:30。\n二、服务内容以作业辅导、文体活动和科普阅读为主。\n三、家长自愿申请，学校不得强制参加。';

describe('the browser journey', () => {
  let system: RunningSystem;
  let browserApi: (SpawnedProcess & { baseUrl: string }) | undefined;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let itemId: string;
  const started = Date.now();
  const phase = (name: string) => process.stdout.write(`[journey] ${name} at ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  beforeAll(async () => {
    // Before the system: the API serves apps/web/dist only if it exists when it starts.
    chromium = await launchChromium('journey', { acceptDownloads: true });
    ({ context } = chromium);
    // Failure screenshots of an earlier run would pass for this run's.
    for (const name of readdirSync(SCREENSHOTS)) if (name.startsWith('failure-')) rmSync(path.join(SCREENSHOTS, name));
    system = await startSystem('browser');
    // Public concerns are rate-limited per client address in a table every suite shares, and every other
    // suite calls from 127.0.0.1: the browser talks to a second API replica over IPv6 loopback instead, so
    // its question neither meets their window nor fills it. Without IPv6 it shares 127.0.0.1.
    browserApi = await startApiOnOwnClientAddress(system.taskQueue);
    origin = (browserApi ?? system.api).baseUrl.replace(/\/api$/, '');
    phase('system and browser ready');
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await browserApi?.stop();
    await system?.stop();
  });

  const signIn = (username: string) => signInAt(context, origin, username);

  /** Reloads the inbox until the task of this item shows up: the next stage's task is written by an activity. */
  async function openTaskInInbox(page: Page, stageLabel: string): Promise<void> {
    const row = page.locator('tr', { has: page.locator(`a[href^="/review/${itemId}/"]`) }).filter({ hasText: stageLabel });
    const deadline = Date.now() + 90_000;
    await page.goto(`${origin}/inbox`);
    while (!(await row.first().isVisible())) {
      if (Date.now() > deadline) throw new Error(`no ${stageLabel} task for ${itemId} in the inbox`);
      await page.waitForTimeout(500);
      await page.reload();
      await page.locator('#inbox-title').waitFor();
      await page.locator('table, .empty').first().waitFor();
    }
  }

  async function approve(page: Page, stageLabel: string, comment?: string): Promise<void> {
    await page.locator(`a[href^="/review/${itemId}/"]`).first().click();
    await page.getByRole('heading', { name: `审核决定：${stageLabel}` }).waitFor();
    await page.getByLabel('通过', { exact: true }).check();
    if (comment) await page.getByLabel('审核意见', { exact: true }).fill(comment);
    await page.getByRole('button', { name: '提交审核决定' }).click();
    await page.getByText('已提交：通过').waitFor();
  }

  /** Waits for the item's open task of a stage in the read model, for the SQL that moves its due time. */
  async function openTaskId(forItem: string): Promise<string> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { rows } = await system.db.query<{ id: string }>(`SELECT id FROM review_tasks WHERE item_id = $1 AND state = 'open'`, [forItem]);
      if (rows[0]) return rows[0].id;
      if (Date.now() > deadline) throw new Error(`no open task for ${forItem}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  it('a drafter submits, three reviewers approve, the public sees it, a citizen asks, and the supervisor sees an overdue task', async () => {
    try {
      await journey();
    } catch (error) {
      // What each tab showed when it failed: screenshots, and any error banner's text in the message.
      const banners = (await failureScreenshots(context, 'failure-')).map((tab) => `${tab.url}: ${tab.alerts.join(' | ')}`);
      // Printed as well: Jest shows the stack Playwright captured, which keeps the original message.
      if (banners.length) process.stdout.write(`[journey] alerts on screen:\n${banners.join('\n')}\n`);
      if (banners.length && error instanceof Error) error.message += `\nalerts on screen:\n${banners.join('\n')}`;
      throw error;
    }
  }, 420_000);

  async function journey(): Promise<void> {
    // ── Drafting ─────────────────────────────────────────────────────────────────────────────────────
    const login = await context.newPage();
    await login.goto(`${origin}/login`);
    await login.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await checkScreen(login, '01-login');
    await login.close();

    const drafter = await signIn('edu.drafter');
    await drafter.goto(`${origin}/draft`);
    await drafter.getByRole('heading', { name: '起草公开事项' }).waitFor();
    await drafter.locator('.catalog-option').first().waitFor();
    // Submitting an empty form shows each missing field by name.
    await drafter.getByRole('button', { name: '保存并提交审核' }).click();
    await expectText(drafter.locator('#title-error'), '请填写标题');
    await expectText(drafter.locator('#catalogItemCode-error'), '请选择目录事项');
    await checkScreen(drafter, '02-draft-validation');

    await drafter.getByLabel('关键词').fill('招生');
    await drafter.getByRole('button', { name: '搜索', exact: true }).click();
    await drafter.locator('.catalog-option', { hasText: 'EDU-001' }).click();
    await drafter.getByLabel('标题').fill(TITLE);
    await drafter.getByLabel('正文').fill(BODY);
    await checkScreen(drafter, '03-draft-filled');
    await drafter.getByRole('button', { name: '保存并提交审核' }).click();
    await drafter.getByRole('heading', { name: TITLE }).waitFor();
    itemId = /\/items\/([0-9a-f-]{36})/.exec(drafter.url())?.[1] ?? '';
    expect(itemId).toMatch(/^[0-9a-f-]{36}$/);
    await expectText(drafter.locator('.page-head [data-state]'), '审核中');
    await expectText(drafter.locator('.item-deadlines table'), '工作日');
    phase('drafted and submitted');

    // An overdue and a due-soon task in the same inbox, through the read model (review_tasks.due_at and
    // overdue are what the inbox and the supervisor read; the workflow's own timers are not involved).
    const todayInChina = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const late = await system.client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年春季学期学生资助名单公示', body: '现将2026年春季学期家庭经济困难学生资助名单予以公示。', formedAt: todayInChina } });
    const soon = await system.client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年中小学校招生划片范围', body: '现将2026年中小学校招生划片范围公布如下。', formedAt: todayInChina } });
    for (const created of [late, soon]) expect((await system.client.request('POST', `/items/${created.body.id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const lateTask = await openTaskId(late.body.id);
    const soonTask = await openTaskId(soon.body.id);
    await system.db.query(`UPDATE review_tasks SET due_at = now() - interval '10 days', overdue = true WHERE id = $1`, [lateTask]);
    await system.db.query(`UPDATE review_tasks SET due_at = now() + interval '3 hours' WHERE id = $1`, [soonTask]);

    // ── Review: 初审 → 保密审查 → 签发 ─────────────────────────────────────────────────────────────────
    const reviewer = await signIn('edu.reviewer');
    await openTaskInInbox(reviewer, '初审');
    await expectVisible(reviewer.locator(`tr.row-overdue[data-task-id="${lateTask}"]`));
    await expectVisible(reviewer.locator(`tr.row-due-soon[data-task-id="${soonTask}"]`));
    await checkScreen(reviewer, '04-inbox');
    await reviewer.locator(`a[href^="/review/${itemId}/"]`).first().click();
    await reviewer.getByRole('heading', { name: '审核决定：初审' }).waitFor();
    // A return without a comment is refused, and the comment field says why.
    await reviewer.getByLabel('退回修改').check();
    await reviewer.getByRole('button', { name: '提交审核决定' }).click();
    await expectText(reviewer.locator('#comment-error'), '必须填写审核意见');
    await checkScreen(reviewer, '05-review-validation');
    await reviewer.getByLabel('通过', { exact: true }).check();
    await reviewer.getByLabel('审核意见', { exact: true }).fill('内容准确，同意报送保密审查。');
    await reviewer.getByRole('button', { name: '提交审核决定' }).click();
    await reviewer.getByText('已提交：通过').waitFor();
    phase('初审 approved');

    const secrecy = await signIn('edu.secrecy');
    await openTaskInInbox(secrecy, '保密审查');
    await approve(secrecy, '保密审查', '经审查，不涉及国家秘密、工作秘密和个人隐私。');
    phase('保密审查 approved');

    const leader = await signIn('edu.leader');
    await openTaskInInbox(leader, '签发');
    await leader.locator(`a[href^="/review/${itemId}/"]`).first().click();
    await leader.getByRole('heading', { name: '审核决定：签发' }).waitFor();
    await expectText(leader.locator('.comments'), '不涉及国家秘密');
    await checkScreen(leader, '06-review-sign-off');
    await leader.getByLabel('审核意见', { exact: true }).fill('同意发布。');
    await leader.getByRole('button', { name: '提交审核决定' }).click();
    await leader.getByText('已提交：通过').waitFor();
    phase('签发 approved');

    // The drafter's item page: released, every deadline met and explained, the timeline and the ledger.
    // Same URL as before: a reload, since the page keeps what it loaded until it is opened again.
    await drafter.reload();
    await expectText(drafter.locator('.page-head [data-state]'), '已发布');
    await expectText(drafter.locator('.item-timeline'), '孙局长（教育局）');
    await expectText(drafter.locator('.item-ledger table'), '政府网站');
    await checkScreen(drafter, '07-item-page');

    // ── Public portal, no login ────────────────────────────────────────────────────────────────────────
    const citizen = await context.newPage();
    await citizen.goto(`${origin}/public`);
    await citizen.getByRole('link', { name: TITLE }).first().click();
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    await expectText(citizen.locator('.elements'), '公开依据');
    await expectText(citizen.locator('.elements'), '中华人民共和国政府信息公开条例');
    await citizen.goto(`${origin}/public/area/${encodeURIComponent('义务教育')}`);
    await citizen.getByRole('link', { name: TITLE }).first().waitFor();
    await checkScreen(citizen, '08-portal-list');
    await citizen.getByRole('link', { name: TITLE }).first().click();
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    await checkScreen(citizen, '09-portal-item');
    // A concern that is too short is refused by field; a real one is accepted.
    await citizen.getByLabel('留言内容').fill('请问');
    await citizen.getByRole('button', { name: '提交留言' }).click();
    await expectText(citizen.locator('#concern-content-problem'), '至少');
    await citizen.getByLabel('留言内容').fill('请问课后服务是否收费？低保家庭的孩子可以减免吗？');
    await citizen.getByRole('button', { name: '提交留言' }).click();
    await citizen.getByText('留言已收到').waitFor();
    const { rows: concerns } = await system.db.query(`SELECT count(*)::int AS n FROM concerns WHERE item_id = $1`, [itemId]);
    expect(concerns[0].n).toBe(1);
    // The same page on a phone.
    await citizen.setViewportSize({ width: 390, height: 844 });
    await citizen.reload();
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    await checkScreen(citizen, '10-portal-item-phone');
    // A string, because this file is type-checked for Node, without the DOM library.
    const overflow = await citizen.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    phase('portal and concern');

    // ── Supervision ───────────────────────────────────────────────────────────────────────────────────
    const supervisor = await signIn('office.supervisor');
    await supervisor.getByRole('heading', { name: '督查督办：逾期事项' }).waitFor();
    // Other suites' overdue items share this database: find ours by its title, whatever page it falls on.
    await supervisor.getByLabel('按事项名称查找').fill('学生资助名单公示');
    const lateRow = supervisor.locator('tr', { hasText: '2026年春季学期学生资助名单公示' }).filter({ hasText: '内部时限' });
    await expectVisible(lateRow.first());
    await expectText(lateRow.first(), '初审');
    await checkScreen(supervisor, '11-supervision');
    const [download] = await Promise.all([supervisor.waitForEvent('download'), supervisor.getByRole('link', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('逾期事项.csv');
    phase('supervisor saw the overdue task');
  }
});
