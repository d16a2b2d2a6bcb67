import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { AUDIT_CHAIN_GENESIS, AUDIT_CHAIN_SELECT, verifyAuditChain, type AuditChainRow } from '@zwgk/db';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * The tamper-evident audit trail: Postgres chains every row to the one before it in its item's chain, and
 * the API recomputes the chain in Node and names the first broken link.
 */
describe('the audit hash chain', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    system = await startSystem('audit-chain');
    ({ client } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  async function submittedItem(title: string): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body: '正文，含"引号"|竖线\n和换行。', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    expect((await client.request('POST', `/items/${created.body.id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    // The workflow's audit rows arrive through activities: wait for the first review task's.
    await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE item_id = $1 AND action = 'item.submitted'`, [created.body.id]);
      return rows[0].n > 0 ? true : undefined;
    }, 'the submit audit row');
    return created.body.id as string;
  }

  async function chainRows(itemId: string): Promise<AuditChainRow[]> {
    const { rows } = await system.db.query(`SELECT ${AUDIT_CHAIN_SELECT} FROM audit_events WHERE item_id = $1 ORDER BY audit_events.id`, [itemId]);
    return rows;
  }

  it('chains every row written by the workflow, and the API agrees with Postgres', async () => {
    const itemId = await submittedItem('审计链');
    const rows = await chainRows(itemId);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0].previousHash).toBe(AUDIT_CHAIN_GENESIS);
    rows.slice(1).forEach((row, index) => expect(row.previousHash).toBe(rows[index].recordHash));
    for (const row of rows) expect(row.recordHash).toMatch(/^[0-9a-f]{64}$/);

    const verified = await client.request('GET', `/items/${itemId}/audit/verify`, { as: 'office.supervisor' });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ itemId, records: rows.length, valid: true });
    // The item's own department may verify it; another department may not.
    expect((await client.request('GET', `/items/${itemId}/audit/verify`, { as: 'edu.leader' })).body.valid).toBe(true);
    expect((await client.request('GET', `/items/${itemId}/audit/verify`, { as: 'civil.drafter' })).status).toBe(403);
    expect((await client.request('GET', `/items/${randomUUID()}/audit/verify`, { as: 'admin' })).status).toBe(404);
    expect((await client.request('GET', '/items/not-a-uuid/audit/verify', { as: 'admin' })).status).toBe(400);
  });

  it('fails verification at exactly the row changed behind the trigger, and still refuses an ordinary UPDATE', async () => {
    const itemId = await submittedItem('篡改检测');
    const rows = await chainRows(itemId);
    const target = rows[1];

    await expect(system.db.query(`UPDATE audit_events SET reason = 'tampered' WHERE id = $1`, [target.id])).rejects.toThrow(/append-only/);
    expect((await client.request('GET', `/items/${itemId}/audit/verify`, { as: 'office.supervisor' })).body.valid).toBe(true);

    // A superuser can switch user triggers off for one session: exactly what the chain is there to expose.
    await system.db.query('BEGIN');
    await system.db.query('SET LOCAL session_replication_role = replica');
    await system.db.query(`UPDATE audit_events SET actor = 'someone-else' WHERE id = $1`, [target.id]);
    await system.db.query('COMMIT');

    const verified = await client.request('GET', `/items/${itemId}/audit/verify`, { as: 'office.supervisor' });
    expect(verified.status).toBe(200);
    expect(verified.body.valid).toBe(false);
    expect(verified.body.records).toBe(rows.length);
    expect(verified.body.firstBrokenLink).toEqual({ id: target.id, eventKey: target.eventKey, field: 'record_hash', expected: expect.stringMatching(/^[0-9a-f]{64}$/), stored: target.recordHash });
    expect(verified.body.firstBrokenLink.expected).not.toBe(target.recordHash);
  });

  it('keeps one unforked chain under concurrent writers, with awkward values hashed alike in SQL and Node', async () => {
    const itemId = randomUUID();
    const pool = new Pool({ connectionString: testServers().databaseUrl, max: 8 });
    try {
      await Promise.all(Array.from({ length: 40 }, (_, index) => pool.query(
        `INSERT INTO audit_events (event_key, item_id, actor, action, reason, detail) VALUES ($1, $2, $3, 'test.concurrent', $4, $5)`,
        [`chain-test:${itemId}:${index}`, itemId, `测试员${index}`, index % 3 ? null : `原因|"${index}"\n第二行 ✓ 𠀀`, JSON.stringify({ index, nested: { b: [1, 2.50, 'x'], a: null } })],
      )));
    } finally {
      await pool.end();
    }
    const rows = await chainRows(itemId);
    expect(rows).toHaveLength(40);
    expect(verifyAuditChain(rows)).toEqual({ records: 40, valid: true });
  });

  it('lets supervisors search the trail by actor, action and period, newest first, page by page', async () => {
    const itemId = await submittedItem('审计检索');
    const first = await client.request('GET', `/audit?itemId=${itemId}&limit=1`, { as: 'office.supervisor' });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await client.request('GET', `/audit?itemId=${itemId}&limit=1&cursor=${first.body.nextCursor}`, { as: 'office.supervisor' });
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[0].id));

    const created = await client.request('GET', `/audit?itemId=${itemId}&actor=edu.drafter&action=item.created&from=2026-01-01&to=2099-12-31`, { as: 'admin' });
    expect(created.body.items).toEqual([expect.objectContaining({ itemId, actor: 'edu.drafter', action: 'item.created', recordHash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    const byPrefix = await client.request('GET', `/audit?itemId=${itemId}&action=item.`, { as: 'admin' });
    expect(byPrefix.body.items.map((row: { action: string }) => row.action)).toEqual(expect.arrayContaining(['item.created', 'item.submitted']));
    expect((await client.request('GET', `/audit?itemId=${itemId}&to=2000-01-01`, { as: 'admin' })).body.items).toEqual([]);

    expect((await client.request('GET', '/audit', { as: 'edu.leader' })).status).toBe(403);
    const badPeriod = await client.request('GET', '/audit?from=2026-05-01&to=2026-04-01', { as: 'admin' });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.fields).toEqual([expect.objectContaining({ field: 'to' })]);
    const badFields = await client.request('GET', '/audit?from=yesterday&cursor=abc&limit=0', { as: 'admin' });
    expect(badFields.status).toBe(400);
    expect(badFields.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['cursor', 'from', 'limit']);
  });
});
