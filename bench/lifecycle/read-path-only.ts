/**
 * The read-path section of the lifecycle benchmark on its own, for working on the API: PostgreSQL, the API
 * and the raw server only (no Temporal, no workers), the inbox's open tasks written as rows, then the same
 * autocannon rounds as `npm run bench:lifecycle -- --only read`. A minute instead of several.
 *
 * node -r @swc-node/register bench/lifecycle/read-path-only.ts [rounds=4] [seconds=5] [profile-file]
 */
import * as path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '@zwgk/config';
import { DEMO_CATALOG_CATEGORIES, DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { findFreePort } from '@zwgk/embedded';
import { log, runBenchmark, withBenchDatabase } from '../bench-support';
import { startNode, systemEnv, treeCpuSeconds } from '../bench-processes';

const [roundsArg, secondsArg, profileFile] = process.argv.slice(2);
const ROUNDS = Number(roundsArg ?? 4);
const SECONDS = Number(secondsArg ?? 5);
const TASKS = 100;

async function main(): Promise<void> {
  await withBenchDatabase({ categories: DEMO_CATALOG_CATEGORIES }, async ({ db, url, dataDir }) => {
    // Items in review at 初审 in edu, as the workflow leaves them (the read model only).
    await db.query(
      `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, formed_at, channels, state)
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, $1, 'EDU-001', 'edu', 'edu.drafter', '基准测试事项 ' || n, '正文', DATE '2026-11-02', ARRAY['政府网站'], 'IN_REVIEW'
         FROM generate_series(1, $2::int) AS n`,
      [DEMO_CATALOG_VERSION_ID, TASKS],
    );
    await db.query(
      `INSERT INTO review_tasks (id, item_id, stage, role, department_code, area, state, revision, priority, due_at)
       SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'preliminary-review', 'reviewer', 'edu', '义务教育', 'open', 1, 0,
              TIMESTAMPTZ '2026-11-10 17:30+08' + n * interval '1 minute'
         FROM generate_series(1, $1::int) AS n`,
      [TASKS],
    );
    const [apiPort, rawPort] = [await findFreePort(), await findFreePort()];
    // No Temporal here: the API starts without reaching it, and the read path never calls it.
    const env = systemEnv({ databaseUrl: url, temporalAddress: '127.0.0.1:1', taskQueue: 'bench-read-path', dataDir: `${dataDir}-servers` });
    const profiling = profileFile ? { NODE_OPTIONS: `--require ${path.join(projectRoot, 'bench', 'lifecycle', 'cpu-profile-hook.js')}`, BENCH_CPU_PROFILE: path.resolve(profileFile) } : {};
    const api = startNode('api', 'apps/api/src/main.ts', { ...env, PORT: String(apiPort), ...profiling });
    const raw = startNode('raw-server', 'bench/lifecycle/raw-server.ts', { ...env, PORT: String(rawPort) });
    try {
      await Promise.all([api.waitFor(/API listening/, 180_000), raw.waitFor(/raw server listening/, 120_000)]);
      const login = await fetch(`http://127.0.0.1:${apiPort}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'edu.reviewer' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      const bodies = await Promise.all([apiPort, rawPort].map(async (port) => (await fetch(`http://127.0.0.1:${port}/api/tasks`, { headers })).text()));
      if (bodies[0] !== bodies[1]) log(`the two answers differ (${bodies[0]!.length} and ${bodies[1]!.length} characters)`);
      // Warm-up of both.
      for (const port of [apiPort, rawPort]) await autocannon({ url: `http://127.0.0.1:${port}/api/tasks`, connections: 10, duration: 2, headers });
      const ratios: number[] = [];
      const cpuRatios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const rates: Record<string, number> = {};
        const cpu: Record<string, number> = {};
        for (const side of round % 2 === 0 ? ['nest', 'raw'] : ['raw', 'nest']) {
          const profile = profileFile !== undefined && round === 0 && side === 'nest';
          if (profile) api.child.kill('SIGUSR2');
          const server = side === 'nest' ? api : raw;
          const cpu0 = treeCpuSeconds(server.child.pid);
          const result = await autocannon({ url: `http://127.0.0.1:${side === 'nest' ? apiPort : rawPort}/api/tasks`, connections: 10, duration: SECONDS, headers });
          if (profile) api.child.kill('SIGUSR2');
          if (result.non2xx || result.errors) throw new Error(`${side}: ${result.non2xx} non-2xx, ${result.errors} errors`);
          rates[side] = result.requests.average;
          cpu[side] = ((treeCpuSeconds(server.child.pid) - cpu0) * 1e6) / result.requests.total;
        }
        ratios.push(rates.nest! / rates.raw!);
        cpuRatios.push(cpu.raw! / cpu.nest!);
        log(`round ${round + 1}: nest ${rates.nest!.toFixed(0)} req/s ${cpu.nest!.toFixed(0)} µs CPU/req, raw ${rates.raw!.toFixed(0)} req/s ${cpu.raw!.toFixed(0)} µs CPU/req; ratio ${(rates.nest! / rates.raw!).toFixed(2)}, CPU ratio raw ÷ nest ${(cpu.raw! / cpu.nest!).toFixed(2)}`);
      }
      const sorted = [...ratios].sort((a, b) => a - b);
      const cpuSorted = [...cpuRatios].sort((a, b) => a - b);
      log(`inbox CPU per request raw ÷ Nest: median ${cpuSorted[Math.floor((cpuSorted.length - 1) / 2)]!.toFixed(2)} (rounds ${cpuRatios.map((r) => r.toFixed(2)).join(', ')})`);
      log(`inbox Nest ÷ raw: median ${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(2)} (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
    } finally {
      await api.stop(10_000);
      await raw.stop(10_000);
    }
  });
}

runBenchmark(main);
