/**
 * `npm run test:cluster [-- --items N] [-- --concurrency C] [-- --keep-data]`: the production topology on one
 * machine, under fire. The real Temporal server (built from its Go module into .tools) on PostgreSQL (its
 * own role and two databases on the embedded server), 2 API processes behind a reverse proxy and 3 worker
 * processes, all supervised: a process that dies is started again. N items (200 by default) go through the
 * whole review lifecycle while one worker and one API process are SIGKILLed and the Temporal server is
 * SIGKILLed and restarted. Then it checks, from the database:
 *   - every item released exactly once (state, one 政府网站 publication, one item.released audit row);
 *   - no audit row lost or doubled (the expected rows per item, each item's hash chain intact);
 *   - no 5xx answered except by an API process while it was dead (502 from the proxy) or while the
 *     Temporal server it needs was down (503).
 * Prints its figures and exits non-zero on any failure. Not part of `npm test`: it takes minutes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { bundleWorkflowCode } from '@temporalio/worker';
import { loadConfig, projectRoot } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { AUDIT_CHAIN_SELECT, connectAndMigrate, createDataSource, seedDemoData, verifyAuditChain, type AuditChainRow } from '@zwgk/db';
import { chinaDateOf } from '@zwgk/domain';
import {
  ensureTemporalNamespace,
  findFreeMembershipPort,
  findFreePort,
  ProcessSupervisor,
  resolveTemporalServer,
  resolveToolBinary,
  setUpTemporalSchema,
  startEmbeddedPostgres,
  startManagedProcess,
  startTemporalServer,
  TEMPORAL_CLI,
  writeTemporalServerConfig,
  type ManagedProcess,
} from '@zwgk/embedded';
import { addTsconfigAliases, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { LifecycleDriver, type ServerErrorAnswer } from './cluster/lifecycle-driver';
import { applyDeploymentRoles } from './cluster/postgres-roles';
import { ReverseProxy } from './cluster/reverse-proxy';
import { CLUSTER_TOPOLOGY } from './cluster/topology';

const API_REPLICAS = CLUSTER_TOPOLOGY.apiReplicas;
const WORKERS = CLUSTER_TOPOLOGY.workers;
const NAMESPACE = CLUSTER_TOPOLOGY.namespace;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} expects a whole number of at least 1, got "${process.argv[at + 1] ?? ''}"\n`);
    process.exit(2);
  }
  return value;
}

const ITEMS = option('items', 200);
const CONCURRENCY = option('concurrency', 12);
const KEEP_DATA = process.argv.includes('--keep-data');
const VERBOSE = process.argv.includes('--verbose');

const startedAt = Date.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`[cluster ${seconds(Date.now() - startedAt).padStart(7)}] ${line}\n`);
const quietLog = (line: string) => {
  if (VERBOSE) process.stdout.write(`${line}\n`);
};

/** When a process was down: from the kill until its replacement was running. */
interface Outage {
  readonly service: string;
  readonly from: number;
  until?: number;
}

/** Starts a node entry point of the project; resolves once `ready` matches a line of its output. */
async function startNode(name: string, entry: string, env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 180_000): Promise<ManagedProcess> {
  let matched!: () => void;
  const seen = new Promise<void>((resolve) => (matched = resolve));
  const last: string[] = [];
  const child = startManagedProcess(name, process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: projectRoot,
    env,
    log: (line) => {
      last.push(line);
      if (last.length > 30) last.shift();
      quietLog(line);
      if (ready.test(line)) matched();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      seen,
      child.exited.then((how) => {
        throw new Error(`${name} exited (${how}) before it was ready:\n${last.join('\n')}`);
      }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${last.join('\n')}`)), timeoutMs))),
    ]);
  } catch (error) {
    await child.stop(5_000);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return child;
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined, TEMPORAL_ADDRESS: undefined });
  const dataDir = path.join(projectRoot, '.data', `cluster-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const supervisor = new ProcessSupervisor({ log: (line) => say(line), policy: { initialDelayMs: 500, maxDelayMs: 10_000, factor: 2, healthyAfterMs: 30_000 } });
  let proxy: ReverseProxy | undefined;
  let failed = false;
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    await proxy?.close().catch(() => undefined);
    await supervisor.stop();
    if (!KEEP_DATA && !failed) rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll().finally(() => process.exit(130)));

  try {
    say(`${ITEMS} items, ${CONCURRENCY} at a time; data in ${dataDir}`);
    const [installation, cli] = await Promise.all([resolveTemporalServer(config.toolsDir, { log: say }), resolveToolBinary(TEMPORAL_CLI, config.toolsDir, { log: say })]);

    // PostgreSQL: the application's database and Temporal's two, on one server, with the deployment's roles
    // (docker/postgres-roles.sql): migrations run as the schema owner, the API and workers as the app role.
    const postgres = await supervisor.start({
      name: 'postgres',
      stopGraceMs: 30_000,
      start: async () => startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: await findFreePort(), database: 'postgres', log: quietLog }),
    });
    const pgPort = postgres.port;
    const passwords = { temporal_password: 'temporal-secret', owner_password: 'owner-secret', app_password: 'app-secret' };
    await applyDeploymentRoles(postgres.url, passwords);
    const ownerUrl = `postgres://zwgk_owner:${passwords.owner_password}@127.0.0.1:${pgPort}/zwgk`;
    const appUrl = `postgres://zwgk_app:${passwords.app_password}@127.0.0.1:${pgPort}/zwgk`;
    const temporalDatabases = { host: '127.0.0.1', port: pgPort, user: 'temporal', password: passwords.temporal_password, database: 'temporal', visibilityDatabase: 'temporal_visibility' };
    await setUpTemporalSchema(installation, postgres.url, temporalDatabases, say);

    const membership = new Set<number>();
    const membershipPort = async () => {
      const port = await findFreeMembershipPort(membership);
      membership.add(port);
      return port;
    };
    const ports = {
      frontend: await findFreePort(),
      frontendHttp: await findFreePort(),
      frontendMembership: await membershipPort(),
      history: await findFreePort(),
      historyMembership: await membershipPort(),
      matching: await findFreePort(),
      matchingMembership: await membershipPort(),
      worker: await findFreePort(),
      workerMembership: await membershipPort(),
      metrics: await findFreePort(),
    };
    const configFile = writeTemporalServerConfig(installation, path.join(dataDir, 'temporal'), temporalDatabases, ports, 'warn');
    const temporalAddress = `127.0.0.1:${ports.frontend}`;
    await supervisor.start({
      name: 'temporal-server',
      stopGraceMs: 15_000,
      start: async () => {
        const server = await startTemporalServer(installation, configFile, ports.frontend, { log: quietLog });
        // A server that dies while the namespace is being checked (a fatal start error) fails the start at once.
        await Promise.race([
          ensureTemporalNamespace(cli, temporalAddress, NAMESPACE, CUSTOM_SEARCH_ATTRIBUTES, { log: say }),
          server.exited.then((how) => {
            throw new Error(`the Temporal server exited (${how}) while its namespace was being set up; run with --verbose to see its log`);
          }),
        ]).catch(async (error: unknown) => {
          await server.stop(5_000);
          throw error;
        });
        return server;
      },
    });
    say(`Temporal server ${installation.serverBinary} on PostgreSQL, frontend ${temporalAddress}, namespace ${NAMESPACE}`);

    const dataSource = createDataSource(ownerUrl, { applicationName: 'zwgk-cluster-migrate' });
    await connectAndMigrate(dataSource);
    await seedDemoData(dataSource, path.join(projectRoot, 'data', 'catalogs'));
    await dataSource.destroy();
    const bundle = await bundleWorkflowCode({ workflowsPath, webpackConfigHook: addTsconfigAliases, logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: say, error: say } as never });
    const bundlePath = path.join(dataDir, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle.code);
    say('Migrated, seeded, workflow bundle built');

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NO_COLOR: '1',
      DATABASE_URL: appUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: CLUSTER_TOPOLOGY.taskQueue,
      ZWGK_WORKFLOW_BUNDLE: bundlePath,
      ZWGK_DATA_DIR: dataDir,
      AUTH_MODE: 'dev',
      ZWGK_PARENT_PID: String(process.pid),
      TRUST_PROXY: 'loopback',
      // How long a decision waits for its workflow before the API answers 503 still-processing. At the default
      // 20 s, a 2-core machine shared with other work answered about 7 % of the decisions 503 in the first
      // burst, before any fault: load, not a fault. A minute keeps the 5xx check about the kills.
      TEMPORAL_UPDATE_TIMEOUT_SECONDS: '60',
    };
    const workerNames = Array.from({ length: WORKERS }, (_, i) => `worker-${i + 1}`);
    const apis = await Promise.all(Array.from({ length: API_REPLICAS }, async (_, i) => ({ name: `api-${i + 1}`, port: await findFreePort() })));
    await Promise.all([
      ...workerNames.map((name) => supervisor.start({ name, stopGraceMs: 15_000, start: () => startNode(name, 'apps/worker/src/main.ts', env, /Worker started/) })),
      ...apis.map(({ name, port }) =>
        supervisor.start({ name, stopGraceMs: 15_000, start: () => startNode(name, 'apps/api/src/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' }, /API listening/) }),
      ),
    ]);
    proxy = new ReverseProxy(apis);
    const proxyPort = await proxy.listen();
    const setupDone = Date.now();
    say(`${WORKERS} workers and ${API_REPLICAS} API processes running; proxy http://127.0.0.1:${proxyPort}/api (setup ${seconds(setupDone - startedAt)})`);

    // The lifecycle, with the faults injected as the releases pass 20 %, 40 % and 60 %.
    const driver = new LifecycleDriver(`http://127.0.0.1:${proxyPort}/api`, `cluster-${process.pid}`);
    const outages: Outage[] = [];
    const kill = async (service: string) => {
      const victim = supervisor.current(service);
      if (!victim) throw new Error(`${service} is not running`);
      const outage: Outage = { service, from: Date.now() };
      outages.push(outage);
      say(`SIGKILL ${service} (pid ${victim.child.pid})`);
      victim.child.kill('SIGKILL');
      await victim.exited;
      for (;;) {
        const now = supervisor.current(service);
        if (now && now !== victim) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      outage.until = Date.now();
      say(`${service} is back after ${seconds(outage.until - outage.from)}`);
    };
    const faults = [
      { atFraction: 0.2, service: 'worker-2' },
      { atFraction: 0.4, service: 'api-1' },
      { atFraction: 0.6, service: 'temporal-server' },
    ];
    const faultsDone: Promise<void>[] = [];
    const formedAt = chinaDateOf(new Date());
    const itemIds: string[] = [];
    let released = 0;
    let nextIndex = 0;
    const driveStarted = Date.now();
    const lane = async () => {
      while (nextIndex < ITEMS) {
        const index = nextIndex++;
        itemIds[index] = await driver.release(index, formedAt);
        released++;
        while (faults.length && released >= Math.ceil(faults[0]!.atFraction * ITEMS)) faultsDone.push(kill(faults.shift()!.service));
        if (released % Math.max(1, Math.floor(ITEMS / 10)) === 0) say(`${released}/${ITEMS} released`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ITEMS) }, lane));
    await Promise.all(faultsDone);
    const driveMs = Date.now() - driveStarted;
    say(`All ${ITEMS} items released in ${seconds(driveMs)} (${driver.requests} requests)`);

    // The checks, from the database.
    const problems: string[] = [];
    const db = new PgClient({ connectionString: appUrl });
    await db.connect();
    try {
      // The app's own credentials cannot switch off the audit log's protection.
      const disabled = await db.query('ALTER TABLE audit_events DISABLE TRIGGER ALL').then(() => 'it could', (error: Error) => error.message);
      if (!/must be owner/.test(disabled)) problems.push(`the app role and the audit triggers: ALTER TABLE audit_events DISABLE TRIGGER ALL answered "${disabled}"`);
      const ids = itemIds;
      const states = await db.query(`SELECT state, count(*)::int AS n FROM disclosure_items WHERE id = ANY($1::uuid[]) GROUP BY state`, [ids]);
      if (states.rows.length !== 1 || states.rows[0].state !== 'RELEASED' || states.rows[0].n !== ITEMS) problems.push(`item states: ${JSON.stringify(states.rows)}`);
      const website = await db.query(
        `SELECT item_id::text AS "itemId", count(*)::int AS n FROM publications WHERE item_id = ANY($1::uuid[]) AND channel = '政府网站' AND action = 'publish' AND status = 'published' GROUP BY item_id`,
        [ids],
      );
      const once = website.rows.filter((row: { n: number }) => row.n === 1).length;
      if (once !== ITEMS) problems.push(`release ledger: ${once} of ${ITEMS} items published to 政府网站 exactly once; others: ${JSON.stringify(website.rows.filter((row: { n: number }) => row.n !== 1).slice(0, 5))}`);
      const doubledLedger = await db.query(`SELECT item_id, channel, action, count(*)::int AS n FROM publications WHERE item_id = ANY($1::uuid[]) GROUP BY 1, 2, 3 HAVING count(*) > 1`, [ids]);
      if (doubledLedger.rowCount) problems.push(`release ledger rows doubled: ${JSON.stringify(doubledLedger.rows.slice(0, 5))}`);

      const tasks = await db.query(`SELECT item_id::text AS "itemId", count(*)::int AS n, count(*) FILTER (WHERE state = 'completed')::int AS completed FROM review_tasks WHERE item_id = ANY($1::uuid[]) GROUP BY item_id`, [ids]);
      const tasksOf = new Map(tasks.rows.map((row: { itemId: string; n: number; completed: number }) => [row.itemId, row]));
      const audit = await db.query(`SELECT item_id::text AS "itemId", action, count(*)::int AS n FROM audit_events WHERE item_id = ANY($1::uuid[]) GROUP BY 1, 2`, [ids]);
      const auditOf = new Map<string, Record<string, number>>();
      for (const row of audit.rows as { itemId: string; action: string; n: number }[]) auditOf.set(row.itemId, { ...auditOf.get(row.itemId), [row.action]: row.n });
      let auditRows = 0;
      for (const id of ids) {
        const counted = auditOf.get(id) ?? {};
        const itemTasks = tasksOf.get(id) as { n: number; completed: number } | undefined;
        if (!itemTasks || itemTasks.n !== itemTasks.completed || itemTasks.n < 3) problems.push(`item ${id}: review tasks ${JSON.stringify(itemTasks)}`);
        const expected: Record<string, number> = { 'item.created': 1, 'item.submitted': 1, 'item.released': 1, 'task.approve': itemTasks?.n ?? -1 };
        for (const [action, n] of Object.entries(counted)) if (!(action in expected)) expected[action] = n; // other rows are judged by the chain only
        if (JSON.stringify(Object.entries(counted).sort()) !== JSON.stringify(Object.entries(expected).sort())) problems.push(`item ${id}: audit rows ${JSON.stringify(counted)}, expected ${JSON.stringify(expected)}`);
        auditRows += Object.values(counted).reduce((sum, n) => sum + n, 0);
      }
      const duplicateKeys = await db.query(`SELECT event_key, count(*)::int AS n FROM audit_events WHERE item_id = ANY($1::uuid[]) GROUP BY event_key HAVING count(*) > 1`, [ids]);
      if (duplicateKeys.rowCount) problems.push(`audit event keys doubled: ${JSON.stringify(duplicateKeys.rows.slice(0, 5))}`);
      let brokenChains = 0;
      for (const id of ids) {
        const rows: AuditChainRow[] = (await db.query(`SELECT ${AUDIT_CHAIN_SELECT} FROM audit_events WHERE item_id = $1 ORDER BY audit_events.id`, [id])).rows;
        const verdict = verifyAuditChain(rows);
        if (!verdict.valid) {
          brokenChains++;
          problems.push(`item ${id}: audit chain broken at ${JSON.stringify(verdict.firstBrokenLink)}`);
        }
      }
      say(`Checked ${ITEMS} items: ${auditRows} audit rows, ${brokenChains} broken chains`);

      // Every 5xx must fall in an outage of the process that answered it, or of the Temporal server.
      const during = (answer: ServerErrorAnswer, service: string, graceMs: number) =>
        outages.some((outage) => outage.service === service && answer.answeredAt >= outage.from && answer.sentAt <= (outage.until ?? Date.now()) + graceMs);
      const excused: Record<string, number> = {};
      const unexcused: ServerErrorAnswer[] = [];
      for (const answer of driver.serverErrors) {
        const reason =
          answer.status === 502 && answer.upstream && during(answer, answer.upstream, 1_000)
            ? `502 from the proxy while ${answer.upstream} was dead`
            : answer.status === 503 && during(answer, 'temporal-server', 15_000)
              ? `503 ${answer.code ?? ''} while the Temporal server was down`.replace('  ', ' ')
              : // An Update to a workflow cached on the killed worker waits out the sticky queue's timeout; the API
                // then answers 503 still-processing and the client resends with its Idempotency-Key, as asked.
                answer.status === 503 && answer.code === 'still-processing' && workerNames.some((worker) => during(answer, worker, 5_000))
                ? '503 still-processing while the worker holding the workflow was dead'
                : undefined;
        if (reason) excused[reason] = (excused[reason] ?? 0) + 1;
        else unexcused.push(answer);
      }
      if (unexcused.length) problems.push(`${unexcused.length} 5xx outside any outage of their process, e.g. ${JSON.stringify(unexcused.slice(0, 5))}`);

      const line = '─'.repeat(72);
      process.stdout.write(
        `\n${line}\n Cluster test: ${problems.length ? 'FAILED' : 'passed'}\n` +
          `   topology      Temporal server ${installation.dir.split(path.sep).pop()} on PostgreSQL, ${API_REPLICAS} API behind a proxy, ${WORKERS} workers\n` +
          `   items         ${ITEMS} released (${CONCURRENCY} at a time), ${driver.requests} requests\n` +
          `   faults        ${outages.map((outage) => `${outage.service} down ${seconds((outage.until ?? Date.now()) - outage.from)}`).join(', ')}\n` +
          `   restarts      ${['temporal-server', ...workerNames, ...apis.map((api) => api.name)].map((name) => `${name}×${supervisor.restarts(name)}`).join(' ')}\n` +
          `   5xx excused   ${Object.entries(excused).map(([why, n]) => `${n} × ${why}`).join('; ') || 'none'}\n` +
          `   5xx other     ${unexcused.length}; network errors ${driver.networkErrors.length}; 409 on a write already under way ${driver.inFlightConflicts}\n` +
          `   durations     setup ${seconds(setupDone - startedAt)}, lifecycle ${seconds(driveMs)}, total ${seconds(Date.now() - startedAt)}\n` +
          (problems.length ? ` problems:\n${problems.slice(0, 30).map((problem) => `   - ${problem}`).join('\n')}\n` : '') +
          `${line}\n`,
      );
      failed = problems.length > 0;
    } finally {
      await db.end();
    }
  } catch (error) {
    failed = true;
    say(`Cluster test failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  if (failed) say(`Data kept in ${dataDir}`);
  await stopAll();
  process.exit(failed ? 1 : 0);
}

void main();
