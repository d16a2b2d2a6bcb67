/**
 * The inbox benchmark: p50/p99 of an inbox page at 10k and at 1M tasks, through the same SQL the API runs
 * (apps/api/src/tasks/inbox-query.ts). Starts its own embedded PostgreSQL under .data/bench-<pid> and removes it
 * afterwards. Not part of `npm test`: run `npm run bench:inbox` (see bench/README.md).
 *
 * Environment: BENCH_SIZES (default "10000,1000000"), BENCH_ITERATIONS (default 1000 per scenario).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';
import { projectRoot } from '@zwgk/config';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import {
  buildInboxCountsQuery,
  buildInboxQuery,
  queryInbox,
  type InboxFilters,
  type InboxRow,
  type InboxViewer,
  type SqlQuery,
} from '../apps/api/src/tasks/inbox-query';
import { decodeTaskCursor } from '../apps/api/src/tasks/task-cursor';
import { log, percentiles, runBenchmark, settleAfterBulkLoad, timed, withBenchDatabase } from './bench-support';

const SIZES = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = 30;
const LIMIT = 50;
/** Every figure is measured at one pinned instant, so overdue and due-soon mean the same at both sizes. */
const NOW = new Date();
const RESULTS_DIR = path.join(projectRoot, 'bench', 'results');

/** Extra departments, so the demo's five are not the whole county: 20 in all, like a small county. */
const EXTRA_DEPARTMENTS = Array.from({ length: 15 }, (_, i) => `bench${String(i + 1).padStart(2, '0')}`);
const ROLES = ['reviewer', 'secrecy-reviewer', 'legal-reviewer', 'leader'] as const;

async function seedOrganisation(db: Client): Promise<string[]> {
  for (const code of EXTRA_DEPARTMENTS) {
    await db.query(`INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, $2, 'county', 'township') ON CONFLICT DO NOTHING`, [code, `基准测试乡镇 ${code}`]);
  }
  const departments: string[] = (await db.query(`SELECT code FROM departments WHERE kind <> 'county' ORDER BY code`)).rows.map((r: { code: string }) => r.code);
  // Two people per review role in every department (delegation targets), plus a drafter and a head who is
  // also the legal reviewer (a multi-role user: three pool branches plus the escalated branch).
  for (const department of departments) {
    const users: [string, string[]][] = [
      [`${department}.b.drafter`, ['drafter']],
      [`${department}.b.head`, ['reviewer', 'legal-reviewer']],
      ...ROLES.flatMap((role): [string, string[]][] => [1, 2].map((n): [string, string[]] => [`${department}.b.${role}${n}`, [role]])),
    ];
    for (const [username, roles] of users) {
      await db.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $1, $2, $3) ON CONFLICT DO NOTHING`, [username, department, roles]);
    }
  }
  return departments;
}

/**
 * Adds tasks (two per item) up to `total`, in batches of 100k with progress. All in set-based SQL:
 * - departments skewed (a few busy ones, a long tail), each drafting under a handful of catalog items, so
 *   a department's tasks fall in a few areas, as in a real county;
 * - ~13% open (due from 10 days ago to 30 days ahead, at the end of a working day: large tie groups at the
 *   same due instant, which is what real due times look like), ~85% completed over three years, ~2% cancelled;
 * - 80% priority 0, 15% priority 1, 5% priority 2; 3% delegated to a named person;
 * - open and past due ⇒ overdue and escalated (as the workflow timer does); 8% of completed were late.
 */
async function seedTasks(db: Client, departments: string[], from: number, total: number): Promise<number> {
  const started = Date.now();
  const catalog: { code: string }[] = (await db.query(`SELECT code FROM catalog_items WHERE version_id = $1 ORDER BY code`, [DEMO_CATALOG_VERSION_ID])).rows;
  const codes = catalog.map((c) => c.code);
  const batch = 100_000;
  for (let start = from; start < total; start += batch) {
    const end = Math.min(total, start + batch);
    const firstItem = start / 2;
    const lastItem = end / 2;
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, formed_at, channels, state, created_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, $1, ($3::text[])[1 + (d * 5 + (abs(hashint4(n + 7)) % 5)) % cardinality($3::text[])],
              ($2::text[])[1 + d], ($2::text[])[1 + d] || '.b.drafter', '基准测试事项 ' || n, '正文', DATE '2025-01-01', ARRAY['website'], 'IN_REVIEW', now()
         FROM generate_series($4::int, $5::int - 1) AS n,
              LATERAL (SELECT floor(cardinality($2::text[]) * power((abs(hashint4(n)) % 10000) / 10000.0, 2))::int AS d) dd`,
      [DEMO_CATALOG_VERSION_ID, departments, codes, firstItem, lastItem],
    );
    await db.query(
      `WITH src AS (
         -- random() in a select list is evaluated per row (in an uncorrelated LATERAL it would be evaluated once)
         SELECT i.id AS item_id, i.department_code, c.area, random() AS u, random() AS v, random() AS w, random() AS z
           FROM disclosure_items i
           JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
          CROSS JOIN generate_series(0, 1) AS k
          WHERE i.id BETWEEN ('00000000-0000-4000-8000-' || lpad(to_hex($2::int), 12, '0'))::uuid
                         AND ('00000000-0000-4000-8000-' || lpad(to_hex($3::int - 1), 12, '0'))::uuid
       ), r AS (
         SELECT item_id, department_code, area,
                -- legality review only for normative documents: 10%; the other three stages evenly
                CASE WHEN z < 0.1 THEN 2 ELSE (ARRAY[0, 1, 3])[1 + least(2, floor((z - 0.1) / 0.9 * 3)::int)] END AS x,
                CASE WHEN u < 0.13 THEN 'open' WHEN u < 0.98 THEN 'completed' ELSE 'cancelled' END AS state,
                CASE WHEN v < 0.80 THEN 0 WHEN v < 0.95 THEN 1 ELSE 2 END AS priority,
                w < 0.03 AS delegated,
                w > 0.92 AS late,
                -- the end of a working day in 北京时间 (15:59:59.999Z): many tasks share one due instant
                date_trunc('day', CASE WHEN u < 0.13 THEN $1::timestamptz + ((u / 0.13) * 40 - 10) * interval '1 day'
                                       ELSE $1::timestamptz - (v * 1095 + 1) * interval '1 day' END) + interval '15:59:59.999' AS due_at
           FROM src
       ), s AS (
         SELECT r.*, (ARRAY['preliminary-review','confidentiality-review','legality-review','sign-off'])[1 + x] AS stage,
                (ARRAY['reviewer','secrecy-reviewer','legal-reviewer','leader'])[1 + x] AS role
           FROM r
       )
       INSERT INTO review_tasks (id, item_id, stage, role, department_code, area, assignee, claimed_by, state, decision, decided_by, revision, priority,
                                 due_at, overdue, escalated, created_at, completed_at)
       SELECT gen_random_uuid(), item_id, stage, role, department_code, area,
              CASE WHEN delegated THEN department_code || '.b.' || role || '2' END,
              CASE WHEN delegated THEN department_code || '.b.' || role || '2' END,
              state, CASE WHEN state = 'completed' THEN 'approve' END,
              CASE WHEN state = 'completed' THEN department_code || '.b.' || role || '1' END,
              1, priority, due_at,
              (state = 'open' AND due_at < $1) OR (state = 'completed' AND late),
              (state = 'open' AND due_at < $1) OR (state = 'completed' AND late),
              due_at - interval '3 days',
              CASE WHEN state = 'completed' THEN least(due_at + CASE WHEN late THEN interval '2 days' ELSE interval '-1 day' END, $1) END
         FROM s`,
      [NOW.toISOString(), firstItem, lastItem],
    );
    await db.query('COMMIT');
    const rate = Math.round((end - from) / ((Date.now() - started) / 1000));
    log(`  seeded ${end.toLocaleString('en')} / ${total.toLocaleString('en')} tasks (${rate.toLocaleString('en')} tasks/s)`);
  }
  await settleAfterBulkLoad(db, ['review_tasks', 'disclosure_items']);
  return (Date.now() - started) / 1000;
}

interface Scenario {
  readonly name: string;
  readonly viewer: InboxViewer;
  readonly filters: InboxFilters;
  /** Follow nextCursor this many pages before measuring (a deep keyset page), or fewer if the inbox ends. */
  readonly depth?: number;
  readonly counts?: boolean;
}

async function viewerOf(db: Client, username: string): Promise<InboxViewer> {
  const row = (await db.query(`SELECT username, department_code, roles FROM users WHERE username = $1`, [username])).rows[0] as { username: string; department_code: string; roles: string[] };
  return { username: row.username, departmentCode: row.department_code, roles: row.roles };
}

async function scenarios(db: Client): Promise<Scenario[]> {
  // The busiest department by open tasks gets the realistic worst case; a tail department the typical one.
  const busiest = (await db.query(`SELECT department_code FROM review_tasks WHERE department_code LIKE 'bench%' OR department_code IN ('edu','civil','office','jiangshang') GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].department_code as string;
  const area = (await db.query(`SELECT area FROM review_tasks WHERE department_code = $1 AND state = 'open' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [busiest])).rows[0].area as string;
  const secrecy = await viewerOf(db, `${busiest}.b.secrecy-reviewer1`);
  const head = await viewerOf(db, `${busiest}.b.head`);
  const delegate = await viewerOf(db, `${busiest}.b.leader2`);
  const tail = await viewerOf(db, 'jiangshang.b.secrecy-reviewer1');
  const open: InboxFilters = { state: 'open' };
  return [
    { name: 'secrecy reviewer, first page', viewer: secrecy, filters: open },
    { name: 'secrecy reviewer, page 10 (keyset)', viewer: secrecy, filters: open, depth: 9 },
    { name: 'head (2 roles + escalated), first page', viewer: head, filters: open },
    { name: 'head, page 10 (keyset)', viewer: head, filters: open, depth: 9 },
    { name: 'head, overdue=true', viewer: head, filters: { state: 'open', overdue: true } },
    { name: 'head, overdue=false, page 5', viewer: head, filters: { state: 'open', overdue: false }, depth: 4 },
    { name: `secrecy, area=${area}`, viewer: secrecy, filters: { state: 'open', area } },
    { name: 'secrecy, area matching nothing', viewer: secrecy, filters: { state: 'open', area: '不存在的领域' } },
    { name: 'head, kind=legality-review (own role)', viewer: head, filters: { state: 'open', kind: 'legality-review' } },
    { name: 'head, kind=sign-off (escalated only)', viewer: head, filters: { state: 'open', kind: 'sign-off' } },
    { name: 'head, area matching nothing', viewer: head, filters: { state: 'open', area: '不存在的领域' } },
    { name: 'secrecy, dueBefore=now+7d', viewer: secrecy, filters: { state: 'open', dueBefore: new Date(NOW.getTime() + 7 * 86_400_000).toISOString() } },
    { name: 'secrecy, state=completed, page 10', viewer: secrecy, filters: { state: 'completed' }, depth: 9 },
    { name: 'delegate (assigned to me), first page', viewer: delegate, filters: open },
    { name: 'tail department, first page', viewer: tail, filters: open },
    { name: 'head, counts (badges)', viewer: head, filters: open, counts: true },
  ];
}

/** The query a scenario measures, with its cursor found by walking the pages first. */
async function prepare(db: Client, scenario: Scenario, pageSize = LIMIT): Promise<{ query: SqlQuery; depth: number; rows: number }> {
  if (scenario.counts) return { query: buildInboxCountsQuery(scenario.viewer, NOW), depth: 0, rows: 1 };
  let cursor: string | null = null;
  let depth = 0;
  const run = async (text: string, values: unknown[]) => (await db.query(text, values)).rows as InboxRow[];
  for (; depth < (scenario.depth ?? 0); depth++) {
    const page = await queryInbox(run, scenario.viewer, { filters: scenario.filters, limit: LIMIT, now: NOW, ...(cursor ? { after: decodeTaskCursor(cursor) } : {}) });
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const query = buildInboxQuery(scenario.viewer, { filters: scenario.filters, limit: pageSize, now: NOW, ...(cursor ? { after: decodeTaskCursor(cursor) } : {}) });
  const rows = (await db.query(query.text, query.values)).rowCount ?? 0;
  return { query, depth, rows: Math.min(rows, pageSize) };
}

interface Measured {
  name: string;
  depth: number;
  rows: number;
  p50: number;
  p99: number;
}

async function measure(db: Client, scenario: Scenario, pageSize = LIMIT): Promise<Measured> {
  const { query, depth, rows } = await prepare(db, scenario, pageSize);
  for (let i = 0; i < WARMUP; i++) await db.query(query.text, query.values);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) times.push(await timed(() => db.query(query.text, query.values)));
  return { name: scenario.name, depth: depth + 1, rows, ...percentiles(times) };
}

async function explain(db: Client, scenario: Scenario): Promise<string> {
  const { query } = await prepare(db, scenario);
  const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  return `## ${scenario.name}\n\n\`\`\`sql\n${query.text}\n-- parameters: ${JSON.stringify(query.values)}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n`;
}

async function main(): Promise<void> {
  await withBenchDatabase({}, async ({ db }) => {
    const departments = await seedOrganisation(db);

    const results = new Map<number, Measured[]>();
    // Scenario index → the large size timed at the small size's row count.
    const sameRows = new Map<number, Measured>();
    const seedTimes = new Map<number, number>();
    let seeded = 0;
    let explains = '';
    for (const size of SIZES) {
      log(`seeding to ${size.toLocaleString('en')} tasks`);
      seedTimes.set(size, await seedTasks(db, departments, seeded, size));
      seeded = size;
      log(`  seeded in ${seedTimes.get(size)!.toFixed(1)} s`);
      const list = await scenarios(db);
      const measured: Measured[] = [];
      for (const scenario of list) {
        const m = await measure(db, scenario);
        measured.push(m);
        log(`  ${size.toLocaleString('en')}: ${m.name.padEnd(44)} page ${String(m.depth).padStart(2)} rows ${String(m.rows).padStart(3)}  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms`);
      }
      results.set(size, measured);
      if (size === SIZES[SIZES.length - 1]) {
        for (const scenario of list) explains += `${await explain(db, scenario)}\n`;
        // Where the small seed cannot fill a page, the large page returns more rows, and turning rows into
        // objects at the client costs the same at any table size: time the large size again at the small
        // page's row count, so that one ratio compares the same amount of work.
        const smallest = results.get(SIZES[0]!)!;
        for (const [i, scenario] of list.entries()) {
          const small = smallest[i]!;
          if (!scenario.counts && small.rows > 0 && small.rows < measured[i]!.rows) {
            const m = await measure(db, scenario, small.rows);
            sameRows.set(i, m);
            log(`  ${size.toLocaleString('en')}: ${m.name.padEnd(44)} page ${String(m.depth).padStart(2)} rows ${String(m.rows).padStart(3)}  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms (rows as at ${SIZES[0]})`);
          }
        }
      }
    }

    const [small, large] = [SIZES[0]!, SIZES[SIZES.length - 1]!];
    const lines = [
      `# Inbox benchmark, ${NOW.toISOString()}`,
      '',
      `PostgreSQL embedded, ${ITERATIONS} runs per page after ${WARMUP} warm-up runs, page size ${LIMIT}, one client, latency measured at the client (includes the loopback round trip).`,
      `Seed time: ${[...seedTimes].map(([s, t]) => `${s.toLocaleString('en')} tasks ${t.toFixed(1)} s`).join('; ')} (cumulative: the larger size adds to the smaller).`,
      '',
      `| page | rows ${small} / ${large} | p50 ${small} | p99 ${small} | p50 ${large} | p99 ${large} | p99 ratio | p99 ratio, same rows |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...results.get(small)!.map((a, i) => {
        const b = results.get(large)![i]!;
        const name = b.depth > 1 ? `${a.name.replace(/page \d+/, `page ${b.depth}`)}${a.depth !== b.depth ? ` (page ${a.depth} at ${small})` : ''}` : a.name;
        const matched = sameRows.get(i);
        const sameRatio = matched ? `${(matched.p99 / a.p99).toFixed(2)}× (${matched.rows} rows: p99 ${matched.p99.toFixed(2)} ms)` : `${(b.p99 / a.p99).toFixed(2)}×`;
        return `| ${name} | ${a.rows} / ${b.rows} | ${a.p50.toFixed(2)} ms | ${a.p99.toFixed(2)} ms | ${b.p50.toFixed(2)} ms | ${b.p99.toFixed(2)} ms | ${(b.p99 / a.p99).toFixed(2)}× | ${sameRatio} |`;
      }),
      '',
      `"Same rows": where the ${small.toLocaleString('en')}-task seed cannot fill a page of ${LIMIT}, the ${large.toLocaleString('en')}-task page is timed again at the smaller row count.`,
      '',
    ];
    const report = lines.join('\n');
    process.stdout.write(`\n${report}\n`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, 'inbox-latest.md'), report);
    writeFileSync(path.join(RESULTS_DIR, 'explain-1m.md'), `# EXPLAIN (ANALYZE, BUFFERS) at ${large.toLocaleString('en')} tasks\n\n${explains}`);
    log(`wrote ${path.relative(projectRoot, RESULTS_DIR)}/inbox-latest.md and explain-1m.md`);
  });
}

runBenchmark(main);
