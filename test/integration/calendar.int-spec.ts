import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import {
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  disclosureItemViewQuery,
  draftRecordedUpdate,
  submitForReviewUpdate,
  type ActorRef,
  type DisclosureItemInput,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';
import { eduCatalogRow } from '../support/catalog-row';
import { testServers } from '../support/test-environment';

/**
 * The working-day calendar over HTTP, and what loading an official arrangement does to open items:
 * their provisional deadlines are recomputed by their workflows, and the timers re-arm.
 *
 * The year loaded is 2092, which no other suite loads or counts into (the database is shared), so neither
 * today's date nor the items other suites leave open decide which items the load recomputes.
 */
describe('the working-day calendar', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;

  beforeAll(async () => {
    system = await startSystem('calendar');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  it('explains 20 working days after 2026-02-10: 2026-03-16, skipping 春节 and counting the make-up Saturdays', async () => {
    const response = await client.request('GET', '/calendar/working-days?from=2026-02-10&count=20');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ date: '2026-03-16', dueAt: '2026-03-16T15:59:59.999Z', provisional: false, calendarVersion: expect.any(String) });
    expect(response.body.counted).toHaveLength(20);
    expect(response.body.counted).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
    expect(response.body.skipped).toEqual(expect.arrayContaining([{ date: '2026-02-17', reason: '节假日', holiday: '春节' }, { date: '2026-03-01', reason: '周末' }]));
    expect((await client.request('GET', '/calendar/working-days?from=2026-01-01&count=1')).body.date).toBe('2026-01-04');
  });

  it('answers 400 naming the field for a bad date or count', async () => {
    const badDate = await client.request('GET', '/calendar/working-days?from=2026-02-30&count=5');
    expect(badDate.status).toBe(400);
    expect(badDate.body.fields.map((f: { field: string }) => f.field)).toEqual(['from']);
    const badCount = await client.request('GET', '/calendar/working-days?from=2026-02-10&count=-1');
    expect(badCount.status).toBe(400);
    expect(badCount.body.fields.map((f: { field: string }) => f.field)).toEqual(['count']);
  });

  it('loads an official arrangement, and an open item with a provisional deadline is recomputed by its workflow', async () => {
    // A count in 2092, whose official arrangement is not loaded yet: provisional, 春节 counted by statute.
    const before = await client.request('GET', '/calendar/working-days?from=2092-01-10&count=40');
    expect(before.body).toMatchObject({ provisional: true, provisionalYears: [2092] });
    expect(before.body.skipped).toEqual(expect.arrayContaining([{ date: '2092-02-07', reason: '节假日', holiday: '春节' }]));

    // An item whose rule is 40 working days, started on the API's task queue like any other item.
    const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
    const itemId = randomUUID();
    const input: DisclosureItemInput = {
      itemId,
      drafter,
      catalogVersionId: DEMO_CATALOG_VERSION_ID,
      catalogItem: eduCatalogRow({ timeLimit: { text: '信息形成之日起40个工作日内', rule: { kind: 'working-days', count: 40, anchor: 'formed-or-changed' } } }),
      title: '跨年期限测试',
      body: '正文',
      formedAt: '2092-01-10',
      channels: ['政府网站'],
    };
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      const temporal = new TemporalClient({ connection });
      const handle = await temporal.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue: system.taskQueue, args: [input] });
      const draft = await handle.executeUpdate(draftRecordedUpdate);
      expect(draft.releaseDueProvisional).toBe(true);
      expect(draft.releaseDueExplanation).toMatch(/暂按法定节假日推算/);
      await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });

      const arrangement = {
        year: 2092,
        source: '测试用：2092年部分节假日安排（模拟通知）',
        holidays: [
          { name: '元旦', days: ['2092-01-01'] },
          { name: '春节', days: ['2092-02-05', '2092-02-06', '2092-02-07', '2092-02-08', '2092-02-09', '2092-02-10', '2092-02-11', '2092-02-12', '2092-02-13'] },
        ],
        makeUpWorkingDays: ['2092-02-02', '2092-02-16'],
      };
      expect((await client.request('POST', '/calendar/years', { as: 'edu.drafter', body: arrangement })).status).toBe(403);
      const invalid = await client.request('POST', '/calendar/years', { as: 'admin', body: { ...arrangement, makeUpWorkingDays: ['2092-02-18'] } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toMatch(/2092-02-18 不是星期六或星期日/);

      // The load answers at once with its recalculation batch; the batch tells every open item's workflow.
      const loaded = await client.request('POST', '/calendar/years', { as: 'admin', body: arrangement });
      expect(loaded.status).toBe(201);
      expect(loaded.body).toMatchObject({ year: 2092, recalculationBatchId: expect.stringMatching(/^\d+$/) });
      const batchPath = `/calendar/recalculations/${loaded.body.recalculationBatchId}`;
      expect((await client.request('GET', batchPath, { as: 'edu.drafter' })).status).toBe(403);
      expect((await client.request('GET', '/calendar/recalculations/999999999', { as: 'admin' })).status).toBe(404);
      const batch = await client.eventually(async () => {
        const progress = await client.request('GET', batchPath, { as: 'admin' });
        return progress.body.state === 'DONE' ? progress.body : undefined;
      }, 'the recalculation batch to finish');
      expect(batch.found).toBeGreaterThanOrEqual(1);
      // Every deadline holder found is signalled, or skipped because its workflow has closed (a released item), or failed.
      expect(batch.signalled + batch.skipped + batch.failedCount).toBe(batch.found);
      expect(batch.failed.map((failure: { workflowId: string }) => failure.workflowId)).not.toContain(disclosureItemWorkflowId(itemId));

      const after = await client.request('GET', '/calendar/working-days?from=2092-01-10&count=40');
      expect(after.body.provisional).toBe(false);
      // The arrangement's longer 春节, less its two make-up days, moves the deadline: the item has something to recompute.
      expect(after.body.dueAt > before.body.dueAt).toBe(true);
      const detail = await client.eventually(async () => {
        const response = await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' });
        const audited = response.body.timeline.some((event: { action: string }) => event.action === 'deadline.recalculated');
        return audited ? response.body : undefined;
      }, 'the item to recompute its deadline and audit it');
      expect(detail.deadlines[0]).toMatchObject({ kind: 'release', provisional: false, dueAt: after.body.dueAt });
      expect(detail.deadlines[0].why).not.toMatch(/暂按/);
      // The item's own view agrees with the read model: the workflow holds the new deadline and re-armed on it.
      expect((await handle.query(disclosureItemViewQuery)).releaseDueAt).toBe(after.body.dueAt);
      const years = await client.request('GET', '/calendar/years');
      expect(years.body.years.find((y: { year: number }) => y.year === 2092)).toMatchObject({ published: true, loadedBy: 'admin' });
      const audit = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'calendar.year-loaded' AND detail->>'year' = '2092'`);
      expect(audit.rows[0].n).toBe(1);
    } finally {
      await connection.close();
    }
  });
});
