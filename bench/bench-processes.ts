/**
 * The processes a benchmark starts and what /proc says about them: the Temporal dev server and the system's
 * node processes (worker, API, the lifecycle benchmark's bare worker and raw server) on fresh data dirs and
 * free ports, resident memory of one process, and CPU seconds of the whole process tree under the benchmark
 * (PostgreSQL's backends, the Temporal server, the workers, the API, the raw server and the benchmark itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { projectRoot, type AppConfig } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { findFreePort, resolveToolBinary, startManagedProcess, startTemporalDevServer, TEMPORAL_CLI, type ManagedProcess } from '@zwgk/embedded';
import { log } from './bench-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Prints the first few warnings and errors of a child and counts the rest (a busy server warns of every slow call). */
export function quietLog(name: string): { log: (line: string) => void; count: () => number } {
  let noisy = 0;
  return {
    log: (line) => {
      if (/\b(WARN|ERROR|error|panic)\b/.test(line) && ++noisy <= 5) log(`  ${name}: ${line.slice(0, 300)}`);
    },
    count: () => noisy,
  };
}

export type NodeChild = ManagedProcess & { waitFor(pattern: RegExp, timeoutMs: number): Promise<void>; noisyLines(): number };

/** A child node process running a TypeScript entry through @swc-node/register; its output is kept, not printed. */
export function startNode(name: string, entry: string, env: NodeJS.ProcessEnv): NodeChild {
  const recent: string[] = [];
  let ready: RegExp | undefined;
  let seen = false;
  const quiet = quietLog(name);
  const child = startManagedProcess(name, process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: projectRoot,
    env,
    log: (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (ready?.test(line)) seen = true;
      quiet.log(line);
    },
  });
  const waitFor = async (pattern: RegExp, timeoutMs: number) => {
    ready = pattern;
    seen = recent.some((line) => pattern.test(line));
    const deadline = Date.now() + timeoutMs;
    while (!seen) {
      if (child.child.exitCode !== null) throw new Error(`${name} exited:\n${recent.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`${name} did not print ${pattern} within ${timeoutMs / 1000} s:\n${recent.join('\n')}`);
      await sleep(200);
    }
  };
  return Object.assign(child, { waitFor, noisyLines: quiet.count });
}

/**
 * A Temporal dev server of the benchmark's own, persisted under `dataDir`, on free ports, with the project's
 * search attributes. Its warnings are counted, the first few printed: a busy server warns of every slow call.
 */
export async function startBenchTemporal(options: { readonly config: AppConfig; readonly dataDir: string; readonly dynamicConfig?: Record<string, unknown> }): Promise<{ temporal: ManagedProcess; address: string; noisyLines: () => number }> {
  const cli = await resolveToolBinary(TEMPORAL_CLI, options.config.toolsDir, { log });
  const [port, uiPort] = [await findFreePort(), await findFreePort()];
  log(`starting the Temporal dev server on port ${port}, data in ${options.dataDir}`);
  const quiet = quietLog('temporal');
  const temporal = await startTemporalDevServer({
    cliPath: cli,
    dataDir: options.dataDir,
    port,
    uiPort,
    namespace: 'default',
    searchAttributes: CUSTOM_SEARCH_ATTRIBUTES,
    log: quiet.log,
    ...(options.dynamicConfig ? { dynamicConfig: options.dynamicConfig } : {}),
  });
  return { temporal, address: `127.0.0.1:${port}`, noisyLines: quiet.count };
}

/**
 * The environment of the system's processes as `npm start` runs them, against the benchmark's database and
 * Temporal server. No prebuilt workflow bundle: a worker bundles the workflows of this checkout.
 */
export function systemEnv(options: { readonly databaseUrl: string; readonly temporalAddress: string; readonly taskQueue: string; readonly dataDir: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    ZWGK_DATA_DIR: options.dataDir,
    ZWGK_PARENT_PID: String(process.pid),
    AUTH_MODE: 'dev',
    HOST: '127.0.0.1',
  };
  delete env.ZWGK_WORKFLOW_BUNDLE;
  return env;
}

/** Resident and peak resident memory of a process in MiB, from /proc (Linux); undefined once it is gone. */
export function memoryOf(pid: number | undefined): { rssMiB: number; peakMiB: number } | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in MiB; undefined once it is gone. */
export const rssMiB = (pid: number | undefined): number | undefined => memoryOf(pid)?.rssMiB;

const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

interface ProcStat {
  readonly ppid: number;
  /** utime + stime + cutime + cstime: the process and its children already reaped (PostgreSQL's finished backends). */
  readonly ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the state (field 3): ppid is field 4, utime..cstime are fields 14..17.
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by this process and every descendant, alive or reaped. */
export function treeCpuSeconds(root = process.pid): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / CLOCK_TICKS;
}

/** The pids of a process's descendants whose command name matches (PostgreSQL's postmaster, say). */
export function descendantsNamed(root: number, name: RegExp): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      if (!name.test(comm)) continue;
      // Walk up to the root.
      for (let pid = Number(entry), hops = 0; pid > 1 && hops < 20; hops++) {
        if (pid === root) {
          found.push(Number(entry));
          break;
        }
        pid = readStat(pid)?.ppid ?? 0;
      }
    } catch {
      continue;
    }
  }
  return found;
}

/**
 * CPU seconds so far of each thread of one process, summed by thread name (`/proc/<pid>/task/*`): a Node
 * process's main thread is `node`, its worker threads and libuv's pool have their own names, and the
 * Temporal worker's Rust core runs on `tokio-runtime-w` threads.
 */
export function threadCpuSeconds(pid: number | undefined): Record<string, number> {
  const byName: Record<string, number> = {};
  if (!pid) return byName;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of tids) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      byName[name] = (byName[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      continue;
    }
  }
  return byName;
}

/** The difference of two readings of `threadCpuSeconds` (or of any name → seconds map). */
export function cpuDelta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([name, seconds]) => [name, seconds - (before[name] ?? 0)]));
}
