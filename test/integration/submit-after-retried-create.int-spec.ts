import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import { createDataSource } from '@zwgk/db';
import { ApiClient } from '../support/api-client';
import { startApi, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * A first submit must not be refused as a repeat. On a loaded machine a create can outlive the API's Update
 * deadline (503) and be sent again with its Idempotency-Key; the draft's row may then already be written
 * while the item's workflow has not yet taken in the activity's answer. The retried create must answer only
 * once the workflow has recorded the draft, so that the submit that follows finds it recorded.
 *
 * The worker runs in this process with the real activities and the real workflow bundle, and no workflow
 * cache at all (every task replays the item's history from the start, as after an eviction under load);
 * its draft step can be held after its transaction committed, which is the window the retry fell into.
 */
describe('a submit after a create retried with its Idempotency-Key', () => {
  let api: SpawnedProcess & { baseUrl: string };
  let client: ApiClient;
  let dataSource: DataSource;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  /** While set, recordDraftStep answers only once this promise resolves (its row is already committed). */
  let draftStepHeld: Promise<void> | undefined;
  let draftStepWritten: () => void = () => undefined;

  beforeAll(async () => {
    const taskQueue = uniqueTaskQueue('submit-retry');
    dataSource = createDataSource(testServers().databaseUrl, { applicationName: 'zwgk-submit-retry' });
    await dataSource.initialize();
    const activities = createActivities({ dataSource });
    connection = await NativeConnection.connect({ address: testServers().temporalAddress });
    worker = await Worker.create({
      connection,
      taskQueue,
      workflowBundle: { codePath: testServers().workflowBundlePath },
      maxCachedWorkflows: 0,
      activities: {
        ...activities,
        async recordDraftStep(...args: Parameters<typeof activities.recordDraftStep>) {
          const answer = await activities.recordDraftStep(...args);
          draftStepWritten();
          if (draftStepHeld) await draftStepHeld;
          return answer;
        },
      },
    });
    running = worker.run();
    api = await startApi(taskQueue);
    client = new ApiClient(api.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    worker?.shutdown();
    await running;
    await connection?.close();
    await dataSource?.destroy();
  });

  const draft = (title: string) => ({ catalogItemCode: 'EDU-001', title, body: '重试提交测试正文。', formedAt: '2026-11-20' });

  it('answers the retried create once the draft is recorded, and the first submit goes through', async () => {
    let release!: () => void;
    draftStepHeld = new Promise((resolve) => (release = resolve));
    const written = new Promise<void>((resolve) => (draftStepWritten = resolve));
    const headers = { 'idempotency-key': `submit-retry-${Date.now()}` };
    const body = draft('重试创建后的首次提交');

    // The first attempt: its draft step has committed the row and is held before the workflow hears of it.
    const first = client.request('POST', '/items', { as: 'edu.drafter', body, headers });
    await written;
    // The client's retry with the same key (after a 503, or a connection lost before the answer).
    const retry = client.request('POST', '/items', { as: 'edu.drafter', body, headers });
    // The step is let go after a while, or as soon as the retry's submit has answered, whichever comes first:
    // a retry that answers from the row alone submits into the held window.
    const letGo = setTimeout(release, 4_000);
    try {
      const retried = await retry;
      expect([200, 201]).toContain(retried.status);
      const submitted = await client.request('POST', `/items/${retried.body.id}/submit`, { as: 'edu.drafter', headers: { 'idempotency-key': `${headers['idempotency-key']}-submit` } });
      release();
      expect({ status: submitted.status, message: submitted.body?.message }).toEqual({ status: 200, message: undefined });
      expect(submitted.body.state).toBe('IN_REVIEW');
      expect([200, 201]).toContain((await first).status);
    } finally {
      clearTimeout(letGo);
      release();
      draftStepHeld = undefined;
    }
  }, 60_000);

  it('answers a create retried after its workflow has closed from the read model', async () => {
    const headers = { 'idempotency-key': `submit-retry-closed-${Date.now()}` };
    const body = draft('不予公开后重试创建');
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body, headers });
    expect(created.status).toBe(201);
    expect((await client.request('POST', `/items/${created.body.id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const task = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: 'edu.reviewer' });
      return inbox.body.items.find((t: { itemId: string }) => t.itemId === created.body.id) as { id: string } | undefined;
    }, 'the 初审 task');
    const rejected = await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.reviewer', body: { decision: 'reject', comment: '不予公开。' } });
    expect(rejected.status).toBe(200);
    // A rejected item's workflow completes: the retry finds no run to wait on and answers from the row.
    await client.eventually(async () => ((await client.request('GET', `/items/${created.body.id}`, { as: 'edu.drafter' })).body.state === 'REJECTED' ? true : undefined), 'the rejection');
    const retried = await client.request('POST', '/items', { as: 'edu.drafter', body, headers });
    expect({ status: retried.status, id: retried.body.id, state: retried.body.state }).toEqual({ status: 201, id: created.body.id, state: 'REJECTED' });
  }, 60_000);

  it('submits an item whose workflow replays from its history on every task', async () => {
    // No cache at all: the submit's validator runs on state rebuilt by replay, as after an eviction.
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: draft('无缓存重放后的首次提交') });
    expect(created.status).toBe(201);
    const other = await client.request('POST', '/items', { as: 'edu.drafter', body: draft('另一事项') });
    expect(other.status).toBe(201);
    const submitted = await client.request('POST', `/items/${created.body.id}/submit`, { as: 'edu.drafter' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('IN_REVIEW');
  }, 60_000);
});
