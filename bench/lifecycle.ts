/**
 * The item lifecycle benchmark: every figure a ratio against a bare Temporal baseline measured in the same
 * run (bench/README.md says what each one means and how to read it).
 *
 * One process starts everything on fresh data dirs and free ports: embedded PostgreSQL (migrated, demo seed),
 * a Temporal dev server, the project's worker and API, the bare worker (bench/lifecycle/bare-worker.ts, its
 * own task queue) and the raw node:http server (bench/lifecycle/raw-server.ts). Then, project and bare
 * interleaved round by round so that the machine's load weighs on both alike:
 *
 * 1. decision latency: items one at a time; each POST /api/tasks/:id/complete and the next task's
 *    appearance in GET /api/tasks, against the bare workflow's Update round trip;
 * 2. throughput: items through the whole journey at 8 and 16 in flight, items/s and CPU seconds per item
 *    (the whole process tree, from /proc);
 * 3. scale: RSS of the worker, the API and Temporal with N items in progress and the released ones;
 * 4. read path: the inbox and the portal list under autocannon, the API against the raw server;
 * 5. timer lag: N timers of the project's DueTime pattern and N bare sleeps due within one window.
 *
 * npm run bench:lifecycle -- --quick          a few minutes
 * npm run bench:lifecycle                     the default counts
 * npm run bench:lifecycle -- --in-progress 10000 --released 100000 --timers 10000
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { loadConfig, projectRoot } from '@zwgk/config';
import { disclosureItemWorkflowId } from '@zwgk/contracts';
import { temporal } from '@temporalio/proto';
import { DEMO_CATALOG_CATEGORIES } from '@zwgk/db';
import { findFreePort, type ManagedProcess } from '@zwgk/embedded';
import { log, runBenchmark, withBenchDatabase } from './bench-support';
import { BARE_TABLES_SQL } from './lifecycle/bare-activities';
import { ApiCaller, bareJourney, inFlight, projectJourney, type DecisionSample, type Journey } from './lifecycle/journeys';
import { cpuDelta, descendantsNamed, rssMiB, startBenchTemporal, startNode, systemEnv, threadCpuSeconds, treeCpuSeconds } from './bench-processes';

interface Options {
  readonly quick: boolean;
  readonly label: string;
  readonly rounds: number;
  readonly batchItems: number;
  readonly latencyItems: number;
  readonly inProgress: number;
  readonly released: number;
  readonly timers: number;
  readonly timerWindowS: number;
  readonly readSeconds: number;
  readonly readRounds: number;
  readonly connections: number;
  readonly sections: ReadonlySet<string>;
  /** Write a CPU profile of the API during the first inbox run here. */
  readonly profileApi?: string;
  /** Write CPU profiles of the project's API and worker during its first throughput batch into this folder. */
  readonly profileJourney?: string;
  /** Run the dev server with eager activity dispatch (system.enableActivityEagerExecution), for both sides. */
  readonly eagerActivities: boolean;
}

const SECTIONS = ['latency', 'throughput', 'scale', 'read', 'timers'] as const;

function parseOptions(argv: readonly string[]): Options {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'quick' || name === 'eager-activities') flags.set(name, 'true');
    else flags.set(name, inline ?? argv[++i] ?? '');
  }
  const known = new Set(['quick', 'label', 'rounds', 'items', 'latency-items', 'in-progress', 'released', 'timers', 'timer-window', 'read-seconds', 'read-rounds', 'connections', 'only', 'profile-api', 'profile-journey', 'eager-activities']);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name} (known: ${[...known].map((k) => `--${k}`).join(' ')})`);
  const quick = flags.has('quick');
  const int = (name: string, fallback: number) => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${raw}"`);
    return value;
  };
  if (flags.has('profile-api') && flags.has('profile-journey')) throw new Error('--profile-api and --profile-journey both profile the API: give one of them');
  const only = flags.get('only')?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
  for (const section of only) if (!(SECTIONS as readonly string[]).includes(section)) throw new Error(`--only takes ${SECTIONS.join(',')}, got "${section}"`);
  return {
    quick,
    label: flags.get('label') ?? (quick ? 'quick-latest' : 'latest'),
    rounds: int('rounds', quick ? 1 : 3),
    batchItems: int('items', quick ? 24 : 100),
    latencyItems: int('latency-items', quick ? 6 : 20),
    inProgress: int('in-progress', quick ? 100 : 1000),
    released: int('released', 0),
    timers: int('timers', quick ? 300 : 2000),
    timerWindowS: int('timer-window', quick ? 20 : 60),
    readSeconds: int('read-seconds', quick ? 4 : 10),
    readRounds: int('read-rounds', quick ? 2 : 3),
    connections: int('connections', 10),
    sections: new Set(only),
    eagerActivities: flags.has('eager-activities'),
    ...(flags.get('profile-api') ? { profileApi: path.resolve(flags.get('profile-api')!) } : {}),
    ...(flags.get('profile-journey') ? { profileJourney: path.resolve(flags.get('profile-journey')!) } : {}),
  };
}

const CATALOG_ITEM = 'EDU-001';
const DRAFTER = 'edu.drafter';
/**
 * The day the items are formed: today in China. A fixed day in the past made every item's statutory release
 * deadline already due at its creation, so each journey also ran the overdue path (the release-overdue
 * write, its audit row and two notices: four activities the bare journey has no counterpart for). Formed
 * today, the deadline is some twenty working days ahead and the journey is the ordinary one.
 */
const FORMED_AT = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const PROJECT_TASK_QUEUE = 'bench-lifecycle';
const BARE_TASK_QUEUE = 'bench-lifecycle-bare';

/** Below this many items per kind, an RSS slope is mostly the heap's warm-up and GC timing: nothing to extrapolate from. */
const MIN_ITEMS_FOR_SLOPE = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile of a sample. */
function pct(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const median = (values: readonly number[]) => pct(values, 0.5);
const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);

interface Row {
  readonly section: string;
  readonly measure: string;
  readonly project: string;
  readonly bare: string;
  readonly ratio: number;
  readonly target?: string;
  readonly note?: string;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  log(`lifecycle benchmark (${options.quick ? 'quick' : 'default'}), sections ${[...options.sections].join(', ')}; ${os.cpus().length} cores, load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  const rows: Row[] = [];
  const facts: string[] = [];
  const json: Record<string, unknown> = { startedAt: startedAt.toISOString(), options: { ...options, sections: [...options.sections] } };

  await withBenchDatabase({ categories: DEMO_CATALOG_CATEGORIES }, async ({ db, url, dataDir }) => {
    const serversDir = `${dataDir}-servers`;
    const removeServersDir = () => rmSync(serversDir, { recursive: true, force: true });
    process.once('exit', removeServersDir);
    const children: ManagedProcess[] = [];
    process.once('SIGINT', () => {
      for (const child of children) child.child.kill('SIGTERM');
    });
    let connection: Connection | undefined;
    try {
      await db.query(BARE_TABLES_SQL);
      mkdirSync(serversDir, { recursive: true });
      const [apiPort, rawPort] = [await findFreePort(), await findFreePort()];
      if (options.eagerActivities) log('eager activity dispatch on');
      const { temporal, address: temporalAddress, noisyLines: temporalNoisyLines } = await startBenchTemporal({
        config,
        dataDir: serversDir,
        ...(options.eagerActivities ? { dynamicConfig: { 'system.enableActivityEagerExecution': true } } : {}),
      });
      children.push(temporal);
      const env: NodeJS.ProcessEnv = {
        ...systemEnv({ databaseUrl: url, temporalAddress, taskQueue: PROJECT_TASK_QUEUE, dataDir: serversDir }),
        // As deployed (NODE_ENV=production's default): JSON lines, not the pretty lines of a developer's terminal.
        LOG_FORMAT: 'json',
      };
      log('starting the project worker and API, the bare worker and the raw server (the workers bundle their workflows)');
      const hook = (file: string) => ({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(projectRoot, 'bench', 'lifecycle', 'cpu-profile-hook.js')}`, BENCH_CPU_PROFILE: file });
      if (options.profileJourney) mkdirSync(options.profileJourney, { recursive: true });
      const worker = startNode('worker', 'apps/worker/src/main.ts', { ...env, ...(options.profileJourney ? hook(path.join(options.profileJourney, 'worker-journey.cpuprofile')) : {}) });
      children.push(worker);
      const bareWorker = startNode('bare-worker', 'bench/lifecycle/bare-worker.ts', { ...env, BENCH_BARE_TASK_QUEUE: BARE_TASK_QUEUE });
      children.push(bareWorker);
      const profiling = options.profileApi ? hook(options.profileApi) : options.profileJourney ? hook(path.join(options.profileJourney, 'api-journey.cpuprofile')) : {};
      const api = startNode('api', 'apps/api/src/main.ts', { ...env, PORT: String(apiPort), ...profiling });
      children.push(api);
      const raw = startNode('raw-server', 'bench/lifecycle/raw-server.ts', { ...env, PORT: String(rawPort) });
      children.push(raw);
      await Promise.all([
        worker.waitFor(/Polling task queue/, 300_000),
        bareWorker.waitFor(/bare worker polling/, 300_000),
        api.waitFor(/API listening/, 300_000),
        raw.waitFor(/raw server listening/, 120_000),
      ]);
      const stopped = () => children.find((child) => child.child.exitCode !== null || child.child.signalCode !== null);
      const checkAlive = () => {
        const gone = stopped();
        if (gone) throw new Error(`${gone.name} exited during the run`);
      };
      const memory = () => ({ worker: rssMiB(worker.child.pid), api: rssMiB(api.child.pid), temporal: rssMiB(temporal.child.pid), bareWorker: rssMiB(bareWorker.child.pid), raw: rssMiB(raw.child.pid) });
      // CPU seconds so far by process (each with its children: PostgreSQL's backends under the postmaster).
      const postmaster = () => descendantsNamed(process.pid, /^postgres$/).sort((a, b) => treeCpuSeconds(b) - treeCpuSeconds(a))[0];
      const cpuByProcess = () => {
        const parts: Record<string, number> = {
          worker: treeCpuSeconds(worker.child.pid),
          api: treeCpuSeconds(api.child.pid),
          temporal: treeCpuSeconds(temporal.child.pid),
          postgres: treeCpuSeconds(postmaster()),
          bareWorker: treeCpuSeconds(bareWorker.child.pid),
          raw: treeCpuSeconds(raw.child.pid),
        };
        const all = treeCpuSeconds();
        return { ...parts, benchmark: all - Object.values(parts).reduce((a, b) => a + b, 0) };
      };
      const memoryAtStart = memory();
      let midReleased: { memory: ReturnType<typeof memory>; released: number } | undefined;
      log(`system up; RSS MiB ${JSON.stringify(roundAll(memoryAtStart))}`);

      const apiCaller = new ApiCaller(`http://127.0.0.1:${apiPort}/api`);
      connection = await Connection.connect({ address: temporalAddress });
      const client = new TemporalClient({ connection, namespace: 'default' });
      const users: { username: string; roles: string[] }[] = (await db.query(`SELECT username, roles FROM users WHERE department_code = 'edu' AND active ORDER BY username`)).rows;
      const deciderOf = (role: string) => {
        const user = users.find((candidate) => candidate.username !== DRAFTER && candidate.roles.includes(role));
        if (!user) throw new Error(`nobody in edu holds the role ${role}`);
        return user.username;
      };
      const runId = String(process.pid);
      let projectIndex = 0;
      let bareIndex = 0;
      let releasedProject = 0;
      let releasedBare = 0;
      const project = (extra: { timeVisibility?: boolean; stopAfterSubmit?: boolean } = {}) => (index: number) => {
        checkAlive();
        return projectJourney(index, { api: apiCaller, drafter: DRAFTER, deciderOf, catalogItemCode: CATALOG_ITEM, formedAt: FORMED_AT, ...extra });
      };
      // The bare chain is the project's: read from the first item's submit.
      const probe = await project({ stopAfterSubmit: false })(projectIndex++);
      releasedProject++;
      const stages = probe.reviewChain ?? [...new Set(probe.decisions.map((d) => d.stage))];
      facts.push(`- review chain of ${CATALOG_ITEM} (the bare workflow runs the same stages): ${stages.join(' → ')}`);
      const bare = (extra: { stopAfterSubmit?: boolean } = {}) => (index: number) => {
        checkAlive();
        return bareJourney(index, { client, taskQueue: BARE_TASK_QUEUE, stages, runId, ...extra });
      };
      await bare()(bareIndex++); // warm-up of the bare path too
      releasedBare++;

      // 1. Decision latency: one item at a time, project and bare alternating.
      if (options.sections.has('latency')) {
        log(`decision latency: ${options.latencyItems} items each, one at a time, alternating`);
        const projectDecisions: DecisionSample[] = [];
        const bareDecisions: DecisionSample[] = [];
        let lastProjectItem = '';
        let lastBareIndex = 0;
        for (let i = 0; i < options.latencyItems; i++) {
          const journey = await project({ timeVisibility: true })(projectIndex++);
          projectDecisions.push(...journey.decisions);
          lastProjectItem = journey.itemId;
          lastBareIndex = bareIndex;
          bareDecisions.push(...(await bare()(bareIndex++)).decisions);
        }
        // Where a decision's time goes: the event history of the last item of each side, with the gaps between events.
        const projectTimeline = await historyTimeline(client, disclosureItemWorkflowId(lastProjectItem));
        const bareTimeline = await historyTimeline(client, `bench-bare-item-bare-${runId}-${lastBareIndex}`);
        json.timelines = { project: projectTimeline, bare: bareTimeline };
        facts.push(`- history of one released item: project ${projectTimeline.length} events, ${projectTimeline.filter((e) => e.type === 'ActivityTaskScheduled').length} activities (${projectTimeline.flatMap((e) => (e.activity && e.type === 'ActivityTaskScheduled' ? [e.activity] : [])).join(', ')}); bare ${bareTimeline.length} events, ${bareTimeline.filter((e) => e.type === 'ActivityTaskScheduled').length} activities`);
        facts.push(`- the last decision (签发) in the project's history, ms after the previous event: ${lastDecision(projectTimeline)}`);
        facts.push(`- the last decision in the bare history: ${lastDecision(bareTimeline)}`);
        releasedProject += options.latencyItems;
        releasedBare += options.latencyItems;
        const nonFinal = (samples: DecisionSample[]) => samples.filter((s) => !s.final);
        const final = (samples: DecisionSample[]) => samples.filter((s) => s.final);
        const bareNonFinal = nonFinal(bareDecisions).map((s) => s.ms);
        const bareFinal = final(bareDecisions).map((s) => s.ms);
        for (const [label, q] of [['p50', 0.5], ['p95', 0.95], ['p99', 0.99]] as const) {
          const p = pct(nonFinal(projectDecisions).map((s) => s.ms), q);
          const b = pct(bareNonFinal, q);
          rows.push({ section: 'decision latency', measure: `POST complete ${label}, review stages (${stages.slice(0, -1).join(', ')})`, project: `${f(p, 0)} ms`, bare: `${f(b, 0)} ms`, ratio: ratio(p, b), ...(label === 'p50' ? { target: '≤ 2' } : {}) });
        }
        for (const [label, q] of [['p50', 0.5], ['p95', 0.95], ['p99', 0.99]] as const) {
          const p = pct(final(projectDecisions).map((s) => s.ms), q);
          const b = pct(bareFinal, q);
          rows.push({ section: 'decision latency', measure: `POST complete ${label}, ${stages[stages.length - 1]} (签发, until released)`, project: `${f(p, 0)} ms`, bare: `${f(b, 0)} ms`, ratio: ratio(p, b), ...(label === 'p50' ? { target: '≤ 2' } : {}) });
        }
        const visible = projectDecisions.flatMap((s) => (s.visibleMs === undefined ? [] : [s.visibleMs]));
        for (const [label, q] of [['p50', 0.5], ['p95', 0.95], ['p99', 0.99]] as const) {
          const p = pct(visible, q);
          const b = pct(bareNonFinal, q);
          rows.push({ section: 'decision latency', measure: `next task visible in GET /api/tasks ${label}`, project: `${f(p, 0)} ms`, bare: `${f(b, 0)} ms (Update)`, ratio: ratio(p, b) });
        }
        facts.push(`- latency: ${projectDecisions.length} project decisions and ${bareDecisions.length} bare Updates (${options.latencyItems} items each, one item in flight)`);
        json.latency = { projectDecisions, bareDecisions };
      }

      // 2. Throughput and CPU per item, at 8 and 16 in flight.
      if (options.sections.has('throughput')) {
        const perConcurrency: Record<number, { project: { rate: number; cpu: number }[]; bare: { rate: number; cpu: number }[] }> = {};
        const cpuSplits: Record<string, { split: Record<string, number>; workerThreads: Record<string, number> }[]> = {};
        for (let round = 0; round < options.rounds; round++) {
          for (const lanes of [8, 16]) {
            const entry = (perConcurrency[lanes] ??= { project: [], bare: [] });
            // Alternate who goes first, round by round.
            const order = (round + lanes / 8) % 2 === 0 ? (['project', 'bare'] as const) : (['bare', 'project'] as const);
            for (const side of order) {
              const profileThisBatch = options.profileJourney !== undefined && side === 'project' && round === 0 && lanes === 16;
              if (profileThisBatch) for (const child of [api, worker]) child.child.kill('SIGUSR2');
              const cpu0 = treeCpuSeconds();
              const split0 = cpuByProcess();
              const threads0 = threadCpuSeconds((side === 'project' ? worker : bareWorker).child.pid);
              const t0 = Date.now();
              const first = side === 'project' ? projectIndex : bareIndex;
              const journeys: Journey[] = await inFlight(options.batchItems, lanes, side === 'project' ? project() : bare(), first);
              const seconds = (Date.now() - t0) / 1000;
              const cpu = treeCpuSeconds() - cpu0;
              if (profileThisBatch) {
                for (const child of [api, worker]) child.child.kill('SIGUSR2');
                await sleep(2000);
                log(`  CPU profiles of the API and the worker during this batch written to ${options.profileJourney}`);
              }
              const perItem = (seconds: number) => Math.round((seconds * 1000) / journeys.length);
              const split = Object.fromEntries(Object.entries(cpuDelta(cpuByProcess(), split0)).map(([name, seconds]) => [name, perItem(seconds)]));
              const threads = Object.fromEntries(Object.entries(cpuDelta(threadCpuSeconds((side === 'project' ? worker : bareWorker).child.pid), threads0)).filter(([, s]) => s > 0).map(([name, seconds]) => [name, perItem(seconds)]));
              (cpuSplits[`${side} ${lanes}`] ??= []).push({ split, workerThreads: threads });
              if (side === 'project') {
                projectIndex += options.batchItems;
                releasedProject += journeys.length;
              } else {
                bareIndex += options.batchItems;
                releasedBare += journeys.length;
              }
              const sample = { rate: journeys.length / seconds, cpu: cpu / journeys.length };
              entry[side].push(sample);
              log(`  round ${round + 1}, ${lanes} in flight, ${side}: ${journeys.length} items in ${f(seconds)} s = ${f(sample.rate, 2)} items/s, ${f(sample.cpu, 3)} CPU s/item (load ${os.loadavg()[0]!.toFixed(1)})`);
              log(`    CPU ms per item by process ${JSON.stringify(split)}; ${side} worker by thread ${JSON.stringify(threads)}`);
            }
          }
        }
        for (const lanes of [8, 16]) {
          const entry = perConcurrency[lanes]!;
          const p = median(entry.project.map((s) => s.rate));
          const b = median(entry.bare.map((s) => s.rate));
          const perRound = entry.project.map((s, i) => f(ratio(s.rate, entry.bare[i]!.rate), 2)).join(', ');
          rows.push({ section: 'throughput', measure: `items/s through the whole journey, ${lanes} in flight`, project: f(p, 2), bare: f(b, 2), ratio: ratio(p, b), target: '≥ 0.6', note: `rounds: ${perRound}` });
        }
        for (const lanes of [8, 16]) {
          const entry = perConcurrency[lanes]!;
          const p = median(entry.project.map((s) => s.cpu));
          const b = median(entry.bare.map((s) => s.cpu));
          rows.push({ section: 'throughput', measure: `CPU seconds per item, all processes, ${lanes} in flight`, project: f(p, 3), bare: f(b, 3), ratio: ratio(p, b), target: '≤ 1.5' });
        }
        facts.push(`- throughput: ${options.rounds} round(s) of ${options.batchItems} items per side and concurrency; medians; the ratio column is median ÷ median`);
        for (const [key, samples] of Object.entries(cpuSplits)) {
          facts.push(`- CPU ms per item by process, ${key} in flight (first round): ${Object.entries(samples[0]!.split).map(([name, ms]) => `${name} ${ms}`).join(', ')}; its worker by thread: ${Object.entries(samples[0]!.workerThreads).map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
        }
        json.throughput = { ...perConcurrency, cpuSplits };
      }

      // 3. Scale: the released ones (topped up to --released), then N in progress.
      if (options.sections.has('scale')) {
        if (options.released > releasedProject) {
          const more = options.released - releasedProject;
          log(`scale: releasing ${more} more items through the journey, 16 in flight (project and bare)`);
          const half = releasedProject + Math.floor(more / 2);
          for (let done = 0; done < more; ) {
            const batch = Math.min(200, more - done);
            await inFlight(batch, 16, project(), projectIndex);
            projectIndex += batch;
            await inFlight(batch, 16, bare(), bareIndex);
            bareIndex += batch;
            done += batch;
            releasedProject += batch;
            releasedBare += batch;
            log(`  released ${releasedProject}`);
            // Half-way: the slope per released item is taken over the second half only, the first being the
            // processes' warm-up (heaps growing to their working size), not a cost of the items released.
            if (!midReleased && releasedProject >= half && done < more) {
              await sleep(2000);
              midReleased = { memory: memory(), released: releasedProject };
            }
          }
        }
        await sleep(2000);
        const afterReleased = memory();
        log(`scale: ${releasedProject} released; starting ${options.inProgress} items in progress per side (drafted and submitted, 16 in flight)`);
        await inFlight(options.inProgress, 16, project({ stopAfterSubmit: true }), projectIndex);
        projectIndex += options.inProgress;
        await inFlight(options.inProgress, 16, bare({ stopAfterSubmit: true }), bareIndex);
        bareIndex += options.inProgress;
        await sleep(2000);
        const afterInProgress = memory();
        const perInProgress = (key: 'worker' | 'bareWorker' | 'temporal' | 'api') => (afterInProgress[key]! - afterReleased[key]!) / Math.max(1, options.inProgress);
        const releasedFrom = midReleased ?? { memory: memoryAtStart, released: 0 };
        const perReleased = (key: 'worker' | 'bareWorker' | 'temporal' | 'api') => (afterReleased[key]! - releasedFrom.memory[key]!) / Math.max(1, releasedProject - releasedFrom.released);
        const label = `${options.inProgress} in progress, ${releasedProject} released`;
        rows.push({ section: 'scale', measure: `worker RSS, ${label}`, project: `${f(afterInProgress.worker!, 0)} MiB`, bare: `${f(afterInProgress.bareWorker!, 0)} MiB`, ratio: ratio(afterInProgress.worker!, afterInProgress.bareWorker!) });
        rows.push({ section: 'scale', measure: `Temporal RSS, ${label} (one server for both sides)`, project: `${f(afterInProgress.temporal!, 0)} MiB`, bare: '—', ratio: NaN });
        rows.push({ section: 'scale', measure: `API RSS, ${label} (raw server beside it)`, project: `${f(afterInProgress.api!, 0)} MiB`, bare: `${f(afterInProgress.raw!, 0)} MiB`, ratio: ratio(afterInProgress.api!, afterInProgress.raw!) });
        rows.push({
          section: 'scale',
          measure: 'worker RSS per item in progress (measured slope)',
          project: `${f(perInProgress('worker') * 1024, 0)} KiB`,
          bare: `${f(perInProgress('bareWorker') * 1024, 0)} KiB`,
          ratio: ratio(perInProgress('worker'), perInProgress('bareWorker')),
        });
        rows.push({
          section: 'scale',
          measure: `worker RSS per released item (measured slope${midReleased ? `, released ${midReleased.released + 1}–${releasedProject}` : ''})`,
          project: `${f(perReleased('worker') * 1024, 0)} KiB`,
          bare: `${f(perReleased('bareWorker') * 1024, 0)} KiB`,
          ratio: ratio(perReleased('worker'), perReleased('bareWorker')),
        });
        const enoughForSlopes = options.inProgress >= MIN_ITEMS_FOR_SLOPE && releasedProject - releasedFrom.released >= MIN_ITEMS_FOR_SLOPE;
        if (!enoughForSlopes) {
          facts.push(`- scale: no extrapolation to 10,000 in progress and 100,000 released: slopes from fewer than ${MIN_ITEMS_FOR_SLOPE} items of each are mostly warm-up and GC noise (run with --in-progress 1000 --released 1000 or more)`);
        } else if (options.inProgress < 10_000 || releasedProject < 100_000) {
          // From the point measured, a straight line for the items not run; the worker's workflow cache bounds the real figure (see the README).
          const at = (key: 'worker' | 'bareWorker' | 'temporal', inProgress: number, released: number) =>
            afterInProgress[key]! + perInProgress(key) * Math.max(0, inProgress - options.inProgress) + perReleased(key) * Math.max(0, released - releasedProject);
          rows.push({
            section: 'scale',
            measure: `worker RSS, 10,000 in progress + 100,000 released — EXTRAPOLATED linearly from ${options.inProgress} in progress and ${releasedProject} released, with the slopes above`,
            project: `${f(at('worker', 10_000, 100_000) / 1024, 2)} GiB`,
            bare: `${f(at('bareWorker', 10_000, 100_000) / 1024, 2)} GiB`,
            ratio: ratio(at('worker', 10_000, 100_000), at('bareWorker', 10_000, 100_000)),
            target: 'project < 1 GiB',
            note: 'extrapolated, not measured',
          });
          rows.push({
            section: 'scale',
            measure: 'Temporal RSS, 10,000 + 100,000 of each — EXTRAPOLATED',
            project: `${f(memoryAtStart.temporal! / 1024 + ((afterInProgress.temporal! - memoryAtStart.temporal!) / 1024) * ((10_000 + 100_000) / (options.inProgress + releasedProject)), 2)} GiB`,
            bare: '—',
            ratio: NaN,
            note: 'extrapolated from both sides\' items together',
          });
        }
        facts.push(`- scale: RSS MiB at start ${JSON.stringify(roundAll(memoryAtStart))}; after ${releasedProject} project and ${releasedBare} bare released ${JSON.stringify(roundAll(afterReleased))}; after ${options.inProgress} more in progress per side ${JSON.stringify(roundAll(afterInProgress))}`);
        json.scale = { memoryAtStart, afterReleased, afterInProgress, releasedProject, releasedBare, inProgress: options.inProgress };
      }

      // 4. Read path: the API against the raw server, same queries, same data, same token.
      if (options.sections.has('read')) {
        if (!options.sections.has('scale')) {
          // The inbox needs open tasks: the scale section leaves them, else start them here.
          log(`read path: starting ${options.inProgress} items in progress for the inbox`);
          await inFlight(options.inProgress, 16, project({ stopAfterSubmit: true }), projectIndex);
          projectIndex += options.inProgress;
        }
        const reviewer = deciderOf('reviewer');
        const token = await apiCaller.token(reviewer);
        const openTasks = Number((await db.query(`SELECT count(*)::int AS n FROM review_tasks WHERE state = 'open' AND department_code = 'edu'`)).rows[0].n);
        const released = Number((await db.query(`SELECT count(*)::int AS n FROM disclosure_items WHERE state = 'RELEASED'`)).rows[0].n);
        const targets = [
          { name: 'inbox', path: '/api/tasks', headers: { authorization: `Bearer ${token}` } as Record<string, string> },
          { name: 'portal list', path: '/api/public/items', headers: {} as Record<string, string> },
        ];
        const results: Record<string, { nest: number[]; raw: number[]; nestP99: number[]; rawP99: number[]; nestCpuUs: number[]; rawCpuUs: number[] }> = {};
        // Sanity: the two servers answer the same page.
        for (const target of targets) {
          const [a, b] = await Promise.all([apiPort, rawPort].map(async (port) => (await fetch(`http://127.0.0.1:${port}${target.path}`, { headers: target.headers })).json()));
          const count = (body: any) => (body.items as unknown[]).length;
          if (count(a) !== count(b)) throw new Error(`${target.name}: the API answered ${count(a)} items, the raw server ${count(b)}`);
        }
        log(`read path: ${options.readRounds} round(s) of ${options.readSeconds} s per target and server, ${options.connections} connections (${openTasks} open edu tasks, ${released} released)`);
        for (let round = 0; round < options.readRounds; round++) {
          for (const target of targets) {
            const entry = (results[target.name] ??= { nest: [], raw: [], nestP99: [], rawP99: [], nestCpuUs: [], rawCpuUs: [] });
            const order = round % 2 === 0 ? (['nest', 'raw'] as const) : (['raw', 'nest'] as const);
            for (const side of order) {
              const port = side === 'nest' ? apiPort : rawPort;
              const profileThisRun = options.profileApi !== undefined && round === 0 && side === 'nest' && target.name === 'inbox';
              if (profileThisRun) api.child.kill('SIGUSR2');
              const server = side === 'nest' ? api : raw;
              const cpu0 = treeCpuSeconds(server.child.pid);
              const result = await autocannon({ url: `http://127.0.0.1:${port}${target.path}`, connections: options.connections, duration: options.readSeconds, headers: target.headers });
              if (profileThisRun) {
                api.child.kill('SIGUSR2');
                await sleep(2000);
                log(`  CPU profile of the API's inbox run written to ${options.profileApi}`);
              }
              if (result.non2xx || result.errors) throw new Error(`${target.name} on ${side}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
              // CPU per request of the server process: steadier than requests/s on a machine others load too.
              const cpuUs = ((treeCpuSeconds(server.child.pid) - cpu0) * 1e6) / Math.max(1, result.requests.total);
              entry[side].push(result.requests.average);
              entry[side === 'nest' ? 'nestP99' : 'rawP99'].push(result.latency.p99);
              entry[side === 'nest' ? 'nestCpuUs' : 'rawCpuUs'].push(cpuUs);
              log(`  round ${round + 1} ${target.name} ${side}: ${f(result.requests.average, 0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${f(cpuUs, 0)} µs CPU per request`);
            }
          }
        }
        for (const target of targets) {
          const entry = results[target.name]!;
          const n = median(entry.nest);
          const r = median(entry.raw);
          rows.push({
            section: 'read path',
            measure: `${target.name} (GET ${target.path}) requests/s, Nest ÷ raw node:http`,
            project: f(n, 0),
            bare: f(r, 0),
            ratio: ratio(n, r),
            ...(target.name === 'inbox' ? { target: '≥ 0.8' } : {}),
            note: `p99 ${f(median(entry.nestP99), 0)} ms vs ${f(median(entry.rawP99), 0)} ms; rounds ${entry.nest.map((v, i) => f(ratio(v, entry.raw[i]!), 2)).join(', ')}`,
          });
          const nestCpu = median(entry.nestCpuUs);
          const rawCpu = median(entry.rawCpuUs);
          rows.push({
            section: 'read path',
            measure: `${target.name} server CPU per request, raw ÷ Nest (the same ratio as requests/s on an idle machine)`,
            project: `${f(nestCpu, 0)} µs`,
            bare: `${f(rawCpu, 0)} µs`,
            ratio: ratio(rawCpu, nestCpu),
            ...(target.name === 'inbox' ? { target: '≥ 0.8' } : {}),
            note: `rounds ${entry.nestCpuUs.map((v, i) => f(ratio(entry.rawCpuUs[i]!, v), 2)).join(', ')}`,
          });
        }
        facts.push(`- read path: inbox of ${reviewer} (first page of 50 of ${openTasks} open edu tasks), portal first page of ${released} released; ${options.connections} connections, ${options.readSeconds} s per run, medians of ${options.readRounds}`);
        json.read = results;
      }

      // 5. Timer lag: both patterns due within the same window, starts interleaved.
      if (options.sections.has('timers')) {
        const n = options.timers;
        const startAllowanceMs = 15_000 + 2 * n * 12;
        const windowStart = Date.now() + startAllowanceMs;
        const windowMs = options.timerWindowS * 1000;
        log(`timer lag: ${n} DueTime-pattern and ${n} bare sleep timers due within ${options.timerWindowS} s, from ${new Date(windowStart).toISOString()}`);
        const specs = Array.from({ length: 2 * n }, (_, i) => ({ kind: i % 2 === 0 ? 'due-time' : 'bare', index: Math.floor(i / 2), dueAt: new Date(windowStart + Math.floor(((Math.floor(i / 2) + 0.5) / n) * windowMs)).toISOString() }));
        const t0 = Date.now();
        await inFlight(specs.length, 32, async (i) => {
          const spec = specs[i]!;
          await client.workflow.start(spec.kind === 'bare' ? 'bareSleepTimerWorkflow' : 'dueTimeTimerWorkflow', {
            workflowId: `bench-timer-${runId}-${spec.kind}-${spec.index}`,
            taskQueue: BARE_TASK_QUEUE,
            args: [{ timerId: `${spec.kind}-${spec.index}`, dueAt: spec.dueAt }],
          });
        });
        const startedIn = Date.now() - t0;
        const overran = Date.now() > windowStart;
        log(`  ${specs.length} timer workflows started in ${f(startedIn / 1000)} s${overran ? ' (OVERRAN the start of the window: the first timers were late before they were armed)' : ''}`);
        const giveUpAt = windowStart + windowMs + 120_000;
        for (;;) {
          checkAlive();
          const fired = Number((await db.query(`SELECT count(*)::int AS n FROM bench_timer_fired`)).rows[0].n);
          if (fired >= specs.length || Date.now() > giveUpAt) break;
          await sleep(1000);
        }
        const lags: { kind: string; lag_ms: number }[] = (await db.query(`SELECT kind, extract(epoch FROM fired_at - due_at) * 1000 AS lag_ms FROM bench_timer_fired`)).rows;
        const of = (kind: string) => lags.filter((row) => row.kind === kind).map((row) => Number(row.lag_ms));
        const project = of('due-time');
        const bareLags = of('bare');
        for (const [label, q] of [['p50', 0.5], ['p99', 0.99], ['max', 1]] as const) {
          const p = pct(project, q);
          const b = pct(bareLags, q);
          rows.push({
            section: 'timer lag',
            measure: `lag ${label}, ${n} timers of each kind due within ${options.timerWindowS} s`,
            project: `${f(p, 0)} ms`,
            bare: `${f(b, 0)} ms`,
            ratio: ratio(p, b),
            ...(label === 'p99' ? { target: 'project < 1000 ms' } : {}),
            ...(project.length < n || bareLags.length < n ? { note: `fired ${project.length}/${n} and ${bareLags.length}/${n}` } : {}),
          });
        }
        facts.push(`- timers: the project's DueTime pattern (reminder instant from an activity, a reminder activity, the due activity) vs sleep + the due activity, both on the bare worker; ${2 * n} workflows started in ${f(startedIn / 1000)} s before the window${overran ? ' (overran)' : ''}; lag = when the due activity ran − the due instant`);
        // The lag along the window (by due order, in tenths): a lag that grows through the window means the timers came due faster than the system fired them.
        const alongWindow: { kind: string; tenth: number; p50: number; p99: number }[] = (
          await db.query(
            `SELECT kind, ntile AS tenth, percentile_disc(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99
               FROM (SELECT kind, extract(epoch FROM fired_at - due_at) * 1000 AS lag_ms, ntile(10) OVER (PARTITION BY kind ORDER BY due_at) AS ntile FROM bench_timer_fired) t
              GROUP BY kind, ntile ORDER BY kind, ntile`,
          )
        ).rows.map((row: { kind: string; tenth: number; p50: string; p99: string }) => ({ kind: row.kind, tenth: Number(row.tenth), p50: Math.round(Number(row.p50)), p99: Math.round(Number(row.p99)) }));
        const p50s = (kind: string) => alongWindow.filter((row) => row.kind === kind).map((row) => row.p50).join(', ');
        facts.push(`- timer lag p50 (ms) by tenth of the window, DueTime pattern: ${p50s('due-time')}; bare: ${p50s('bare')}`);
        json.timers = { n, project: { p50: pct(project, 0.5), p99: pct(project, 0.99) }, bare: { p50: pct(bareLags, 0.5), p99: pct(bareLags, 0.99) }, alongWindow };
      }

      facts.push(`- project requests answered 503 (an Update outlived the API's timeout) and sent again with their Idempotency-Key: ${apiCaller.retried} (of which refused 409 while the first attempt still ran: ${apiCaller.conflictsAfterTimeout}); sent again after a connection failed: ${apiCaller.networkRetries}`);
      facts.push(`- warning or error lines, worker / API / bare worker / Temporal: ${worker.noisyLines()} / ${api.noisyLines()} / ${bareWorker.noisyLines()} / ${temporalNoisyLines()}`);
      facts.push(`- Temporal dev server: ${options.eagerActivities ? 'eager activity dispatch ON (--eager-activities)' : 'its defaults'}; the API and worker log JSON lines, as deployed`);
      facts.push(`- machine: ${os.cpus().length} cores; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
      facts.push(`- run ${startedAt.toISOString()}, ${f((Date.now() - startedAt.getTime()) / 60_000)} min, git ${gitHead()}`);
    } finally {
      await connection?.close().catch(() => undefined);
      for (const child of [...children].reverse()) await child.stop(15_000).catch(() => undefined);
      removeServersDir();
    }
  });

  const table = [
    '| section | measure | project | bare / raw | ratio | target |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.section} | ${row.measure}${row.note ? ` (${row.note})` : ''} | ${row.project} | ${row.bare} | ${f(row.ratio, 2)} | ${row.target ?? ''} |`),
  ].join('\n');
  process.stdout.write(`\n${table}\n\n${facts.join('\n')}\n\n`);
  const resultsDir = path.join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const args = process.argv.slice(2).join(' ');
  writeFileSync(path.join(resultsDir, `lifecycle-${options.label}.md`), `# Item lifecycle against bare Temporal\n\n\`npm run bench:lifecycle${args ? ` -- ${args}` : ''}\`\n\n${table}\n\n${facts.join('\n')}\n`);
  writeFileSync(path.join(resultsDir, `lifecycle-${options.label}.json`), `${JSON.stringify({ ...json, rows, facts }, null, 1)}\n`);
  log(`wrote bench/results/lifecycle-${options.label}.md and .json`);
}

interface TimelineEvent {
  readonly type: string;
  /** ms since the previous event. */
  readonly gapMs: number;
  readonly activity?: string;
  readonly update?: string;
}

/** A workflow's history as event types with the time since the previous event. */
async function historyTimeline(client: TemporalClient, workflowId: string): Promise<TimelineEvent[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const names = temporal.api.enums.v1.EventType as unknown as Record<number, string>;
  let previous: number | undefined;
  return (history.events ?? []).map((event) => {
    const at = Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;
    const gapMs = previous === undefined ? 0 : Math.round((at - previous) * 10) / 10;
    previous = at;
    const activity = event.activityTaskScheduledEventAttributes?.activityType?.name ?? undefined;
    const update = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? undefined;
    return { type: (names[event.eventType ?? 0] ?? String(event.eventType)).replace(/^EVENT_TYPE_/, '').toLowerCase().replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase()), gapMs, ...(activity ? { activity } : {}), ...(update ? { update } : {}) };
  });
}

/** The events from the last accepted Update to the end, as "type(+gap)". */
function lastDecision(timeline: readonly TimelineEvent[]): string {
  const from = timeline.map((e) => e.type).lastIndexOf('WorkflowExecutionUpdateAccepted');
  const events = timeline.slice(Math.max(0, from));
  const total = events.slice(1).reduce((sum, e) => sum + e.gapMs, 0);
  return `${f(total, 0)} ms from accepted to the end: ${events.map((e) => `${e.type}${e.activity ? `[${e.activity}]` : ''}(+${f(e.gapMs, 0)})`).join(' ')}`;
}

function roundAll(values: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Math.round(value ?? NaN)]));
}

function gitHead(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: projectRoot }).toString().trim();
  } catch {
    return 'unknown';
  }
}

runBenchmark(main);
