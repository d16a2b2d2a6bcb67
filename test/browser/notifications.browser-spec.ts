import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen, expectText, failureScreenshots, launchChromium, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * Notifications in the browser: two 保密审查 tasks delegated to edu.secrecy2 put two notices under the bell in
 * the header; the list links each notice to its task, opening one marks it read, and the other is marked read
 * from the list. Screenshots go to test-output/screenshots/notifications-*.png.
 */
describe('notifications in the browser', () => {
  let system: RunningSystem;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  const delegated: { itemId: string; taskId: string; noticeId: string; title: string }[] = [];

  /** A draft in 保密审查, delegated by edu.secrecy to edu.secrecy2; its notice to edu.secrecy2. */
  async function delegatedTask(title: string) {
    const { client } = system;
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body: '……', formedAt: '2026-11-20', channels: ['政府网站'] } });
    expect(created.status).toBe(201);
    const itemId: string = created.body.id;
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const openTask = (username: string) =>
      client.eventually(async () => {
        const tasks = await client.request('GET', '/tasks?state=open', { as: username });
        return (tasks.body.items as { id: string; itemId: string }[]).find((task) => task.itemId === itemId)?.id;
      }, `${username}'s task on ${itemId}`, 60_000);
    const first = await openTask('edu.reviewer');
    expect((await client.request('POST', `/tasks/${first}/complete`, { as: 'edu.reviewer', body: { decision: 'approve', comment: '同意' } })).status).toBe(200);
    const taskId = await openTask('edu.secrecy');
    const handed = await client.request('POST', `/tasks/${taskId}/delegate`, { as: 'edu.secrecy', body: { to: 'edu.secrecy2', comment: '本人出差，请代为审查' } });
    expect(handed.status).toBe(200);
    const noticeId = await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT id FROM notifications WHERE recipient = 'edu.secrecy2' AND task_id = $1 AND kind = 'task-delegated'`, [taskId]);
      return rows[0]?.id as string | undefined;
    }, 'the delegation notice', 60_000);
    return { itemId, taskId, noticeId, title };
  }

  beforeAll(async () => {
    chromium = await launchChromium('notifications-browser');
    ({ context } = chromium);
    system = await startSystem('notifications-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    delegated.push(...(await Promise.all([delegatedTask('2026年学生资助政策申请指南'), delegatedTask('2026年校车安全管理办法')])));
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('shows the unread count in the header, links each notice to its task and marks notices read', async () => {
    try {
      await journey();
    } catch (error) {
      await failureScreenshots(context, 'failure-notifications-');
      throw error;
    }
  }, 300_000);

  /** The bell agrees with the API's unread count (other suites may notify the same user meanwhile). */
  async function expectBellMatchesApi(page: Page): Promise<number> {
    const bell = page.locator('a.notification-bell');
    return system.client.eventually(async () => {
      const unread = (await system.client.request('GET', '/notifications?unread=true&limit=1', { as: 'edu.secrecy2' })).body.unread as number;
      const shown = Number(await bell.getAttribute('data-unread'));
      const label = await bell.getAttribute('aria-label');
      return shown === unread && label === (unread ? `通知：${unread}条未读` : '通知：没有未读') ? unread : undefined;
    }, 'the bell to show the unread count', 90_000);
  }

  const readAt = async (noticeId: string) => (await system.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [noticeId])).rows[0].read_at as Date | null;

  async function journey(): Promise<void> {
    const [opened, marked] = delegated;
    const page = await signIn('edu.secrecy2');
    expect(await expectBellMatchesApi(page)).toBeGreaterThanOrEqual(2);

    // The bell leads to the list; both notices are there, unread, each linking to its review task.
    await page.locator('a.notification-bell').click();
    await page.getByRole('heading', { name: '通知' }).waitFor();
    for (const notice of delegated) {
      const row = page.locator(`tr[data-notice-id="${notice.noticeId}"]`);
      await expectText(row, notice.title);
      await expectText(row, '未读');
      await expectText(row, '转办');
      expect(await row.getByRole('link').getAttribute('href')).toBe(`/review/${notice.itemId}/${notice.taskId}`);
      // The workflow writes the due instant as ISO: the list shows it in 北京时间.
      expect(await row.textContent()).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    }
    await checkScreen(page, 'notifications-list');

    // Opening a notice goes to its task and marks it read.
    await page.locator(`tr[data-notice-id="${opened!.noticeId}"]`).getByRole('link').click();
    await page.waitForURL(`${origin}/review/${opened!.itemId}/${opened!.taskId}`);
    await expectText(page.locator('h1'), opened!.title);
    await system.client.eventually(async () => ((await readAt(opened!.noticeId)) ? true : undefined), 'the opened notice to be read');

    // The other is marked read from the list, without leaving it.
    await page.goto(`${origin}/notifications?show=unread`);
    const row = page.locator(`tr[data-notice-id="${marked!.noticeId}"]`);
    await expectText(row, '未读');
    expect(await page.locator(`tr[data-notice-id="${opened!.noticeId}"]`).count()).toBe(0);
    await row.getByRole('button', { name: /标为已读/ }).click();
    await system.client.eventually(async () => ((await readAt(marked!.noticeId)) ? true : undefined), 'the marked notice to be read');
    await page.goto(`${origin}/notifications`);
    await expectText(page.locator(`tr[data-notice-id="${marked!.noticeId}"]`), '已读');
    await expectText(page.locator(`tr[data-notice-id="${opened!.noticeId}"]`), '已读');
    await expectBellMatchesApi(page);
    await checkScreen(page, 'notifications-read');
  }

  const signIn = (username: string) => signInAt(context, origin, username);
});
