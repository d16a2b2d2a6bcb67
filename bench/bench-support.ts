/**
 * What every benchmark here needs: its own embedded PostgreSQL (migrated and seeded with the demo data,
 * removed afterwards, also on Ctrl-C), timestamped progress lines, the steady state after a bulk load, and
 * nearest-rank percentiles of the timed runs.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { projectRoot } from '@zwgk/config';
import { connectAndMigrate, createDataSource, seedDemoData } from '@zwgk/db';
import type { DisclosureCategory } from '@zwgk/domain';
import { findFreePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@zwgk/embedded';

export function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export interface BenchDatabase {
  /** Migrated and seeded; open for the whole run. */
  readonly dataSource: DataSource;
  /** A plain connection for bulk loads and EXPLAIN. */
  readonly db: Client;
  /** The connection URL, for the processes a benchmark starts against the same database. */
  readonly url: string;
  /** The folder the database lives in (removed at the end): other servers of the run may keep their data beside it. */
  readonly dataDir: string;
}

/** Starts a throwaway PostgreSQL under .data/bench-<pid>, runs `work` against it, and always removes it. */
export async function withBenchDatabase<T>(options: { categories?: Readonly<Record<string, DisclosureCategory>> }, work: (bench: BenchDatabase) => Promise<T>): Promise<T> {
  const dataDir = path.join(projectRoot, '.data', `bench-${process.pid}`);
  let postgres: EmbeddedPostgresHandle | undefined;
  let dataSource: DataSource | undefined;
  let db: Client | undefined;
  const cleanup = async () => {
    await db?.end().catch(() => undefined);
    db = undefined;
    await dataSource?.destroy().catch(() => undefined);
    dataSource = undefined;
    await postgres?.stop().catch(() => undefined);
    postgres = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    const port = await findFreePort();
    log(`starting embedded PostgreSQL on port ${port}, data in ${dataDir}`);
    postgres = await startEmbeddedPostgres({ dataDir, port, database: 'zwgk_bench' });
    dataSource = createDataSource(postgres.url, { poolSize: 2, applicationName: 'bench' });
    await connectAndMigrate(dataSource);
    await seedDemoData(dataSource, path.join(projectRoot, 'data', 'catalogs'), options.categories ? { categories: options.categories } : {});
    db = new Client({ connectionString: postgres.url });
    // Stopping the server on a failure ends this connection too: the failure is the error worth printing.
    db.on('error', () => undefined);
    await db.connect();
    log(`PostgreSQL ${(await db.query('SHOW server_version')).rows[0].server_version}`);
    return await work({ dataSource, db, url: postgres.url, dataDir });
  } finally {
    await cleanup();
  }
}

/**
 * After a bulk load: VACUUM ANALYZE (as autovacuum would; it also sets the visibility map for index-only
 * scans), then CHECKPOINT, so that a background checkpoint does not write the load out while pages are timed.
 */
export async function settleAfterBulkLoad(db: Client, tables: readonly string[]): Promise<void> {
  log(`  VACUUM ANALYZE ${tables.join(', ')}; CHECKPOINT`);
  for (const table of tables) await db.query(`VACUUM ANALYZE ${table}`);
  await db.query('CHECKPOINT');
}

/** Nearest-rank p50 and p99 of run times in milliseconds. */
export function percentiles(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Milliseconds one call takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Runs the benchmark's main and reports a failure as the exit code. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
