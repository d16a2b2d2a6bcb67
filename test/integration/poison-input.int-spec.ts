import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { Client as PgClient } from 'pg';
import {
  completeTaskUpdate,
  concernRecordedUpdate,
  disclosureItemViewQuery,
  disclosureItemWorkflowId,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  draftRecordedUpdate,
  FailureType,
  newEditionUpdate,
  publicConcernWorkflowId,
  registerConcernUpdate,
  reviseUpdate,
  withdrawUpdate,
  type ActorRef,
  type DisclosureItemInput,
  type PublicConcernInput,
} from '@zwgk/contracts';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { ApiClient } from '../support/api-client';
import { EDU_DECIDERS, releaseThroughReview } from '../support/review-path';
import { startApi, startSystem, type RunningSystem } from '../support/running-system';
import { updateReleasedItem } from '../support/released-item';
import { testServers } from '../support/test-environment';

/**
 * Input that the API edge would refuse, sent straight to the workflows through a Temporal client, as any
 * client that bypasses the API could. The real worker and the dev server run it: a poisoned request is
 * refused at once with InvalidData and never retried, and the item or concern stays usable.
 */
describe('poison input sent past the API', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;
  let connection: Connection;
  let temporalClient: Client;

  beforeAll(async () => {
    system = await startSystem('poison');
    ({ client, db } = system);
    connection = await Connection.connect({ address: testServers().temporalAddress });
    temporalClient = new Client({ connection });
  }, 120_000);

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
  });

  async function actor(username: string): Promise<ActorRef> {
    const { rows } = await db.query(`SELECT username, display_name, department_code, roles FROM users WHERE username = $1`, [username]);
    return { username: rows[0].username, displayName: rows[0].display_name, departmentCode: rows[0].department_code, roles: rows[0].roles };
  }

  async function draft(title: string): Promise<string> {
    const created = await client.request('POST', '/items', {
      as: 'edu.drafter',
      body: { catalogItemCode: 'EDU-002', title, body: '正文。', formedAt: '2026-11-20' },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function openTaskOf(itemId: string, username: string): Promise<string> {
    const task = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks?state=open', { as: username });
      return (inbox.body.items as { id: string; itemId: string }[]).find((candidate) => candidate.itemId === itemId);
    }, `the open task of ${itemId} for ${username}`);
    return task.id;
  }

  /** What an Update was refused with: the ApplicationFailure the workflow threw. */
  async function refusalOf(update: Promise<unknown>): Promise<ApplicationFailure> {
    const error = await update.then(
      () => {
        throw new Error('the update was applied');
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }

  async function historyOf(handle: WorkflowHandle): Promise<temporal.api.history.v1.IHistoryEvent[]> {
    return (await handle.fetchHistory()).events ?? [];
  }

  /** Every attempt of the activity that the history records as started. */
  async function attemptsOf(handle: WorkflowHandle, activityType: string): Promise<number[]> {
    const events = await historyOf(handle);
    const scheduled = new Map<string, string>();
    for (const event of events) {
      const attributes = event.activityTaskScheduledEventAttributes;
      if (attributes) scheduled.set(String(event.eventId), attributes.activityType?.name ?? '');
    }
    return events
      .filter((event) => event.activityTaskStartedEventAttributes && scheduled.get(String(event.activityTaskStartedEventAttributes.scheduledEventId)) === activityType)
      .map((event) => event.activityTaskStartedEventAttributes!.attempt ?? 0);
  }

  it('refuses a return decision whose comment holds a NUL byte; the task stays open and a good decision then applies', async () => {
    const itemId = await draft('校车安全管理办法（毒性输入测试）');
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const taskId = await openTaskOf(itemId, 'edu.reviewer');
    const reviewer = await actor('edu.reviewer');
    const handle = temporalClient.workflow.getHandle(disclosureItemWorkflowId(itemId));

    const started = Date.now();
    const refusal = await refusalOf(handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, actor: reviewer, decision: 'return', comment: '请修改\u0000第二段' }] }));
    const elapsedMs = Date.now() - started;
    expect(refusal.type).toBe(FailureType.InvalidData);
    // The decision is one step: the task's close, its audit row and what follows, in one transaction.
    expect(refusal.details?.[0]).toMatchObject({ fields: ['comment'], activity: 'applyItemStep' });
    expect(refusal.message).toMatch(/SQLSTATE 22021/);
    // Refused on the first attempt, not after a retry schedule.
    expect(elapsedMs).toBeLessThan(15_000);
    // Each step once: the submission's, then the refused decision's (never retried).
    expect(await attemptsOf(handle, 'applyItemStep')).toEqual([1, 1]);

    // The task is still open, in the workflow and in the inbox, and the item still in review.
    const view = await handle.query(disclosureItemViewQuery);
    expect(view.state).toBe('IN_REVIEW');
    expect(view.openTask?.taskId).toBe(taskId);
    expect((await db.query(`SELECT state, comment FROM review_tasks WHERE id = $1`, [taskId])).rows).toEqual([{ state: 'open', comment: null }]);
    expect(await openTaskOf(itemId, 'edu.reviewer')).toBe(taskId);

    // The refusal is on the record and the supervisors are told.
    const refused = await client.eventually(async () => {
      const { rows } = await db.query(`SELECT actor, reason, detail FROM audit_events WHERE item_id = $1 AND action = 'request.refused'`, [itemId]);
      return rows.length ? rows : undefined;
    }, 'the audit row of the refusal');
    expect(refused).toEqual([expect.objectContaining({ actor: 'edu.reviewer', detail: expect.objectContaining({ failureType: 'InvalidData', fields: ['comment'] }) })]);
    const told = await client.eventually(async () => {
      const { rows } = await db.query(`SELECT recipient FROM notifications WHERE item_id = $1 AND kind = 'request-refused' ORDER BY recipient`, [itemId]);
      return rows.length ? rows.map((row: { recipient: string }) => row.recipient) : undefined;
    }, 'the notification of the refusal');
    expect(told).toEqual(expect.arrayContaining(['edu.reviewer', 'office.supervisor']));

    // A good decision on the same task now applies, through the API.
    const returned = await client.request('POST', `/tasks/${taskId}/complete`, { as: 'edu.reviewer', body: { decision: 'return', comment: '请修改第二段' } });
    expect(returned.status).toBe(200);
    expect(returned.body.item.state).toBe('RETURNED');
    expect((await db.query(`SELECT state, decision, comment FROM review_tasks WHERE id = $1`, [taskId])).rows).toEqual([{ state: 'completed', decision: 'return', comment: '请修改第二段' }]);
  });

  it('fails a draft formed in 1999 at once: the request is refused naming formedAt, and nothing retries', async () => {
    // A real item's workflow input, with a formedAt the working-day calendar cannot compute (it covers 2008–2099).
    const template = await draft('模板事项（毒性输入测试）');
    const [started] = await historyOf(temporalClient.workflow.getHandle(disclosureItemWorkflowId(template)));
    const payload = started.workflowExecutionStartedEventAttributes!.input!.payloads![0];
    const input: DisclosureItemInput = { ...JSON.parse(Buffer.from(payload.data!).toString('utf8')), itemId: randomUUID(), formedAt: '1999-06-01' };

    const startWorkflowOperation = new WithStartWorkflowOperation(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(input.itemId),
      taskQueue: system.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const before = Date.now();
    const refusal = await refusalOf(temporalClient.workflow.executeUpdateWithStart(draftRecordedUpdate, { startWorkflowOperation }));
    expect(Date.now() - before).toBeLessThan(15_000);
    expect(refusal.type).toBe(FailureType.InvalidData);
    // The draft's step computes the deadline before writing anything (patched 'draft-step-computes-deadline').
    expect(refusal.details?.[0]).toMatchObject({ fields: ['formedAt'], activity: 'recordDraftStep' });
    expect(refusal.message).toMatch(/2008/);

    const handle = temporalClient.workflow.getHandle(disclosureItemWorkflowId(input.itemId));
    await expect(handle.result()).rejects.toThrow();
    const description = await handle.describe();
    expect(description.status.name).toBe('FAILED');
    expect(description.raw.pendingActivities ?? []).toEqual([]);
    expect(await attemptsOf(handle, 'recordDraftStep')).toEqual([1]);
    expect((await db.query(`SELECT count(*)::int AS n FROM disclosure_items WHERE id = $1`, [input.itemId])).rows[0].n).toBe(0);
  });

  it('refuses a concern whose content holds a NUL byte without wedging the item or its next concern', async () => {
    const itemId = await draft('学生资助政策（毒性输入测试）');
    await releaseThroughReview(client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter' });
    const item = temporalClient.workflow.getHandle(disclosureItemWorkflowId(itemId));
    const concern = (content: string): PublicConcernInput => ({
      concernId: randomUUID(),
      itemId,
      itemDepartmentCode: 'edu',
      kind: 'message',
      content,
      receivedAt: '2026-11-25T02:00:00.000Z',
    });

    const poisoned = concern('请问\u0000资助标准');
    const before = Date.now();
    const registerConcern = (input: PublicConcernInput) =>
      updateReleasedItem(temporalClient, db, system.taskQueue, itemId, registerConcernUpdate, { args: [input], updateId: `register-concern:${input.concernId}` });
    await registerConcern(poisoned);
    const concernHandle = temporalClient.workflow.getHandle(publicConcernWorkflowId(poisoned.concernId));
    const refusal = await refusalOf(concernHandle.executeUpdate(concernRecordedUpdate));
    expect(Date.now() - before).toBeLessThan(15_000);
    expect(refusal.type).toBe(FailureType.InvalidData);
    expect(refusal.details?.[0]).toMatchObject({ fields: ['content', 'contact'] });
    await expect(concernHandle.result()).rejects.toThrow();
    expect((await concernHandle.describe()).status.name).toBe('FAILED');
    expect(await attemptsOf(concernHandle, 'recordConcernReceived')).toEqual([1]);

    // The item still takes concerns, and a good one is recorded.
    expect((await item.query(disclosureItemViewQuery)).state).toBe('RELEASED');
    const good = concern('请问资助标准是多少？');
    await registerConcern(good);
    const recorded = await temporalClient.workflow.getHandle(publicConcernWorkflowId(good.concernId)).executeUpdate(concernRecordedUpdate);
    expect(recorded).toMatchObject({ concernId: good.concernId, state: 'AWAITING_TRIAGE' });
  });

  it('refuses a revision, a new edition and a withdrawal carrying a NUL byte, each leaving the item as it was', async () => {
    const itemId = await draft('招生咨询电话（毒性输入测试）');
    const drafter = await actor('edu.drafter');
    const handle = temporalClient.workflow.getHandle(disclosureItemWorkflowId(itemId));

    const revision = await refusalOf(handle.executeUpdate(reviseUpdate, { args: [{ actor: drafter, body: '电话：\u00000000' }] }));
    expect(revision).toMatchObject({ type: FailureType.InvalidData, details: [expect.objectContaining({ fields: ['body'] })] });
    expect((await db.query(`SELECT body FROM disclosure_items WHERE id = $1`, [itemId])).rows).toEqual([{ body: '正文。' }]);

    await releaseThroughReview(client, itemId, EDU_DECIDERS, { submitAs: 'edu.drafter' });
    const edition = await refusalOf(updateReleasedItem(temporalClient, db, system.taskQueue, itemId, newEditionUpdate, { args: [{ actor: drafter, reason: '更正电话', title: '招生咨询\u0000电话' }] }));
    expect(edition).toMatchObject({ type: FailureType.InvalidData, details: [expect.objectContaining({ fields: ['title', 'body', 'interpretation'] })] });
    const afterEdition = await handle.query(disclosureItemViewQuery);
    expect(afterEdition).toMatchObject({ state: 'RELEASED', edition: 1 });
    expect((await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body).toMatchObject({ state: 'RELEASED', title: '招生咨询电话（毒性输入测试）' });

    const withdrawal = await refusalOf(updateReleasedItem(temporalClient, db, system.taskQueue, itemId, withdrawUpdate, { args: [{ actor: drafter, reason: '信息\u0000有误' }] }));
    expect(withdrawal).toMatchObject({ type: FailureType.InvalidData, details: [expect.objectContaining({ fields: ['reason'] })] });
    expect((await handle.query(disclosureItemViewQuery)).state).toBe('RELEASED');

    // Good requests still apply: the item was left usable.
    const withdrawn = await client.request('POST', `/items/${itemId}/withdraw`, { as: 'edu.drafter', body: { reason: '信息有误，重新发布' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'WITHDRAWN' });
    const refused = await db.query(`SELECT detail->>'request' AS request FROM audit_events WHERE item_id = $1 AND action = 'request.refused' ORDER BY occurred_at`, [itemId]);
    expect(refused.rows.map((row: { request: string }) => row.request)).toEqual(['item.revise', 'item.new-edition', 'item.withdraw']);
  });

  it('answers a decision the workflow cannot take in time with 503 still-processing, and the same key later returns its result', async () => {
    const itemId = await draft('课后服务收费标准（限时测试）');
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const taskId = await openTaskOf(itemId, 'edu.reviewer');
    // A second API on the same queue that waits two seconds at most, while no worker runs the workflow.
    const impatient = await startApi(system.taskQueue, { TEMPORAL_UPDATE_TIMEOUT_SECONDS: '2' });
    try {
      const api = new ApiClient(impatient.baseUrl);
      system.worker.child.kill('SIGKILL');
      await system.worker.exited;
      const headers = { 'Idempotency-Key': `late-${randomUUID()}` };
      const before = Date.now();
      const late = await api.request('POST', `/tasks/${taskId}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' }, headers });
      expect(Date.now() - before).toBeLessThan(10_000);
      expect(late.status).toBe(503);
      expect(late.body).toMatchObject({ error: 'still-processing', message: expect.stringContaining('Idempotency-Key') });

      await system.restartWorker();
      const answered = await api.eventually(async () => {
        const retried = await api.request('POST', `/tasks/${taskId}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' }, headers });
        return retried.status === 503 ? undefined : retried;
      }, 'the retried decision', 45_000);
      expect(answered.status).toBe(200);
      const decided = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE item_id = $1 AND action = 'task.approve'`, [itemId]);
      expect(decided.rows[0].n).toBe(1);
    } finally {
      await impatient.stop();
    }
  }, 120_000);
});
