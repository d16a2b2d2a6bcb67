import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  completeTaskUpdate,
  consultationOpenedUpdate,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  feedbackDraftedUpdate,
  PUBLIC_CONSULTATION_WORKFLOW_TYPE,
  publicConsultationViewQuery,
  publicConsultationWorkflowId,
  submitForReviewUpdate,
  type ActorRef,
  type DisclosureItemView,
  type PublicConsultationInput,
  type PublicConsultationView,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar } from '@zwgk/domain';
import { eduCatalogRow } from '../support/catalog-row';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * A public consultation (意见征集) on its own durable timers, on the time-skipping server with the real
 * activities and the test database: opened for 30 days from Monday 2094-03-01, commented, closed by its
 * timer at the end of Wednesday 3/31, its feedback due 15 working days later (Wednesday 4/21: the weekends
 * and 清明节 4/4 skipped), reminded the working day before, overdue after it, and then published as a
 * disclosure item that went through the review chain. The activities get a fixed calendar, so no holiday
 * year another suite loads moves the dates.
 */
describe('the public consultation timers', () => {
  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const otherDrafter: ActorRef = { username: 'civil.drafter', displayName: '民政起草', departmentCode: 'civil', roles: ['drafter'] };
  const reviewer: ActorRef = { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] };
  const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
  const leader: ActorRef = { username: 'edu.leader', displayName: '孙局长', departmentCode: 'edu', roles: ['leader'] };

  const CLOSES_AT = '2094-03-31T15:59:59.999Z';
  const FEEDBACK_DUE_AT = '2094-04-21T15:59:59.999Z';

  let harness: TimeSkippingHarness;
  beforeAll(async () => {
    harness = await startTimeSkippingHarness('consultation-timer', undefined, { calendar: new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES), startAt: '2094-03-01T02:00:00Z' });
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
  });

  const row = async (id: string) =>
    (await harness.dataSource.query(`SELECT state, closed_at, feedback_due_at, feedback_overdue, feedback_item_id, feedback_published_at, feedback_late FROM public_consultations WHERE id = $1`, [id]))[0];
  const events = async (id: string, action: string) =>
    (await harness.dataSource.query(`SELECT actor, detail FROM audit_events WHERE detail->>'consultationId' = $1 AND action = $2 ORDER BY id`, [id, action])) as { actor: string; detail: Record<string, unknown> }[];
  const notified = async (id: string, kind: string) =>
    ((await harness.dataSource.query(`SELECT DISTINCT recipient FROM notifications WHERE kind = $1 AND title LIKE $2 ORDER BY recipient`, [kind, `%${id}%`])) as { recipient: string }[]).map((entry) => entry.recipient);
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  };

  it('closes on its timer, records the feedback overdue, and follows the feedback item through review to publication', async () => {
    const consultationId = randomUUID();
    // The title carries the id, so this file's notifications are told apart from any other's.
    const title = `县城义务教育学校布局规划（征求意见稿）${consultationId}`;
    const input: PublicConsultationInput = {
      consultationId,
      departmentCode: 'edu',
      kind: 'plan',
      title,
      draftText: '第一条 ……\n第二条 ……',
      explanation: '起草说明：为优化学校布局……',
      affectsMarketEntities: false,
      minimumBasis: '一般不少于30日',
      openedAt: '2094-03-01T02:00:00.000Z',
      closesOn: '2094-03-31',
      closesAt: CLOSES_AT,
      feedbackWorkingDays: 15,
      openedBy: drafter,
      feedbackPollMinutes: 60,
    };
    const handle: WorkflowHandle = await harness.env.client.workflow.start(PUBLIC_CONSULTATION_WORKFLOW_TYPE, {
      workflowId: publicConsultationWorkflowId(consultationId),
      taskQueue: harness.taskQueue,
      args: [input],
    });
    const opened = await handle.executeUpdate(consultationOpenedUpdate);
    expect(opened).toMatchObject({ state: 'OPEN', closesAt: CLOSES_AT, feedbackOverdue: false });
    expect(await row(consultationId)).toMatchObject({ state: 'OPEN', closed_at: null });
    expect(await events(consultationId, 'consultation.opened')).toEqual([{ actor: 'edu.drafter', detail: expect.objectContaining({ kind: 'plan', closesAt: CLOSES_AT }) }]);

    // Comments from the public arrive while it is open (the API writes them; they do not drive the workflow).
    await harness.dataSource.query(
      `INSERT INTO consultation_comments (id, consultation_id, clause, content, state) VALUES ($1, $3, '第二条', '建议增设一所九年一贯制学校', 'approved'), ($2, $3, NULL, '建议公布学位测算依据', 'approved')`,
      [randomUUID(), randomUUID(), consultationId],
    );

    // No feedback while it is open.
    expect((await refusal(handle.executeUpdate(feedbackDraftedUpdate, { args: [{ actor: drafter, itemId: randomUUID() }] }))).type).toBe('Conflict');

    // Still open a moment before the end of its closing day, closed by the timer just after.
    await harness.sleepUntil('2094-03-31T15:50:00Z');
    expect((await row(consultationId)).state).toBe('OPEN');
    await harness.sleepUntil('2094-03-31T16:10:00Z');
    const closed = await row(consultationId);
    expect(closed).toMatchObject({ state: 'CLOSED', feedback_overdue: false });
    expect(closed.feedback_due_at.toISOString()).toBe(FEEDBACK_DUE_AT);
    expect(closed.closed_at.getTime()).toBeGreaterThanOrEqual(Date.parse(CLOSES_AT));
    expect(await events(consultationId, 'consultation.closed')).toEqual([{ actor: 'system', detail: expect.objectContaining({ feedbackDueAt: FEEDBACK_DUE_AT }) }]);
    expect(await notified(consultationId, 'consultation-closed')).toContain('edu.drafter');
    expect(await handle.query(publicConsultationViewQuery)).toMatchObject({ state: 'CLOSED', feedbackDueAt: FEEDBACK_DUE_AT, feedbackDueExplanation: expect.stringContaining('15个工作日') });

    // Reminded at the end of the working day before (Tuesday 4/20), overdue after Wednesday 4/21.
    await harness.sleepUntil('2094-04-20T15:00:00Z');
    expect(await notified(consultationId, 'consultation-feedback-reminder')).toEqual([]);
    await harness.sleepUntil('2094-04-20T16:30:00Z');
    expect(await notified(consultationId, 'consultation-feedback-reminder')).toContain('edu.drafter');
    expect((await row(consultationId)).feedback_overdue).toBe(false);
    await harness.sleepUntil('2094-04-21T16:30:00Z');
    expect((await row(consultationId)).feedback_overdue).toBe(true);
    expect(await events(consultationId, 'consultation.feedback-overdue')).toEqual([{ actor: 'system', detail: expect.objectContaining({ dueAt: FEEDBACK_DUE_AT, state: 'CLOSED' }) }]);
    expect(await notified(consultationId, 'consultation-feedback-overdue')).toEqual(expect.arrayContaining(['office.supervisor', 'edu.reviewer']));

    // Late, the department drafts the feedback as an ordinary item and links it; only its own drafter may.
    const itemId = randomUUID();
    const item: WorkflowHandle = await harness.env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(itemId),
      taskQueue: harness.taskQueue,
      args: [{ itemId, drafter, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow(), title: `关于《${title}》征求意见采纳情况的说明`, body: '采纳情况……', formedAt: '2094-04-22', channels: ['政府网站'] }],
    });
    await item.executeUpdate(draftRecordedUpdate);
    expect((await refusal(handle.executeUpdate(feedbackDraftedUpdate, { args: [{ actor: otherDrafter, itemId }] }))).type).toBe('Forbidden');
    const linked = await handle.executeUpdate(feedbackDraftedUpdate, { args: [{ actor: drafter, itemId }] });
    expect(linked).toMatchObject({ state: 'FEEDBACK_IN_REVIEW', feedbackItemId: itemId, feedbackOverdue: true });
    expect((await refusal(handle.executeUpdate(feedbackDraftedUpdate, { args: [{ actor: drafter, itemId: randomUUID() }] }))).type).toBe('Conflict');

    // In review for a day: still in review, still overdue.
    let view = (await item.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] })) as DisclosureItemView;
    await harness.sleepUntil('2094-04-23T03:00:00Z');
    expect(await row(consultationId)).toMatchObject({ state: 'FEEDBACK_IN_REVIEW', feedback_item_id: itemId, feedback_published_at: null });

    // Approved through the chain and released: the consultation sees it at its next look and records it late.
    for (const actor of [reviewer, secrecy, leader]) view = await item.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor, decision: 'approve' }] });
    expect(view.state).toBe('RELEASED');
    await harness.sleepUntil('2094-04-23T05:00:00Z');
    const published = await row(consultationId);
    expect(published).toMatchObject({ state: 'FEEDBACK_PUBLISHED', feedback_item_id: itemId, feedback_late: true, feedback_overdue: true });
    expect(published.feedback_published_at.getTime()).toBeGreaterThan(Date.parse(FEEDBACK_DUE_AT));
    expect(await events(consultationId, 'consultation.feedback-published')).toEqual([{ actor: 'system', detail: expect.objectContaining({ feedbackItemId: itemId, late: true }) }]);
    const result = (await handle.result()) as PublicConsultationView;
    expect(result).toMatchObject({ state: 'FEEDBACK_PUBLISHED', feedbackLate: true });
  }, 120_000);
});
