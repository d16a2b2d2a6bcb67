import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { MIGRATIONS } from '../migrations';

/**
 * Backup and restore of the application's database and attachment store (docs/operations.md, "Backup and
 * restore"). The database is saved as rows, one JSON object a line per table, read in one repeatable-read
 * snapshot; the schema is not saved but rebuilt by the migrations the backup names. That keeps a backup
 * independent of the PostgreSQL version (the embedded server and a county's differ, and the embedded package
 * ships no pg_dump) and makes restore refuse a backup of another release rather than load rows into a
 * schema they do not fit.
 */
export const BACKUP_FORMAT = 'zwgk-backup/1';

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  /** The migrations applied to the database when it was saved, oldest first. */
  readonly migrations: readonly string[];
  /** Rows saved per table. */
  readonly tables: Readonly<Record<string, number>>;
  /** Attachment files saved (content-addressed by their sha256). */
  readonly attachments: number;
}

/** TypeORM's own bookkeeping: rebuilt by the migrations, never restored from rows. */
const SKIPPED_TABLES = new Set(['migrations', 'typeorm_metadata']);
const BATCH_ROWS = 500;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the public schema and their writable (non-generated) columns. */
async function tablesOf(client: Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.is_generated = 'NEVER'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const row of rows) {
    if (SKIPPED_TABLES.has(row.table_name)) continue;
    tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  }
  return tables;
}

/** Every file below `dir` whose name is a sha256 (what the attachment store writes). */
function attachmentFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

export async function backupDatabaseAndAttachments(options: { databaseUrl: string; attachmentDir: string; target: string; now?: Date }): Promise<BackupManifest> {
  if (existsSync(options.target) && readdirSync(options.target).length > 0) throw new Error(`备份目录不是空的 / the backup folder ${options.target} is not empty`);
  mkdirSync(path.join(options.target, 'database'), { recursive: true });
  const client = new Client({ connectionString: options.databaseUrl, application_name: 'zwgk-backup' });
  await client.connect();
  const tables: Record<string, number> = {};
  let migrations: string[];
  try {
    // One snapshot for every table: rows that reference each other are saved as they stood together.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    migrations = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name);
    for (const [table, columns] of await tablesOf(client)) {
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(path.join(options.target, 'database', `${table}.ndjson.gz`)));
      await client.query(`DECLARE rows_of_table NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS line FROM (SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)}) r`);
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ line: string }>(`FETCH ${BATCH_ROWS} FROM rows_of_table`);
        if (rows.length === 0) break;
        count += rows.length;
        if (!gzip.write(rows.map((row) => `${row.line}\n`).join(''))) await new Promise((resolve) => gzip.once('drain', resolve));
      }
      await client.query('CLOSE rows_of_table');
      gzip.end();
      await written;
      tables[table] = count;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  // After the snapshot: a file uploaded meanwhile is saved without its row, which restore leaves unused.
  const files = attachmentFiles(options.attachmentDir);
  for (const file of files) cpSync(file, path.join(options.target, 'attachments', path.relative(options.attachmentDir, file)));
  const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: (options.now ?? new Date()).toISOString(), migrations, tables, attachments: files.length };
  writeFileSync(path.join(options.target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readBackupManifest(source: string): BackupManifest {
  const file = path.join(source, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${source} 不是备份目录 / is not a backup: it has no manifest.json`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`不支持的备份格式 / unknown backup format "${String(manifest.format)}", expected ${BACKUP_FORMAT}`);
  return manifest;
}

async function* linesOf(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/**
 * Restores a backup into an empty database (no tables yet) and an attachment folder. `migrate` builds the
 * schema with the migrations of this release, which must be exactly the backup's. The rows are loaded in one
 * transaction with triggers and foreign-key checks off (session_replication_role = replica: a superuser, or a
 * role granted SET on that parameter): the audit log's rows come back as they were saved, hashes included,
 * instead of being refused by its append-only trigger or re-chained.
 */
export async function restoreDatabaseAndAttachments(options: {
  databaseUrl: string;
  attachmentDir: string;
  source: string;
  migrate: () => Promise<void>;
}): Promise<BackupManifest> {
  const manifest = readBackupManifest(options.source);
  // TypeORM records a migration by its class name; a backup of another release would not fit this schema.
  const release = MIGRATIONS.map((migration) => migration.name);
  if (release.length !== manifest.migrations.length || release.some((name, i) => name !== manifest.migrations[i])) {
    throw new Error(`备份与当前版本的数据库结构不同 / the backup was made by another release (${manifest.migrations.length} migrations, this release has ${release.length}): restore with the release that made it, then upgrade`);
  }
  const client = new Client({ connectionString: options.databaseUrl, application_name: 'zwgk-restore' });
  await client.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' LIMIT 1`);
    if (existing.rowCount) throw new Error('目标数据库不是空的 / the target database already has tables: restore into a new, empty database');
    await options.migrate();
    const tables = await tablesOf(client);
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const [table, columns] of tables) {
      // Rows the migrations themselves seed give way to the saved ones.
      await client.query(`DELETE FROM ${quoted(table)}`);
      const file = path.join(options.source, 'database', `${table}.ndjson.gz`);
      if (!existsSync(file)) continue;
      const list = columns.map(quoted).join(', ');
      const insert = `INSERT INTO ${quoted(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`;
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length) await client.query(insert, [`[${batch.join(',')}]`]);
        batch = [];
      };
      for await (const line of linesOf(file)) {
        batch.push(line);
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      const counted = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(table)}`)).rows[0]!.n);
      if (counted !== (manifest.tables[table] ?? 0)) throw new Error(`${table}: restored ${counted} rows, the backup has ${manifest.tables[table] ?? 0}`);
    }
    // Sequences continue after the restored rows, not from where the fresh migrations left them.
    const sequences = await client.query<{ table_name: string; column_name: string; sequence: string }>(
      `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
         FROM information_schema.columns WHERE table_schema = 'public' AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
    );
    for (const row of sequences.rows) {
      await client.query(`SELECT setval($1, COALESCE((SELECT max(${quoted(row.column_name)}) FROM ${quoted(row.table_name)}), 0) + 1, false)`, [row.sequence]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  restoreAttachments(path.join(options.source, 'attachments'), options.attachmentDir);
  return manifest;
}

/** Copies the saved files back, checking each against its name (its sha256): a damaged file is refused, not served. */
function restoreAttachments(from: string, to: string): void {
  for (const file of attachmentFiles(from)) {
    const sum = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (sum !== path.basename(file)) throw new Error(`附件已损坏 / attachment ${path.basename(file)} in the backup does not match its sha256`);
    const target = path.join(to, path.relative(from, file));
    if (existsSync(target) && statSync(target).size > 0) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(file, target);
  }
}
