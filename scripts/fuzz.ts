/**
 * `npm run test:fuzz`: schemathesis against the running system, three times (no token, edu.drafter, admin),
 * from the OpenAPI document the API serves. Starts the system the way `npm start` does (scripts/start.ts:
 * embedded PostgreSQL, the Temporal dev server, the worker and the API) on free ports and a fresh data dir,
 * unless ZWGK_FUZZ_API names one already running. Prints the requests sent and the 5xx answered per
 * principal, writes a report under test-output/fuzz/, and exits non-zero on any 5xx or failed check.
 *
 * Settings (environment):
 *   ZWGK_FUZZ_EXAMPLES  examples per operation and phase (default 25; raise it for a longer hunt)
 *   ZWGK_FUZZ_SEED      the seed, so that a run can be repeated (default 20261206)
 *   ZWGK_FUZZ_PHASES    schemathesis phases (default examples,coverage,fuzzing; coverage sends most requests)
 *   ZWGK_FUZZ_API       origin of a running API (http://127.0.0.1:3000) to fuzz instead of starting one
 *   ZWGK_FUZZ_REPORT    report folder (default test-output/fuzz)
 *   ZWGK_FUZZ_WORKERS   concurrent schemathesis workers (default 1)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig, projectRoot } from '@zwgk/config';
import { findFreePort, resolveToolBinary, SCHEMATHESIS, startManagedProcess, toolEnvironment, type ManagedProcess } from '@zwgk/embedded';

/**
 * The checks every run makes. not_a_server_error is the point; the document also declares each route's
 * real statuses, media types and error body, so the conformance checks hold it to that.
 */
export const FUZZ_CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'] as const;

/** Who the fuzzer is: anonymous first, admin last (an admin's run changes users and departments). */
const PRINCIPALS = [
  { name: 'anonymous', username: undefined },
  { name: 'drafter', username: 'edu.drafter' },
  { name: 'admin', username: 'admin' },
] as const;

export interface PrincipalResult {
  principal: string;
  requests: number;
  serverErrors: { method: string; url: string; status: number }[];
  statuses: Record<string, number>;
  /** Schemathesis' exit code: 0 when every check passed. */
  exitCode: number | string;
  /** Schemathesis' closing lines: the failures it found, by kind. */
  summary: string[];
  seconds: number;
}

export interface FuzzReport {
  seed: number;
  examplesPerOperation: number;
  phases: string;
  checks: readonly string[];
  schemathesis: string;
  principals: PrincipalResult[];
  totalRequests: number;
  total5xx: number;
  seconds: number;
}

const say = (line: string) => process.stdout.write(`[fuzz] ${line}\n`);

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return Number(raw);
}

/** `npm start` on its own ports and data dir; resolves with its API origin once it says it is ready. */
async function startSystem(logFile: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zwgk-fuzz-'));
  const [port, postgresPort, temporalPort, uiPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    ZWGK_DATA_DIR: dataDir,
    ZWGK_DEMO_ITEMS: '0',
    ZWGK_WEB_BUILD: '0',
    ZWGK_PARENT_PID: String(process.pid),
    AUTH_MODE: 'dev',
    NO_COLOR: '1',
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const log = createWriteStream(logFile);
  let ready = false;
  const system: ManagedProcess = startManagedProcess('system', process.execPath, ['-r', '@swc-node/register', 'scripts/start.ts'], {
    cwd: projectRoot,
    env,
    stopSignal: 'SIGINT',
    log: (line) => {
      log.write(`${line}\n`);
      if (line.includes('is ready')) ready = true;
    },
  });
  const stop = async () => {
    await system.stop(60_000);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 240_000;
  while (!ready) {
    if (system.child.exitCode !== null || system.child.signalCode !== null) {
      await stop();
      throw new Error(`the system exited before it was ready; see ${logFile}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the system was not ready within 240 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin: `http://127.0.0.1:${port}`, stop };
}

async function devLogin(origin: string, username: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
  if (response.status !== 200) throw new Error(`dev login as ${username} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

interface HarEntry {
  request: { method: string; url: string };
  response: { status: number };
}

/** What schemathesis sent and what came back, from its HAR report. */
function readHar(file: string): HarEntry[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
}

async function fuzzAs(
  binary: string,
  origin: string,
  principal: (typeof PRINCIPALS)[number],
  token: string | undefined,
  settings: { examples: number; seed: number; workers: number; phases: string; reportDir: string },
): Promise<PrincipalResult> {
  const started = Date.now();
  const harFile = path.join(settings.reportDir, `${principal.name}.har.json`);
  const junitFile = path.join(settings.reportDir, `${principal.name}.junit.xml`);
  const logFile = path.join(settings.reportDir, `${principal.name}.log`);
  const args = [
    'run',
    `${origin}/api/docs-json`,
    '--checks',
    FUZZ_CHECKS.join(','),
    '--phases',
    settings.phases,
    '--max-examples',
    String(settings.examples),
    '--seed',
    String(settings.seed),
    // No example database: the same seed sends the same requests, whatever an earlier run found.
    '--generation-database',
    'none',
    '--workers',
    String(settings.workers),
    '--request-timeout',
    '60',
    // Keep going after a failure in an operation: the 5xx count is the figure, not the first 5xx.
    '--continue-on-failure',
    // Schemathesis' own health checks judge the data generation (too slow, filtered too much), not the API.
    '--suppress-health-check',
    'all',
    '--no-color',
    '--report',
    'har,junit',
    '--report-har-path',
    harFile,
    '--report-junit-path',
    junitFile,
    ...(token ? ['--header', `Authorization: Bearer ${token}`] : []),
  ];
  const output: string[] = [];
  const log = createWriteStream(logFile);
  const run = startManagedProcess(`schemathesis ${principal.name}`, binary, args, {
    // Schemathesis keeps a cache folder in its working directory: the report folder, not the repository.
    cwd: settings.reportDir,
    env: toolEnvironment(SCHEMATHESIS, binary, { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' }),
    quiet: false,
    log: (line) => {
      output.push(line);
      log.write(`${line}\n`);
    },
  });
  const exitCode = await run.exited;
  log.end();
  let entries: HarEntry[];
  try {
    entries = readHar(harFile);
  } catch (error) {
    throw new Error(`schemathesis (${principal.name}) exited ${exitCode} without a readable HAR report (${error instanceof Error ? error.message : String(error)}); its output:\n${output.slice(-40).join('\n')}`);
  }
  const statuses: Record<string, number> = {};
  for (const entry of entries) statuses[entry.response.status] = (statuses[entry.response.status] ?? 0) + 1;
  const summaryStart = output.findIndex((line) => /=+ SUMMARY =+/.test(line));
  return {
    principal: principal.name,
    requests: entries.length,
    serverErrors: entries.filter((entry) => entry.response.status >= 500).map((entry) => ({ method: entry.request.method, url: entry.request.url, status: entry.response.status })),
    statuses,
    exitCode,
    summary: (summaryStart >= 0 ? output.slice(summaryStart) : output.slice(-30)).map((line) => line.replace(/^\[schemathesis \w+\] /, '')),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

export async function runFuzz(): Promise<FuzzReport> {
  const started = Date.now();
  const settings = {
    examples: positiveInteger('ZWGK_FUZZ_EXAMPLES', 25),
    seed: positiveInteger('ZWGK_FUZZ_SEED', 20261206),
    // One worker: generation, not the API, is the bottleneck, and Python threads share one core; with two,
    // Hypothesis' lambda-description cache once failed with "AST constructor recursion depth mismatch".
    workers: positiveInteger('ZWGK_FUZZ_WORKERS', 1),
    // Examples from the document, boundary and invalid values of each schema (coverage), then random data;
    // no stateful phase: the document declares no links between operations.
    phases: process.env.ZWGK_FUZZ_PHASES || 'examples,coverage,fuzzing',
    reportDir: path.resolve(projectRoot, process.env.ZWGK_FUZZ_REPORT || path.join('test-output', 'fuzz')),
  };
  rmSync(settings.reportDir, { recursive: true, force: true });
  mkdirSync(settings.reportDir, { recursive: true });
  const binary = await resolveToolBinary(SCHEMATHESIS, loadConfig().toolsDir, { log: say });
  say(`schemathesis ${SCHEMATHESIS.version} (${binary}); phases ${settings.phases}, ${settings.examples} examples per operation, seed ${settings.seed}; checks: ${FUZZ_CHECKS.join(', ')}`);

  const given = process.env.ZWGK_FUZZ_API?.replace(/\/+$/, '');
  let system: { origin: string; stop: () => Promise<void> } | undefined;
  if (given) say(`Fuzzing the API at ${given}`);
  else {
    say('Starting the system (scripts/start.ts, fresh data dir, free ports) ...');
    system = await startSystem(path.join(settings.reportDir, 'system.log'));
    say(`System ready at ${system.origin} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const origin = given ?? system!.origin;
  const stopOnSignal = () => void (system?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    // All tokens first: the admin's run may well deactivate whom it finds.
    const tokens = new Map<string, string>();
    for (const principal of PRINCIPALS) if (principal.username) tokens.set(principal.name, await devLogin(origin, principal.username));
    const results: PrincipalResult[] = [];
    for (const principal of PRINCIPALS) {
      const result = await fuzzAs(binary, origin, principal, tokens.get(principal.name), settings);
      results.push(result);
      say(`${principal.name}: ${result.requests} requests, ${result.serverErrors.length} 5xx, schemathesis exit ${result.exitCode}, ${result.seconds} s`);
      const health = await fetch(`${origin}/api/health`).then((response) => response.status).catch(() => 'no answer');
      if (health !== 200) throw new Error(`after the ${principal.name} run the API health check answered ${health}`);
    }
    const report: FuzzReport = {
      seed: settings.seed,
      examplesPerOperation: settings.examples,
      phases: settings.phases,
      checks: FUZZ_CHECKS,
      schemathesis: SCHEMATHESIS.version,
      principals: results,
      totalRequests: results.reduce((sum, result) => sum + result.requests, 0),
      total5xx: results.reduce((sum, result) => sum + result.serverErrors.length, 0),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    writeFileSync(path.join(settings.reportDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    return report;
  } finally {
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    await system?.stop();
  }
}

async function main(): Promise<void> {
  const report = await runFuzz();
  const reportDir = process.env.ZWGK_FUZZ_REPORT || path.join('test-output', 'fuzz');
  process.stdout.write(`\n principal   requests   5xx   checks\n`);
  for (const result of report.principals) {
    process.stdout.write(` ${result.principal.padEnd(10)} ${String(result.requests).padStart(9)} ${String(result.serverErrors.length).padStart(5)}   ${result.exitCode === 0 ? 'passed' : `failed (exit ${result.exitCode})`}\n`);
  }
  process.stdout.write(` ${'total'.padEnd(10)} ${String(report.totalRequests).padStart(9)} ${String(report.total5xx).padStart(5)}\n\n`);
  for (const result of report.principals.filter((r) => r.exitCode !== 0)) {
    process.stdout.write(`--- ${result.principal}: schemathesis says (full log in ${reportDir}/${result.principal}.log)\n${result.summary.join('\n')}\n`);
  }
  for (const error of report.principals.flatMap((r) => r.serverErrors.map((e) => `${r.principal}: ${e.status} ${e.method} ${e.url}`)).slice(0, 20)) {
    process.stdout.write(`5xx  ${error}\n`);
  }
  say(`Report: ${reportDir}/report.json (${report.seconds} s in all)`);
  const failed = report.total5xx > 0 || report.principals.some((result) => result.exitCode !== 0);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    say(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
