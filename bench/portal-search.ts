/**
 * The portal search benchmark: p50/p99 of a portal page (`GET /api/public/items`) and of the facet counts
 * (`GET /api/public/facets`) at 1k and at 50k released items, through the API's own PublicService (so the
 * figures include every statement the API runs for a request, not one SQL string). Starts its own embedded
 * PostgreSQL under .data/bench-<pid> and removes it afterwards. Not part of `npm test`: run
 * `npm run bench:portal-search`. Writes bench/results/portal-search-latest.md (the table; BENCH_OUTPUT names
 * another file) and bench/results/portal-search-explain.md (plans of the statements behind the slow cases).
 *
 * Environment: BENCH_SIZES (default "1000,50000"), BENCH_ITERATIONS (default 200 per scenario; a slow
 * scenario stops early after BENCH_MAX_SECONDS, default 20, of timed runs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig, projectRoot } from '@zwgk/config';
import { DEMO_CATALOG_CATEGORIES, DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { buildFacetQueries, buildPublicListQuery, buildSearchMatchCountQuery, type SqlQuery } from '../apps/api/src/public/public-query';
import { PublicService, type PublicListRequest } from '../apps/api/src/public/public.service';
import { log, percentiles, runBenchmark, settleAfterBulkLoad, withBenchDatabase } from './bench-support';

const SIZES = (process.env.BENCH_SIZES ?? '1000,50000').split(',').map(Number);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 20);
const WARMUP = 5;
const RESULTS_DIR = path.join(projectRoot, 'bench', 'results');
/** Releases spread over three years before this instant. */
const NOW = new Date();

// The words of county disclosures. Every item's body carries 通知 and 政务公开 (the boilerplate of a real
// portal: "现将有关事项通知如下", "政务公开办公室"), most carry 县; 馥郁 is in one item in 10,000 and 防汛 in ~1%.
const SUBJECTS = ['城乡居民医疗保险', '义务教育招生', '农村道路养护', '最低生活保障', '耕地保护', '安全生产检查', '老旧小区改造', '就业创业补贴', '集中供热', '生活垃圾分类', '河道清淤', '农产品质量安全', '殡葬改革', '残疾人两项补贴', '校园食品安全', '公共租赁住房'];
const KINDS = ['关于做好{s}工作的通知', '关于{s}有关事项的公告', '{s}实施方案', '关于印发{s}管理办法的通知', '{s}工作情况报告', '关于{s}政策的解读', '{s}资金分配结果公示'];
const SENTENCES = [
  '为进一步做好{s}工作，根据上级有关文件精神，结合本县实际，现将有关事项通知如下。',
  '各乡镇人民政府、县直各有关单位要高度重视，明确责任分工，确保各项任务按期完成。',
  '本通知自印发之日起施行，由县政务公开办公室负责解释。',
  '申请人可通过政府网站、政务服务中心窗口或者政务新媒体提交申请材料。',
  '对群众反映的问题要及时回应，依法依规办理，办理结果按照政务公开有关规定向社会公开。',
  '资金使用情况接受审计监督和社会监督，严禁截留、挤占、挪用。',
  '各单位要加强统筹协调，建立工作台账，每月向县人民政府报送工作进展。',
  '咨询电话在工作日上午九时至下午五时接听，节假日顺延。',
];

async function seedOrganisation(db: Client): Promise<string[]> {
  const departments: string[] = (await db.query(`SELECT code FROM departments WHERE kind <> 'county' ORDER BY code`)).rows.map((r: { code: string }) => r.code);
  for (const department of departments) {
    await db.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $1, $2, $3) ON CONFLICT DO NOTHING`, [`${department}.b.drafter`, department, ['drafter']]);
  }
  return departments;
}

/**
 * Released items as the workflow leaves them: the item row (RELEASED, released_at, current_edition 1; ~1%
 * later WITHDRAWN) and its first edition in item_editions, whose trigger fills search_grams, as
 * recordItemState and recordEdition write them. Set-based SQL in batches of 10k.
 */
async function seedItems(db: Client, departments: string[], from: number, total: number): Promise<number> {
  const started = Date.now();
  const codes: string[] = (await db.query(`SELECT code FROM catalog_items WHERE version_id = $1 ORDER BY code`, [DEMO_CATALOG_VERSION_ID])).rows.map((c: { code: string }) => c.code);
  const batch = 10_000;
  for (let start = from; start < total; start += batch) {
    const end = Math.min(total, start + batch);
    await db.query('BEGIN');
    await db.query(
      `WITH n AS (
         SELECT n, abs(hashint4(n)) AS h, abs(hashint4(n + 1000003)) AS g,
                $4::timestamptz - (n::float8 / $8::int * 1095 + random() * 2) * interval '1 day' AS released_at
           FROM generate_series($5::int, $6::int - 1) AS n
       ), t AS (
         SELECT n.*, ($7::text[])[1 + h % cardinality($7::text[])] AS subject
           FROM n
       )
       INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, formed_at,
                                     channels, state, created_at, updated_at, released_at, current_edition, withdrawn_at, withdrawal_reason)
       SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, $1, ($3::text[])[1 + g % cardinality($3::text[])],
              ($2::text[])[1 + h % cardinality($2::text[])], ($2::text[])[1 + h % cardinality($2::text[])] || '.b.drafter',
              replace(($9::text[])[1 + g % cardinality($9::text[])], '{s}', subject) || CASE WHEN n % 100 = 3 THEN '（防汛）' ELSE '' END,
              '', released_at::date, ARRAY['website'],
              CASE WHEN h % 100 = 0 THEN 'WITHDRAWN' ELSE 'RELEASED' END, released_at - interval '10 days', released_at, released_at, 1,
              CASE WHEN h % 100 = 0 THEN released_at + interval '30 days' END, CASE WHEN h % 100 = 0 THEN '内容已过时' END
         FROM t`,
      [DEMO_CATALOG_VERSION_ID, departments, codes, NOW.toISOString(), start, end, SUBJECTS, total, KINDS],
    );
    // The edition: the title again, a body of 4–9 of the sentences (~250–450 characters), an interpretation on 1 in 5.
    await db.query(
      `INSERT INTO item_editions (item_id, edition, revision, title, body, interpretation, content_hash, released_at)
       SELECT i.id, 1, 1, i.title,
              (SELECT string_agg(replace(($1::text[])[1 + (abs(hashint4(k * 7919 + x.n)) % cardinality($1::text[]))], '{s}', ''), '' ORDER BY k)
                 FROM generate_series(1, 4 + x.n % 6) AS k)
                || CASE WHEN x.n % 10000 = 7 THEN '院内桂花馥郁，欢迎群众参观。' ELSE '' END
                || CASE WHEN x.n % 100 = 3 THEN '汛期防汛值班安排另行通知。' ELSE '' END
                || '特此通知。县政务公开办公室',
              CASE WHEN x.n % 5 = 0 THEN '本文件的政策要点解读：' || i.title END,
              md5(i.id::text), coalesce(i.released_at, now())
         FROM disclosure_items i,
              LATERAL (SELECT ('x' || right(replace(i.id::text, '-', ''), 12))::bit(48)::bigint::int AS n) x
        WHERE i.id BETWEEN ('00000000-0000-4000-9000-' || lpad(to_hex($2::int), 12, '0'))::uuid
                       AND ('00000000-0000-4000-9000-' || lpad(to_hex($3::int - 1), 12, '0'))::uuid`,
      [SENTENCES, start, end],
    );
    await db.query(`UPDATE disclosure_items SET body = e.body, interpretation = e.interpretation FROM item_editions e
                     WHERE e.item_id = disclosure_items.id AND disclosure_items.id BETWEEN ('00000000-0000-4000-9000-' || lpad(to_hex($1::int), 12, '0'))::uuid
                       AND ('00000000-0000-4000-9000-' || lpad(to_hex($2::int - 1), 12, '0'))::uuid`, [start, end]);
    await db.query('COMMIT');
    log(`  seeded ${end.toLocaleString('en')} / ${total.toLocaleString('en')} items`);
  }
  await settleAfterBulkLoad(db, ['item_editions', 'disclosure_items']);
  return (Date.now() - started) / 1000;
}

interface Scenario {
  readonly name: string;
  readonly kind: 'list' | 'facets';
  readonly request: PublicListRequest;
  /** Follow nextCursor this many pages before measuring. */
  readonly depth?: number;
}

function scenarios(area: string): Scenario[] {
  const list = (name: string, request: PublicListRequest, depth?: number): Scenario => ({ name, kind: 'list', request, ...(depth ? { depth } : {}) });
  const facets = (name: string, request: PublicListRequest): Scenario => ({ name, kind: 'facets', request });
  return [
    list('browse, first page', {}),
    list('browse, page 3 (keyset)', {}, 2),
    list(`browse, area=${area}`, { area }),
    list('rare term 馥郁 (1 in 10,000)', { q: '馥郁' }),
    list('1% term 防汛', { q: '防汛' }),
    list('common term 通知 (every item)', { q: '通知' }),
    list('common term 通知, page 3 (keyset)', { q: '通知' }, 2),
    list('common 4-char term 政务公开 (every item)', { q: '政务公开' }),
    list('common term 通知 + category=decision', { q: '通知', category: 'decision' }),
    list(`common term 通知 + area=${area}`, { q: '通知', area }),
    list('single character 县 (every item)', { q: '县' }),
    list('single character 桂 (1 in 10,000)', { q: '桂' }),
    list('two terms 通知 馥郁', { q: '通知 馥郁' }),
    facets('facets, no q', {}),
    facets(`facets, area=${area}`, { area }),
    facets('facets, q=馥郁', { q: '馥郁' }),
    facets('facets, q=通知', { q: '通知' }),
    facets('facets, q=政务公开', { q: '政务公开' }),
    facets('facets, q=通知 + category=decision', { q: '通知', category: 'decision' }),
  ];
}

interface Measured {
  name: string;
  rows: number;
  ranking: string;
  runs: number;
  p50: number;
  p99: number;
}

async function measure(service: PublicService, scenario: Scenario): Promise<Measured> {
  let request = scenario.request;
  for (let depth = 0; depth < (scenario.depth ?? 0); depth++) {
    const page = await service.list(request);
    if (!page.nextCursor) break;
    request = { ...scenario.request, cursor: page.nextCursor };
  }
  const run = async () => (scenario.kind === 'list' ? service.list(request) : service.facets(request));
  let last: Awaited<ReturnType<typeof run>> | undefined;
  for (let i = 0; i < WARMUP; i++) last = await run();
  const times: number[] = [];
  const deadline = Date.now() + MAX_SECONDS * 1000;
  for (let i = 0; i < ITERATIONS && (i < 10 || Date.now() < deadline); i++) {
    const t0 = process.hrtime.bigint();
    last = await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const result = last as { items?: unknown[]; total?: number; ranking?: string };
  return {
    name: scenario.name,
    rows: result.items ? result.items.length : (result.total ?? 0),
    ranking: scenario.kind === 'facets' ? '' : (result.ranking ?? (scenario.request.q ? 'relevance' : 'recent')),
    runs: times.length,
    ...percentiles(times),
  };
}

/** The plans of the statements behind the slow cases, at the largest size. */
async function explains(db: Client): Promise<string> {
  const common = { terms: ['通知'] };
  const statements: [string, SqlQuery][] = [
    ['match count of 通知, up to the rank limit (first page of a search)', buildSearchMatchCountQuery(common, loadConfig().publicPortal.searchRankLimit)],
    ['通知 newest first (ranking: recent)', buildPublicListQuery(common, undefined, 50, 'recent')],
    ['政务公开 newest first (ranking: recent)', buildPublicListQuery({ terms: ['政务公开'] }, undefined, 50, 'recent')],
    ['防汛 by relevance (ranking: relevance)', buildPublicListQuery({ terms: ['防汛'] }, undefined, 50)],
    ['facets by area, q=通知, as the planner chooses by itself (a sequential scan that opens every n-gram array)', buildFacetQueries(common).areas],
    ['facets by area, no q', buildFacetQueries({ terms: [] }).areas],
  ];
  let out = '';
  for (const [name, query] of statements) {
    const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    out += `## ${name}\n\n\`\`\`sql\n${query.text}\n-- parameters: ${JSON.stringify(query.values)}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n\n`;
  }
  // What PublicService.facets runs for a search: the same statement under SET LOCAL enable_seqscan = off.
  await db.query('BEGIN');
  await db.query('SET LOCAL enable_seqscan = off');
  const facet = buildFacetQueries(common).areas;
  const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${facet.text}`, facet.values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  await db.query('COMMIT');
  out += `## facets by area, q=通知, as PublicService.facets runs it (SET LOCAL enable_seqscan = off: the GIN bitmap)\n\n\`\`\`\n${plan}\n\`\`\`\n`;
  return out;
}

/** The service as the API builds it: its DataSource and the configuration from this process's environment. */
function serviceOf(dataSource: DataSource): PublicService {
  // Two arguments: the configuration is the second one since the bounded ranking.
  return new (PublicService as unknown as new (...args: unknown[]) => PublicService)(dataSource, loadConfig());
}

async function main(): Promise<void> {
  // The demo county's 五公开 categories, so that category filters and counts have something to count.
  await withBenchDatabase({ categories: DEMO_CATALOG_CATEGORIES }, async ({ dataSource, db }) => {
    const departments = await seedOrganisation(db);
    const service = serviceOf(dataSource);

    const results = new Map<number, Measured[]>();
    const seedTimes = new Map<number, number>();
    let seeded = 0;
    let list: Scenario[] = [];
    for (const size of SIZES) {
      log(`seeding to ${size.toLocaleString('en')} released items`);
      seedTimes.set(size, await seedItems(db, departments, seeded, size));
      seeded = size;
      if (!list.length) {
        const area = (await db.query(`SELECT c.area FROM disclosure_items i JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].area as string;
        list = scenarios(area);
      }
      const measured: Measured[] = [];
      for (const scenario of list) {
        const m = await measure(service, scenario);
        measured.push(m);
        log(`  ${size.toLocaleString('en')}: ${m.name.padEnd(44)} rows ${String(m.rows).padStart(5)} ${m.ranking.padEnd(9)} p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms (${m.runs} runs)`);
      }
      results.set(size, measured);
    }
    const plans = await explains(db);

    const [small, large] = [SIZES[0]!, SIZES[SIZES.length - 1]!];
    const lines = [
      `# Portal search benchmark, ${NOW.toISOString()}`,
      '',
      `PostgreSQL embedded, PublicService.list/facets as the API calls them (every statement of a request), page size 50, ${WARMUP} warm-up runs then up to ${ITERATIONS} timed runs (fewer when a scenario passes ${MAX_SECONDS} s), one client.`,
      `Seed time: ${[...seedTimes].map(([s, t]) => `${s.toLocaleString('en')} items ${t.toFixed(1)} s`).join('; ')} (cumulative).`,
      '',
      `| request | rows / total ${small} / ${large} | ranking | p50 ${small} | p99 ${small} | p50 ${large} | p99 ${large} |`,
      '|---|---:|---|---:|---:|---:|---:|',
      ...results.get(small)!.map((a, i) => {
        const b = results.get(large)![i]!;
        const ranking = a.ranking === b.ranking ? a.ranking : `${a.ranking} / ${b.ranking}`;
        return `| ${a.name} | ${a.rows} / ${b.rows} | ${ranking} | ${a.p50.toFixed(2)} ms | ${a.p99.toFixed(2)} ms | ${b.p50.toFixed(2)} ms | ${b.p99.toFixed(2)} ms |`;
      }),
      '',
    ];
    const report = lines.join('\n');
    process.stdout.write(`\n${report}\n`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = process.env.BENCH_OUTPUT ?? 'portal-search-latest.md';
    writeFileSync(path.join(RESULTS_DIR, file), report);
    writeFileSync(path.join(RESULTS_DIR, 'portal-search-explain.md'), `# EXPLAIN (ANALYZE, BUFFERS) at ${large.toLocaleString('en')} released items\n\n${plans}`);
    log(`wrote bench/results/${file} and portal-search-explain.md`);
  });
}

runBenchmark(main);
