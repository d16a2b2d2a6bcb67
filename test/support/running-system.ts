import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Client as PgClient } from 'pg';
import { projectRoot } from '@zwgk/config';
import { findFreePort, startManagedProcess, type ManagedProcess } from '@zwgk/embedded';
import { ApiClient } from './api-client';
import { testServers } from './test-environment';

/** A spawned process plus what its output said, for waiting on log lines. */
export interface SpawnedProcess extends ManagedProcess {
  readonly output: string[];
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

function spawnNode(name: string, entry: string, env: Record<string, string>): SpawnedProcess {
  const output: string[] = [];
  const process_ = startManagedProcess(name, process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: projectRoot,
    env: { ...process.env, NO_COLOR: '1', ZWGK_PARENT_PID: String(process.pid), ...env },
    log: (line) => {
      output.push(line);
      if (process.env.ZWGK_TEST_VERBOSE) process.stdout.write(`${line}\n`);
    },
  });
  const waitForOutput = async (pattern: RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.some((line) => pattern.test(line))) {
      if (process_.child.exitCode !== null) throw new Error(`${name} exited:\n${output.slice(-30).join('\n')}`);
      if (Date.now() > deadline) throw new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-30).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return Object.assign(process_, { output, waitForOutput });
}

/** The env a spawned API or worker needs to reach the test servers, on its own task queue. */
export function systemEnv(taskQueue: string): Record<string, string> {
  const servers = testServers();
  return {
    DATABASE_URL: servers.databaseUrl,
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    ZWGK_WORKFLOW_BUNDLE: servers.workflowBundlePath,
    AUTH_MODE: 'dev',
    // Required in OIDC mode (the production mode), which some suites start the API in.
    RATING_CLIENT_SALT: 'test-suite-rating-salt',
  };
}

export async function startWorker(taskQueue: string, extraEnv: Record<string, string> = {}): Promise<SpawnedProcess> {
  const worker = spawnNode('worker', 'apps/worker/src/main.ts', { ...systemEnv(taskQueue), ...extraEnv });
  await worker.waitForOutput(/Polling task queue/);
  return worker;
}

export async function startApi(taskQueue: string, extraEnv: Record<string, string> = {}): Promise<SpawnedProcess & { baseUrl: string }> {
  const port = await findFreePort();
  const api = spawnNode('api', 'apps/api/src/main.ts', { ...systemEnv(taskQueue), PORT: String(port), HOST: '127.0.0.1', ...extraEnv });
  await api.waitForOutput(/API listening/);
  return Object.assign(api, { baseUrl: `http://127.0.0.1:${port}/api` });
}

/** A fresh task queue, so that each test file's worker only runs its own workflows. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** The API and a worker on their own task queue, an HTTP client for them, and a database connection. */
export interface RunningSystem {
  taskQueue: string;
  api: SpawnedProcess & { baseUrl: string };
  worker: SpawnedProcess;
  client: ApiClient;
  db: PgClient;
  /** Starts a new worker process on the same task queue (after the old one died). */
  restartWorker(): Promise<SpawnedProcess>;
  stop(): Promise<void>;
}

/** `own`: a database and namespace of the suite's own (test/support/own-database.ts) instead of the shared ones. */
export async function startSystem(prefix: string, options: { own?: { url: string; namespace: string }; env?: Record<string, string> } = {}): Promise<RunningSystem> {
  const queue = uniqueTaskQueue(prefix);
  const env: Record<string, string> = { ...(options.own ? { DATABASE_URL: options.own.url, TEMPORAL_NAMESPACE: options.own.namespace } : {}), ...options.env };
  const [worker, api] = await Promise.all([startWorker(queue, env), startApi(queue, env)]);
  const db = new PgClient({ connectionString: options.own?.url ?? testServers().databaseUrl });
  await db.connect();
  const system: RunningSystem = {
    taskQueue: queue,
    api,
    worker,
    client: new ApiClient(api.baseUrl),
    db,
    restartWorker: async () => (system.worker = await startWorker(queue, env)),
    stop: async () => {
      await db.end();
      await Promise.all([system.api.stop(), system.worker.stop()]);
    },
  };
  return system;
}

function ipv6LoopbackWorks(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(0, '::1', () => server.close(() => resolve(true)));
  });
}

/**
 * Public submissions are rate-limited per client address in a table every suite shares, and every suite
 * calls from 127.0.0.1. A second API replica reached over IPv6 loopback (::1) is another client address,
 * so what a suite submits through it neither meets the other suites' window nor fills it. Undefined when
 * the machine has no IPv6 loopback.
 */
export async function startApiOnOwnClientAddress(taskQueue: string): Promise<(SpawnedProcess & { baseUrl: string }) | undefined> {
  if (!(await ipv6LoopbackWorks())) return undefined;
  const replica = await startApi(taskQueue, { HOST: '::' });
  return Object.assign(replica, { baseUrl: replica.baseUrl.replace('http://127.0.0.1:', 'http://[::1]:') });
}
