import type { Client as PgClient } from 'pg';
import type { ApiClient } from '../support/api-client';
import { LocalOidcIssuer } from '../support/local-oidc-issuer';
import { startApi, startSystem, type RunningSystem } from '../support/running-system';
import { shareActiveCatalogRow } from '../support/catalog-row';

/**
 * Departments are deactivated (停用) and reactivated by admins (issue 6): refused while people, sub-units or
 * open work remain there (each reason counted), never for the county; an inactive unit stays listed but takes
 * no sub-units, no users and no sign-ins; every change is audited with before and after.
 */
describe('department deactivation', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  const suffix = Date.now().toString(36);
  const unit = `dz-${suffix}`;
  const town = `dz-town-${suffix}`;
  const drafter = `dz.drafter-${suffix}`;
  const reviewer = `dz.reviewer-${suffix}`;
  const former = `dz.former-${suffix}`;
  let itemId: string;

  beforeAll(async () => {
    system = await startSystem('dept-deactivation');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const fields = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field).sort();
  const deactivate = (code: string, as = 'admin') => client.request('PATCH', `/org/departments/${code}`, { as, body: { active: false } });
  const reactivate = (code: string) => client.request('PATCH', `/org/departments/${code}`, { as: 'admin', body: { active: true } });
  const row = async (code: string) => (await db.query(`SELECT active, deactivated_at FROM departments WHERE code = $1`, [code])).rows[0] as { active: boolean; deactivated_at: Date | null };

  it('refuses the county, and a unit that still has people, sub-units or open work, naming each with its count', async () => {
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code: unit, name: '县住房和城乡建设局', kind: 'department', parentCode: 'county' } })).status).toBe(201);
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code: town, name: '城关街道', kind: 'township', parentCode: unit } })).status).toBe(201);
    for (const [username, roles] of [[drafter, ['drafter']], [reviewer, ['reviewer']]] as const) {
      expect((await client.request('POST', '/org/users', { as: 'admin', body: { username, displayName: username, departmentCode: unit, roles } })).status).toBe(201);
    }
    // A user who left the township earlier: deactivated, so not counted.
    expect((await client.request('POST', '/org/users', { as: 'admin', body: { username: former, displayName: '已离岗人员', departmentCode: town, roles: ['drafter'] } })).status).toBe(201);
    expect((await client.request('PATCH', `/org/users/${former}`, { as: 'admin', body: { active: false } })).status).toBe(200);
    // Open work: a draft submitted for 初审, which waits in the unit's reviewer's inbox.
    await shareActiveCatalogRow(db, 'EDU-001', unit);
    const created = await client.request('POST', '/items', { as: drafter, body: { catalogItemCode: 'EDU-001', title: '关于城区老旧小区改造的通知', body: '现将有关事项通知如下。', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    itemId = created.body.id;
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: drafter })).status).toBe(200);
    await client.eventually(async () => {
      const tasks = await client.request('GET', '/tasks?state=open', { as: reviewer });
      return (tasks.body.items as { itemId: string }[]).some((task) => task.itemId === itemId) ? true : undefined;
    }, 'the 初审 task in the unit');

    expect((await deactivate(unit, 'edu.leader')).status).toBe(403);
    const county = await deactivate('county');
    expect(county.status).toBe(409);
    expect(county.body.message).toContain('是县政府，不能停用');

    const refused = await deactivate(unit);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('尚有在用用户 2 人、在用下级单位 1 个、未办结的公开事项 1 件、未完成的审核任务 1 件，请先调离或办结后再停用');
    expect(refused.body.fields).toEqual([{ field: 'active', problems: ['在用用户 2 人', '在用下级单位 1 个', '未办结的公开事项 1 件', '未完成的审核任务 1 件'] }]);
    expect(await row(unit)).toEqual({ active: true, deactivated_at: null });
    const audits = await db.query(`SELECT 1 FROM audit_events WHERE action = 'org.department-deactivated' AND detail->>'code' = $1`, [unit]);
    expect(audits.rowCount).toBe(0);
  });

  it('deactivates once people are moved and work is finished, and then takes no sub-units, users or sign-ins; audited', async () => {
    // Finish the work: the reviewer rejects the item, which closes it and its task.
    const tasks = await client.request('GET', '/tasks?state=open', { as: reviewer });
    const task = (tasks.body.items as { id: string; itemId: string }[]).find((candidate) => candidate.itemId === itemId)!;
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: reviewer, body: { decision: 'reject', comment: '不予公开' } })).status).toBe(200);
    await client.eventually(async () => ((await client.request('GET', `/items/${itemId}`, { as: drafter })).body.state === 'REJECTED' ? true : undefined), 'the rejection');

    // Still the people and the sub-unit.
    expect((await deactivate(unit)).body.fields).toEqual([{ field: 'active', problems: ['在用用户 2 人', '在用下级单位 1 个'] }]);
    for (const username of [drafter, reviewer]) {
      expect((await client.request('PATCH', `/org/users/${username}`, { as: 'admin', body: { departmentCode: 'edu', roles: ['drafter'] } })).status).toBe(200);
    }
    expect((await deactivate(unit)).body.fields).toEqual([{ field: 'active', problems: ['在用下级单位 1 个'] }]);

    const townOff = await deactivate(town);
    expect(townOff.status).toBe(200);
    expect(townOff.body).toMatchObject({ code: town, active: false, deactivatedAt: expect.any(String) });
    const unitOff = await deactivate(unit);
    expect(unitOff.status).toBe(200);
    expect(unitOff.body).toMatchObject({ code: unit, name: '县住房和城乡建设局', parentCode: 'county', kind: 'department', active: false });
    // Idempotent: asked again, the same answer and no second audit row.
    const again = await deactivate(unit);
    expect(again.status).toBe(200);
    expect(again.body.deactivatedAt).toBe(unitOff.body.deactivatedAt);
    expect((await row(unit)).active).toBe(false);

    // Still listed, marked inactive, so the history stays readable.
    const listed = await client.request('GET', '/org/departments', { as: 'edu.drafter' });
    expect(listed.body.items).toEqual(expect.arrayContaining([
      { code: unit, name: '县住房和城乡建设局', parentCode: 'county', kind: 'department', active: false, deactivatedAt: unitOff.body.deactivatedAt },
      expect.objectContaining({ code: 'edu', active: true, deactivatedAt: null }),
    ]));

    // Not offered as a parent, nor as a user's department.
    expect(fields((await client.request('POST', '/org/departments', { as: 'admin', body: { code: `dz-new-${suffix}`, name: '某镇', kind: 'township', parentCode: unit } })).body)).toEqual(['parentCode']);
    const mover = `dz-mover-${suffix}`;
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code: mover, name: '某乡', kind: 'township', parentCode: 'county' } })).status).toBe(201);
    expect(fields((await client.request('PATCH', `/org/departments/${mover}`, { as: 'admin', body: { parentCode: unit } })).body)).toEqual(['parentCode']);
    expect(fields((await client.request('POST', '/org/users', { as: 'admin', body: { username: `dz.new-${suffix}`, displayName: '新人', departmentCode: unit, roles: ['drafter'] } })).body)).toEqual(['departmentCode']);
    const moveBack = await client.request('PATCH', `/org/users/${drafter}`, { as: 'admin', body: { departmentCode: unit, roles: ['drafter'] } });
    expect(moveBack.status).toBe(400);
    expect(moveBack.body.fields[0].problems[0]).toMatch(/^“.+”已停用，不能再调入用户$/);

    // A deactivated user of the inactive township is reactivated only by moving them to an active unit.
    const stuck = await client.request('PATCH', `/org/users/${former}`, { as: 'admin', body: { active: true } });
    expect(fields(stuck.body)).toEqual(['departmentCode']);
    expect(stuck.body.fields[0].problems[0]).toContain('请先将其调至在用单位再启用');
    expect((await client.request('PATCH', `/org/users/${former}`, { as: 'admin', body: { active: true, departmentCode: 'edu', roles: ['drafter'] } })).status).toBe(200);

    // An account left in an inactive unit (written around the API, by a data import say) cannot sign in.
    const legacy = `dz.legacy-${suffix}`;
    await db.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, '遗留账号', $2, '{drafter}')`, [legacy, town]);
    const login = await client.request('POST', '/auth/dev-login', { body: { username: legacy } });
    expect(login.status).toBe(403);
    expect(login.body.message).toMatch(/所在单位“城关街道”已停用，请联系管理员调整/);

    const audit = await db.query(`SELECT action, actor, detail FROM audit_events WHERE action LIKE 'org.department-%' AND detail->>'code' = $1 ORDER BY id`, [unit]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['org.department-created', 'org.department-deactivated']);
    expect(audit.rows[1]).toMatchObject({ actor: 'admin', detail: { code: unit, before: { active: true, deactivated_at: null }, after: { active: false, deactivatedAt: unitOff.body.deactivatedAt } } });
    const history = await client.request('GET', `/org/departments/${unit}/history`, { as: 'office.supervisor' });
    expect(history.body.items[0]).toMatchObject({ action: 'org.department-deactivated', actor: 'admin', before: { active: true }, after: { active: false } });
  });

  it('refuses an OIDC sign-in whose department claim names an inactive unit, and provisions nobody', async () => {
    // A second API replica on the same database, in OIDC mode against a local identity provider.
    const issuer = await new LocalOidcIssuer('zwgk-web').start();
    const oidcApi = await startApi(system.taskQueue, { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_JWKS_URL: `${issuer.url}/.well-known/jwks.json`, OIDC_CLIENT_ID: 'zwgk-web' });
    try {
      const username = `dz.oidc-${suffix}`;
      const signIn = async (department: string) => {
        issuer.users.set(username, { sub: `sub-${username}`, preferred_username: username, department, roles: ['drafter'], name: '统一认证用户' });
        const { id_token: token } = await issuer.signIn(username, 'http://127.0.0.1:9/');
        return fetch(`${oidcApi.baseUrl}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      };
      const refused = await signIn(town);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toMatch(/^登录令牌中的部门“.+”已停用/);
      expect((await db.query(`SELECT 1 FROM users WHERE username = $1`, [username])).rowCount).toBe(0);
      // The same person with an active department signs in (and is provisioned) as before.
      expect((await signIn('edu')).status).toBe(200);
    } finally {
      await oidcApi.stop();
      await issuer.stop();
    }
  }, 60_000);

  it('reactivates a unit only under an active parent, audited, and it takes users again', async () => {
    const early = await reactivate(town);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('已停用，请先启用上级单位');
    const unitOn = await reactivate(unit);
    expect(unitOn.status).toBe(200);
    expect(unitOn.body).toMatchObject({ active: true, deactivatedAt: null });
    expect((await reactivate(town)).status).toBe(200);
    expect(await row(town)).toEqual({ active: true, deactivated_at: null });
    expect((await client.request('PATCH', `/org/users/${drafter}`, { as: 'admin', body: { departmentCode: unit, roles: ['drafter'] } })).status).toBe(200);
    expect((await client.request('POST', '/auth/dev-login', { body: { username: drafter } })).status).toBe(200);

    const audit = await db.query(`SELECT action, detail->'after'->>'active' AS active FROM audit_events WHERE action LIKE 'org.department-%' AND detail->>'code' IN ($1, $2) ORDER BY id`, [unit, town]);
    expect(audit.rows).toEqual([
      { action: 'org.department-created', active: null },
      { action: 'org.department-created', active: null },
      { action: 'org.department-deactivated', active: 'false' },
      { action: 'org.department-deactivated', active: 'false' },
      { action: 'org.department-reactivated', active: 'true' },
      { action: 'org.department-reactivated', active: 'true' },
    ]);
  });
});
