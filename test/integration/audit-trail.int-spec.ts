import { Client as PgClient } from 'pg';
import { MIGRATIONS } from '@zwgk/db';
import { testServers } from '../support/test-environment';

/** The audit table is append-only in Postgres itself, whatever the application does. */
describe('the audit trail in PostgreSQL', () => {
  let db: PgClient;

  beforeAll(async () => {
    db = new PgClient({ connectionString: testServers().databaseUrl });
    await db.connect();
  });
  afterAll(() => db.end());

  it('accepts inserts, and stores a repeated event key once', async () => {
    const key = `test:${Date.now()}`;
    const insert = () => db.query(`INSERT INTO audit_events (event_key, actor, action) VALUES ($1, 'tester', 'test.event') ON CONFLICT (event_key) DO NOTHING`, [key]);
    await insert();
    await insert();
    const { rows } = await db.query('SELECT count(*)::int AS n FROM audit_events WHERE event_key = $1', [key]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await db.query(`INSERT INTO audit_events (event_key, actor, action) VALUES ($1, 'tester', 'test.event')`, [`tamper:${Date.now()}`]);
    await expect(db.query(`UPDATE audit_events SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('has applied every migration exactly once', async () => {
    const { rows } = await db.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });
});
