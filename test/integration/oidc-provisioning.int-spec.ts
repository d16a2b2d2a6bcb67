import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { ApiClient } from '../support/api-client';
import { LocalOidcIssuer } from '../support/local-oidc-issuer';
import { startApi, startWorker, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { testServers } from '../support/test-environment';
import { shareActiveCatalogRow } from '../support/catalog-row';

/**
 * OIDC claims → users, departments and roles (issue 6). The API runs in AUTH_MODE=oidc against a local
 * identity provider with configured claim names and a role map; people sign in through the Authorization
 * Code flow with PKCE, are provisioned in the users table on the way in, and then take part in real workflows
 * as role holders.
 */
describe('OIDC users provisioned from token claims', () => {
  const run = randomUUID().slice(0, 6);
  const department = `oidc-${run}`;
  const redirectUri = 'http://127.0.0.1:9/'; // never followed: the test reads the code from the redirect
  const names = { admin: `oidc${run}.admin`, drafter: `oidc${run}.drafter`, head: `oidc${run}.head`, deputy: `oidc${run}.deputy`, stranger: `oidc${run}.stranger` };
  let issuer: LocalOidcIssuer;
  let api: SpawnedProcess & { baseUrl: string };
  let worker: SpawnedProcess;
  let client: ApiClient;
  let db: PgClient;

  /** A user of the IdP directory, with its own claim names: `uid`, `org_unit`, `groups`, `display_name`. */
  const directory = (username: string, orgUnit: string, groups: string[], displayName: string) =>
    issuer.users.set(username, { sub: `sub-${username}`, uid: username, org_unit: orgUnit, groups, display_name: displayName });

  async function signIn(username: string): Promise<string> {
    const answer = await issuer.signIn(username, redirectUri);
    return answer.id_token;
  }
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const userRow = async (username: string) =>
    (await db.query(`SELECT display_name, department_code, roles, active FROM users WHERE username = $1`, [username])).rows[0] as
      | { display_name: string; department_code: string; roles: string[]; active: boolean }
      | undefined;
  const provisioningAudits = async (username: string) =>
    (await db.query(`SELECT action, actor, department_code, detail, request_id FROM audit_events WHERE action IN ('org.user-provisioned', 'org.user-updated') AND detail->>'username' = $1 ORDER BY id`, [username]))
      .rows as { action: string; actor: string; department_code: string; detail: Record<string, unknown>; request_id: string | null }[];

  beforeAll(async () => {
    issuer = await new LocalOidcIssuer('zwgk-web').start();
    const queue = uniqueTaskQueue('oidc-prov');
    [worker, api] = await Promise.all([
      startWorker(queue),
      startApi(queue, {
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: issuer.url,
        OIDC_JWKS_URL: `${issuer.url}/.well-known/jwks.json`,
        OIDC_CLIENT_ID: 'zwgk-web',
        OIDC_USERNAME_CLAIM: 'uid',
        OIDC_DEPARTMENT_CLAIM: 'org_unit',
        OIDC_ROLES_CLAIM: 'groups',
        OIDC_NAME_CLAIM: 'display_name',
        OIDC_ROLE_MAP: 'gov-admin=admin,gov-drafter=drafter,gov-head=reviewer,gov-secrecy=secrecy-reviewer',
      }),
    ]);
    client = new ApiClient(api.baseUrl);
    db = new PgClient({ connectionString: testServers().databaseUrl });
    await db.connect();
    // The department is made by an admin who is provisioned from the IdP too: never from a token.
    directory(names.admin, 'county', ['gov-admin'], `管理员${run}`);
    const admin = await signIn(names.admin);
    const created = await client.request('POST', '/org/departments', { headers: as(admin), body: { code: department, name: `统一认证测试局${run}`, kind: 'department', parentCode: 'county' } });
    expect(created.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all([api?.stop(), worker?.stop()]);
    await issuer?.stop();
  });

  it('tells the web UI to sign in through the issuer', async () => {
    const config = await client.request('GET', '/auth/config');
    expect(config.status).toBe(200);
    expect(config.body).toEqual({ mode: 'oidc', issuer: issuer.url, clientId: 'zwgk-web', scopes: 'openid profile', redirectUri: null, bearerToken: 'id_token' });
    expect((await client.request('POST', '/auth/dev-login', { body: { username: 'admin' } })).status).toBe(404);
  });

  it('provisions a user at the first sign-in from the configured claims, and audits it once', async () => {
    directory(names.drafter, department, ['gov-drafter', 'wiki-editors'], `起草人${run}`);
    expect(await userRow(names.drafter)).toBeUndefined();
    const token = await signIn(names.drafter);
    const me = await client.request('GET', '/auth/me', { headers: { ...as(token), 'x-request-id': `prov-${run}` } });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ username: names.drafter, displayName: `起草人${run}`, departmentCode: department, roles: ['drafter'] });
    expect(await userRow(names.drafter)).toEqual({ display_name: `起草人${run}`, department_code: department, roles: ['drafter'], active: true });
    // Unknown IdP groups are ignored, logged and kept in the audit detail.
    await api.waitForOutput(new RegExp(`${names.drafter.replace(/\./g, '\\.')}: ignored role claims .*wiki-editors`));
    // Further requests with the same claims change nothing.
    expect((await client.request('GET', '/tasks', { headers: as(token) })).status).toBe(200);
    expect(await provisioningAudits(names.drafter)).toEqual([
      {
        action: 'org.user-provisioned',
        actor: names.drafter,
        department_code: department,
        request_id: `prov-${run}`,
        detail: { username: names.drafter, source: 'oidc', after: { displayName: `起草人${run}`, departmentCode: department, roles: ['drafter'] }, ignoredRoles: ['wiki-editors'] },
      },
    ]);
  });

  it('applies role, name and department changes from the IdP at the next sign-in', async () => {
    directory(names.deputy, department, ['gov-secrecy'], `副职${run}`);
    await client.request('GET', '/auth/me', { headers: as(await signIn(names.deputy)) });
    expect((await userRow(names.deputy))?.roles).toEqual(['secrecy-reviewer']);

    directory(names.deputy, department, ['gov-head', 'gov-secrecy'], `副局长${run}`);
    const me = await client.request('GET', '/auth/me', { headers: as(await signIn(names.deputy)) });
    expect(me.body.roles).toEqual(['reviewer', 'secrecy-reviewer']);
    expect(await userRow(names.deputy)).toMatchObject({ display_name: `副局长${run}`, roles: ['reviewer', 'secrecy-reviewer'] });
    const audits = await provisioningAudits(names.deputy);
    expect(audits.map((row) => row.action)).toEqual(['org.user-provisioned', 'org.user-updated']);
    expect(audits[1]!.detail).toMatchObject({
      source: 'oidc',
      before: { displayName: `副职${run}`, departmentCode: department, roles: ['secrecy-reviewer'] },
      after: { displayName: `副局长${run}`, departmentCode: department, roles: ['reviewer', 'secrecy-reviewer'] },
    });
  });

  it('refuses an unknown department with 403 and creates nothing', async () => {
    directory(names.stranger, 'no-such-bureau', ['gov-drafter'], '外来人员');
    const response = await client.request('GET', '/auth/me', { headers: as(await signIn(names.stranger)) });
    expect(response.status).toBe(403);
    expect(response.body.message).toContain('登录令牌中的部门“no-such-bureau”未在系统中登记');
    expect(await userRow(names.stranger)).toBeUndefined();
    expect((await db.query(`SELECT 1 FROM departments WHERE code = 'no-such-bureau'`)).rowCount).toBe(0);
  });

  it('refuses a token without the configured department claim (401), for another client (401), and a deactivated user (403)', async () => {
    expect((await client.request('GET', '/auth/me', { headers: as(issuer.token({ sub: 'x', uid: 'nobody' })) })).status).toBe(401);
    expect((await client.request('GET', '/auth/me', { headers: as(issuer.token({ sub: 'x', uid: names.drafter, org_unit: department }, { aud: 'another-app' })) })).status).toBe(401);
    const admin = await signIn(names.admin);
    directory(`${names.stranger}2`, department, ['gov-drafter'], '将被停用');
    const token = await signIn(`${names.stranger}2`);
    expect((await client.request('GET', '/auth/me', { headers: as(token) })).status).toBe(200);
    expect((await client.request('PATCH', `/org/users/${names.stranger}2`, { headers: as(admin), body: { active: false } })).status).toBe(200);
    const refused = await client.request('GET', '/auth/me', { headers: as(token) });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/^账号 \S+ 已被管理员停用$/);
  });

  it('finds a provisioned reviewer as a role holder: the 初审 task of a real workflow, and a delegation to a colleague', async () => {
    directory(names.head, department, ['gov-head'], `局长${run}`);
    const drafter = await signIn(names.drafter);
    await shareActiveCatalogRow(db, 'EDU-001', department);
    const created = await client.request('POST', '/items', { headers: as(drafter), body: { catalogItemCode: 'EDU-001', title: `统一认证测试事项 ${run}`, body: '正文。', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    expect((await client.request('POST', `/items/${created.body.id}/submit`, { headers: as(drafter) })).status).toBe(200);

    const head = await signIn(names.head);
    const task = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { headers: as(head) });
      expect(inbox.status).toBe(200);
      return (inbox.body.items as { id: string; itemId: string; kind: string }[]).find((t) => t.itemId === created.body.id);
    }, 'the 初审 task in the provisioned head\'s inbox');
    expect(task.kind).toBe('preliminary-review');

    // The deputy got the reviewer role from the IdP: the users table now lists them as a holder of the stage.
    const delegates = await client.request('GET', `/tasks/${task.id}/delegates`, { headers: as(head) });
    expect(delegates.body.items).toEqual([{ username: names.deputy, displayName: `副局长${run}` }]);
    const delegated = await client.request('POST', `/tasks/${task.id}/delegate`, { headers: as(head), body: { to: names.deputy } });
    expect(delegated.status).toBe(200);
    const deputy = await signIn(names.deputy);
    const notices = await client.request('GET', '/notifications', { headers: as(deputy) });
    expect(notices.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'task-delegated', taskId: task.id })]));
    const decided = await client.request('POST', `/tasks/${task.id}/complete`, { headers: as(deputy), body: { decision: 'approve' } });
    expect(decided.status).toBe(200);
    expect(decided.body.item.openTask.stage).toBe('confidentiality-review');
  });
});
