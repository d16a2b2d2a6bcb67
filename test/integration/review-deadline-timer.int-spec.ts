import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import {
  completeTaskUpdate,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  submitForReviewUpdate,
  type ActorRef,
  type DisclosureItemInput,
} from '@zwgk/contracts';
import { createDataSource, DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { testServers } from '../support/test-environment';

/**
 * Durable timers on the time-skipping test server: a review task whose due time passes is recorded as
 * overdue by the workflow itself, with nobody polling. The activities write to the real test database.
 */
describe('a review task past its due time', () => {
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `timers-${randomUUID().slice(0, 8)}`;

  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] };

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServers().testServerPath } },
    });
    dataSource = createDataSource(testServers().databaseUrl, { applicationName: 'zwgk-timer-test' });
    await dataSource.initialize();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: testServers().workflowBundlePath },
      activities: createActivities({ dataSource }),
    });
    running = worker.run();
  }, 60_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await dataSource?.destroy();
    await env?.teardown();
  });

  it('is marked overdue by the workflow when its due time passes, and can still be decided', async () => {
    const itemId = randomUUID();
    const input: DisclosureItemInput = {
      itemId,
      drafter,
      catalogVersionId: DEMO_CATALOG_VERSION_ID,
      catalogItem: {
        code: 'EDU-001',
        area: '义务教育',
        level1: '招生管理',
        level2: '招生政策',
        content: '●随迁子女入学办法',
        basis: '《中华人民共和国政府信息公开条例》',
        subject: '县教育局',
        channels: ['政府网站'],
        mode: 'proactive',
        timeLimit: { text: '信息形成或者变更之日起20个工作日内', rule: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' } },
      },
      title: '计时器测试',
      body: '正文',
      formedAt: '2026-11-20',
      channels: ['政府网站'],
    };
    const handle = await env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue, args: [input] });
    await handle.executeUpdate(draftRecordedUpdate);
    const submitted = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    const task = submitted.openTask!;
    expect(task.stage).toBe('confidentiality-review');

    const overdueEvents = () =>
      dataSource.query(`SELECT detail FROM audit_events WHERE item_id = $1 AND action = 'task.overdue'`, [itemId]) as Promise<{ detail: { dueAt: string } }[]>;
    expect(await overdueEvents()).toEqual([]);

    // 保密审查 has 3 working days; skip well past them.
    await env.sleep('10 days');
    const events = await overdueEvents();
    expect(events).toEqual([{ detail: expect.objectContaining({ stage: 'confidentiality-review', dueAt: task.dueAt }) }]);

    const decided = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.taskId, actor: secrecy, decision: 'approve' }] });
    expect(decided.openTask?.stage).toBe('sign-off');
    expect(await overdueEvents()).toHaveLength(1);
  });
});
