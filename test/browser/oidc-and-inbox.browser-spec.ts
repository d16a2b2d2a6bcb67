import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, checkScreen, screenshot as shot, type LaunchedChromium } from '../support/browser';
import { LocalOidcIssuer } from '../support/local-oidc-issuer';
import { startApi, startSystem, type RunningSystem, type SpawnedProcess } from '../support/running-system';
import { shareActiveCatalogRow } from '../support/catalog-row';

/**
 * In a real browser: 统一身份认证 sign-in through the real redirect flow (Authorization Code + PKCE) against a
 * local identity provider, with an API in AUTH_MODE=oidc; then, on a second API in dev mode, 批量认领 of two
 * inbox tasks with the keyboard and the delegation of one of them to a colleague.
 */
describe('OIDC sign-in and inbox actions in the browser', () => {
  const run = randomUUID().slice(0, 6);
  const department = `web-${run}`;
  const people = { drafter: `web${run}.drafter`, head: `web${run}.head`, deputy: `web${run}.deputy` };
  let system: RunningSystem;
  let oidcApi: SpawnedProcess & { baseUrl: string };
  let issuer: LocalOidcIssuer;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  const itemIds: string[] = [];

  beforeAll(async () => {
    // Before the system: the API serves apps/web/dist only if it exists when it starts.
    chromium = await launchChromium('oidc-inbox');
    ({ context } = chromium);
    issuer = await new LocalOidcIssuer('zwgk-web').start();
    system = await startSystem('oidc-inbox');
    oidcApi = await startApi(system.taskQueue, { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_CLIENT_ID: 'zwgk-web', OIDC_ROLE_MAP: 'gov-head=reviewer' });

    // A department of this file's own, with two heads (初审) and a drafter, and three items waiting for 初审.
    const { client } = system;
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code: department, name: '县文化和旅游局', kind: 'department', parentCode: 'county' } })).status).toBe(201);
    const users = [
      [people.drafter, '何起草（文旅局）', ['drafter']],
      [people.head, '林局长（文旅局）', ['reviewer']],
      [people.deputy, '许副局长（文旅局）', ['reviewer']],
    ] as const;
    for (const [username, displayName, roles] of users) {
      expect((await client.request('POST', '/org/users', { as: 'admin', body: { username, displayName, departmentCode: department, roles } })).status).toBe(201);
    }
    await shareActiveCatalogRow(system.db, 'EDU-001', department);
    const titles = ['2026年度公共文化服务免费开放目录', '县图书馆春节期间开放时间调整公告', '2026年文化惠民演出季活动安排'];
    for (const title of titles) {
      const created = await client.request('POST', '/items', { as: people.drafter, body: { catalogItemCode: 'EDU-001', title, body: `${title}。正文略。`, formedAt: '2026-11-20' } });
      expect(created.status).toBe(201);
      expect((await client.request('POST', `/items/${created.body.id}/submit`, { as: people.drafter })).status).toBe(200);
      itemIds.push(created.body.id);
    }
    await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: people.head });
      return (inbox.body.items as { itemId: string }[]).filter((task) => itemIds.includes(task.itemId)).length === 3 || undefined;
    }, 'three 初审 tasks');
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await oidcApi?.stop();
    await system?.stop();
    await issuer?.stop();
  });

  const originOf = (baseUrl: string) => baseUrl.replace(/\/api$/, '');

  it('signs in through 统一身份认证 and comes back with a provisioned user', async () => {
    const username = `web${run}.oidc`;
    issuer.users.set(username, { sub: `sub-${run}`, preferred_username: username, name: '高审核（文旅局）', department, roles: ['gov-head'] });
    const origin = originOf(oidcApi.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/login`);
      const button = page.getByRole('button', { name: '统一身份认证登录' });
      await button.waitFor();
      await expectNoDemoUsers(page);
      await checkScreen(page, 'login-oidc');

      // An answer with an error from the issuer is shown, in words, and the address is cleaned up.
      await page.goto(`${origin}/?error=access_denied&state=x`);
      await page.getByRole('alert').filter({ hasText: '统一身份认证登录已取消' }).waitFor();
      expect(new URL(page.url()).search).toBe('');

      await page.getByRole('button', { name: '统一身份认证登录' }).click();
      await page.getByRole('heading', { name: '县统一身份认证平台' }).waitFor();
      const authorize = new URL(page.url());
      expect(authorize.origin).toBe(issuer.url);
      await page.getByRole('button', { name: `高审核（文旅局）（${username}）` }).click();
      await page.locator('.user-box').filter({ hasText: '高审核（文旅局）' }).waitFor();
      // Back on the app, without the code in the address, in the inbox of a 初审 reviewer.
      await page.locator('#inbox-title').waitFor();
      expect(new URL(page.url()).search).toBe('');
      await page.locator('tr[data-task-id]').first().waitFor();
      const { rows } = await system.db.query(`SELECT department_code, roles FROM users WHERE username = $1`, [username]);
      expect(rows).toEqual([{ department_code: department, roles: ['reviewer'] }]);
      await checkScreen(page, 'login-oidc-signed-in');

      // A token that runs out sends the user back to the login screen, saying why.
      issuer.tokenLifetimeSeconds = 4;
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('button', { name: '统一身份认证登录' }).click();
      await page.getByRole('button', { name: `高审核（文旅局）（${username}）` }).click();
      await page.locator('.user-box').waitFor();
      await page.getByRole('status').filter({ hasText: '登录已过期，请重新登录。' }).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
      expect(await page.locator('.user-box').count()).toBe(0);
    } catch (error) {
      await shot(page, 'failure-oidc-login');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('bulk claims two tasks with the keyboard, then delegates one to a colleague', async () => {
    const origin = originOf(system.api.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/login`);
      // The demo sign-in: an empty name is refused on the page, under the field, before any request.
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.locator('#username-error').filter({ hasText: '请输入用户名。' }).waitFor();
      expect(await page.getByLabel('用户名').getAttribute('aria-describedby')).toBe('username-error');
      await checkScreen(page, 'login-dev-missing-name');
      await page.getByLabel('用户名').fill(people.head);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.locator('#inbox-title').waitFor();
      const rowOf = (itemId: string) => page.locator('tr', { has: page.locator(`a[href^="/review/${itemId}/"]`) });
      await rowOf(itemIds[2]!).waitFor();

      // Meanwhile the deputy claims the third task, so one of the selection is refused.
      const third = (await system.db.query(`SELECT id FROM review_tasks WHERE item_id = $1 AND state = 'open'`, [itemIds[2]])).rows[0].id as string;
      expect((await system.client.request('POST', `/tasks/${third}/claim`, { as: people.deputy })).status).toBe(200);

      // Keyboard only: Space and Enter on the row checkboxes, Enter on the button.
      await rowOf(itemIds[0]!).getByRole('checkbox').focus();
      await page.keyboard.press('Space');
      await rowOf(itemIds[1]!).getByRole('checkbox').focus();
      await page.keyboard.press('Enter');
      await rowOf(itemIds[2]!).getByRole('checkbox').focus();
      await page.keyboard.press('Space');
      await page.getByText('已选择 3 项').waitFor();
      await page.getByRole('button', { name: '批量认领' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: '批量认领完成：成功认领 2 项，1 项未能认领' }).waitFor();
      await page.getByRole('status').filter({ hasText: `2026年文化惠民演出季活动安排（初审）：已由 ${people.deputy} 认领` }).waitFor();
      await rowOf(itemIds[0]!).getByText('我', { exact: true }).waitFor();
      await rowOf(itemIds[1]!).getByText('我', { exact: true }).waitFor();
      // The holder by name, not username.
      await rowOf(itemIds[2]!).getByText('许副局长（文旅局）').waitFor();
      // The refused task stays selected, for a second look.
      await page.getByText('已选择 1 项').waitFor();
      await checkScreen(page, 'inbox-bulk');
      const claimed = await system.db.query(`SELECT item_id, claimed_by FROM review_tasks WHERE item_id = ANY($1::uuid[]) AND state = 'open'`, [itemIds]);
      expect(Object.fromEntries(claimed.rows.map((row: { item_id: string; claimed_by: string | null }) => [row.item_id, row.claimed_by]))).toEqual({
        [itemIds[0]!]: people.head,
        [itemIds[1]!]: people.head,
        [itemIds[2]!]: people.deputy,
      });
      // 选择本页全部, by keyboard: everything on the page, then nothing.
      await page.getByRole('checkbox', { name: '选择本页全部任务' }).focus();
      await page.keyboard.press('Space');
      await page.getByText('已选择 3 项').waitFor();
      await page.keyboard.press('Space');
      await page.getByText('勾选任务后可批量认领').waitFor();

      // Delegate the first to the deputy from its review screen.
      await rowOf(itemIds[0]!).locator('a').click();
      await page.getByTestId('holding-state').filter({ hasText: '已由我认领' }).waitFor();
      await page.getByRole('button', { name: '转交…' }).click();
      await page.getByLabel('转交给（同部门同岗位）').selectOption(people.deputy);
      await page.getByLabel('转交说明').fill('出差期间请代为初审');
      await checkScreen(page, 'review-delegate');
      await page.getByRole('button', { name: '确认转交' }).click();
      await page.getByRole('status').filter({ hasText: '已转交给 许副局长（文旅局）' }).waitFor();
      const delegated = await system.db.query(`SELECT assignee, claimed_by, delegated_by FROM review_tasks WHERE item_id = $1 AND state = 'open'`, [itemIds[0]]);
      expect(delegated.rows).toEqual([{ assignee: people.deputy, claimed_by: people.deputy, delegated_by: people.head }]);
    } catch (error) {
      await shot(page, 'failure-inbox-bulk');
      throw error;
    } finally {
      await page.close();
    }
  });
});

async function expectNoDemoUsers(page: Page): Promise<void> {
  expect(await page.locator('button[data-username]').count()).toBe(0);
}
