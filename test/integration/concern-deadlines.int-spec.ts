import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import {
  concernRecordedUpdate,
  extendConcernDeadlineUpdate,
  FailureType,
  PUBLIC_CONCERN_WORKFLOW_TYPE,
  publicConcernWorkflowId,
  triageConcernUpdate,
  type ActorRef,
  type PublicConcernInput,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import type { ConcernKind } from '@zwgk/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

const HOUR = 3_600_000;

/**
 * A concern's deadlines on the time-skipping test server: each severity's limit, recorded as overdue by
 * the workflow itself when it passes (nobody polls), and the message extension re-arming the timer.
 * The activities write to the real test database and use the calendar in force there. The server's clock
 * starts at a fixed instant, Friday 2097-03-01 09:00 China time (a year no suite loads into the database), so
 * no date here depends on today's.
 */
describe('the deadlines of a public concern', () => {
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let harness: TimeSkippingHarness;
  let taskQueue: string;
  const itemId = randomUUID();

  const office: ActorRef = { username: 'office.publisher', displayName: '冯公开（政务公开办）', departmentCode: 'office', roles: ['disclosure-office'] };
  const eduLeader: ActorRef = { username: 'edu.leader', displayName: '孙局长（教育局）', departmentCode: 'edu', roles: ['leader'] };

  beforeAll(async () => {
    harness = await startTimeSkippingHarness('concern-timers', async (db) => {
      // The released item the concerns are about: its read model row, as the item workflow would have left it.
      await db.query(
        `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, formed_at,
           channels, state, released_at)
         VALUES ($1, $2, 'EDU-001', 'edu', 'edu.drafter', '回应关切计时器测试', '正文', '2026-09-01', '{政府网站}', 'RELEASED', now())`,
        [itemId, DEMO_CATALOG_VERSION_ID],
      );
    }, { startAt: '2097-03-01T01:00:00Z' });
    ({ env, dataSource, taskQueue } = harness);
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  async function register(kind: ConcernKind, receivedAt: string) {
    const concernId = randomUUID();
    const input: PublicConcernInput = {
      concernId,
      itemId,
      itemDepartmentCode: 'edu',
      kind,
      content: kind === 'message' ? '请问随迁子女入学需要哪些材料？' : '网传某校招生违规，转发量较大',
      ...(kind === 'message' ? { contact: '13800138000' } : { registeredBy: office }),
      receivedAt,
    };
    const handle = await env.client.workflow.start(PUBLIC_CONCERN_WORKFLOW_TYPE, { workflowId: publicConcernWorkflowId(concernId), taskQueue, args: [input] });
    const view = await handle.executeUpdate(concernRecordedUpdate);
    return { concernId, handle, view };
  }

  async function serverNow(): Promise<number> {
    return env.currentTimeMs();
  }

  /** Skips the server's clock forward to an instant (the workers keep up: skipping waits while they work). */
  async function skipTo(instant: number): Promise<void> {
    const now = await serverNow();
    if (instant > now) await env.sleep(instant - now);
  }

  const overdueEvents = async (concernId: string) =>
    ((await dataSource.query(
      `SELECT detail, occurred_at FROM audit_events WHERE action = 'concern.overdue' AND detail ->> 'concernId' = $1 ORDER BY id`,
      [concernId],
    )) as { detail: { milestone: string; dueAt: string }; occurred_at: Date }[]).map((event) => ({ ...event.detail, at: event.occurred_at.getTime() }));

  const deadlineRows = async (concernId: string) =>
    (await dataSource.query(`SELECT milestone, due_at, overdue_at FROM concern_deadlines WHERE concern_id = $1 ORDER BY due_at`, [concernId])) as {
      milestone: string;
      due_at: Date;
      overdue_at: Date | null;
    }[];

  /** Bounded polling for what the workflow records right after its receipt. */
  async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = await check();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** The failure type a validator rejected an Update with. */
  async function rejection(update: Promise<unknown>): Promise<string | undefined> {
    try {
      await update;
      return undefined;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) return error.cause.type ?? undefined;
      throw error;
    }
  }

  /** Checks that a milestone is not overdue just before its due instant and is overdue, stamped at that instant, just after it. */
  async function expectOverdueExactlyAt(concernId: string, milestone: string, dueAt: number, alreadyOverdue: number) {
    await skipTo(dueAt - 5_000);
    expect(await overdueEvents(concernId)).toHaveLength(alreadyOverdue);
    await skipTo(dueAt + 5_000);
    const events = await overdueEvents(concernId);
    expect(events).toHaveLength(alreadyOverdue + 1);
    const event = events[alreadyOverdue];
    expect(event).toMatchObject({ milestone, dueAt: new Date(dueAt).toISOString() });
    expect(Math.abs(event.at - dueAt)).toBeLessThan(1_000);
    const row = (await deadlineRows(concernId)).find((deadline) => deadline.milestone === milestone);
    expect(Math.abs(row!.overdue_at!.getTime() - dueAt)).toBeLessThan(1_000);
  }

  it('gives a major emergency 5 hours for authoritative information and 24 for a press conference, and marks each overdue when it passes', async () => {
    const received = await serverNow();
    const { concernId, handle, view } = await register('major-emergency', new Date(received).toISOString());
    expect(view.deadlines.map((deadline) => [deadline.milestone, deadline.dueAt])).toEqual([
      ['authoritative-information', new Date(received + 5 * HOUR).toISOString()],
      ['press-conference', new Date(received + 24 * HOUR).toISOString()],
    ]);

    await expectOverdueExactlyAt(concernId, 'authoritative-information', received + 5 * HOUR, 0);
    expect((await deadlineRows(concernId)).find((deadline) => deadline.milestone === 'press-conference')?.overdue_at).toBeNull();
    await expectOverdueExactlyAt(concernId, 'press-conference', received + 24 * HOUR, 1);

    // Overdue is recorded, not final: the concern still waits for its response.
    const triaged = await handle.executeUpdate(triageConcernUpdate, { args: [{ actor: office, classification: 'report', assignDepartmentCode: 'edu' }] });
    expect(triaged.state).toBe('AWAITING_RESPONSE');
    expect(triaged.deadlines.every((deadline) => deadline.overdueAt !== undefined)).toBe(true);
    // An incident's limit cannot be extended.
    expect(await rejection(handle.executeUpdate(extendConcernDeadlineUpdate, { args: [{ actor: office, reason: '情况复杂' }] }))).toBe(FailureType.Conflict);
  });

  it('gives another public-opinion issue 48 hours', async () => {
    const received = await serverNow();
    const { concernId, view } = await register('public-opinion', new Date(received).toISOString());
    expect(view.deadlines).toEqual([expect.objectContaining({ milestone: 'response', dueAt: new Date(received + 48 * HOUR).toISOString(), provisional: false })]);
    await expectOverdueExactlyAt(concernId, 'response', received + 48 * HOUR, 0);
  });

  it('gives a message 7 working days, and one extension to 15 working days re-arms the timer', async () => {
    // Received on Monday 2097-03-04, 10:00 China time: 7 working days end on Wednesday 3/13, 15 on Monday 3/25.
    await skipTo(Date.parse('2097-03-04T02:00:00Z'));
    const received = await serverNow();
    const { concernId, handle, view } = await register('message', new Date(received).toISOString());
    const within7 = Date.parse('2097-03-13T15:59:59.999Z');
    const within15 = Date.parse('2097-03-25T15:59:59.999Z');
    expect(view.deadlines).toEqual([expect.objectContaining({ milestone: 'response', dueAt: new Date(within7).toISOString(), explanation: expect.stringContaining('7个工作日') })]);

    // Only the disclosure office extends, with a reason.
    expect(await rejection(handle.executeUpdate(extendConcernDeadlineUpdate, { args: [{ actor: eduLeader, reason: '情况复杂' }] }))).toBe(FailureType.Forbidden);
    expect(await rejection(handle.executeUpdate(extendConcernDeadlineUpdate, { args: [{ actor: office, reason: ' ' }] }))).toBe(FailureType.InvalidInput);
    const extended = await handle.executeUpdate(extendConcernDeadlineUpdate, { args: [{ actor: office, reason: '涉及多部门会商，情况复杂' }] });
    expect(extended).toMatchObject({ deadlineExtended: true, extensionReason: '涉及多部门会商，情况复杂' });
    expect(extended.deadlines).toEqual([expect.objectContaining({ milestone: 'response', dueAt: new Date(within15).toISOString(), explanation: expect.stringContaining('15个工作日') })]);
    // Once only.
    expect(await rejection(handle.executeUpdate(extendConcernDeadlineUpdate, { args: [{ actor: office, reason: '再次延期' }] }))).toBe(FailureType.Conflict);

    // The old due time passes without a word; the new one is recorded when it passes.
    await skipTo(within7 + HOUR);
    expect(await overdueEvents(concernId)).toEqual([]);
    expect((await deadlineRows(concernId))[0]).toMatchObject({ due_at: new Date(within15), overdue_at: null });
    await expectOverdueExactlyAt(concernId, 'response', within15, 0);
  });

  it('counts a message received before 国庆 2026 across the holiday and its make-up Saturday, and refuses to extend a limit that has passed', async () => {
    // Received Tuesday 2026-09-29, 09:00 China time: 9/30, (国庆 10/1–10/7), 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13, 10/14.
    const { concernId, handle, view } = await register('message', '2026-09-29T01:00:00.000Z');
    expect(view.deadlines).toEqual([
      expect.objectContaining({
        milestone: 'response',
        dueAt: '2026-10-14T15:59:59.999Z',
        explanation: '答复：自2026-09-29次日起算7个工作日（跳过周末1天、国庆节7天），截止2026-10-14',
        provisional: false,
      }),
    ]);
    // The server's clock is past that day, so the workflow records it as overdue straight away.
    const [event] = await eventually(async () => {
      const events = await overdueEvents(concernId);
      return events.length > 0 ? events : undefined;
    }, 'the overdue record');
    expect(event).toMatchObject({ milestone: 'response', dueAt: '2026-10-14T15:59:59.999Z' });
    expect(await rejection(handle.executeUpdate(extendConcernDeadlineUpdate, { args: [{ actor: office, reason: '情况复杂' }] }))).toBe(FailureType.Conflict);
  });
});
