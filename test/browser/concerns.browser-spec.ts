import type { BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { checkScreen, expectText, failureScreenshots, launchChromium, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { releaseThroughReview } from '../support/review-path';
import { startApiOnOwnClientAddress, startSystem, type RunningSystem, type SpawnedProcess } from '../support/running-system';

/**
 * 公众关切与政务舆情 in the browser: a citizen's question on a released item is triaged by the disclosure
 * office, answered by the item's department, approved by its leader and published; an incident registered on
 * the item's action screen shows its 5 h / 24 h clocks, coloured by how they stand. Screenshots go to
 * test-output/screenshots/concerns-*.png.
 */
const TITLE = '2026年县城区义务教育学校学区划分方案';
const QUESTION = '请问学区划分方案中，新建小区的学位如何安排？';
const ANSWER = '您好：新建小区学位按就近入学原则统筹安排，具体以教育局每年5月公布的招生计划为准。';

describe('public concerns and 舆情 in the browser', () => {
  let system: RunningSystem;
  let askingApi: (SpawnedProcess & { baseUrl: string }) | undefined;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let itemId: string;
  let concernId: string;

  beforeAll(async () => {
    chromium = await launchChromium('concerns-browser');
    ({ context } = chromium);
    system = await startSystem('concerns-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    const { client } = system;
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: TITLE, body: '一、学区划分原则……', formedAt: '2026-11-20', channels: ['政府网站'] } });
    expect(created.status).toBe(201);
    itemId = created.body.id;
    await releaseThroughReview(client, itemId, undefined, { submitAs: 'edu.drafter' });
    // Public questions are rate-limited per client address in a table every suite shares: the question comes
    // through a replica on IPv6 loopback, as the journey's does, so it neither meets their window nor fills it.
    askingApi = await startApiOnOwnClientAddress(system.taskQueue);
    const asker = new ApiClient((askingApi ?? system.api).baseUrl);
    const asked = await asker.request('POST', `/public/items/${itemId}/concerns`, { body: { content: QUESTION, contact: '13800138000' }, headers: { 'Idempotency-Key': `concerns-browser-${itemId}` } });
    expect(asked.status).toBe(201);
    concernId = asked.body.id;
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await askingApi?.stop();
    await system?.stop();
  });

  const signIn = (username: string) => signInAt(context, origin, username);

  it('triages, answers, reviews and publishes a question; an incident shows its clocks in colour', async () => {
    try {
      await journey();
    } catch (error) {
      await failureScreenshots(context, 'failure-concerns-');
      throw error;
    }
  }, 300_000);

  /** The queue, narrowed to this item's concerns: the table every suite shares holds others. */
  async function openQueue(page: Page): Promise<void> {
    await page.locator('nav.main-nav').getByRole('link', { name: '公众关切', exact: true }).click();
    await page.getByRole('heading', { name: '公众关切与政务舆情' }).waitFor();
    await page.getByLabel('查找').fill(TITLE);
  }

  async function journey(): Promise<void> {
    // 1. The disclosure office finds the question in the queue, its working-day clock green.
    const office = await signIn('office.publisher');
    await openQueue(office);
    const row = office.locator(`tr[data-concern-id="${concernId}"]`);
    await expectText(row, '待分办');
    expect(await row.locator('[data-clock]').getAttribute('data-clock')).toBe('ok');
    await checkScreen(office, 'concerns-queue');

    // 2. 分办: a category, and the item's department, which the form proposes.
    await row.getByRole('link').click();
    await office.getByRole('heading', { name: `网站留言：${TITLE}` }).waitFor();
    await expectText(office.locator('.elements'), '13800138000');
    await expectText(office.locator('tr[data-milestone="response"]'), '个工作日');
    await office.getByRole('button', { name: '分办' }).click();
    await expectText(office.getByRole('alert'), '请选择关切的类别');
    await office.getByRole('radio', { name: '咨询' }).check({ force: true });
    await checkScreen(office, 'concerns-triage');
    await office.getByRole('button', { name: '分办' }).click();
    await expectText(office.locator('[data-state]'), '待答复');
    await expectText(office.locator('p[role="status"]'), '等待县教育局起草答复');

    // 3. The department's drafter writes the answer.
    const drafter = await signIn('edu.drafter');
    await drafter.goto(`${origin}/concerns/${concernId}`);
    await drafter.getByLabel('答复内容').fill(ANSWER);
    await checkScreen(drafter, 'concerns-answer-editor');
    await drafter.getByRole('button', { name: '提交部门负责人审核' }).click();
    await expectText(drafter.locator('[data-state]'), '待审核');

    // 4. Its leader approves, which publishes the answer beside the item.
    const leader = await signIn('edu.leader');
    await leader.goto(`${origin}/concerns/${concernId}`);
    await expectText(leader.locator('.concern-step'), ANSWER);
    await checkScreen(leader, 'concerns-review');
    await leader.getByRole('button', { name: '同意并公开' }).click();
    await expectText(leader.locator('[data-state]'), '已发布');
    expect(await leader.locator('tr[data-milestone="response"] [data-clock]').getAttribute('data-clock')).toBe('met');
    await expectText(leader.locator('.timeline'), '答复已发布');
    await expectText(leader.locator('.timeline'), '孙局长（教育局）');
    await checkScreen(leader, 'concerns-published');
    const page = await system.client.request('GET', `/public/items/${itemId}`);
    expect(JSON.stringify(page.body)).toContain(ANSWER);

    // 5. A major emergency registered from the item's action screen: two clocks, 5 h and 24 h.
    await office.goto(`${origin}/items/${itemId}/actions`);
    await office.getByRole('radio', { name: /重大突发事件/ }).check({ force: true });
    await office.getByLabel('舆情摘要').fill('网传学区划分存在“暗箱操作”，相关帖子转发量较大。');
    await office.getByRole('button', { name: '登记并开始计时' }).click();
    await office.getByRole('heading', { name: `重大突发事件舆情：${TITLE}` }).waitFor();
    const incidentId = office.url().split('/').pop()!;
    await expectText(office.locator('tr[data-milestone="authoritative-information"]'), '5小时');
    await expectText(office.locator('tr[data-milestone="press-conference"]'), '24小时');
    // As if it had come in 23½ hours ago (the read model, as the timers would have left it): the 5-hour
    // limit passed and recorded overdue, the 24-hour one due in half an hour. The timers are tested elsewhere.
    await system.db.query(`UPDATE concerns SET received_at = now() - interval '23 hours 30 minutes' WHERE id = $1`, [incidentId]);
    await system.db.query(
      `UPDATE concern_deadlines SET due_at = now() - interval '18 hours 30 minutes', overdue_at = now() - interval '18 hours 30 minutes' WHERE concern_id = $1 AND milestone = 'authoritative-information'`,
      [incidentId],
    );
    await system.db.query(`UPDATE concern_deadlines SET due_at = now() + interval '30 minutes' WHERE concern_id = $1 AND milestone = 'press-conference'`, [incidentId]);
    await office.reload();
    const clock = (milestone: string) => office.locator(`tr[data-milestone="${milestone}"] [data-clock]`);
    await expectText(clock('authoritative-information'), '已超时');
    expect(await clock('authoritative-information').getAttribute('data-clock')).toBe('overdue');
    expect(await clock('press-conference').getAttribute('data-clock')).toBe('due-soon');
    await expectText(clock('press-conference'), '即将到期');
    await checkScreen(office, 'concerns-incident-clocks');
    await openQueue(office);
    const incidentRow = office.locator(`tr[data-concern-id="${incidentId}"]`);
    await expectText(incidentRow, '重大突发事件舆情');
    expect(await incidentRow.locator('[data-clock]').getAttribute('data-clock')).toBe('overdue');
  }
});
