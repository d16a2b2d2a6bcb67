import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { projectRoot } from '@zwgk/config';
import { findFreePort, startManagedProcess, type ManagedProcess } from '@zwgk/embedded';
import { ApiClient } from '../support/api-client';
import { testServers } from '../support/test-environment';

const VICTIMS = ['worker', 'api', 'temporal', 'postgres'] as const;
type Victim = (typeof VICTIMS)[number];

async function poll<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `npm start` (scripts/start.ts, as it is, on its own data dir and free ports) with each of its four
 * processes SIGKILLed in turn: each must come back by itself, what was stored before must still be there,
 * and what is created and submitted after each recovery must work, once.
 */
describe('npm start keeps the system up when a process dies', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zwgk-supervision-'));
  const output: string[] = [];
  let system: ManagedProcess;
  let client: ApiClient;
  let apiBase: string;
  let postgresPort: number;
  const itemIds: string[] = [];
  const recoverySeconds: Partial<Record<Victim, number>> = {};

  const pids = (name: string) => output.flatMap((line) => line.match(new RegExp(`^\\[supervisor\\] ${name} running \\(pid (\\d+)\\)`))?.[1] ?? []).map(Number);
  const health = async () => (await fetch(`${apiBase}/health`)).status;

  beforeAll(async () => {
    const [port, pgPort, temporalPort, uiPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
    postgresPort = pgPort;
    apiBase = `http://127.0.0.1:${port}/api`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      ZWGK_DATA_DIR: dataDir,
      ZWGK_DEMO_ITEMS: '0',
      ZWGK_WEB_BUILD: '0',
      // The workflow bundle the global setup built: the worker need not bundle again at each restart.
      ZWGK_WORKFLOW_BUNDLE: testServers().workflowBundlePath,
      ZWGK_PARENT_PID: String(process.pid),
      AUTH_MODE: 'dev',
      NO_COLOR: '1',
    };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    system = startManagedProcess('npm-start', process.execPath, ['-r', '@swc-node/register', 'scripts/start.ts'], {
      cwd: projectRoot,
      env,
      stopSignal: 'SIGINT',
      log: (line) => {
        output.push(line.replace(/^\[npm-start\] /, ''));
        if (process.env.ZWGK_TEST_VERBOSE) process.stdout.write(`${line}\n`);
      },
    });
    await poll('npm start to be ready', 120_000, async () => {
      if (system.child.exitCode !== null) throw new Error(`npm start exited:\n${output.slice(-30).join('\n')}`);
      return output.some((line) => line.includes('workflow engine is ready')) || undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-30).join('\n')}`);
    });
    client = new ApiClient(apiBase);
  }, 150_000);

  afterAll(async () => {
    if (system && system.child.exitCode === null && system.child.signalCode === null) await system.stop(30_000);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Creates and submits an item (the create sent twice with one key), and waits for its first review task. */
  async function createAndSubmit(label: string): Promise<string> {
    const key = `supervision-${process.pid}-${label.replace(/\W+/g, '-')}`;
    const create = () =>
      client.request('POST', '/items', {
        as: 'edu.drafter',
        headers: { 'idempotency-key': key },
        body: { catalogItemCode: 'EDU-002', title: `进程守护测试（${label}）`, body: '进程被终止后系统自行恢复。', formedAt: '2026-11-20' },
      });
    const created = await create();
    expect(created.status).toBe(201);
    const again = await create();
    expect(again.body.id).toBe(created.body.id);
    const id: string = created.body.id;
    expect((await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await poll(`the 初审 task of the item made ${label}`, 45_000, async () => {
      const inbox = await client.request('GET', '/tasks', { as: 'edu.reviewer' });
      return inbox.body.items.some((task: { itemId: string }) => task.itemId === id) || undefined;
    });
    itemIds.push(id);
    return id;
  }

  it('runs an item through before anything is killed', async () => {
    expect(await health()).toBe(200);
    await createAndSubmit('before the kills');
  }, 60_000);

  it.each(VICTIMS)('comes back by itself after the %s is killed', async (victim) => {
    const [pid] = pids(victim).slice(-1);
    expect(pid).toBeGreaterThan(0);
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    if (victim === 'worker') {
      // The portal does not depend on the worker: it keeps answering until the new worker has started.
      const answers: number[] = [];
      while (!pids('worker').some((next) => next !== pid) && Date.now() - killedAt < 60_000) {
        answers.push((await fetch(`${apiBase}/public/items`)).status, await health());
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(answers.length).toBeGreaterThan(0);
      expect(answers.filter((status) => status !== 200)).toEqual([]);
    }
    await poll(`the ${victim} to be started again`, 60_000, async () => (pids(victim).some((next) => next !== pid) && !alive(pid)) || undefined);
    await poll('GET /api/health to answer 200', 60_000, async () => ((await health()) === 200 ? true : undefined));
    recoverySeconds[victim] = (Date.now() - killedAt) / 1000;
    expect(output.join('\n')).toMatch(new RegExp(`\\[supervisor\\] ${victim} exited \\(signal SIGKILL\\)`));

    // What was there before is still there.
    const first = await client.request('GET', `/items/${itemIds[0]}`, { as: 'edu.drafter' });
    expect(first.status).toBe(200);
    expect(first.body.title).toBe('进程守护测试（before the kills）');
    // And the whole path works again: API, Temporal, worker and PostgreSQL.
    await createAndSubmit(`after the ${victim} was killed`);
  }, 150_000);

  it('lost nothing and doubled nothing', async () => {
    process.stdout.write(`[supervision] back after SIGKILL (s): ${JSON.stringify(recoverySeconds)}\n`);
    const db = new PgClient({ connectionString: `postgres://postgres:postgres@127.0.0.1:${postgresPort}/zwgk` });
    await db.connect();
    try {
      const items = await db.query(`SELECT count(*)::int AS n FROM disclosure_items WHERE id = ANY($1)`, [itemIds]);
      expect(items.rows[0].n).toBe(VICTIMS.length + 1);
      const audit = await db.query(
        `SELECT item_id, action, count(*)::int AS n FROM audit_events WHERE item_id = ANY($1) AND action IN ('item.created', 'item.submitted') GROUP BY item_id, action`,
        [itemIds],
      );
      expect(audit.rows).toHaveLength(2 * itemIds.length);
      expect(audit.rows.every((row: { n: number }) => row.n === 1)).toBe(true);
      const tasks = await db.query(`SELECT item_id, count(*)::int AS n FROM review_tasks WHERE item_id = ANY($1) GROUP BY item_id`, [itemIds]);
      expect(tasks.rows).toHaveLength(itemIds.length);
      expect(tasks.rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    } finally {
      await db.end();
    }
  }, 30_000);

  it('stops everything, in order, on Ctrl-C', async () => {
    const running = VICTIMS.map((name) => pids(name).slice(-1)[0]);
    expect(running.every(alive)).toBe(true);
    system.child.kill('SIGINT');
    expect(await system.exited).toBe(0);
    const stopped = output.flatMap((line) => line.match(/^\[start\] (\w+) stopped$/)?.[1] ?? []);
    expect(stopped).toEqual(['api', 'worker', 'temporal', 'postgres']);
    expect(running.filter(alive)).toEqual([]);
  }, 90_000);
});
