import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import type { BrowserContext } from 'playwright-core';
import { checkScreen, launchChromium, screenshot as shot, type LaunchedChromium } from '../support/browser';
import { LocalOidcIssuer } from '../support/local-oidc-issuer';
import { startApi, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { testServers } from '../support/test-environment';

interface StoredSession {
  token: string;
}

/** The page's sessionStorage, as code that runs in the page sees it (this file is compiled without the DOM types). */
type PageStorage = { getItem(key: string): string | null } & Record<string, unknown>;

/**
 * In a real browser, signed in through 统一身份认证 (oidc-client-ts against a local issuer that hands out refresh
 * tokens): the token is renewed in the background before it expires, without leaving the page, and the new one
 * is what the app sends; 退出登录 signs out at the issuer's end_session_endpoint too, which sends the browser
 * back to the login screen.
 */
describe('OIDC silent renew and sign-out at the issuer in the browser', () => {
  const run = randomUUID().slice(0, 6);
  const username = `renew${run}.reviewer`;
  // A department of this file's own: the user signed in here is a 初审 reviewer of it, and a reviewer of a shared
  // department (edu) would be notified of other suites' tasks (an escalation goes to every head of the department).
  const department = `renew${run}`;
  let api: SpawnedProcess & { baseUrl: string };
  let issuer: LocalOidcIssuer;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    // Before the API: it serves apps/web/dist only if it exists when it starts.
    chromium = await launchChromium('oidc-renew');
    ({ context } = chromium);
    issuer = await new LocalOidcIssuer('zwgk-web').start();
    issuer.refreshTokens = true;
    // oidc-client-ts renews a minute before expiry: a 64-second token is renewed about 4 seconds after sign-in.
    issuer.tokenLifetimeSeconds = 64;
    const db = new PgClient({ connectionString: testServers().databaseUrl });
    await db.connect();
    await db.query(`INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, '县续期测试局', 'county', 'department')`, [department]).finally(() => db.end());
    issuer.users.set(username, { sub: `sub-${run}`, preferred_username: username, name: '柳初审（测试局）', department, roles: ['gov-head'] });
    api = await startApi(uniqueTaskQueue('oidc-renew'), { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_CLIENT_ID: 'zwgk-web', OIDC_ROLE_MAP: 'gov-head=reviewer' });
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await api?.stop();
    await issuer?.stop();
  });

  it('renews the token silently, then signs out at the issuer and comes back to the login screen', async () => {
    const origin = api.baseUrl.replace(/\/api$/, '');
    const page = await context.newPage();
    const storedToken = async () => (await page.evaluate(() => JSON.parse((globalThis as unknown as { sessionStorage: PageStorage }).sessionStorage.getItem('zwgk.session') ?? 'null') as StoredSession | null))?.token;
    const expiryOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number }).exp;
    try {
      await page.goto(`${origin}/login`);
      await page.getByRole('button', { name: '统一身份认证登录' }).click();
      await page.getByRole('button', { name: `柳初审（测试局）（${username}）` }).click();
      await page.locator('.user-box').filter({ hasText: '柳初审（测试局）' }).waitFor();
      await page.locator('#inbox-title').waitFor();
      const first = (await storedToken())!;
      expect(first).toBeTruthy();

      // From here on the page must not navigate: the renewal happens in the background.
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
      const deadline = Date.now() + 30_000;
      while ((await storedToken()) === first && Date.now() < deadline) await page.waitForTimeout(250);
      const renewed = (await storedToken())!;
      expect(renewed).not.toBe(first);
      expect(issuer.refreshes.map((refresh) => refresh.username)).toContain(username);
      expect(expiryOf(renewed)).toBeGreaterThan(expiryOf(first));
      expect(navigations).toEqual([]);
      // The renewed token is the one the app sends, and the API accepts it.
      const me = await page.evaluate(async (token) => (await fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status, renewed);
      expect(me).toBe(200);
      await page.locator('.user-box').filter({ hasText: '柳初审（测试局）' }).waitFor();

      // 退出登录: through the issuer's end_session_endpoint, with the ID token as the hint, and back to /login.
      const toIssuer = page.waitForRequest((request) => request.url().startsWith(`${issuer.url}/logout`) && request.isNavigationRequest());
      const backHome = page.waitForResponse((response) => response.url() === `${origin}/login` && response.request().isNavigationRequest());
      await page.getByRole('button', { name: '退出登录' }).click();
      await toIssuer;
      await backHome;
      await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
      expect(issuer.logouts).toEqual([{ idTokenHint: renewed, postLogoutRedirectUri: `${origin}/login` }]);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as { sessionStorage: PageStorage }).sessionStorage).filter((key) => key.startsWith('oidc.user:') || key === 'zwgk.session'))).toEqual([]);
      await checkScreen(page, 'login-oidc-after-logout');
    } catch (error) {
      await shot(page, 'failure-oidc-renew');
      throw error;
    } finally {
      await page.close();
    }
  }, 90_000);
});
