import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection, ScheduleNotFoundError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import {
  FailureType,
  fulfilObligationUpdate,
  OPEN_OBLIGATION_PERIOD_WORKFLOW_TYPE,
  obligationOpeningWorkflowId,
  obligationPeriodWorkflowId,
  PERIODIC_OBLIGATION_WORKFLOW_TYPE,
  periodicObligationViewQuery,
  type ActorRef,
  type FulfilObligationRequest,
  type ObligationScheduleInput,
  type OpenObligationPeriodResult,
  type PeriodicObligationInput,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { chinaDateOf, nextObligationOpening, obligationCalendarSpec, obligationPeriodAt, type ObligationRule } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/** 每年1月31日前 (GENERAL-001, 政府信息公开年报): in the demo catalog and in every version other tests activate. */
const ANNUAL_REPORT: ObligationRule = { kind: 'yearly-date', month: 1, day: 31 };
const HALF_YEARLY: ObligationRule = { kind: 'periodic', everyMonths: 6 };

/**
 * Periodic obligations (定期公开) over HTTP against the real API and worker: registration creates a
 * Temporal Schedule on the dev server, a firing opens the department's drafting task and tells its
 * drafters, and the department fulfils it with a disclosure item through a validated Update.
 */
describe('periodic obligations over HTTP', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  let connection: Connection;
  let temporal: TemporalClient;

  beforeAll(async () => {
    system = await startSystem('obligations');
    ({ client, db } = system);
    connection = await Connection.connect({ address: testServers().temporalAddress });
    temporal = new TemporalClient({ connection });
  }, 120_000);

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
  });

  const register = (as: string, body: Record<string, unknown>) => client.request('POST', '/obligations', { as, body });
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((field) => field.field);
  const openTasks = async (as: string, obligationId: string) =>
    ((await client.request('GET', '/obligations/tasks', { as })).body.items as { id: string; obligationId: string }[]).filter((task) => task.obligationId === obligationId);
  const auditActions = async (obligationId: string) =>
    (await db.query(`SELECT action, actor, actor_role FROM audit_events WHERE detail->>'obligationId' = $1 ORDER BY id`, [obligationId])).rows as { action: string; actor: string; actor_role: string | null }[];

  let obligationId: string;
  let taskId: string;

  it('lets only admins and the disclosure office register, and only a periodic or yearly item of the active catalog', async () => {
    expect((await register('edu.drafter', { catalogItemCode: 'GENERAL-001', departmentCode: 'edu' })).status).toBe(403);
    expect((await register('office.supervisor', { catalogItemCode: 'GENERAL-001', departmentCode: 'edu' })).status).toBe(403);

    // 本级人民代表大会或其常务委员会批准后20日内: a count from an event, not a standing obligation.
    const oneOff = await register('admin', { catalogItemCode: 'FISCAL-001', departmentCode: 'edu' });
    expect(oneOff.status).toBe(400);
    expect(fieldsOf(oneOff.body)).toEqual(['catalogItemCode']);
    expect(oneOff.body.message).toMatch(/既不是周期性的，也不是每年固定日期/);

    const unknownItem = await register('admin', { catalogItemCode: 'NOPE-999', departmentCode: 'edu' });
    expect(unknownItem.status).toBe(400);
    expect(fieldsOf(unknownItem.body)).toEqual(['catalogItemCode']);

    const unknownDepartment = await register('admin', { catalogItemCode: 'GENERAL-001', departmentCode: 'nowhere' });
    expect(unknownDepartment.status).toBe(400);
    expect(fieldsOf(unknownDepartment.body)).toEqual(['departmentCode']);

    const missing = await register('admin', { catalogItemCode: 'GENERAL-001' });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['departmentCode']);
  });

  it('registers 每年1月31日前 as a Schedule that opens the task 30 days ahead, China time, and refuses a duplicate', async () => {
    const now = new Date();
    const period = obligationPeriodAt(ANNUAL_REPORT, chinaDateOf(now));
    const created = await register('office.publisher', { catalogItemCode: 'GENERAL-001', departmentCode: 'edu' });
    expect(created.status).toBe(201);
    obligationId = created.body.id;
    expect(created.body).toMatchObject({
      catalogItemCode: 'GENERAL-001',
      catalogItemName: '综合政务 / 政府信息公开年报',
      departmentCode: 'edu',
      departmentName: '县教育局',
      timeLimit: { text: '每年1月31日前', rule: ANNUAL_REPORT },
      state: 'active',
      scheduleId: `obligation-${obligationId}`,
      schedule: { timeZone: 'Asia/Shanghai', months: [1], dayOfMonth: 1, at: '00:00:00' },
      currentPeriod: period,
      nextDueDate: period.dueDate,
      nextOpensAt: nextObligationOpening(obligationCalendarSpec(ANNUAL_REPORT), now).toISOString(),
      currentTask: null,
      currentState: 'awaiting-opening',
      createdBy: 'office.publisher',
    });

    const duplicate = await register('admin', { catalogItemCode: 'GENERAL-001', departmentCode: 'edu' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toContain(obligationId);

    const schedule = await temporal.schedule.getHandle(`obligation-${obligationId}`).describe();
    expect(schedule.spec.timezone).toBe('Asia/Shanghai');
    expect(schedule.spec.calendars).toEqual([
      expect.objectContaining({
        month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }],
        dayOfMonth: [{ start: 1, end: 1, step: 1 }],
        hour: [{ start: 0, end: 0, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
        second: [{ start: 0, end: 0, step: 1 }],
      }),
    ]);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: OPEN_OBLIGATION_PERIOD_WORKFLOW_TYPE, workflowId: obligationOpeningWorkflowId(obligationId), taskQueue: system.taskQueue });
    expect(schedule.action.args).toEqual([expect.objectContaining({ obligationId, catalogItemCode: 'GENERAL-001', departmentCode: 'edu', rule: ANNUAL_REPORT })]);
    expect(schedule.policies.overlap).toBe('SKIP');
    expect(schedule.info.nextActionTimes[0]?.toISOString()).toBe(nextObligationOpening(obligationCalendarSpec(ANNUAL_REPORT), now).toISOString());

    expect(await auditActions(obligationId)).toEqual([{ action: 'obligation.registered', actor: 'office.publisher', actor_role: 'disclosure-office' }]);
    const listed = await client.request('GET', '/obligations', { as: 'office.supervisor' });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(obligationId);
    // A department sees its own obligations only.
    expect((await client.request('GET', '/obligations', { as: 'civil.drafter' })).body.items.map((item: { id: string }) => item.id)).not.toContain(obligationId);
  });

  it('schedules a periodic item of the active catalog at the start of each half-year', async () => {
    const active = await client.request('GET', '/catalog/items', { as: 'admin' });
    const periodic = (active.body.items as { code: string; timeLimit: { rule: ObligationRule } }[]).find((item) => item.timeLimit.rule.kind === 'periodic');
    if (!periodic) {
      // catalog-import.int-spec.ts may have activated a version without SAFETY-001, the only periodic row.
      const refused = await register('admin', { catalogItemCode: 'SAFETY-001', departmentCode: 'edu' });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['catalogItemCode']);
      return;
    }
    expect(periodic.timeLimit.rule).toEqual(HALF_YEARLY);
    const created = await register('admin', { catalogItemCode: periodic.code, departmentCode: 'edu' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ schedule: { months: [1, 7], dayOfMonth: 1 }, currentPeriod: obligationPeriodAt(HALF_YEARLY, chinaDateOf(new Date())) });
    const schedule = await temporal.schedule.getHandle(created.body.scheduleId).describe();
    expect(schedule.spec.calendars?.[0]).toMatchObject({
      month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }, { start: 'JULY', end: 'JULY', step: 1 }],
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 0, end: 0, step: 1 }],
    });
    expect((await client.request('DELETE', `/obligations/${created.body.id}`, { as: 'admin' })).status).toBe(200);
  });

  it('opens the drafting task for the department when the Schedule fires, once per period, and tells its drafters', async () => {
    const handle = temporal.schedule.getHandle(`obligation-${obligationId}`);
    await handle.trigger();
    const [task] = await client.eventually(async () => {
      const tasks = await openTasks('edu.drafter', obligationId);
      return tasks.length > 0 ? tasks : undefined;
    }, 'the drafting task');
    const period = obligationPeriodAt(ANNUAL_REPORT, chinaDateOf(new Date()));
    expect(task).toMatchObject({
      kind: 'periodic-drafting',
      catalogItemCode: 'GENERAL-001',
      catalogItemName: '综合政务 / 政府信息公开年报',
      departmentCode: 'edu',
      periodKey: period.key,
      periodLabel: period.label,
      periodStart: period.startDate,
      dueDate: period.dueDate,
      dueAt: new Date(`${period.dueDate}T15:59:59.999Z`).toISOString(),
      status: 'open',
      overdue: false,
    });
    taskId = task.id;
    // Another department's drafters do not see it; reviewers have no drafting inbox.
    expect(await openTasks('civil.drafter', obligationId)).toEqual([]);
    expect((await client.request('GET', '/obligations/tasks', { as: 'edu.reviewer' })).status).toBe(403);

    // The drafters are told right after the task is in the inbox.
    const notice = await client.eventually(async () => {
      const items = (await client.request('GET', '/notifications', { as: 'edu.drafter' })).body.items as { kind: string; taskId: string; title: string }[];
      return items.find((item) => item.kind === 'obligation-task-opened' && item.taskId === taskId);
    }, 'the drafters to be told');
    expect(notice.title).toBe(`定期公开任务：综合政务 / 政府信息公开年报（${period.label}）`);

    // A second firing in the same period finds the period's workflow and opens nothing.
    await handle.trigger();
    const openings = await client.eventually(async () => {
      const runs: OpenObligationPeriodResult[] = [];
      for await (const execution of temporal.workflow.list({ query: `WorkflowType = '${OPEN_OBLIGATION_PERIOD_WORKFLOW_TYPE}' AND ExecutionStatus = 'Completed'` })) {
        if (execution.workflowId.startsWith(obligationOpeningWorkflowId(obligationId))) runs.push(await temporal.workflow.getHandle(execution.workflowId, execution.runId).result());
      }
      return runs.length === 2 ? runs : undefined;
    }, 'both firings to finish', 30_000);
    expect(openings.map((run) => run.opened).sort()).toEqual([false, true]);
    expect(openings.every((run) => run.workflowId === obligationPeriodWorkflowId(obligationId, period.key))).toBe(true);
    expect((await db.query(`SELECT count(*)::int AS n FROM obligation_tasks WHERE obligation_id = $1`, [obligationId])).rows[0].n).toBe(1);

    const listed = await client.request('GET', '/obligations', { as: 'admin' });
    expect(listed.body.items.find((item: { id: string }) => item.id === obligationId)).toMatchObject({ currentState: 'open', currentTask: { id: taskId, periodLabel: period.label } });
  });

  it('is fulfilled by an item of the same department and catalog item, and refuses anything else', async () => {
    const createItem = (as: string, catalogItemCode: string) =>
      client.request('POST', '/items', { as, body: { catalogItemCode, title: '2026年政府信息公开工作年度报告', body: '正文', formedAt: chinaDateOf(new Date()) } });
    const report = await createItem('edu.drafter', 'GENERAL-001');
    expect(report.status).toBe(201);
    const otherCatalogItem = await createItem('edu.drafter', 'EDU-001');
    expect(otherCatalogItem.status).toBe(201);
    // GENERAL-001 is the education bureau's row: another department cannot even draft under it.
    const otherDepartment = await createItem('civil.drafter', 'GENERAL-001');
    expect(otherDepartment.status).toBe(403);
    expect(otherDepartment.body.code).toBe('catalog.row-not-owned');
    const fulfil = (as: string, itemId: string, id = taskId) => client.request('POST', `/obligations/tasks/${id}/fulfil`, { as, body: { itemId } });

    const wrongCatalogItem = await fulfil('edu.drafter', otherCatalogItem.body.id);
    expect(wrongCatalogItem.status).toBe(400);
    expect(fieldsOf(wrongCatalogItem.body)).toEqual(['itemId']);
    expect((await fulfil('civil.drafter', report.body.id)).status).toBe(403);
    expect((await fulfil('edu.reviewer', report.body.id)).status).toBe(403);
    const unknownItem = await fulfil('edu.drafter', randomUUID());
    expect(unknownItem.status).toBe(400);
    expect(fieldsOf(unknownItem.body)).toEqual(['itemId']);
    expect(fieldsOf((await fulfil('edu.drafter', 'not-a-uuid')).body)).toEqual(['itemId']);
    expect((await fulfil('edu.drafter', report.body.id, randomUUID())).status).toBe(404);

    // What the drafter may choose from (履行): the department's items of the row created in the period, by the domain's rule.
    const candidates = async (as: string, id = taskId) => client.request('GET', `/obligations/tasks/${id}/candidates`, { as });
    const offered = await candidates('edu.drafter');
    expect(offered.status).toBe(200);
    const offeredIds = (offered.body.items as { id: string }[]).map((item) => item.id);
    expect(offeredIds).toContain(report.body.id);
    expect(offeredIds).not.toContain(otherCatalogItem.body.id);
    expect(offered.body.items.find((item: { id: string }) => item.id === report.body.id)).toEqual({ id: report.body.id, title: '2026年政府信息公开工作年度报告', state: 'DRAFT', createdAt: expect.any(String), releasedAt: null });
    expect((await candidates('civil.drafter')).status).toBe(403);
    expect((await candidates('edu.reviewer')).status).toBe(403);
    expect((await candidates('edu.drafter', randomUUID())).status).toBe(404);

    const headers = { 'Idempotency-Key': `fulfil-${taskId}` };
    const fulfilled = await client.request('POST', `/obligations/tasks/${taskId}/fulfil`, { as: 'edu.drafter', headers, body: { itemId: report.body.id } });
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body).toMatchObject({ taskId, state: 'FULFILLED', overdue: false, fulfilment: { itemId: report.body.id, fulfilledBy: 'edu.drafter', late: false } });
    // The same request again answers as the first did; another one is refused, the period being done.
    const repeat = await client.request('POST', `/obligations/tasks/${taskId}/fulfil`, { as: 'edu.drafter', headers, body: { itemId: report.body.id } });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ taskId, state: 'FULFILLED', dueAt: fulfilled.body.dueAt, fulfilment: { itemId: report.body.id, fulfilledBy: 'edu.drafter', late: false } });
    expect((await fulfil('edu.drafter', report.body.id)).status).toBe(409);

    expect(await openTasks('edu.drafter', obligationId)).toEqual([]);
    const row = (await db.query(`SELECT state, fulfilled_item_id, fulfilled_by, fulfilled_late FROM obligation_tasks WHERE id = $1`, [taskId])).rows[0];
    expect(row).toEqual({ state: 'fulfilled', fulfilled_item_id: report.body.id, fulfilled_by: 'edu.drafter', fulfilled_late: false });
    expect((await auditActions(obligationId)).map((event) => event.action)).toEqual(['obligation.registered', 'obligation.task-opened', 'obligation.fulfilled']);
    const listed = await client.request('GET', '/obligations', { as: 'admin' });
    expect(listed.body.items.find((item: { id: string }) => item.id === obligationId)).toMatchObject({ currentState: 'fulfilled', currentTask: { fulfilledItemId: report.body.id } });
  });

  it('opens the period a firing was for, even when it runs late: a catch-up for last year is overdue at once', async () => {
    // A backfill takes the action as if 2026-01-01 00:00 China time were now, as a catch-up after an outage does.
    await temporal.schedule.getHandle(`obligation-${obligationId}`).backfill({ start: new Date('2025-12-31T15:59:00Z'), end: new Date('2025-12-31T16:01:00Z') });
    const late = await client.eventually(async () => {
      const tasks = (await client.request('GET', '/obligations/tasks', { as: 'edu.drafter' })).body.items as { obligationId: string; periodKey: string; overdue: boolean }[];
      return tasks.find((task) => task.obligationId === obligationId && task.periodKey === '2026' && task.overdue);
    }, 'the overdue task of 2026年度');
    expect(late).toMatchObject({ periodLabel: '2026年度', periodStart: '2025-02-01', dueDate: '2026-01-31', status: 'overdue' });
    // The supervisors hear of it right after the flag is written.
    const notice = await client.eventually(async () => {
      const items = (await client.request('GET', '/notifications', { as: 'office.supervisor' })).body.items as { kind: string; title: string }[];
      return items.find((item) => item.kind === 'obligation-overdue' && item.title === '定期公开已逾期：综合政务 / 政府信息公开年报（2026年度）');
    }, 'the supervisors to be told');
    expect(notice.title).toContain('2026年度');
    expect((await auditActions(obligationId)).map((event) => event.action)).toEqual(expect.arrayContaining(['obligation.overdue']));
  });

  it('deletes the obligation with its Schedule, audited, after which it can be registered again', async () => {
    expect((await client.request('DELETE', `/obligations/${obligationId}`, { as: 'edu.drafter' })).status).toBe(403);
    const deleted = await client.request('DELETE', `/obligations/${obligationId}`, { as: 'admin' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: obligationId, state: 'deleted', deletedBy: 'admin', nextOpensAt: null });
    expect((await client.request('DELETE', `/obligations/${obligationId}`, { as: 'admin' })).status).toBe(409);
    expect((await client.request('DELETE', `/obligations/${randomUUID()}`, { as: 'admin' })).status).toBe(404);
    await expect(temporal.schedule.getHandle(`obligation-${obligationId}`).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect((await auditActions(obligationId)).at(-1)).toEqual({ action: 'obligation.deleted', actor: 'admin', actor_role: 'admin' });
    expect((await client.request('GET', '/obligations', { as: 'admin' })).body.items.map((item: { id: string }) => item.id)).not.toContain(obligationId);

    const again = await register('admin', { catalogItemCode: 'GENERAL-001', departmentCode: 'edu' });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(obligationId);
    expect((await client.request('DELETE', `/obligations/${again.body.id}`, { as: 'admin' })).status).toBe(200);
  });
});

/**
 * The due time on the time-skipping server: the period's workflow marks its task overdue and tells the
 * supervisors with nobody polling, and still takes a late fulfilment. Activities write the real database.
 * The server's clock starts at a fixed instant in 2096年上半年, so no date here depends on today's.
 */
describe('a periodic obligation past its due time', () => {
  let harness: TimeSkippingHarness;
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let taskQueue: string;
  const obligationId = randomUUID();
  const civilDrafter: ActorRef = { username: 'civil.drafter', displayName: '周起草（民政局）', departmentCode: 'civil', roles: ['drafter'] };
  const eduDrafter: ActorRef = { username: 'edu.drafter', displayName: '王起草（教育局）', departmentCode: 'edu', roles: ['drafter'] };

  beforeAll(async () => {
    harness = await startTimeSkippingHarness('obligation-timers', async (db) => {
      // 安全生产 SAFETY-001 (半年至少更新1次) of the demo version, registered for 民政局 without a Schedule:
      // this server has no Schedules, so the test starts the workflows itself.
      await db.query(
        `INSERT INTO obligations (id, catalog_version_id, catalog_item_code, department_code, time_limit_text, rule, schedule_id, state, created_by)
         VALUES ($1, $2, 'SAFETY-001', 'civil', '半年至少更新1次', $3, $4, 'active', 'admin')`,
        [obligationId, DEMO_CATALOG_VERSION_ID, JSON.stringify(HALF_YEARLY), `obligation-${obligationId}`],
      );
    }, { startAt: '2096-03-01T01:00:00Z' });
    ({ env, dataSource, taskQueue } = harness);
  }, 60_000);

  afterAll(async () => {
    await dataSource?.query(`UPDATE obligations SET state = 'deleted', deleted_by = 'admin', deleted_at = now() WHERE id = $1`, [obligationId]);
    await harness?.stop();
  });

  const sleepUntil = (instant: string) => harness.sleepUntil(instant);

  async function rejection(promise: Promise<unknown>): Promise<ApplicationFailure> {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }

  it('marks the task overdue at the end of the period, tells the supervisors, and records a late fulfilment', async () => {
    const period = obligationPeriodAt(HALF_YEARLY, '2096-03-01');
    expect(period).toMatchObject({ key: '2096-H1', label: '2096年上半年', dueDate: '2096-06-30' });
    const input: PeriodicObligationInput = {
      obligationId,
      catalogItemCode: 'SAFETY-001',
      catalogItemName: '政策文件 / 法律法规',
      departmentCode: 'civil',
      periodKey: period.key,
      periodLabel: period.label,
      periodStart: period.startDate,
      dueDate: period.dueDate,
    };
    const handle = await env.client.workflow.start(PERIODIC_OBLIGATION_WORKFLOW_TYPE, { workflowId: obligationPeriodWorkflowId(obligationId, period.key), taskQueue, args: [input] });
    const deadline = Date.now() + 20_000;
    let view = await handle.query(periodicObligationViewQuery);
    while (view.state !== 'OPEN' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = await handle.query(periodicObligationViewQuery);
    }
    expect(view).toMatchObject({ state: 'OPEN', dueAt: '2096-06-30T15:59:59.999Z', overdue: false });
    const taskRow = async () => (await dataSource.query(`SELECT state, overdue, due_at, fulfilled_late FROM obligation_tasks WHERE id = $1`, [view.taskId]))[0];
    const notified = async (kind: string) =>
      ((await dataSource.query(`SELECT recipient FROM notifications WHERE task_id = $1 AND kind = $2 ORDER BY recipient`, [view.taskId, kind])) as { recipient: string }[]).map((row) => row.recipient);
    const audited = async () => ((await dataSource.query(`SELECT action FROM audit_events WHERE task_id = $1 ORDER BY id`, [view.taskId])) as { action: string }[]).map((row) => row.action);
    expect(await taskRow()).toMatchObject({ state: 'open', overdue: false });
    // The task is open before its notice is written: wait for the notice rather than race it.
    const openedNotice = Date.now() + 20_000;
    while ((await notified('obligation-task-opened')).length === 0 && Date.now() < openedNotice) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await notified('obligation-task-opened')).toEqual(['civil.drafter']);

    // The validator refuses before anything reaches history.
    const item = { itemId: randomUUID(), departmentCode: 'civil', catalogItemCode: 'SAFETY-001', state: 'DRAFT' as const, createdAt: '2096-05-01T02:00:00.000Z' };
    const request = (overrides: Partial<FulfilObligationRequest> = {}): FulfilObligationRequest => ({ taskId: view.taskId, actor: civilDrafter, item, ...overrides });
    const fulfil = (overrides: Partial<FulfilObligationRequest> = {}) => handle.executeUpdate(fulfilObligationUpdate, { args: [request(overrides)] });
    expect((await rejection(fulfil({ taskId: randomUUID() }))).type).toBe(FailureType.NotFound);
    expect((await rejection(fulfil({ actor: eduDrafter }))).type).toBe(FailureType.Forbidden);
    expect((await rejection(fulfil({ item: { ...item, departmentCode: 'edu' } }))).type).toBe(FailureType.Forbidden);
    expect((await rejection(fulfil({ item: { ...item, catalogItemCode: 'EDU-001' } }))).type).toBe(FailureType.InvalidInput);
    expect((await rejection(fulfil({ item: { ...item, state: 'WITHDRAWN' } }))).type).toBe(FailureType.InvalidInput);
    // Created on 2095-12-31 in Beijing (16:30 UTC is already 1/1 there, so 15:00 UTC is the day before).
    const early = await rejection(fulfil({ item: { ...item, createdAt: '2095-12-31T15:00:00.000Z' } }));
    expect(early).toMatchObject({ type: FailureType.InvalidInput, message: expect.stringContaining('早于2096年上半年的开始日期') });

    // Not yet at the end of 6/30 China time; then past it.
    await sleepUntil('2096-06-30T15:00:00Z');
    expect((await taskRow()).overdue).toBe(false);
    await sleepUntil('2096-06-30T16:30:00Z');
    expect(await taskRow()).toMatchObject({ state: 'open', overdue: true });
    expect(await notified('obligation-overdue')).toEqual(['office.supervisor']);
    expect(await audited()).toEqual(['obligation.task-opened', 'obligation.overdue']);
    expect((await handle.query(periodicObligationViewQuery)).overdue).toBe(true);

    // A late fulfilment with an item created during the period still closes the task, marked late.
    await dataSource.query(
      `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, formed_at, channels, state, created_at, updated_at)
       VALUES ($1, $2, 'SAFETY-001', 'civil', 'civil.drafter', '安全生产法律法规（2096年上半年）', '正文', '2096-05-01', '{政府网站}', 'DRAFT', $3, $3)`,
      [item.itemId, DEMO_CATALOG_VERSION_ID, item.createdAt],
    );
    const fulfilled = await fulfil();
    expect(fulfilled).toMatchObject({ state: 'FULFILLED', overdue: true, fulfilment: { itemId: item.itemId, fulfilledBy: 'civil.drafter', late: true } });
    // The period's workflow has ended with it (the API answers 409 before asking).
    await expect(fulfil()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(await handle.result()).toMatchObject({ state: 'FULFILLED' });
    expect(await taskRow()).toMatchObject({ state: 'fulfilled', fulfilled_late: true });
    expect(await audited()).toEqual(['obligation.task-opened', 'obligation.overdue', 'obligation.fulfilled']);
  });

  it('opens each period once, however often the Schedule fires in it', async () => {
    const input: ObligationScheduleInput = { obligationId, catalogItemCode: 'SAFETY-001', catalogItemName: '政策文件 / 法律法规', departmentCode: 'civil', rule: HALF_YEARLY };
    const fire = (n: number) =>
      env.client.workflow.execute(OPEN_OBLIGATION_PERIOD_WORKFLOW_TYPE, { workflowId: `${obligationOpeningWorkflowId(obligationId)}-${n}`, taskQueue, args: [input] }) as Promise<OpenObligationPeriodResult>;
    // Without a Schedule the firing time is the start time: the period the test server's clock is in now
    // (read before firing: waiting on a result lets the clock skip ahead to the next timer).
    const period = obligationPeriodAt(HALF_YEARLY, chinaDateOf(new Date(await env.currentTimeMs())));
    const first = await fire(1);
    const second = await fire(2);
    expect(first).toEqual({ opened: true, periodKey: period.key, workflowId: obligationPeriodWorkflowId(obligationId, period.key) });
    expect(second).toMatchObject({ opened: false, periodKey: period.key, reason: `${period.label} is already open` });
    // One task for the period, whatever other periods this obligation has had (the test before may have opened one).
    const deadline = Date.now() + 20_000;
    let tasks: { period_key: string }[] = [];
    while (tasks.length < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      tasks = await dataSource.query(`SELECT period_key FROM obligation_tasks WHERE obligation_id = $1 AND period_key = $2`, [obligationId, period.key]);
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // a second task, were one made, would be there by now
    tasks = await dataSource.query(`SELECT period_key FROM obligation_tasks WHERE obligation_id = $1 AND period_key = $2`, [obligationId, period.key]);
    expect(tasks).toEqual([{ period_key: period.key }]);
  });
});
