import { randomUUID } from 'node:crypto';
import {
  CALENDAR_RECALCULATION_WORKFLOW_TYPE,
  calendarRecalculationWorkflowId,
  concernRecordedUpdate,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  PUBLIC_CONCERN_WORKFLOW_TYPE,
  publicConcernViewQuery,
  publicConcernWorkflowId,
  SUPERVISION_DEMAND_WORKFLOW_TYPE,
  supervisionDemandOpenedUpdate,
  supervisionDemandViewQuery,
  supervisionDemandWorkflowId,
  type ActorRef,
  type CalendarRecalculationInput,
  type CalendarRecalculationProgress,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar, type HolidayTable } from '@zwgk/domain';
import { eduCatalogRow } from '../support/catalog-row';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * Loading an official year moves more than items: the recalculation batch also tells the open public
 * concerns and 督办 demands, and each recomputes its due instant with the calendar now in force and re-arms
 * its timer. On the time-skipping server at a fixed instant in 2095, whose 春节 (2/4 to 2/7) the calendar
 * counts by statute until a (test) arrangement that takes 2/4 to 2/10 off is in force. The activities get
 * a switchable fixed calendar, so no holiday year another suite loads into the shared database moves them.
 */
describe('a calendar recalculation over concerns and 督办 demands', () => {
  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };
  const admin: ActorRef = { username: 'admin', displayName: '管理员', departmentCode: 'office', roles: ['admin'] };

  const statutory = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
  let calendarInForce: WorkingDayCalendar = statutory;
  const switchableCalendar = new Proxy(statutory, {
    get: (_target, property) => {
      const value: unknown = Reflect.get(calendarInForce, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(calendarInForce) : value;
    },
  });

  let harness: TimeSkippingHarness;
  beforeAll(async () => {
    harness = await startTimeSkippingHarness('recalc-kinds', undefined, { calendar: switchableCalendar, startAt: '2095-02-01T02:00:00Z' });
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
  });

  it('moves a concern\'s and a demand\'s due instants when a corrected year is loaded, and their timers follow', async () => {
    const client = harness.env.client;
    // The item both hang on (the concern and the demand rows reference it).
    const itemId = randomUUID();
    const item = await client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(itemId),
      taskQueue: harness.taskQueue,
      args: [{ itemId, drafter, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow(), title: '重算：关切与督办', body: '正文', formedAt: '2095-01-28', channels: ['政府网站'] }],
    });
    await item.executeUpdate(draftRecordedUpdate);

    // A website message received Tuesday 2/1: 7 working days after the receipt day. By statute 2/2, 2/3, 2/8–2/11, 2/14.
    const concernId = randomUUID();
    const concern = await client.workflow.start(PUBLIC_CONCERN_WORKFLOW_TYPE, {
      workflowId: publicConcernWorkflowId(concernId),
      taskQueue: harness.taskQueue,
      args: [{ concernId, itemId, itemDepartmentCode: 'edu', kind: 'message', content: '请问何时公开？', receivedAt: '2095-02-01T02:00:00.000Z' }],
    });
    const recorded = await concern.executeUpdate(concernRecordedUpdate);
    expect(recorded.deadlines).toEqual([expect.objectContaining({ milestone: 'response', dueAt: '2095-02-14T15:59:59.999Z' })]);

    // A demand opened Tuesday 2/1 with 5 working days: by statute 2/2, 2/3, 2/8, 2/9, 2/10.
    const demandId = randomUUID();
    const demand = await client.workflow.start(SUPERVISION_DEMAND_WORKFLOW_TYPE, {
      workflowId: supervisionDemandWorkflowId(demandId),
      taskQueue: harness.taskQueue,
      args: [{ demandId, itemId, itemTitle: '重算：关切与督办', departmentCode: 'edu', reason: '请加快办理', dueWorkingDays: 5, demandedBy: supervisor }],
    });
    const opened = await demand.executeUpdate(supervisionDemandOpenedUpdate);
    expect(opened.dueAt).toBe('2095-02-10T15:59:59.999Z');

    // The (test) arrangement: 春节 2/4–2/10 off. The concern moves to 2/17 (2/2, 2/3, 2/11, 2/14–2/17), the demand to 2/15.
    const arrangement: HolidayTable = { year: 2095, source: '测试用：2095年节假日安排', published: true, holidays: [{ name: '春节', days: ['2095-02-04', '2095-02-05', '2095-02-06', '2095-02-07', '2095-02-08', '2095-02-09', '2095-02-10'] }], makeUpWorkingDays: [] };
    calendarInForce = new WorkingDayCalendar([...PUBLISHED_HOLIDAY_TABLES.filter((table) => table.year !== 2095), arrangement]);
    const batchId = randomUUID();
    const input: CalendarRecalculationInput = { holidayTableId: batchId, year: 2095, dueFrom: '2094-12-31T16:00:00.000Z', request: { actor: admin, reason: '2095年节假日安排已公布' } };
    const progress: CalendarRecalculationProgress = await client.workflow.execute(CALENDAR_RECALCULATION_WORKFLOW_TYPE, {
      workflowId: calendarRecalculationWorkflowId(batchId),
      taskQueue: harness.taskQueue,
      args: [input],
    });
    // The shared database holds other suites' open rows due in the 2090s; their workflows are not on this
    // server, so they count as skipped (closed), never as failures.
    expect(progress).toMatchObject({ state: 'DONE', failedCount: 0 });
    for (const kind of ['item', 'concern', 'demand'] as const) expect(progress.byKind?.[kind]?.signalled).toBeGreaterThanOrEqual(1);
    expect(progress.found).toBe(progress.signalled + (progress.skipped ?? 0));

    const settled = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const value = await read();
        if (done(value)) return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return read();
    };
    const concernView = await settled(() => concern.query(publicConcernViewQuery), (view) => view.deadlines[0]?.dueAt !== recorded.deadlines[0]!.dueAt);
    expect(concernView.deadlines).toEqual([expect.objectContaining({ milestone: 'response', dueAt: '2095-02-17T15:59:59.999Z' })]);
    const demandView = await settled(() => demand.query(supervisionDemandViewQuery), (view) => view.dueAt !== opened.dueAt);
    expect(demandView).toMatchObject({ state: 'OPEN', dueAt: '2095-02-15T15:59:59.999Z', overdue: false });
    // The read models follow.
    const [demandRow] = await harness.dataSource.query(`SELECT due_at FROM supervision_demands WHERE id = $1`, [demandId]);
    expect(new Date(demandRow.due_at).toISOString()).toBe('2095-02-15T15:59:59.999Z');
    const [taskRow] = await harness.dataSource.query(`SELECT due_at FROM review_tasks WHERE id = $1`, [demandId]);
    expect(new Date(taskRow.due_at).toISOString()).toBe('2095-02-15T15:59:59.999Z');
    const [concernRow] = await harness.dataSource.query(`SELECT due_at FROM concern_deadlines WHERE concern_id = $1 AND milestone = 'response'`, [concernId]);
    expect(new Date(concernRow.due_at).toISOString()).toBe('2095-02-17T15:59:59.999Z');

    // The timers follow: nothing is overdue at the old instants, both are at the new ones.
    await harness.sleepUntil('2095-02-14T17:00:00Z');
    expect(await demand.query(supervisionDemandViewQuery)).toMatchObject({ overdue: false });
    expect((await concern.query(publicConcernViewQuery)).deadlines[0]!.overdueAt).toBeUndefined();
    await harness.sleepUntil('2095-02-17T17:00:00Z');
    expect(await demand.query(supervisionDemandViewQuery)).toMatchObject({ state: 'OVERDUE', overdue: true });
    expect((await concern.query(publicConcernViewQuery)).deadlines[0]!.overdueAt).toBeDefined();
    const audited = await harness.dataSource.query(`SELECT action FROM audit_events WHERE item_id = $1 AND action LIKE '%recalculated' ORDER BY action`, [itemId]);
    expect(audited.map((row: { action: string }) => row.action)).toEqual(expect.arrayContaining(['concern.deadline-recalculated', 'supervision.demand-deadline-recalculated']));
  }, 120_000);
});
