import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The audit trail of objects without an item: a unit, an application, a consultation. Their rows are found
 * by what each names in its detail, and verified on the chain of rows without an item (and on an item's
 * chain where an object wrote there). Changing a row behind the trigger is only done on a database of the
 * browser suite's own (audit.browser-spec.ts): here the shared chain must stay intact.
 */
describe('the audit trail of objects without an item', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    system = await startSystem('audit-subjects');
    ({ client } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  async function trail(scope: string, key: string, as = 'office.supervisor') {
    const response = await client.request('GET', `/audit?scope=${scope}&key=${encodeURIComponent(key)}&limit=200`, { as });
    expect(response.status).toBe(200);
    return response.body.items as { action: string; itemId: string | null; subjects: { scope: string; key: string }[] }[];
  }

  it("follows a unit through its creation and changes, and finds its chain intact up to its newest row", async () => {
    const code = `aud-${randomBytes(3).toString('hex')}`;
    expect((await client.request('POST', '/org/departments', { as: 'admin', body: { code, name: '县审计对象测试局', kind: 'department', parentCode: 'county' } })).status).toBe(201);
    expect((await client.request('PATCH', `/org/departments/${code}`, { as: 'admin', body: { name: '县审计对象测试局（更名）' } })).status).toBe(200);

    const rows = await trail('departments', code);
    expect(rows.map((row) => row.action)).toEqual(['org.department-updated', 'org.department-created']);
    for (const row of rows) expect(row.subjects).toEqual([{ scope: 'departments', key: code }]);

    const verified = await client.request('GET', `/audit/departments/${code}/verify`, { as: 'admin' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ scope: 'departments', key: code, objectRecords: 2, valid: true });
    expect(verified.body.firstBrokenLink).toBeUndefined();
    expect(verified.body.chains).toEqual([{ itemId: null, records: verified.body.records, valid: true }]);
    // The chain is checked from its start: at least every row up to this unit's newest one.
    const { rows: upTo } = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE item_id IS NULL AND id <= (SELECT max(id) FROM audit_events WHERE detail->>'code' = $1 AND action LIKE 'org.department-%')`,
      [code],
    );
    expect(verified.body.records).toBe(upTo[0].n);
  });

  it("follows an application and a consultation through the rows their workflows write", async () => {
    const registered = await client.request('POST', '/applications', {
      as: 'office.publisher',
      body: { applicantType: 'naturalPerson', applicantName: '审计对象申请人', idDocument: 'AUD-0001', description: '审计时间线：申请公开的信息', deliveryForm: '电子邮件', channel: 'in-person', submittedOn: '2026-03-02' },
    });
    expect(registered.status).toBe(201);
    const applicationId = registered.body.id as string;
    expect((await client.request('POST', `/applications/${applicationId}/steps`, { as: 'office.publisher', body: { step: 'sign' } })).status).toBe(200);
    const consulted = await client.request('POST', '/consultations', { as: 'edu.drafter', body: { kind: 'other', title: '审计时间线：意见征集', draftText: '第一条 ……', explanation: '起草说明', closesOn: '2099-12-31' } });
    expect(consulted.status).toBe(201);
    const consultationId = consulted.body.id as string;

    // The workflows' rows arrive through activities.
    const applicationRows = await client.eventually(async () => {
      const rows = await trail('applications', applicationId);
      return rows.some((row) => row.action === 'application.submitted') ? rows : undefined;
    }, "the application's registration in the trail");
    for (const row of applicationRows) expect(row.subjects).toContainEqual({ scope: 'applications', key: applicationId });
    const consultationRows = await client.eventually(async () => {
      const rows = await trail('consultations', consultationId);
      return rows.length > 0 ? rows : undefined;
    }, "the consultation's opening in the trail");
    for (const row of consultationRows) expect(row.subjects).toContainEqual({ scope: 'consultations', key: consultationId });
    // Only that object's rows.
    expect(applicationRows.every((row) => !row.subjects.some((subject) => subject.scope === 'consultations'))).toBe(true);

    for (const [scope, key, count] of [['applications', applicationId, applicationRows.length], ['consultations', consultationId, consultationRows.length]] as const) {
      const verified = await client.request('GET', `/audit/${scope}/${key}/verify`, { as: 'office.supervisor' });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ scope, key, valid: true });
      expect(verified.body.objectRecords).toBeGreaterThanOrEqual(count);
    }
  });

  it('refuses an unknown kind, a malformed key and a missing object, and whoever may not read the trail', async () => {
    const unknownScope = await client.request('GET', `/audit/parcels/${randomUUID()}/verify`, { as: 'admin' });
    expect(unknownScope.status).toBe(400);
    expect(unknownScope.body.fields).toEqual([expect.objectContaining({ field: 'scope' })]);
    const malformed = await client.request('GET', '/audit/applications/not-a-uuid/verify', { as: 'admin' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toEqual([expect.objectContaining({ field: 'key', problems: [expect.stringContaining('依申请公开申请的编号')] })]);
    const missing = await client.request('GET', `/audit/consultations/${randomUUID()}/verify`, { as: 'admin' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('意见征集');
    expect((await client.request('GET', '/audit/departments/edu/verify', { as: 'edu.leader' })).status).toBe(403);

    const keyAlone = await client.request('GET', '/audit?key=edu', { as: 'admin' });
    expect(keyAlone.status).toBe(400);
    expect(keyAlone.body.fields).toEqual([expect.objectContaining({ field: 'scope' })]);
    const badKey = await client.request('GET', '/audit?scope=calendar-batches&key=abc', { as: 'admin' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.fields).toEqual([expect.objectContaining({ field: 'key' })]);
  });
});
