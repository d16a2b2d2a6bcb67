/**
 * `npm run bootstrap -- <command>`: what a fresh deployment needs before anyone can sign in, run once by an
 * operator (in the images: `node -r @swc-node/register scripts/bootstrap.ts <command>`). Every command
 * uses DATABASE_URL, applies pending migrations first, and audits what it writes as `bootstrap-cli`.
 *
 *   create-admin --username U --name 姓名 --department CODE [--department-name 名称]
 *       the first administrator; creates the county government unit CODE when there is no unit yet
 *   load-organisation FILE.xlsx|FILE.csv ...
 *       departments (sheet 部门) and users (sheet 用户): new rows are added, existing ones updated
 *   import-catalog FILE.xlsx|FILE.csv ... [--label NAME] [--as ADMIN] [--no-activate]
 *       one new catalog version from the files, activated unless --no-activate
 *   load-holidays FILE.json ...
 *       official holiday arrangements ({ year, source, holidays: [{ name, days }], makeUpWorkingDays }),
 *       for a deployment without open items (on a running system the calendar page also recomputes deadlines)
 *   check
 *       the configuration, the database, Temporal (namespace and search attributes) and the identity provider
 *   migrate
 *       only the migrations: the compose deployment's one-shot job, run as the schema's owner
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig, temporalConnectionSettings, type AppConfig } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { activateCatalogVersion, connectAndMigrate, createDataSource, importCatalogFiles, loadHolidayTables, loadOfficialHolidayTable, MIGRATIONS, writeAuditEvent } from '@zwgk/db';
import { chinaDateOf, STATUTORY_YEARS, type HolidayTable } from '@zwgk/domain';
import { discoverJwksUri } from '../apps/api/src/auth/oidc-discovery';
import { readOrganisation, type Organisation } from './bootstrap/organisation-sheet';

const ACTOR = 'bootstrap-cli';
const say = (line: string) => process.stdout.write(`${line}\n`);

class UsageError extends Error {}

function options(argv: readonly string[], known: readonly string[], flags: readonly string[] = []): { values: Record<string, string>; flags: Set<string>; files: string[] } {
  const values: Record<string, string> = {};
  const set = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (flags.includes(arg)) set.add(arg);
    else if (arg.startsWith('--')) {
      if (!known.includes(arg)) throw new UsageError(`unknown option ${arg}`);
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      values[arg] = value;
    } else files.push(arg);
  }
  return { values, flags: set, files };
}

function readFiles(names: readonly string[]): { name: string; content: Buffer }[] {
  if (names.length === 0) throw new UsageError('no file given');
  return names.map((name) => {
    const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), name);
    if (!existsSync(resolved)) throw new UsageError(`${name}: no such file`);
    return { name: path.basename(resolved), content: readFileSync(resolved) };
  });
}

async function withDatabase<T>(config: AppConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  if (!config.databaseUrl) throw new UsageError('DATABASE_URL is not set: bootstrap works on a deployment\'s database (npm start seeds the embedded one itself)');
  const dataSource = createDataSource(config.databaseUrl, { applicationName: 'zwgk-bootstrap' });
  try {
    const applied = await connectAndMigrate(dataSource);
    if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

async function createAdmin(config: AppConfig, argv: readonly string[]): Promise<void> {
  const { values } = options(argv, ['--username', '--name', '--department', '--department-name']);
  const username = values['--username'];
  const name = values['--name'];
  const department = values['--department'];
  if (!username || !name || !department) throw new UsageError('create-admin needs --username, --name and --department');
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(department)) throw new UsageError(`--department "${department}": lower-case letters, digits, - or _`);
  await withDatabase(config, (dataSource) =>
    dataSource.transaction(async (manager) => {
      const [existing]: { code: string; name: string; active: boolean }[] = await manager.query(`SELECT code, name, active FROM departments WHERE code = $1`, [department]);
      if (!existing) {
        const [any]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM departments`);
        if (any!.n > 0) throw new UsageError(`department ${department} does not exist; the first unit is only created on an empty database (load the organisation first, or name an existing unit)`);
        const unitName = values['--department-name'] ?? '县人民政府';
        await manager.query(`INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, $2, NULL, 'county')`, [department, unitName]);
        await audit(manager, 'org.department-created', { code: department, after: { code: department, name: unitName, kind: 'county' } });
        say(`Created the county government unit ${department} (${unitName})`);
      } else if (!existing.active) {
        throw new UsageError(`department ${department} is deactivated`);
      }
      const [user]: { roles: string[]; department_code: string; active: boolean }[] = await manager.query(`SELECT roles, department_code, active FROM users WHERE username = $1 FOR UPDATE`, [username]);
      if (!user) {
        await manager.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $2, $3, $4)`, [username, name, department, ['admin']]);
        await audit(manager, 'org.user-created', { username, after: { displayName: name, departmentCode: department, roles: ['admin'] } });
        say(`Created the administrator ${username} (${name}) in ${department}`);
      } else if (user.roles.includes('admin') && user.active) {
        say(`${username} is already an active administrator; nothing changed`);
      } else {
        const roles = [...new Set([...user.roles, 'admin'])];
        await manager.query(`UPDATE users SET roles = $2, active = true WHERE username = $1`, [username, roles]);
        await audit(manager, 'org.user-updated', { username, before: { roles: user.roles, active: user.active }, after: { roles, active: true } });
        say(`${username} is now an active administrator`);
      }
    }),
  );
}

let auditSequence = 0;
async function audit(manager: EntityManager, action: string, detail: Record<string, unknown>): Promise<void> {
  await writeAuditEvent(manager, { eventKey: `${ACTOR}:${action}:${Date.now()}:${process.pid}:${auditSequence++}`, actor: ACTOR, actorRole: 'admin', action, detail });
}

async function loadOrganisation(config: AppConfig, argv: readonly string[]): Promise<void> {
  const organisation: Organisation = await readOrganisation(readFiles(options(argv, []).files));
  await withDatabase(config, (dataSource) =>
    dataSource.transaction(async (manager) => {
      const counts = { departmentsAdded: 0, departmentsUpdated: 0, usersAdded: 0, usersUpdated: 0 };
      const problems: string[] = [];
      for (const department of organisation.departments) {
        if (department.parentCode) {
          const [parent]: unknown[] = await manager.query(`SELECT 1 FROM departments WHERE code = $1`, [department.parentCode]);
          if (!parent) problems.push(`部门 ${department.code}: 上级编码 ${department.parentCode} is neither in the sheet nor in the system`);
        }
        if (department.kind === 'county') {
          const [other]: { code: string }[] = await manager.query(`SELECT code FROM departments WHERE (kind = 'county' OR parent_code IS NULL) AND code <> $1`, [department.code]);
          if (other) problems.push(`部门 ${department.code}: the county government is already ${other.code}; a county has one`);
        } else if (!department.parentCode) {
          problems.push(`部门 ${department.code}: only the county government has no 上级编码`);
        }
        if (problems.length) continue;
        const [before]: { name: string; parent_code: string | null; kind: string }[] = await manager.query(`SELECT name, parent_code, kind FROM departments WHERE code = $1`, [department.code]);
        if (!before) {
          await manager.query(`INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, $2, $3, $4)`, [department.code, department.name, department.parentCode, department.kind]);
          await audit(manager, 'org.department-created', { code: department.code, after: department });
          counts.departmentsAdded++;
        } else if (before.name !== department.name || before.parent_code !== department.parentCode || before.kind !== department.kind) {
          await manager.query(`UPDATE departments SET name = $2, parent_code = $3, kind = $4 WHERE code = $1`, [department.code, department.name, department.parentCode, department.kind]);
          await audit(manager, 'org.department-updated', { code: department.code, before, after: department });
          counts.departmentsUpdated++;
        }
      }
      for (const user of organisation.users) {
        const [unit]: { active: boolean }[] = await manager.query(`SELECT active FROM departments WHERE code = $1`, [user.departmentCode]);
        if (!unit?.active) {
          problems.push(`用户 ${user.username}: 部门编码 ${user.departmentCode} ${unit ? 'is deactivated' : 'is neither in the sheet nor in the system'}`);
          continue;
        }
        const [before]: { display_name: string; department_code: string; roles: string[]; email: string | null; mobile: string | null }[] = await manager.query(
          `SELECT display_name, department_code, roles, email, mobile FROM users WHERE username = $1`,
          [user.username],
        );
        const row = [user.username, user.displayName, user.departmentCode, [...user.roles], user.email, user.mobile];
        if (!before) {
          await manager.query(`INSERT INTO users (username, display_name, department_code, roles, email, mobile) VALUES ($1, $2, $3, $4, $5, $6)`, row);
          await audit(manager, 'org.user-created', { username: user.username, after: user });
          counts.usersAdded++;
        } else if (JSON.stringify([before.display_name, before.department_code, before.roles, before.email, before.mobile]) !== JSON.stringify(row.slice(1))) {
          await manager.query(`UPDATE users SET display_name = $2, department_code = $3, roles = $4, email = $5, mobile = $6 WHERE username = $1`, row);
          await audit(manager, 'org.user-updated', { username: user.username, before, after: user });
          counts.usersUpdated++;
        }
      }
      // All or nothing: a sheet with a wrong parent or unit stores none of its rows.
      if (problems.length) throw new UsageError(`nothing was stored:\n  - ${problems.join('\n  - ')}`);
      say(`Departments: ${counts.departmentsAdded} added, ${counts.departmentsUpdated} updated; users: ${counts.usersAdded} added, ${counts.usersUpdated} updated`);
    }),
  );
}

async function importCatalog(config: AppConfig, argv: readonly string[]): Promise<void> {
  const parsed = options(argv, ['--label', '--as'], ['--no-activate']);
  const files = readFiles(parsed.files);
  await withDatabase(config, async (dataSource) => {
    const username = parsed.values['--as'] ?? (await firstAdmin(dataSource));
    const operator = { username, via: 'cli' as const };
    const report = await importCatalogFiles(dataSource, files, operator, { label: parsed.values['--label'] });
    say(`Imported ${report.itemCount} catalog items from ${report.files.length} file(s) as version ${report.versionId} (${report.warnings.length} warnings, ${report.manualRules.length} items need a time-limit rule set by hand)`);
    if (parsed.flags.has('--no-activate')) return;
    const activated = await activateCatalogVersion(dataSource, report.versionId, operator);
    say(`Activated ${activated.versionId}${activated.supersededVersionId ? `; ${activated.supersededVersionId} is superseded` : ''}`);
  });
}

async function firstAdmin(dataSource: DataSource): Promise<string> {
  const [admin]: { username: string }[] = await dataSource.query(`SELECT username FROM users WHERE 'admin' = ANY(roles) AND active ORDER BY username LIMIT 1`);
  if (!admin) throw new UsageError('no administrator yet: run create-admin first (or name one with --as)');
  return admin.username;
}

async function loadHolidays(config: AppConfig, argv: readonly string[]): Promise<void> {
  const tables = readFiles(options(argv, []).files).flatMap((file) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.content.toString('utf8'));
    } catch {
      throw new UsageError(`${file.name}: not JSON`);
    }
    return (Array.isArray(parsed) ? parsed : [parsed]) as Omit<HolidayTable, 'published'>[];
  });
  await withDatabase(config, async (dataSource) => {
    const [open]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM disclosure_items WHERE state NOT IN ('RELEASED', 'WITHDRAWN')`);
    if (open!.n > 0) throw new UsageError(`${open!.n} items are open: load the year on the calendar page (POST /api/calendar/years), which also recomputes their deadlines`);
    const { loaded } = await loadHolidayTables(dataSource);
    const operator = { username: await firstAdmin(dataSource) };
    for (const table of tables) {
      if (loaded.some((existing) => existing.year === table.year)) {
        say(`${table.year}: already loaded, left as it is (correct it on the calendar page)`);
        continue;
      }
      const { id } = await loadOfficialHolidayTable(dataSource, { ...table, published: true }, operator);
      say(`${table.year}: loaded (${table.source}), table ${id}`);
    }
  });
}

/** One line per check; a failing check does not stop the others. */
async function check(): Promise<boolean> {
  let ok = true;
  const line = (passed: boolean | 'warn', what: string, detail: string) => {
    ok &&= passed !== false;
    say(`${passed === 'warn' ? 'warn' : passed ? 'ok  ' : 'FAIL'}  ${what}: ${detail}`);
  };
  let config: AppConfig;
  try {
    config = loadConfig();
    line(true, 'configuration', `AUTH_MODE=${config.auth.mode}, namespace ${config.temporal.namespace}, task queue ${config.temporal.taskQueue}`);
  } catch (error) {
    line(false, 'configuration', error instanceof Error ? error.message : String(error));
    return false;
  }
  if (!config.databaseUrl) line(false, 'database', 'DATABASE_URL is not set');
  else {
    const dataSource = createDataSource(config.databaseUrl, { applicationName: 'zwgk-bootstrap-check' });
    try {
      await dataSource.initialize();
      const applied: { name: string }[] = await dataSource.query(`SELECT name FROM migrations`).catch(() => []);
      const pending = MIGRATIONS.length - applied.length;
      line(pending === 0, 'database', pending === 0 ? `reachable, ${applied.length} migrations applied` : `${pending} migrations pending (the migrate job applies them)`);
      const [admins]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND active`).catch(() => [{ n: 0 }]);
      line(admins!.n > 0, 'administrator', admins!.n > 0 ? `${admins!.n} active` : 'none: run create-admin');
      const [catalog]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM catalog_versions WHERE state = 'active'`).catch(() => [{ n: 0 }]);
      line(catalog!.n > 0, 'catalog', catalog!.n > 0 ? 'an active version' : 'no active version: run import-catalog');
      const year = Number(chinaDateOf(new Date()).slice(0, 4));
      const { loaded } = await loadHolidayTables(dataSource).catch(() => ({ loaded: [] as { year: number }[] }));
      const missing = [year, year + 1].filter((wanted) => wanted <= STATUTORY_YEARS.last && !loaded.some((table) => table.year === wanted));
      // Without an official arrangement the statutory computation stands in, and deadlines there are provisional:
      // a warning, not a failure (next year's arrangement is only published around November).
      line(missing.length ? 'warn' : true, 'holiday years', missing.length ? `not loaded: ${missing.join(', ')} (deadlines there are provisional until they are; load-holidays)` : `${year} and ${year + 1} loaded`);
    } catch (error) {
      line(false, 'database', error instanceof Error ? error.message : String(error));
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }
  if (!config.temporal.address) line(false, 'temporal', 'TEMPORAL_ADDRESS is not set');
  else {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ ...temporalConnectionSettings(config), connectTimeout: 5_000 });
      const listed = await connection.operatorService.listSearchAttributes({ namespace: config.temporal.namespace });
      const missing = CUSTOM_SEARCH_ATTRIBUTES.filter((attribute) => !(attribute.name in (listed.customAttributes ?? {})));
      line(missing.length === 0, 'temporal', missing.length ? `namespace ${config.temporal.namespace} lacks the search attributes ${missing.map((a) => a.name).join(', ')}` : `namespace ${config.temporal.namespace} with its ${CUSTOM_SEARCH_ATTRIBUTES.length} search attributes`);
    } catch (error) {
      line(false, 'temporal', `${config.temporal.address}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await connection?.close();
    }
  }
  if (config.auth.mode === 'oidc') {
    try {
      line(true, 'identity provider', `keys at ${await discoverJwksUri(config.auth.oidcIssuer!)}`);
    } catch (error) {
      line(false, 'identity provider', error instanceof Error ? error.message : String(error));
    }
  } else {
    line(true, 'identity provider', 'dev login (embedded database only)');
  }
  return ok;
}

const USAGE = `usage: npm run bootstrap -- <command>
  create-admin --username U --name 姓名 --department CODE [--department-name 名称]
  load-organisation FILE.xlsx|FILE.csv ...
  import-catalog FILE.xlsx|FILE.csv ... [--label NAME] [--as ADMIN] [--no-activate]
  load-holidays FILE.json ...
  check
  migrate`;

async function main(): Promise<number> {
  const [command, ...argv] = process.argv.slice(2);
  if (command === 'check') return (await check()) ? 0 : 1;
  const config = loadConfig();
  switch (command) {
    case 'create-admin':
      await createAdmin(config, argv);
      return 0;
    case 'load-organisation':
      await loadOrganisation(config, argv);
      return 0;
    case 'import-catalog':
      await importCatalog(config, argv);
      return 0;
    case 'load-holidays':
      await loadHolidays(config, argv);
      return 0;
    case 'migrate':
      await withDatabase(config, async () => say('The schema is up to date'));
      return 0;
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bootstrap failed: ${error instanceof Error ? error.message : String(error)}${error instanceof UsageError ? `\n${USAGE}` : ''}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
