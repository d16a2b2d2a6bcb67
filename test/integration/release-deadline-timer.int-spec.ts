import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  completeTaskUpdate,
  disclosureItemViewQuery,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  extendDeadlineUpdate,
  recalculateDeadlinesSignal,
  submitForReviewUpdate,
  type ActorRef,
  type DisclosureItemInput,
  type DisclosureItemView,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar, type HolidayTable } from '@zwgk/domain';
import { eduCatalogRow } from '../support/catalog-row';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * The statutory release deadline (the catalog's 20 working days) on the item workflow's own durable timer,
 * on the time-skipping server with the real activities and test database. The time-skipping server's clock
 * starts at the machine's real time and only moves forward, so the harness moves it to a fixed instant decades
 * ahead: 2095, whose 春节 (除夕 Friday 2/4 to 初三 Monday 2/7) the calendar counts by statute until an official
 * arrangement is loaded.
 * The activities get a fixed calendar, so no holiday year another suite loads into the shared database moves them.
 */
describe('the statutory release deadline timer', () => {
  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const reviewer: ActorRef = { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] };
  const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
  const leader: ActorRef = { username: 'edu.leader', displayName: '孙局长', departmentCode: 'edu', roles: ['leader'] };
  const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };
  const admin: ActorRef = { username: 'admin', displayName: '管理员', departmentCode: 'office', roles: ['admin'] };

  // The calendar the activities see; a test may swap it for another (an official year loaded).
  const statutory = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
  let calendarInForce: WorkingDayCalendar = statutory;
  const switchableCalendar = new Proxy(statutory, {
    get: (_target, property) => {
      const value: unknown = Reflect.get(calendarInForce, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(calendarInForce) : value;
    },
  });

  let harness: TimeSkippingHarness;
  beforeEach(async () => {
    calendarInForce = statutory;
    harness = await startTimeSkippingHarness('release-timer', undefined, { calendar: switchableCalendar, startAt: '2095-01-10T01:00:00Z' });
  }, 60_000);
  afterEach(async () => {
    await harness?.stop();
  });

  /** Formed on Friday 2095-01-07: 20 working days from Monday 1/10 skip 春节 (2/4, 2/7 are weekdays off), due Tuesday 2/8 (China time). */
  const FORMED_AT = '2095-01-07';
  const DUE_AT = '2095-02-08T15:59:59.999Z';

  async function startItem(title: string): Promise<{ itemId: string; handle: WorkflowHandle }> {
    await harness.sleepUntil('2095-01-10T01:00:00Z');
    const itemId = randomUUID();
    const input: DisclosureItemInput = {
      itemId,
      drafter,
      catalogVersionId: DEMO_CATALOG_VERSION_ID,
      catalogItem: eduCatalogRow(),
      title,
      body: '正文',
      formedAt: FORMED_AT,
      channels: ['政府网站'],
    };
    const handle = await harness.env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue: harness.taskQueue, args: [input] });
    const drafted = await handle.executeUpdate(draftRecordedUpdate);
    expect(drafted.releaseDueAt).toBe(DUE_AT);
    expect(drafted.releaseDueExplanation).toContain('春节');
    return { itemId, handle };
  }

  const approveAll = async (handle: WorkflowHandle, view: DisclosureItemView) => {
    let current = view;
    for (const actor of [reviewer, secrecy, leader]) current = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: current.openTask!.taskId, actor, decision: 'approve' }] });
    return current;
  };
  const events = async (itemId: string, action: string) =>
    (await harness.dataSource.query(`SELECT detail FROM audit_events WHERE item_id = $1 AND action = $2 ORDER BY id`, [itemId, action])) as { detail: Record<string, unknown> }[];
  const notified = async (itemId: string, kind: string) =>
    ((await harness.dataSource.query(`SELECT recipient FROM notifications WHERE item_id = $1 AND kind = $2 ORDER BY recipient`, [itemId, kind])) as { recipient: string }[]).map((row) => row.recipient);
  const itemRow = async (itemId: string) =>
    (await harness.dataSource.query(`SELECT release_overdue, release_overdue_at, released_late, release_late_working_days, released_at FROM disclosure_items WHERE id = $1`, [itemId]))[0];

  it('reminds before 春节, marks the item overdue after it while it waits in review, and re-arms on an extension', async () => {
    const { itemId, handle } = await startItem('法定时限：春节前提醒');
    const inReview = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    expect(inReview.state).toBe('IN_REVIEW');

    // One working day before Tuesday 2/8 is Thursday 2/3: 2/4–2/7 are 春节 and its weekend.
    await harness.sleepUntil('2095-02-03T15:00:00Z');
    expect(await notified(itemId, 'release-reminder')).toEqual([]);
    await harness.sleepUntil('2095-02-03T16:30:00Z');
    expect(await notified(itemId, 'release-reminder')).toEqual(expect.arrayContaining(['edu.drafter', 'edu.reviewer']));
    expect(await notified(itemId, 'release-reminder')).not.toContain('office.supervisor');

    // Through the holiday: not overdue yet.
    await harness.sleepUntil('2095-02-08T15:00:00Z');
    expect(await events(itemId, 'item.release-overdue')).toEqual([]);
    expect((await itemRow(itemId)).release_overdue).toBe(false);

    // At the due instant, still in review: statutory-overdue, the department head and the supervisors told.
    await harness.sleepUntil('2095-02-08T16:30:00Z');
    expect(await events(itemId, 'item.release-overdue')).toEqual([{ detail: expect.objectContaining({ dueAt: DUE_AT, state: 'IN_REVIEW' }) }]);
    const flagged = await itemRow(itemId);
    expect(flagged.release_overdue).toBe(true);
    expect(flagged.release_overdue_at.getTime()).toBeGreaterThanOrEqual(Date.parse(DUE_AT));
    expect(flagged.release_overdue_at.getTime()).toBeLessThan(Date.parse('2095-02-08T16:30:00Z'));
    const overdueNotices = await notified(itemId, 'release-overdue');
    expect(overdueNotices).toEqual(expect.arrayContaining(['edu.reviewer', 'office.supervisor']));
    expect(overdueNotices).not.toContain('edu.drafter');
    expect(await handle.query(disclosureItemViewQuery)).toMatchObject({ state: 'IN_REVIEW', overdue: true, releaseOverdue: true });

    // A supervisor extends it by 3 working days with a reason: to Friday 2/11. No longer overdue; a new reminder on Thursday 2/10.
    const extended = await handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: 'release', workingDays: 3, reason: '春节后补充会签' }] });
    expect(extended.releaseDueAt).toBe('2095-02-11T15:59:59.999Z');
    await harness.sleepUntil('2095-02-09T01:00:00Z');
    expect(await itemRow(itemId)).toMatchObject({ release_overdue: false, release_overdue_at: null });
    expect(await handle.query(disclosureItemViewQuery)).toMatchObject({ releaseOverdue: false });
    const remindersBefore = (await notified(itemId, 'release-reminder')).length;
    await harness.sleepUntil('2095-02-10T16:30:00Z');
    expect((await notified(itemId, 'release-reminder')).length).toBe(remindersBefore * 2);
    expect(await events(itemId, 'item.release-overdue')).toHaveLength(1);
    await harness.sleepUntil('2095-02-11T16:30:00Z');
    expect((await events(itemId, 'item.release-overdue')).map((event) => event.detail.dueAt)).toEqual([DUE_AT, '2095-02-11T15:59:59.999Z']);
    expect((await itemRow(itemId)).release_overdue).toBe(true);
  });

  it('re-arms when a recalculation (an official year loaded) moves the deadline', async () => {
    const { itemId, handle } = await startItem('法定时限：官方安排公布后重算');
    // A test arrangement for 2095 (not the State Council's): 春节 2/4–2/10 off, Saturday 1/29 a make-up working day.
    const arrangement: HolidayTable = { year: 2095, source: '测试用：2095年节假日安排', published: true, holidays: [{ name: '春节', days: ['2095-02-04', '2095-02-05', '2095-02-06', '2095-02-07', '2095-02-08', '2095-02-09', '2095-02-10'] }], makeUpWorkingDays: ['2095-01-29'] };
    calendarInForce = new WorkingDayCalendar([...PUBLISHED_HOLIDAY_TABLES.filter((table) => table.year !== 2095), arrangement]);
    await harness.sleepUntil('2095-01-20T01:00:00Z');
    await handle.signal(recalculateDeadlinesSignal, { actor: admin, reason: '2095年节假日安排已公布' });
    // 1/29 now counts and 2/3 is the 20th working day: due Thursday 2/3, reminder at the end of Wednesday 2/2.
    const newDueAt = '2095-02-03T15:59:59.999Z';
    for (let attempt = 0; attempt < 300 && (await handle.query(disclosureItemViewQuery)).releaseDueAt !== newDueAt; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await handle.query(disclosureItemViewQuery)).toMatchObject({ releaseDueAt: newDueAt, releaseDueProvisional: false });

    await harness.sleepUntil('2095-02-02T15:00:00Z');
    expect(await notified(itemId, 'release-reminder')).toEqual([]);
    await harness.sleepUntil('2095-02-02T16:30:00Z');
    expect(await notified(itemId, 'release-reminder')).toEqual(expect.arrayContaining(['edu.drafter', 'edu.reviewer']));
    await harness.sleepUntil('2095-02-03T16:30:00Z');
    expect(await events(itemId, 'item.release-overdue')).toEqual([{ detail: expect.objectContaining({ dueAt: newDueAt, state: 'DRAFT' }) }]);
    // The old instant passes with nothing more.
    await harness.sleepUntil('2095-02-08T16:30:00Z');
    expect(await events(itemId, 'item.release-overdue')).toHaveLength(1);
  });

  it('keeps a supervisor\'s extension when a recalculation moves the deadline', async () => {
    const { itemId, handle } = await startItem('法定时限：延期后重算');
    // Extended by 3 working days by statute: 2/9, 2/10, 2/11.
    const extended = await handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: 'release', workingDays: 3, reason: '需补充会签' }] });
    expect(extended.releaseDueAt).toBe('2095-02-11T15:59:59.999Z');
    const arrangement: HolidayTable = { year: 2095, source: '测试用：2095年节假日安排', published: true, holidays: [{ name: '春节', days: ['2095-02-04', '2095-02-05', '2095-02-06', '2095-02-07', '2095-02-08', '2095-02-09', '2095-02-10'] }], makeUpWorkingDays: ['2095-01-29'] };
    calendarInForce = new WorkingDayCalendar([...PUBLISHED_HOLIDAY_TABLES.filter((table) => table.year !== 2095), arrangement]);
    await harness.sleepUntil('2095-01-20T01:00:00Z');
    await handle.signal(recalculateDeadlinesSignal, { actor: admin, reason: '2095年节假日安排已公布' });
    // The rule's 20 working days now end Thursday 2/3; the 3 granted working days follow on the new calendar: 2/11, 2/14, 2/15.
    const newDueAt = '2095-02-15T15:59:59.999Z';
    for (let attempt = 0; attempt < 300 && (await handle.query(disclosureItemViewQuery)).releaseDueAt !== newDueAt; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    const view = await handle.query(disclosureItemViewQuery);
    expect(view).toMatchObject({ releaseDueAt: newDueAt, releaseDueProvisional: false });
    expect(view.releaseDueExplanation).toContain('督查延期3个工作日：需补充会签');
    // The read model follows the workflow's state in the recalculation's activity: wait for it, on a busy machine too.
    const recordedDueAt = async () => new Date((await harness.dataSource.query(`SELECT release_due_at FROM disclosure_items WHERE id = $1`, [itemId]))[0].release_due_at).toISOString();
    for (let attempt = 0; attempt < 300 && (await recordedDueAt()) !== newDueAt; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await recordedDueAt()).toBe(newDueAt);
    // Not overdue at the rule's own new instant (2/3): the extension still holds.
    await harness.sleepUntil('2095-02-04T01:00:00Z');
    expect(await events(itemId, 'item.release-overdue')).toEqual([]);
    await harness.sleepUntil('2095-02-15T16:30:00Z');
    expect(await events(itemId, 'item.release-overdue')).toEqual([{ detail: expect.objectContaining({ dueAt: newDueAt }) }]);
  });

  it('records a release after the due instant as late, by its working days', async () => {
    const { itemId, handle } = await startItem('法定时限：逾期发布');
    const inReview = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    await harness.sleepUntil('2095-02-08T16:30:00Z');
    expect((await itemRow(itemId)).release_overdue).toBe(true);

    // Released on Monday 2/14: working days after the due day are 2/9, 2/10, 2/11, 2/14.
    await harness.sleepUntil('2095-02-14T02:00:00Z');
    const released = await approveAll(handle, inReview);
    expect(released).toMatchObject({ state: 'RELEASED', releaseLateWorkingDays: 4, overdue: false, releaseOverdue: false });
    expect(await itemRow(itemId)).toMatchObject({ released_late: true, release_late_working_days: 4, release_overdue: false });
    expect((await events(itemId, 'item.released'))[0].detail).toMatchObject({ dueAt: DUE_AT, late: true, workingDaysLate: 4 });
    // Nothing more is owed: no second overdue later.
    await harness.sleepUntil('2095-03-01T00:00:00Z');
    expect(await events(itemId, 'item.release-overdue')).toHaveLength(1);
  });

  it('keeps the deadline running after a 签发 that could not be stored, then times the release that follows', async () => {
    const { itemId, handle } = await startItem('法定时限：签发未生效');
    let view = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    for (const actor of [reviewer, secrecy]) view = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor, decision: 'approve' }] });
    // 签发 releases in its own step (patched 'sign-off-releases'), which stops the deadline's timer first: a
    // decision the database refuses (a NUL byte) stores nothing, and the timer goes on where it was.
    await harness.sleepUntil('2095-02-07T02:00:00Z');
    await expect(handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor: leader, decision: 'approve', comment: '同意\u0000' }] })).rejects.toThrow();
    expect(await handle.query(disclosureItemViewQuery)).toMatchObject({ state: 'IN_REVIEW', openTask: { taskId: view.openTask!.taskId } });
    expect(await harness.dataSource.query(`SELECT channel FROM publications WHERE item_id = $1`, [itemId])).toEqual([]);

    await harness.sleepUntil('2095-02-08T16:30:00Z');
    expect(await events(itemId, 'item.release-overdue')).toEqual([{ detail: expect.objectContaining({ dueAt: DUE_AT, state: 'IN_REVIEW' }) }]);
    expect((await itemRow(itemId)).release_overdue).toBe(true);

    // Signed on Wednesday 2/9: released one working day late, in the same step.
    await harness.sleepUntil('2095-02-09T02:00:00Z');
    const released = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor: leader, decision: 'approve' }] });
    expect(released).toMatchObject({ state: 'RELEASED', releaseLateWorkingDays: 1, releaseOverdue: false });
    expect(await itemRow(itemId)).toMatchObject({ released_late: true, release_late_working_days: 1, release_overdue: false });
    await harness.sleepUntil('2095-03-01T00:00:00Z');
    expect(await events(itemId, 'item.release-overdue')).toHaveLength(1);
  });

  it('never marks an item released on time overdue', async () => {
    const { itemId, handle } = await startItem('法定时限：按时发布');
    const inReview = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    await harness.sleepUntil('2095-01-31T02:00:00Z');
    const released = await approveAll(handle, inReview);
    expect(released.state).toBe('RELEASED');
    expect(released.releaseLateWorkingDays).toBeUndefined();

    await harness.sleepUntil('2095-02-22T00:00:00Z');
    expect(await events(itemId, 'item.release-overdue')).toEqual([]);
    expect(await notified(itemId, 'release-overdue')).toEqual([]);
    expect(await notified(itemId, 'release-reminder')).toEqual([]);
    expect(await itemRow(itemId)).toMatchObject({ release_overdue: false, released_late: false, release_late_working_days: null });
    expect((await events(itemId, 'item.released'))[0].detail).toMatchObject({ dueAt: DUE_AT, late: false, workingDaysLate: 0 });
    expect(await handle.query(disclosureItemViewQuery)).toMatchObject({ overdue: false, releaseOverdue: false });
  });
});
