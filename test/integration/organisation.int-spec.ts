import type { Client as PgClient } from 'pg';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/** Admins manage departments, users and role assignments; every change is audited. */
describe('organisation management', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  const suffix = Date.now().toString(36);
  const department = `health-${suffix}`;
  const township = `town-${suffix}`;
  const username = `health.drafter-${suffix}`;

  beforeAll(async () => {
    system = await startSystem('organisation');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const fields = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field).sort();

  it('creates departments in the 县政府 → 部门 → 乡镇 hierarchy, refusing bad parents and duplicates', async () => {
    expect((await client.request('POST', '/org/departments', { as: 'edu.leader', body: { code: department, name: '县卫生健康局', kind: 'department', parentCode: 'county' } })).status).toBe(403);
    const created = await client.request('POST', '/org/departments', { as: 'admin', body: { code: department, name: '县卫生健康局', kind: 'department', parentCode: 'county' } });
    expect(created.status).toBe(201);
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code: department, name: 'x', kind: 'department', parentCode: 'county' } })).status).toBe(409);
    expect(fields((await client.request('POST', '/org/departments', { as: 'admin', body: { code: 'X!', name: '', kind: 'ministry' } })).body)).toEqual(['code', 'kind', 'name']);
    expect(fields((await client.request('POST', '/org/departments', { as: 'admin', body: { code: `d2-${suffix}`, name: '某局', kind: 'department', parentCode: department } })).body)).toEqual(['parentCode']);
    expect(fields((await client.request('POST', '/org/departments', { as: 'admin', body: { code: `d3-${suffix}`, name: '某局', kind: 'department' } })).body)).toEqual(['parentCode']);
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code: township, name: '某街道', kind: 'township', parentCode: department } })).status).toBe(201);
    // A unit cannot move under its own sub-unit.
    const cycle = await client.request('PATCH', `/org/departments/${department}`, { as: 'admin', body: { parentCode: township } });
    expect(cycle.status).toBe(400);
    expect((await client.request('PATCH', '/org/departments/nowhere', { as: 'admin', body: { name: 'x' } })).status).toBe(404);
    const listed = await client.request('GET', '/org/departments', { as: 'edu.drafter' });
    expect(listed.body.items).toEqual(expect.arrayContaining([{ code: township, name: '某街道', parentCode: department, kind: 'township', active: true, deactivatedAt: null }]));
  });

  it('creates a user with roles in a department, who can then sign in and draft', async () => {
    const bad = await client.request('POST', '/org/users', { as: 'admin', body: { username: 'Bad Name', displayName: '', departmentCode: department, roles: ['emperor'], email: 'nope' } });
    expect(fields(bad.body)).toEqual(['displayName', 'email', 'roles', 'username']);
    expect(fields((await client.request('POST', '/org/users', { as: 'admin', body: { username, displayName: '张起草', departmentCode: 'nowhere', roles: ['drafter'] } })).body)).toEqual(['departmentCode']);
    const created = await client.request('POST', '/org/users', { as: 'admin', body: { username, displayName: '张起草（卫健局）', departmentCode: department, roles: ['drafter'], email: 'zhang@health.example.gov.cn' } });
    expect(created.status).toBe(201);
    expect((await client.request('POST', '/org/users', { as: 'admin', body: { username, displayName: 'x', departmentCode: department, roles: [] } })).status).toBe(409);
    const me = await client.request('GET', '/auth/me', { as: username });
    expect(me.body).toEqual({ username, displayName: '张起草（卫健局）', departmentCode: department, roles: ['drafter'] });
  });

  it('moves a user only with the roles for the new department, deactivates, and audits every change', async () => {
    expect(fields((await client.request('PATCH', `/org/users/${username}`, { as: 'admin', body: { departmentCode: 'edu' } })).body)).toEqual(['roles']);
    const moved = await client.request('PATCH', `/org/users/${username}`, { as: 'admin', body: { departmentCode: 'edu', roles: ['reviewer'] } });
    expect(moved.body).toMatchObject({ departmentCode: 'edu', roles: ['reviewer'] });
    expect((await client.request('PATCH', `/org/users/${username}`, { as: 'admin', body: { active: false } })).body.active).toBe(false);
    // A deactivated user cannot sign in.
    expect((await client.request('POST', '/auth/dev-login', { body: { username } })).status).toBe(401);
    expect((await client.request('PATCH', '/org/users/admin', { as: 'admin', body: { active: false } })).status).toBe(409);
    expect((await client.request('PATCH', '/org/users/nobody-here', { as: 'admin', body: { active: false } })).status).toBe(404);
    const audit = await db.query(`SELECT action FROM audit_events WHERE action LIKE 'org.%' AND (detail->>'username' = $1 OR detail->>'code' IN ($2, $3)) ORDER BY id`, [username, department, township]);
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual([
      'org.department-created',
      'org.department-created',
      'org.user-created',
      'org.user-updated',
      'org.user-updated',
    ]);
    expect((await client.request('GET', '/org/users', { as: 'edu.drafter' })).status).toBe(403);
  });
});
