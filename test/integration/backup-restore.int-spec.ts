import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { projectRoot } from '@zwgk/config';
import { connectAndMigrate, createDataSource, seedDemoData } from '@zwgk/db';
import { ApiClient } from '../support/api-client';
import { uploadAttachments } from '../support/review-path';
import { startApi, startWorker, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { buildPdf } from '../support/sample-files';
import { testServers } from '../support/test-environment';

const run = promisify(execFile);

/**
 * `npm run backup` and `npm run restore` for real: a system on its own database and attachment folder writes an
 * item with an attachment and its audit rows; the backup is taken; the database is dropped and the folder
 * deleted; the restore brings both back, and the API serves the same item, a verifying audit chain and the same
 * attachment bytes.
 */
describe('backup and restore of the database and the attachment store', () => {
  const database = `zwgk_restore_${process.pid}`;
  const adminUrl = testServers().databaseUrl;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  const queue = uniqueTaskQueue('backup');
  let workDir: string;
  let attachmentDir: string;
  let backupDir: string;
  let api: (SpawnedProcess & { baseUrl: string }) | undefined;
  let worker: SpawnedProcess | undefined;

  const admin = async (sql: string) => {
    const client = new PgClient({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const env = () => ({ ...process.env, NO_COLOR: '1', DATABASE_URL: databaseUrl, ATTACHMENT_DIR: attachmentDir });
  const script = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', 'scripts/backup.ts', ...args], { cwd: projectRoot, env: env(), timeout: 120_000 });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const startAll = async () => {
    const extra = { DATABASE_URL: databaseUrl, ATTACHMENT_DIR: attachmentDir };
    [worker, api] = await Promise.all([startWorker(queue, extra), startApi(queue, extra)]);
    return new ApiClient(api.baseUrl);
  };
  const stopAll = async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    [api, worker] = [undefined, undefined];
  };

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'zwgk-backup-'));
    attachmentDir = path.join(workDir, 'attachments');
    backupDir = path.join(workDir, 'backup-2026-12-06');
    await admin(`CREATE DATABASE ${database}`);
    const dataSource = createDataSource(databaseUrl);
    await connectAndMigrate(dataSource);
    await seedDemoData(dataSource, path.join(projectRoot, 'data', 'catalogs'));
    await dataSource.destroy();
  }, 120_000);

  afterAll(async () => {
    await stopAll();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('brings back the items, a verifying audit chain and the attachments after the database and files are lost', async () => {
    let client = await startAll();
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年秋季招生办法（备份演练）', body: '备份与恢复演练正文。', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    const itemId = created.body.id as string;
    const pdf = buildPdf('Backup drill 2026');
    const uploaded = await uploadAttachments(client, 'edu.drafter', itemId, [{ name: '招生办法.pdf', type: 'application/pdf', content: pdf }]);
    expect(uploaded.status).toBe(201);
    const attachmentId = (uploaded.body.items as { id: string }[])[0]!.id;
    const before = await client.request('GET', `/items/${itemId}/audit/verify`, { as: 'office.supervisor' });
    expect(before.body.valid).toBe(true);
    const itemBefore = (await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body;
    const itemsBefore = (await client.request('GET', '/items', { as: 'edu.drafter' })).body;
    await stopAll();

    const saved = await script('backup', backupDir);
    expect(saved).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Saved \d+ rows of \d+ tables and 1 attachments to /) });
    // A second backup never overwrites the first.
    expect(await script('backup', backupDir)).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') });

    // The loss: the database is dropped and the attachment store deleted.
    await admin(`DROP DATABASE ${database} WITH (FORCE)`);
    rmSync(attachmentDir, { recursive: true, force: true });
    await admin(`CREATE DATABASE ${database}`);

    const restored = await script('restore', backupDir);
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringContaining('Restored the backup of') });
    // Restoring over a database that has tables is refused, not merged.
    expect(await script('restore', backupDir)).toMatchObject({ code: 1, stderr: expect.stringContaining('restore into a new, empty database') });

    client = await startAll();
    const itemAfter = (await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body;
    expect(itemAfter).toEqual(itemBefore);
    expect((await client.request('GET', '/items', { as: 'edu.drafter' })).body).toEqual(itemsBefore);
    const after = await client.request('GET', `/items/${itemId}/audit/verify`, { as: 'office.supervisor' });
    expect(after.body).toEqual(before.body);
    const download = await fetch(`${client.baseUrl}/items/${itemId}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${await client.token('edu.reviewer')}` } });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
    // The restored sequences and chain go on: a new audited action appends and still verifies.
    const edited = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '恢复之后的新草稿', body: '恢复之后。', formedAt: '2026-11-21' } });
    expect(edited.status).toBe(201);
    expect((await client.request('GET', `/items/${edited.body.id as string}/audit/verify`, { as: 'office.supervisor' })).body.valid).toBe(true);
  }, 240_000);
});
