import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Workbook } from 'exceljs';
import { Client as PgClient } from 'pg';
import { projectRoot } from '@zwgk/config';
import { ApiClient } from '../support/api-client';
import { LocalOidcIssuer } from '../support/local-oidc-issuer';
import { startApi, uniqueTaskQueue } from '../support/running-system';
import { testServers } from '../support/test-environment';

const run = promisify(execFile);

/**
 * A fresh deployment, made usable by the bootstrap CLI alone: an empty database, the first admin, the
 * organisation from a spreadsheet, the catalog and a holiday year, a passing configuration check, and then
 * the admin signs in through OIDC (a local issuer) and manages the organisation through the API.
 */
describe('bootstrap CLI on a fresh deployment', () => {
  const database = `bootstrap_${randomUUID().slice(0, 8)}`;
  const adminUrl = testServers().databaseUrl.replace(/\/[^/]+$/, '/postgres');
  const databaseUrl = testServers().databaseUrl.replace(/\/[^/]+$/, `/${database}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'zwgk-bootstrap-'));
  let issuer: LocalOidcIssuer;
  let env: NodeJS.ProcessEnv;

  const bootstrap = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', 'scripts/bootstrap.ts', ...args], { cwd: projectRoot, env, timeout: 120_000 });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  beforeAll(async () => {
    const admin = new PgClient({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    issuer = await new LocalOidcIssuer('zwgk-web').start();
    env = {
      ...process.env,
      NO_COLOR: '1',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testServers().temporalAddress,
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer.url,
      OIDC_CLIENT_ID: 'zwgk-web',
      RATING_CLIENT_SALT: 'bootstrap-test-salt',
    };
  });

  afterAll(async () => {
    await issuer?.stop();
    const admin = new PgClient({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('refuses to work without a command, or with an admin missing its department, naming what is missing', async () => {
    expect(await bootstrap()).toMatchObject({ code: 2, stderr: expect.stringMatching(/no command given\nusage: npm run bootstrap/) });
    expect(await bootstrap('create-admin', '--username', 'wang.admin', '--name', '王管理')).toMatchObject({ code: 2, stderr: expect.stringContaining('create-admin needs --username, --name and --department') });
  }, 120_000);

  it('takes a deployment from an empty database to an admin signed in through OIDC', async () => {
    // The first admin, and with it the county government unit.
    const created = await bootstrap('create-admin', '--username', 'wang.admin', '--name', '王管理', '--department', 'gov', '--department-name', '清河县人民政府');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created the county government unit gov \(清河县人民政府\)\nCreated the administrator wang.admin/);
    expect((await bootstrap('create-admin', '--username', 'wang.admin', '--name', '王管理', '--department', 'gov')).stdout).toContain('already an active administrator');

    // The organisation, from a workbook whose departments are listed children first.
    const workbook = new Workbook();
    const units = workbook.addWorksheet('部门');
    units.addRows([
      ['编码', '名称', '上级编码', '类型'],
      ['lizhuang', '李庄镇人民政府', 'gov', '乡镇'],
      ['edu', '县教育局', 'gov', '部门'],
    ]);
    const people = workbook.addWorksheet('用户');
    people.addRows([
      ['用户名', '姓名', '部门编码', '角色', '邮箱', '手机'],
      ['li.drafter', '李起草', 'edu', '起草人', 'li@example.gov.cn', '13800000001'],
      ['zhao.head', '赵局长', 'edu', '初审、签发', '', ''],
      ['sun.town', '孙镇长', 'lizhuang', 'drafter, leader', '', ''],
    ]);
    const organisationFile = path.join(dir, 'organisation.xlsx');
    writeFileSync(organisationFile, Buffer.from(await workbook.xlsx.writeBuffer()));
    const organisation = await bootstrap('load-organisation', organisationFile);
    expect(organisation).toMatchObject({ code: 0, stdout: expect.stringContaining('Departments: 2 added, 0 updated; users: 3 added, 0 updated') });
    expect((await bootstrap('load-organisation', organisationFile)).stdout).toContain('Departments: 0 added, 0 updated; users: 0 added, 0 updated');

    // A catalog, activated; and one holiday year (a fixed, far year: nothing here depends on today).
    const catalog = await bootstrap('import-catalog', path.join(projectRoot, 'data', 'catalogs', 'compulsory-education.csv'), '--label', '首次导入');
    expect(catalog.code).toBe(0);
    expect(catalog.stdout).toMatch(/Imported \d+ catalog items from 1 file\(s\)[\s\S]*Activated /);
    const holidays = path.join(dir, 'holidays-2091.json');
    writeFileSync(holidays, JSON.stringify({ year: 2091, source: '国务院办公厅关于2091年部分节假日安排的通知（测试）', holidays: [{ name: '元旦', days: ['2091-01-01'] }], makeUpWorkingDays: [] }));
    expect(await bootstrap('load-holidays', holidays)).toMatchObject({ code: 0, stdout: expect.stringContaining('2091: loaded') });

    // The configuration check: database, admin, catalog, Temporal and the issuer's discovery all pass.
    const checked = await bootstrap('check');
    expect(checked.stdout).toMatch(/^ok {4}configuration: AUTH_MODE=oidc/m);
    expect(checked.stdout).toMatch(/^ok {4}database: reachable, \d+ migrations applied/m);
    expect(checked.stdout).toMatch(/^ok {4}administrator: 1 active/m);
    expect(checked.stdout).toMatch(/^ok {4}catalog: an active version/m);
    expect(checked.stdout).toMatch(/^ok {4}temporal: namespace default with its 7 search attributes/m);
    expect(checked.stdout).toContain(`ok    identity provider: keys at ${issuer.url}/.well-known/jwks.json`);
    expect(checked.code).toBe(0);

    // The admin signs in through the issuer and runs the organisation through the API.
    const api = await startApi(uniqueTaskQueue('bootstrap'), { DATABASE_URL: databaseUrl, AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_CLIENT_ID: 'zwgk-web' });
    try {
      issuer.users.set('wang.admin', { sub: 'idp-1', preferred_username: 'wang.admin', name: '王管理', department: 'gov', roles: ['admin'] });
      const { id_token: token } = await issuer.signIn('wang.admin', 'http://127.0.0.1/');
      const client = new ApiClient(api.baseUrl);
      const me = await client.request('GET', '/auth/me', { headers: { authorization: `Bearer ${token}` } });
      expect(me.body).toEqual({ username: 'wang.admin', displayName: '王管理', departmentCode: 'gov', roles: ['admin'] });
      const users = await client.request('GET', '/org/users', { headers: { authorization: `Bearer ${token}` } });
      expect(users.status).toBe(200);
      expect(users.body.items.map((user: { username: string }) => user.username).sort()).toEqual(['li.drafter', 'sun.town', 'wang.admin', 'zhao.head']);
      expect(users.body.items.find((user: { username: string }) => user.username === 'zhao.head').roles).toEqual(['reviewer', 'leader']);
    } finally {
      await api.stop();
    }
  }, 300_000);

  it('stores nothing from a sheet with an unknown parent unit, and says which row', async () => {
    const file = path.join(dir, 'bad-units.csv');
    writeFileSync(file, '编码,名称,上级编码,类型\nwater,县水利局,nowhere,部门\n');
    const refused = await bootstrap('load-organisation', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('部门 water: 上级编码 nowhere is neither in the sheet nor in the system');
    const db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    try {
      expect((await db.query(`SELECT 1 FROM departments WHERE code = 'water'`)).rowCount).toBe(0);
    } finally {
      await db.end();
    }
  }, 120_000);
});
