import { execFile } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { parse, stringify } from 'yaml';
import { isPortFree, startManagedProcess, waitForPort, type ManagedProcess } from './child-process';
import type { SearchAttributeRegistration } from './temporal-dev-server';

const execFileAsync = promisify(execFile);

/**
 * The real Temporal server (not the CLI's dev server): the Go module built with this machine's Go, run on
 * PostgreSQL the way a county's cluster runs. v1.32.1 is the newest release whose go.mod the machine's
 * Go accepts.
 */
export const TEMPORAL_SERVER_VERSION = '1.32.1';
const MODULE = 'go.temporal.io/server';

/** What a build of the server leaves in the tools folder. */
export interface TemporalServerInstallation {
  readonly dir: string;
  readonly serverBinary: string;
  /** The schema tool (`cmd/tools/sql`, temporal-sql-tool in the release archives). */
  readonly sqlToolBinary: string;
  /** The module's `schema/postgresql/v12`: `temporal/versioned` and `visibility/versioned`. */
  readonly schemaDir: string;
  /** The module's `config/development-postgres12.yaml`, the starting point of every config written here. */
  readonly configTemplate: string;
}

function installationAt(dir: string): TemporalServerInstallation {
  return {
    dir,
    serverBinary: path.join(dir, 'bin', 'temporal-server'),
    sqlToolBinary: path.join(dir, 'bin', 'temporal-sql-tool'),
    schemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
    configTemplate: path.join(dir, 'config', 'development-postgres12.yaml'),
  };
}

function isComplete(installation: TemporalServerInstallation): boolean {
  try {
    accessSync(installation.serverBinary, constants.X_OK);
    accessSync(installation.sqlToolBinary, constants.X_OK);
    return existsSync(path.join(installation.schemaDir, 'temporal', 'versioned')) && existsSync(installation.configTemplate);
  } catch {
    return false;
  }
}

/**
 * The server, its schema tool, schema and config template in `<toolsDir>/temporal-server-<version>`, built
 * on first use with `go install` (minutes; the module proxy must be reachable) and cached from then on.
 * TEMPORAL_SERVER_DIR points at an installation made elsewhere. The build goes to a staging folder that
 * is renamed into place, so an interrupted build never looks complete.
 */
export async function resolveTemporalServer(toolsDir: string, options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): Promise<TemporalServerInstallation> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  if (env.TEMPORAL_SERVER_DIR) {
    const given = installationAt(path.resolve(env.TEMPORAL_SERVER_DIR));
    if (!isComplete(given)) throw new Error(`TEMPORAL_SERVER_DIR=${env.TEMPORAL_SERVER_DIR} lacks bin/temporal-server, bin/temporal-sql-tool, schema/postgresql/v12 or config/development-postgres12.yaml`);
    return given;
  }
  const installation = installationAt(path.join(toolsDir, `temporal-server-${TEMPORAL_SERVER_VERSION}`));
  if (isComplete(installation)) return installation;

  const staging = `${installation.dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.join(staging, 'bin'), { recursive: true });
  try {
    log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} with ${await goVersion(env)} into ${installation.dir} (several minutes) ...`);
    await execFileAsync('go', ['install', `${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`], {
      env: { ...env, GOBIN: path.join(staging, 'bin'), GOFLAGS: [env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ') },
      timeout: 30 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    renameSync(path.join(staging, 'bin', 'server'), path.join(staging, 'bin', 'temporal-server'));
    renameSync(path.join(staging, 'bin', 'sql'), path.join(staging, 'bin', 'temporal-sql-tool'));
    const { stdout } = await execFileAsync('go', ['env', 'GOMODCACHE'], { env });
    const moduleDir = path.join(stdout.trim(), `${MODULE}@v${TEMPORAL_SERVER_VERSION}`);
    cpSync(path.join(moduleDir, 'schema', 'postgresql', 'v12'), path.join(staging, 'schema', 'postgresql', 'v12'), { recursive: true });
    mkdirSync(path.join(staging, 'config'), { recursive: true });
    cpSync(path.join(moduleDir, 'config', 'development-postgres12.yaml'), path.join(staging, 'config', 'development-postgres12.yaml'));
    if (!existsSync(installation.dir)) renameSync(staging, installation.dir);
    else rmSync(staging, { recursive: true, force: true }); // another process finished first
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Could not build the Temporal server ${TEMPORAL_SERVER_VERSION} with go install: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isComplete(installation)) throw new Error(`The Temporal server build in ${installation.dir} is incomplete`);
  return installation;
}

async function goVersion(env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await execFileAsync('go', ['version'], { env })).stdout.trim();
  } catch {
    throw new Error('Go is not installed: the Temporal server is built from its Go module (go install)');
  }
}

/** Where Temporal keeps its state: two databases on one PostgreSQL server, owned by Temporal's own role. */
export interface TemporalDatabases {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly visibilityDatabase: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Creates Temporal's role and its two databases (as the server's superuser, `adminUrl`), then brings both
 * schemas to the newest version in the module with the schema tool. Safe to run again: what exists stays,
 * and update-schema only applies versions the database does not have yet.
 */
export async function setUpTemporalSchema(
  installation: TemporalServerInstallation,
  adminUrl: string,
  databases: TemporalDatabases,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  for (const name of [databases.user, databases.database, databases.visibilityDatabase]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Invalid PostgreSQL name "${name}"`);
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [databases.user]);
    const password = databases.password.replace(/'/g, "''");
    if (role.rowCount === 0) await admin.query(`CREATE ROLE ${databases.user} LOGIN PASSWORD '${password}'`);
    for (const database of [databases.database, databases.visibilityDatabase]) {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${database} OWNER ${databases.user}`);
    }
  } finally {
    await admin.end();
  }

  for (const [database, schema] of [
    [databases.database, 'temporal'],
    [databases.visibilityDatabase, 'visibility'],
  ] as const) {
    const connection = ['--plugin', 'postgres12', '--ep', databases.host, '-p', String(databases.port), '-u', databases.user, '--pw', databases.password, '--db', database];
    // setup-schema -v 0.0 creates only the version tables (IF NOT EXISTS): a no-op on a set-up database.
    await runSqlTool(installation, [...connection, 'setup-schema', '-v', '0.0']);
    await runSqlTool(installation, [...connection, 'update-schema', '-d', path.join(installation.schemaDir, schema, 'versioned')]);
    log(`Temporal schema ${schema} is current in database ${database}`);
  }
}

async function runSqlTool(installation: TemporalServerInstallation, args: string[]): Promise<void> {
  try {
    await execFileAsync(installation.sqlToolBinary, args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`temporal-sql-tool ${args.slice(args.indexOf('--db') + 2).join(' ')} failed: ${output.message}\n${(output.stderr ?? '').slice(-2000)}`);
  }
}

/**
 * A free port below 32768: Temporal stores a host's membership port in a smallint column (cluster_membership),
 * so the kernel's ephemeral ports (32768 and up, what findFreePort hands out) make the server exit at start.
 */
export async function findFreeMembershipPort(taken: ReadonlySet<number> = new Set()): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await isPortFree(port))) return port;
  }
  throw new Error('no free port between 20000 and 32000 for Temporal membership');
}

/** The ports one server process listens on: every service of the cluster runs in it. Membership ports must be below 32768. */
export interface TemporalServerPorts {
  readonly frontend: number;
  readonly frontendHttp: number;
  readonly frontendMembership: number;
  readonly history: number;
  readonly historyMembership: number;
  readonly matching: number;
  readonly matchingMembership: number;
  readonly worker: number;
  readonly workerMembership: number;
  readonly metrics: number;
}

/**
 * Writes the server's config: the module's development-postgres12.yaml, pointed at `databases` and at the
 * given loopback ports (so that it runs beside other servers), logging at `logLevel`, with its metrics
 * on their own port and pprof off. The dynamic config file beside it keeps the template's ID length limit.
 */
export function writeTemporalServerConfig(
  installation: TemporalServerInstallation,
  configDir: string,
  databases: TemporalDatabases,
  ports: TemporalServerPorts,
  logLevel: 'debug' | 'info' | 'warn' | 'error' = 'warn',
): string {
  const config = parse(readFileSync(installation.configTemplate, 'utf8')) as Record<string, any>;
  mkdirSync(configDir, { recursive: true });
  config.log = { stdout: true, level: logLevel };
  const datastores = config.persistence.datastores as Record<string, { sql: Record<string, unknown> }>;
  datastores['postgres-default'].sql = { ...datastores['postgres-default'].sql, databaseName: databases.database };
  datastores['postgres-visibility'].sql = { ...datastores['postgres-visibility'].sql, databaseName: databases.visibilityDatabase };
  for (const store of Object.values(datastores)) {
    Object.assign(store.sql, { connectAddr: `${databases.host}:${databases.port}`, user: databases.user, password: databases.password });
  }
  config.global.pprof = { port: 0 };
  config.global.metrics.prometheus.listenAddress = `127.0.0.1:${ports.metrics}`;
  config.services.frontend.rpc = { ...config.services.frontend.rpc, grpcPort: ports.frontend, httpPort: ports.frontendHttp, membershipPort: ports.frontendMembership };
  config.services.history.rpc = { ...config.services.history.rpc, grpcPort: ports.history, membershipPort: ports.historyMembership };
  config.services.matching.rpc = { ...config.services.matching.rpc, grpcPort: ports.matching, membershipPort: ports.matchingMembership };
  config.services.worker.rpc = { ...config.services.worker.rpc, grpcPort: ports.worker, membershipPort: ports.workerMembership };
  config.clusterMetadata.clusterInformation.active.rpcAddress = `127.0.0.1:${ports.frontend}`;
  // Archival is for a cluster with a blob store; nothing here archives.
  config.archival = { history: { state: 'disabled' }, visibility: { state: 'disabled' } };
  config.namespaceDefaults = { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } };
  const dynamicConfigFile = path.join(configDir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfigFile, stringify({ 'limit.maxIDLength': [{ value: 255, constraints: {} }] }));
  config.dynamicConfigClient = { filepath: dynamicConfigFile, pollInterval: '10s' };
  const file = path.join(configDir, 'temporal-server.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

/** Starts the server on a written config; resolves once its frontend accepts connections. */
export async function startTemporalServer(
  installation: TemporalServerInstallation,
  configFile: string,
  frontendPort: number,
  options: { log?: (line: string) => void; timeoutMs?: number } = {},
): Promise<ManagedProcess> {
  const lastLines: string[] = [];
  const server = startManagedProcess('temporal-server', installation.serverBinary, ['--config-file', configFile, '--allow-no-auth', 'start'], {
    log: (line) => {
      lastLines.push(line.slice(0, 600));
      if (lastLines.length > 10) lastLines.shift();
      options.log?.(line);
    },
  });
  await Promise.race([
    waitForPort(frontendPort, '127.0.0.1', options.timeoutMs ?? 120_000),
    server.exited.then((how) => {
      throw new Error(`the Temporal server exited during start (${how}):\n${lastLines.join('\n')}`);
    }),
  ]).catch(async (error: unknown) => {
    await server.stop(5_000);
    throw error;
  });
  return server;
}

/**
 * Makes sure the namespace exists and carries the project's search attributes, with the Temporal CLI, the
 * way an operator does it on a new cluster. Retries while the server is still joining its own services;
 * registers only what is missing, so it is safe on every start.
 */
export async function ensureTemporalNamespace(
  cliPath: string,
  address: string,
  namespace: string,
  searchAttributes: readonly SearchAttributeRegistration[],
  options: { timeoutMs?: number; log?: (line: string) => void } = {},
): Promise<void> {
  const log = options.log ?? (() => undefined);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const cli = (args: string[]) => execFileAsync(cliPath, [...args, '--address', address, '--command-timeout', '10s'], { timeout: 30_000 });
  const retrying = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await step();
      } catch (error) {
        if (Date.now() > deadline) {
          const stderr = (error as { stderr?: string }).stderr ?? (error instanceof Error ? error.message : String(error));
          throw new Error(`Could not ${what} on ${address}: ${stderr.trim()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };

  const exists = await retrying('reach the Temporal server', async () => {
    try {
      await cli(['operator', 'namespace', 'describe', '--namespace', namespace]);
      return true;
    } catch (error) {
      if (/not ?found/i.test((error as { stderr?: string }).stderr ?? '')) return false;
      throw error;
    }
  });
  if (!exists) {
    await retrying(`create the namespace ${namespace}`, () => cli(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', '30d']));
    log(`Created the Temporal namespace ${namespace}`);
  }
  // The frontend learns of a new namespace through its cache (refreshed every few seconds): wait until it serves it.
  await retrying(`see the namespace ${namespace}`, () => cli(['operator', 'search-attribute', 'list', '--namespace', namespace, '--output', 'json']));
  const listed = await retrying('list the search attributes', () => cli(['operator', 'search-attribute', 'list', '--namespace', namespace, '--output', 'json']));
  const present = new Set(searchAttributeNames(listed.stdout));
  const missing = searchAttributes.filter((attribute) => !present.has(attribute.name));
  for (const attribute of missing) {
    await retrying(`register the search attribute ${attribute.name}`, () =>
      cli(['operator', 'search-attribute', 'create', '--namespace', namespace, '--name', attribute.name, '--type', attribute.type]),
    );
  }
  if (missing.length) log(`Registered search attributes: ${missing.map((attribute) => attribute.name).join(', ')}`);
}

/** The names in `temporal operator search-attribute list --output json`, whichever shape this CLI prints. */
function searchAttributeNames(json: string): string[] {
  const parsed = JSON.parse(json) as unknown;
  const names: string[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const entry of value) if (entry && typeof entry === 'object' && 'name' in entry) names.push(String((entry as { name: unknown }).name));
    } else if (value && typeof value === 'object') {
      for (const [key, nested] of Object.entries(value)) {
        if (key === 'customAttributes' && nested && typeof nested === 'object' && !Array.isArray(nested)) names.push(...Object.keys(nested));
        else collect(nested);
      }
    }
  };
  collect(parsed);
  return names;
}
