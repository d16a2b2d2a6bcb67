import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import { DISCLOSURE_ITEM_WORKFLOW_TYPE, disclosureItemWorkflowId, draftRecordedUpdate, submitForReviewUpdate, type ActorRef } from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import type { ApiClient } from '../support/api-client';
import { eduCatalogRow } from '../support/catalog-row';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * A wrong holiday year can be corrected (issue 16): loading a year already loaded is refused (409) unless
 * it says `replace: true`; the replacement is audited with the table it replaces, admins only, and the
 * open items whose deadlines reach into that year are recomputed by their workflows.
 *
 * The year is 2091, which no other suite loads or counts into (the database is shared): the item is
 * started on this file's own task queue with a formed date there, as the calendar suite does for 2027.
 */
describe('correcting a loaded holiday year', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  const YEAR = 2091;

  beforeAll(async () => {
    system = await startSystem('calendar-correction');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  it('refuses a second load without replace, replaces with it (audited, admin only), and recomputes the open items it moves', async () => {
    const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
    const itemId = randomUUID();
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      const handle = await new TemporalClient({ connection }).workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
        workflowId: disclosureItemWorkflowId(itemId),
        taskQueue: system.taskQueue,
        args: [{ itemId, drafter, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow(), title: '更正节假日测试', body: '正文', formedAt: `${YEAR}-03-01`, channels: ['政府网站'] }],
      });
      await handle.executeUpdate(draftRecordedUpdate);
      await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    } finally {
      await connection.close();
    }

    // The first (wrong) arrangement: only 元旦. The item's provisional deadline is settled by it.
    const wrong = { year: YEAR, source: `测试用：${YEAR}年节假日安排（有误）`, holidays: [{ name: '元旦', days: [`${YEAR}-01-01`] }], makeUpWorkingDays: [] };
    const loaded = await client.request('POST', '/calendar/years', { as: 'admin', body: wrong });
    expect(loaded.status).toBe(201);
    expect(loaded.body).toMatchObject({ replaced: false, recalculationBatchId: expect.stringMatching(/^\d+$/) });
    /** The load's batch has told the item, and the item has recomputed its release deadline to `dueAt`. */
    const settled = async (response: { body: { recalculationBatchId: string } }, dueAt: string) => {
      const batch = await client.eventually(async () => {
        const progress = await client.request('GET', `/calendar/recalculations/${response.body.recalculationBatchId}`, { as: 'admin' });
        return progress.body.state === 'DONE' ? progress.body : undefined;
      }, 'the recalculation batch');
      expect(batch.failed.map((failure: { workflowId: string }) => failure.workflowId)).not.toContain(disclosureItemWorkflowId(itemId));
      return client.eventually(async () => {
        const item = await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' });
        return item.body.deadlines[0].dueAt === dueAt ? item.body : undefined;
      }, `the item's deadline to move to ${dueAt}`);
    };
    const before = await client.request('GET', `/calendar/working-days?from=${YEAR}-03-01&count=20`);
    expect(before.body.provisional).toBe(false);
    expect((await settled(loaded, before.body.dueAt)).deadlines[0]).toMatchObject({ kind: 'release', provisional: false });

    // Loading the year again is refused, whatever the body: a correction must say so.
    const again = await client.request('POST', '/calendar/years', { as: 'admin', body: wrong });
    expect(again.status).toBe(409);
    expect(again.body.fields).toEqual([{ field: 'replace', problems: [expect.stringContaining(`${YEAR}年已载入`)] }]);

    // The correction adds three of the counted working days as a holiday: the deadline moves three days on.
    const counted: string[] = before.body.counted;
    const corrected = { ...wrong, source: `测试用：${YEAR}年节假日安排（更正）`, holidays: [...wrong.holidays, { name: '清明节', days: counted.slice(5, 8) }], replace: true };
    expect((await client.request('POST', '/calendar/years', { as: 'edu.drafter', body: corrected })).status).toBe(403);
    const replaced = await client.request('POST', '/calendar/years', { as: 'admin', body: corrected });
    expect(replaced.status).toBe(201);
    const after = await client.request('GET', `/calendar/working-days?from=${YEAR}-03-01&count=20`);
    expect(after.body.date > before.body.date).toBe(true);
    expect(after.body.skipped).toEqual(expect.arrayContaining(counted.slice(5, 8).map((date) => ({ date, reason: '节假日', holiday: '清明节' }))));
    expect(replaced.body).toMatchObject({ replaced: true, recalculationBatchId: expect.stringMatching(/^\d+$/) });
    expect((await settled(replaced, after.body.dueAt)).deadlines[0]).toMatchObject({ kind: 'release', dueAt: after.body.dueAt, provisional: false });

    const years = await client.request('GET', '/calendar/years');
    expect(years.body.years.find((y: { year: number }) => y.year === YEAR)).toMatchObject({ source: corrected.source, loadedBy: 'admin' });
    const audit = await db.query(`SELECT action, detail FROM audit_events WHERE action LIKE 'calendar.year-%' AND (detail->>'year')::int = $1 ORDER BY id`, [YEAR]);
    expect(audit.rows.map((row) => row.action)).toEqual(['calendar.year-loaded', 'calendar.year-replaced']);
    expect(audit.rows[1].detail).toMatchObject({ before: { source: wrong.source, holidays: wrong.holidays }, after: { holidays: corrected.holidays } });
  });
});
