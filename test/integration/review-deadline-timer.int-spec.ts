import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  disclosureItemViewQuery,
  extendDeadlineUpdate,
  newEditionUpdate,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  submitForReviewUpdate,
  unclaimTaskUpdate,
  type ActorRef,
  type DisclosureItemInput,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { eduCatalogRow } from '../support/catalog-row';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * Durable timers on the time-skipping test server: a review task whose due time passes is recorded as
 * overdue by the workflow itself, with nobody polling. The activities write to the real test database.
 * The server's clock starts at a fixed instant, November 2093, so no date here depends on today's: 2094's
 * 元旦 falls on a Friday (computed by statute, no official year loaded), as 2027's does.
 */
const START_AT = '2093-11-20T01:00:00Z';

describe('a review task past its due time', () => {
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let harness: TimeSkippingHarness;
  let taskQueue: string;

  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] };

  beforeAll(async () => {
    harness = await startTimeSkippingHarness('review-timers', undefined, { startAt: START_AT });
    ({ env, dataSource, taskQueue } = harness);
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const sleepUntil = (instant: string) => harness.sleepUntil(instant);

  const reviewer: ActorRef = { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] };
  const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };

  it('reminds, marks overdue, notifies and escalates across 元旦, and re-arms after an extension', async () => {
    const itemId = randomUUID();
    const input: DisclosureItemInput = {
      itemId,
      drafter,
      catalogVersionId: DEMO_CATALOG_VERSION_ID,
      catalogItem: eduCatalogRow(),
      title: '计时器测试',
      body: '正文',
      formedAt: '2093-11-20',
      channels: ['政府网站'],
    };
    const handle = await env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue, args: [input] });
    await handle.executeUpdate(draftRecordedUpdate);

    // Submit on Wednesday 2093-12-30 (China time); 初审 is decided the same day.
    await sleepUntil('2093-12-30T01:00:00Z');
    const submitted = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    expect(submitted.openTask?.stage).toBe('preliminary-review');
    const afterPreliminary = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: submitted.openTask!.taskId, actor: reviewer, decision: 'approve' }] });
    const task = afterPreliminary.openTask!;
    expect(task.stage).toBe('confidentiality-review');
    // 3 working days: 12-31, then 元旦 (1/1) and the weekend are skipped, 1/4 and 1/5.
    expect(task.dueAt).toBe('2094-01-05T15:59:59.999Z');

    const events = async (action: string) =>
      (await dataSource.query(`SELECT detail FROM audit_events WHERE item_id = $1 AND action = $2 ORDER BY id`, [itemId, action])) as { detail: Record<string, unknown> }[];
    const notified = async (kind: string) =>
      ((await dataSource.query(`SELECT recipient FROM notifications WHERE task_id = $1 AND kind = $2 ORDER BY recipient`, [task.taskId, kind])) as { recipient: string }[]).map((row) => row.recipient);
    const taskRow = async () => (await dataSource.query(`SELECT overdue, escalated, reminded_at, due_at FROM review_tasks WHERE id = $1`, [task.taskId]))[0];

    // The reminder comes at the end of Monday 1/4, one working day before the due day.
    await sleepUntil('2094-01-04T15:00:00Z');
    expect(await notified('task-reminder')).toEqual([]);
    await sleepUntil('2094-01-04T16:30:00Z');
    expect(await notified('task-reminder')).toEqual(['edu.secrecy', 'edu.secrecy2']);
    expect((await taskRow()).overdue).toBe(false);

    // At the due instant: overdue, the supervisor is told, the department head gets the escalation.
    await sleepUntil('2094-01-05T16:30:00Z');
    expect(await events('task.overdue')).toEqual([{ detail: expect.objectContaining({ stage: 'confidentiality-review', dueAt: task.dueAt }) }]);
    expect(await notified('task-overdue')).toEqual(['office.supervisor']);
    expect(await notified('task-escalated')).toEqual(['edu.reviewer']);
    expect(await taskRow()).toMatchObject({ overdue: true, escalated: true });
    expect((await dataSource.query(`SELECT overdue FROM disclosure_items WHERE id = $1`, [itemId]))[0].overdue).toBe(true);
    expect((await handle.query(disclosureItemViewQuery)).overdue).toBe(true);

    // A supervisor extends it by 2 working days (to Thursday 1/7) with a reason; the timer re-arms.
    const extended = await handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: task.taskId, workingDays: 2, reason: '涉及多部门会商' }] });
    expect(extended.openTask).toMatchObject({ dueAt: '2094-01-07T15:59:59.999Z', overdue: false });
    expect(await taskRow()).toMatchObject({ overdue: false, escalated: false });
    expect(await events('deadline.extended')).toEqual([{ detail: expect.objectContaining({ from: task.dueAt, to: '2094-01-07T15:59:59.999Z', workingDays: 2 }) }]);
    await expect(handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: drafter, target: task.taskId, workingDays: 2, reason: 'x' }] })).rejects.toThrow();

    await sleepUntil('2094-01-06T12:00:00Z');
    expect(await events('task.overdue')).toHaveLength(1);
    await sleepUntil('2094-01-07T16:30:00Z');
    expect(await events('task.overdue')).toHaveLength(2);
    expect((await dataSource.query(`SELECT overdue FROM disclosure_items WHERE id = $1`, [itemId]))[0].overdue).toBe(true);

    // Deciding the overdue task clears the item's flag (in the statement that closes it).
    const decided = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.taskId, actor: secrecy, decision: 'approve' }] });
    expect(decided.openTask?.stage).toBe('sign-off');
    expect((await events('task.approve')).at(-1)?.detail).toMatchObject({ late: true });
    expect((await dataSource.query(`SELECT overdue FROM disclosure_items WHERE id = $1`, [itemId]))[0].overdue).toBe(false);
  });

  const leader: ActorRef = { username: 'edu.leader', displayName: '孙局长', departmentCode: 'edu', roles: ['leader'] };

  /** A policy document whose interpretation may follow within 3 working days, released without it. */
  async function releasePolicyWithoutInterpretation(title: string) {
    const itemId = randomUUID();
    const input: DisclosureItemInput = {
      itemId,
      drafter,
      catalogVersionId: DEMO_CATALOG_VERSION_ID,
      catalogItem: eduCatalogRow({ needsInterpretation: true }),
      title,
      body: '正文',
      formedAt: '2093-11-20',
      channels: ['政府网站'],
      interpretationLagWorkingDays: 3,
    };
    const handle = await env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue, args: [input] });
    await handle.executeUpdate(draftRecordedUpdate);
    let view = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    for (const actor of [reviewer, secrecy, leader]) view = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor, decision: 'approve' }] });
    expect(view.state).toBe('RELEASED');
    return { itemId, handle };
  }

  async function interpretationEvents(itemId: string) {
    return (await dataSource.query(`SELECT action, detail FROM audit_events WHERE item_id = $1 AND action LIKE 'interpretation.%' ORDER BY id`, [itemId])) as { action: string; detail: Record<string, unknown> }[];
  }

  it('tracks an interpretation released within the lag as on time', async () => {
    const { itemId, handle } = await releasePolicyWithoutInterpretation('解读按时');
    const [pending] = await interpretationEvents(itemId);
    expect(pending).toMatchObject({ action: 'interpretation.pending', detail: { dueAt: expect.any(String) } });
    await env.sleep('1 day');
    let view = await handle.executeUpdate(newEditionUpdate, { args: [{ actor: drafter, reason: '补充政策解读', interpretation: '解读材料' }] });
    for (const actor of [reviewer, secrecy, leader]) view = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor, decision: 'approve' }] });
    expect(view).toMatchObject({ state: 'RELEASED', edition: 2 });
    const events = await interpretationEvents(itemId);
    expect(events.map((e) => e.action)).toEqual(['interpretation.pending', 'interpretation.released']);
    expect(events[1].detail).toMatchObject({ edition: 2, late: false });
  });

  it('marks a missing interpretation overdue when the lag passes, and a later one late', async () => {
    const { itemId, handle } = await releasePolicyWithoutInterpretation('解读逾期');
    const dueAt = (await interpretationEvents(itemId))[0].detail.dueAt as string;
    await env.sleep(Date.parse(dueAt) - (await env.currentTimeMs()) + 60_000);
    expect((await interpretationEvents(itemId)).map((e) => e.action)).toEqual(['interpretation.pending', 'interpretation.overdue']);
    const notified = await dataSource.query(`SELECT recipient FROM notifications WHERE item_id = $1 AND kind = 'interpretation-overdue' ORDER BY recipient`, [itemId]);
    expect(notified.map((row: { recipient: string }) => row.recipient)).toEqual(['edu.drafter', 'office.supervisor']);
    let view = await handle.executeUpdate(newEditionUpdate, { args: [{ actor: drafter, reason: '补充政策解读', interpretation: '解读材料' }] });
    for (const actor of [reviewer, secrecy, leader]) view = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor, decision: 'approve' }] });
    const events = await interpretationEvents(itemId);
    expect(events.at(-1)).toMatchObject({ action: 'interpretation.released', detail: { late: true } });
  });

  it('lets the department head act on an escalated task until an extension gives it back to its holders', async () => {
    // A department of its own, with two heads: the one who decides 初审 may decide no other stage of the
    // revision (four-eyes), so the escalation is acted on by the other.
    const dept = `esc${randomUUID().slice(0, 8)}`;
    const person = (name: string, role: string): ActorRef => ({ username: `${dept}.${name}`, displayName: name, departmentCode: dept, roles: [role as ActorRef['roles'][number]] });
    const [author, head, deputyHead, checker] = [person('drafter', 'drafter'), person('head', 'reviewer'), person('deputy', 'reviewer'), person('secrecy', 'secrecy-reviewer')];
    await dataSource.query(`INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, $1, 'county', 'department')`, [dept]);
    for (const user of [author, head, deputyHead, checker]) {
      await dataSource.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $2, $3, $4)`, [user.username, user.displayName, dept, user.roles]);
    }
    const otherHead: ActorRef = { username: 'civil.head', displayName: '民政局长', departmentCode: 'civil', roles: ['reviewer'] };
    const itemId = randomUUID();
    const input: DisclosureItemInput = { itemId, drafter: author, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow(), title: '升级办理', body: '正文', formedAt: '2093-11-20', channels: ['政府网站'] };
    const handle = await env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue, args: [input] });
    await handle.executeUpdate(draftRecordedUpdate);
    const submitted = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: author }] });
    const task = (await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: submitted.openTask!.taskId, actor: head, decision: 'approve' }] })).openTask!;
    expect(task.stage).toBe('confidentiality-review');
    const claim = (actor: ActorRef) => handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.taskId, actor }] });
    /** The validator's refusal, which the client carries as the cause of its "Workflow Update failed". */
    const refusal = (actor: ActorRef) => claim(actor).then(() => 'claimed', (error: { cause?: Error }) => error.cause?.message);

    expect(await refusal(deputyHead)).toMatch(/部门 \S+ 的保密审查人（secrecy-reviewer）/);
    await sleepUntil(new Date(Date.parse(task.dueAt) + 3_600_000).toISOString());
    expect((await dataSource.query(`SELECT escalated FROM review_tasks WHERE id = $1`, [task.taskId]))[0].escalated).toBe(true);
    expect((await claim(deputyHead)).openTask?.claimedBy).toBe(deputyHead.username);
    await handle.executeUpdate(unclaimTaskUpdate, { args: [{ taskId: task.taskId, actor: deputyHead }] });
    expect(await refusal(otherHead)).toMatch(/已逾期，部门 \S+ 负责人也可办理/);
    expect(await refusal(head)).toMatch(/四眼原则/);

    await handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: task.taskId, workingDays: 2, reason: '涉及多部门会商' }] });
    expect((await dataSource.query(`SELECT escalated FROM review_tasks WHERE id = $1`, [task.taskId]))[0].escalated).toBe(false);
    expect(await refusal(deputyHead)).toMatch(/部门 \S+ 的保密审查人（secrecy-reviewer）/);
    expect((await claim(checker)).openTask?.claimedBy).toBe(checker.username);
  });
});
