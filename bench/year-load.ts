/**
 * Loading an official year over N open items: how long until every item has recomputed its release deadline.
 *
 * The whole system runs as `npm start` runs it, each part on a fresh data dir and free ports: embedded
 * PostgreSQL (migrated, demo seed), a Temporal dev server persisted to SQLite, one worker and the API.
 * N drafts are started straight through a Temporal client (the API's own start, minus HTTP) with formedAt in
 * December 2098, so that every release deadline runs into 2099, a year whose official arrangement is not
 * loaded: provisional. (2098 is loaded as official first: a deadline counted through a provisional 2098 would
 * stay provisional after 2099 is loaded.) Then an admin loads 2099 through POST /api/calendar/years, and the run measures the
 * answer, the batch until DONE (every item signalled), and the items until each has audited
 * `deadline.recalculated` and holds a non-provisional deadline in the read model.
 *
 * The baseline, in the same run, is the drafting itself: from the first start until every draft has audited
 * `item.created`. A draft runs the same steps a recalculation does (compute the release deadline, write it to
 * the read model, arm the release timer with its reminder, write one audit row) on the same worker and
 * database, so the ratio says what the batch adds on top of the per-item work: about 1 means the batch costs
 * what the items cost; far above 1 means the fan-out, not the items, is the bottleneck.
 */
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client as TemporalClient, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { loadConfig, projectRoot } from '@zwgk/config';
import {
  CatalogItemCodeAttribute,
  DepartmentIdAttribute,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  DisclosureStateAttribute,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  type DisclosureItemInput,
} from '@zwgk/contracts';
import { CatalogItemEntity, CatalogVersionEntity, DEMO_CATALOG_CATEGORIES, loadOfficialHolidayTable, UserEntity } from '@zwgk/db';
import { addDays, statutoryHolidayTable, type HolidayTable } from '@zwgk/domain';
import { findFreePort, type ManagedProcess } from '@zwgk/embedded';
import { memoryOf, startBenchTemporal, startNode, systemEnv } from './bench-processes';
import { log, runBenchmark, settleAfterBulkLoad, withBenchDatabase } from './bench-support';

const ITEMS = positiveInteger('BENCH_ITEMS', 10_000);
/** Drafts in flight at once: enough to keep the worker's task slots busy, not so many that starts time out. */
const CONCURRENCY = positiveInteger('BENCH_CONCURRENCY', 32);
/** How long to wait for the recomputation before reporting what was measured and a projection. */
const RECALCULATION_TIMEOUT_S = positiveInteger('BENCH_TIMEOUT_SECONDS', 15 * 60);
const TASK_QUEUE = 'bench-year-load';
const YEAR = 2099;
/** Drafts are formed on the working days of 2098-12-10 … 2098-12-24: 20 working days from any of them ends in 2099. */
const FORMED_FROM = '2098-12-10';
const FORMED_DAYS = 15;
const CATALOG_ITEM = 'EDU-001';
const DRAFTER = 'edu.drafter';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (count: number, ms: number) => `${(count / (ms / 1000)).toFixed(0)} items/s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const mib = (memory: { rssMiB: number; peakMiB: number } | undefined) => (memory ? `${memory.rssMiB.toFixed(0)} MiB (peak ${memory.peakMiB.toFixed(0)} MiB)` : 'n/a');

/** The official arrangement the bench loads: the statutory one of the year with 元旦 made three days long, plus a make-up Saturday. */
function officialArrangement(): Omit<HolidayTable, 'published'> & { source: string } {
  const provisional = statutoryHolidayTable(YEAR);
  const holidays = provisional.holidays.map((holiday) =>
    holiday.name === '元旦' ? { name: holiday.name, days: [...new Set([...holiday.days, `${YEAR}-01-01`, `${YEAR}-01-02`, `${YEAR}-01-03`])].sort() } : { name: holiday.name, days: [...holiday.days] },
  );
  const taken = new Set(holidays.flatMap((holiday) => holiday.days));
  const makeUpWorkingDays = [`${YEAR}-01-10`].filter((day) => !taken.has(day));
  return { year: YEAR, source: `基准测试：${YEAR}年部分节假日安排（模拟通知）`, holidays, makeUpWorkingDays };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  log(`year load over ${ITEMS} open items, ${CONCURRENCY} drafts in flight, ${os.cpus().length} cores, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);

  await withBenchDatabase({ categories: DEMO_CATALOG_CATEGORIES }, async ({ dataSource, db, url, dataDir }) => {
    const serversDir = `${dataDir}-servers`;
    // Also on Ctrl-C, when the database's own cleanup ends the process before this function's finally runs.
    const removeServersDir = () => rmSync(serversDir, { recursive: true, force: true });
    process.once('exit', removeServersDir);
    const children: ManagedProcess[] = [];
    const stopChildren = async () => {
      // The API first (it calls Temporal), then the worker (it drains), then Temporal.
      for (const child of [...children].reverse()) await child.stop(15_000).catch(() => undefined);
      children.length = 0;
      removeServersDir();
    };
    process.once('SIGINT', () => {
      for (const child of children) child.child.kill('SIGTERM');
    });
    let connection: Connection | undefined;
    try {
      mkdirSync(serversDir, { recursive: true });
      const apiPort = await findFreePort();
      const { temporal, address: temporalAddress, noisyLines: temporalNoisyLines } = await startBenchTemporal({ config, dataDir: serversDir });
      children.push(temporal);
      // A server stopped under the bench (by hand, or by someone's cleanup on a shared machine) fails the run at once.
      let stoppedUnderUs: string | undefined;
      const watchExit = (child: ManagedProcess) =>
        void child.exited.then((how) => {
          if (children.includes(child)) stoppedUnderUs ??= `${child.name} exited (${how}) during the run`;
        });
      const checkAlive = () => {
        if (stoppedUnderUs) throw new Error(stoppedUnderUs);
      };
      watchExit(temporal);

      const env: NodeJS.ProcessEnv = { ...systemEnv({ databaseUrl: url, temporalAddress, taskQueue: TASK_QUEUE, dataDir: serversDir }), PORT: String(apiPort) };
      const yearBefore = statutoryHolidayTable(YEAR - 1);
      await loadOfficialHolidayTable(dataSource, { ...yearBefore, published: true, source: `基准测试：${YEAR - 1}年部分节假日安排（按法定节假日）` }, { username: 'admin' });
      log('starting one worker (it bundles the workflows) and the API');
      const worker = startNode('worker', 'apps/worker/src/main.ts', env);
      children.push(worker);
      const api = startNode('api', 'apps/api/src/main.ts', env);
      children.push(api);
      watchExit(worker);
      watchExit(api);
      await Promise.all([worker.waitFor(/Polling task queue/, 180_000), api.waitFor(/API listening/, 180_000)]);
      const baseUrl = `http://127.0.0.1:${apiPort}/api`;
      const workerAtStart = memoryOf(worker.child.pid);
      log(`system up: worker ${mib(workerAtStart)}`);

      // What the API's create would send for 招生政策 drafted by the education bureau's drafter.
      const version = await dataSource.getRepository(CatalogVersionEntity).findOneByOrFail({ state: 'active' });
      const item = await dataSource.getRepository(CatalogItemEntity).findOneByOrFail({ versionId: version.id, code: CATALOG_ITEM });
      if (item.timeLimitRule.kind !== 'working-days') throw new Error(`${CATALOG_ITEM} no longer has a working-days rule (${item.timeLimitRule.kind}); pick another catalog item`);
      const user = await dataSource.getRepository(UserEntity).findOneByOrFail({ username: DRAFTER });
      const drafter = { username: user.username, displayName: user.displayName, departmentCode: user.departmentCode, roles: user.roles };
      const catalogItem: DisclosureItemInput['catalogItem'] = {
        code: item.code,
        area: item.area,
        level1: item.level1,
        level2: item.level2,
        ...(item.level3 ? { level3: item.level3 } : {}),
        content: item.content,
        basis: item.basis,
        subject: item.subject,
        channels: item.channels,
        mode: item.mode,
        timeLimit: { text: item.timeLimitText, rule: item.timeLimitRule },
        needsInterpretation: item.needsInterpretation,
      };
      const inputOf = (index: number): DisclosureItemInput => ({
        itemId: `00000000-0000-4000-a000-${String(index).padStart(12, '0')}`,
        drafter,
        catalogVersionId: version.id,
        catalogItem,
        title: `基准测试事项 ${index}`,
        body: '正文',
        formedAt: addDays(FORMED_FROM, index % FORMED_DAYS),
        channels: ['政府网站'],
        normativeDocument: false,
        interpretationLagWorkingDays: config.policies.interpretationLagWorkingDays,
      });

      connection = await Connection.connect({ address: temporalAddress });
      const client = new TemporalClient({ connection, namespace: 'default' });
      const startDraft = (input: DisclosureItemInput) =>
        client.workflow.executeUpdateWithStart(draftRecordedUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
            workflowId: disclosureItemWorkflowId(input.itemId),
            taskQueue: TASK_QUEUE,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: [
              { key: DisclosureStateAttribute, value: 'DRAFT' },
              { key: DepartmentIdAttribute, value: input.drafter.departmentCode },
              { key: CatalogItemCodeAttribute, value: input.catalogItem.code },
            ],
          }),
        });
      const countAudited = async (action: string) =>
        Number((await db.query(`SELECT count(DISTINCT item_id)::int AS n FROM audit_events WHERE action = $1`, [action])).rows[0].n);

      // Baseline: the drafts themselves.
      log(`drafting ${ITEMS} items (formedAt ${FORMED_FROM} + 0…${FORMED_DAYS - 1} days) through the Temporal client`);
      const draftStart = Date.now();
      let next = 0;
      let drafted = 0;
      let retried = 0;
      let lastLine = Date.now();
      const runner = async () => {
        for (let index = next++; index < ITEMS; index = next++) {
          checkAlive();
          for (let attempt = 1; ; attempt++) {
            try {
              const view = await startDraft(inputOf(index));
              if (!view.releaseDueProvisional) throw new Error(`draft ${index} has a non-provisional deadline ${view.releaseDueAt}: ${YEAR} is already loaded?`);
              break;
            } catch (error) {
              // USE_EXISTING makes a retry find the same workflow: a start that timed out on a busy machine is not lost.
              if (attempt >= 3 || /non-provisional/.test(String(error))) throw error;
              retried++;
              await sleep(1000 * attempt);
            }
          }
          drafted++;
          if (Date.now() - lastLine > 5000) {
            lastLine = Date.now();
            log(`  drafts ${drafted}/${ITEMS} (${rate(drafted, Date.now() - draftStart)})`);
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, runner));
      const draftsAnswered = Date.now() - draftStart;
      for (const giveUpAt = Date.now() + 600_000; (await countAudited('item.created')) < ITEMS; await sleep(200)) {
        checkAlive();
        if (Date.now() > giveUpAt) throw new Error('the drafts answered but not all of them audited item.created within 10 minutes');
      }
      const draftMs = Date.now() - draftStart;
      log(`  ${ITEMS} drafts recorded and audited in ${seconds(draftMs)} (${rate(ITEMS, draftMs)}; updates answered after ${seconds(draftsAnswered)}, ${retried} retried)`);
      const provisional = Number(
        (await db.query(`SELECT count(*)::int AS n FROM disclosure_items WHERE release_due_provisional AND release_due_at >= $1`, [`${YEAR}-01-01T00:00:00+08:00`])).rows[0].n,
      );
      if (provisional !== ITEMS) throw new Error(`only ${provisional} of ${ITEMS} drafts hold a provisional deadline in ${YEAR}`);
      const workerAfterDrafts = memoryOf(worker.child.pid);
      log(`  worker ${mib(workerAfterDrafts)}`);
      await settleAfterBulkLoad(db, ['disclosure_items', 'review_tasks', 'audit_events']);

      // The year load.
      const login = await fetch(`${baseUrl}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin' }) });
      if (login.status !== 200) throw new Error(`dev login as admin: ${login.status} ${await login.text()}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
      log(`loading the official arrangement of ${YEAR} (POST /api/calendar/years)`);
      const loadStart = Date.now();
      const loaded = await fetch(`${baseUrl}/calendar/years`, { method: 'POST', headers, body: JSON.stringify(officialArrangement()) });
      const answerMs = Date.now() - loadStart;
      const loadBody = (await loaded.json()) as { recalculationBatchId?: string };
      if (loaded.status !== 201 || !loadBody.recalculationBatchId) throw new Error(`POST /api/calendar/years: ${loaded.status} ${JSON.stringify(loadBody)}`);
      log(`  answered ${loaded.status} in ${answerMs} ms, batch ${loadBody.recalculationBatchId}`);

      let batchDoneMs: number | undefined;
      let auditedMs: number | undefined;
      let settledMs: number | undefined;
      let batch = { state: 'RUNNING', found: 0, signalled: 0, failedCount: 0 };
      let audited = 0;
      let settled = 0;
      lastLine = 0;
      for (;;) {
        checkAlive();
        const elapsed = Date.now() - loadStart;
        if (batchDoneMs === undefined) {
          const response = await fetch(`${baseUrl}/calendar/recalculations/${loadBody.recalculationBatchId}`, { headers });
          if (response.status === 200) batch = (await response.json()) as typeof batch;
          if (batch.state === 'DONE') batchDoneMs = elapsed;
        }
        audited = await countAudited('deadline.recalculated');
        settled = Number((await db.query(`SELECT count(*)::int AS n FROM disclosure_items WHERE NOT release_due_provisional`)).rows[0].n);
        if (auditedMs === undefined && audited >= ITEMS) auditedMs = elapsed;
        if (settledMs === undefined && settled >= ITEMS) settledMs = elapsed;
        if (Date.now() - lastLine > 5000 || (batchDoneMs !== undefined && auditedMs !== undefined && settledMs !== undefined)) {
          lastLine = Date.now();
          log(`  ${seconds(elapsed)}: batch ${batch.state} found ${batch.found} signalled ${batch.signalled} failed ${batch.failedCount}; recomputed ${audited}/${ITEMS}, non-provisional ${settled}/${ITEMS}`);
        }
        if (batchDoneMs !== undefined && auditedMs !== undefined && settledMs !== undefined) break;
        if (elapsed > RECALCULATION_TIMEOUT_S * 1000) {
          log(`  stopped waiting after ${seconds(elapsed)}`);
          break;
        }
        await sleep(500);
      }
      const observedMs = Date.now() - loadStart;
      const workerAtEnd = memoryOf(worker.child.pid);
      const temporalAtEnd = memoryOf(temporal.child.pid);
      const complete = auditedMs !== undefined && settledMs !== undefined && batchDoneMs !== undefined;
      // An unfinished run still says something: the rate so far, carried to N.
      const projected = (done: number) => (done > 0 ? `projected ${seconds((observedMs * ITEMS) / done)}` : 'no progress');

      const ratio = (ms: number | undefined) => (ms === undefined ? '—' : (ms / draftMs).toFixed(2));
      const rows = [
        `| measure | time | rate | ÷ baseline |`,
        `|---|---|---|---|`,
        `| baseline: start ${ITEMS} drafts and audit item.created | ${seconds(draftMs)} | ${rate(ITEMS, draftMs)} | 1.00 |`,
        `| POST /api/calendar/years answers | ${answerMs} ms | — | — |`,
        `| batch DONE (every item signalled) | ${batchDoneMs === undefined ? `not done (${batch.signalled} signalled)` : seconds(batchDoneMs)} | ${batchDoneMs === undefined ? '—' : rate(batch.signalled, batchDoneMs)} | ${ratio(batchDoneMs)} |`,
        `| every item audited deadline.recalculated | ${auditedMs === undefined ? `not done (${audited}/${ITEMS}; ${projected(audited)})` : seconds(auditedMs)} | ${auditedMs === undefined ? rate(audited, observedMs) : rate(ITEMS, auditedMs)} | ${ratio(auditedMs)} |`,
        `| every read-model deadline non-provisional | ${settledMs === undefined ? `not done (${settled}/${ITEMS}; ${projected(settled)})` : seconds(settledMs)} | ${settledMs === undefined ? rate(settled, observedMs) : rate(ITEMS, settledMs)} | ${ratio(settledMs)} |`,
      ];
      const facts = [
        `- ${ITEMS} open items (drafts of ${CATALOG_ITEM}, 20 working days, formed ${FORMED_FROM} … ${addDays(FORMED_FROM, FORMED_DAYS - 1)}), ${CONCURRENCY} drafts in flight; loaded year ${YEAR}`,
        `- batch: found ${batch.found}, signalled ${batch.signalled}, failed ${batch.failedCount}`,
        `- worker RSS: ${mib(workerAtStart)} at start, ${mib(workerAfterDrafts)} after the drafts, ${mib(workerAtEnd)} at the end`,
        `- Temporal dev server RSS at the end: ${mib(temporalAtEnd)}`,
        `- warning or error lines from worker / API / Temporal: ${worker.noisyLines()} / ${api.noisyLines()} / ${temporalNoisyLines()}`,
        `- machine: ${os.cpus().length} cores, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`,
        `- run ${startedAt.toISOString()}${complete ? '' : `; INCOMPLETE: stopped waiting after ${seconds(observedMs)} (BENCH_TIMEOUT_SECONDS=${RECALCULATION_TIMEOUT_S})`}`,
      ];
      process.stdout.write(`\n${rows.join('\n')}\n\n${facts.join('\n')}\n\n`);
      const resultsDir = path.join(projectRoot, 'bench', 'results');
      mkdirSync(resultsDir, { recursive: true });
      writeFileSync(
        path.join(resultsDir, 'year-load-latest.md'),
        `# Year load: recomputing ${ITEMS} open items\n\nnpm run bench:year-load (BENCH_ITEMS=${ITEMS})\n\n${rows.join('\n')}\n\n${facts.join('\n')}\n`,
      );
      if (!complete) process.exitCode = 2;
    } finally {
      await connection?.close().catch(() => undefined);
      await stopChildren();
    }
  });
}

runBenchmark(main);
