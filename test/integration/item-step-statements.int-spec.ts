import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import type { DisclosureItemInput } from '@zwgk/contracts';
import { AUDIT_CHAIN_SELECT, createDataSource, DEMO_CATALOG_VERSION_ID, verifyAuditChain } from '@zwgk/db';
import { eduCatalogRow } from '../support/catalog-row';
import { testServers } from '../support/test-environment';

/**
 * An item's steps are each written as one statement (its parts data-modifying CTEs) instead of a transaction
 * of several: still all or nothing, retried without effect, the audit rows chained in the order listed, and
 * the item's overdue flag cleared when the overdue task it was flagged for is decided. Each test has items of
 * its own (random ids) on the shared database; the dates are fixed, 2093.
 */
describe('item steps written as one statement', () => {
  let dataSource: DataSource;
  let activities: ReturnType<typeof createActivities>;

  beforeAll(async () => {
    dataSource = createDataSource(testServers().databaseUrl, { applicationName: 'zwgk-item-step-statements' });
    await dataSource.initialize();
    activities = createActivities({ dataSource });
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const drafter = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter' as const] };
  const audit = (itemId: string, key: string, action: string, extra: Record<string, unknown> = {}) => ({
    eventKey: `${itemId}:${key}`,
    itemId,
    actor: 'edu.drafter',
    actorRole: 'drafter',
    departmentCode: 'edu',
    action,
    occurredAt: '2093-03-02T02:00:00.000Z',
    ...extra,
  });
  const row = async (itemId: string) =>
    (await dataSource.query(`SELECT state, overdue, signed_content_hash, current_edition, release_overdue, released_late, release_late_working_days FROM disclosure_items WHERE id = $1`, [itemId]))[0];
  const actions = async (itemId: string) => ((await dataSource.query(`SELECT action FROM audit_events WHERE item_id = $1 ORDER BY id`, [itemId])) as { action: string }[]).map((r) => r.action);

  /** A draft submitted: the first review task open. */
  async function submittedItem(): Promise<{ itemId: string; taskId: string; submit: () => Promise<unknown> }> {
    const itemId = randomUUID();
    const input: DisclosureItemInput = { itemId, drafter, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow(), title: '单语句测试', body: '正文', formedAt: '2093-03-01', channels: ['政府网站'] };
    await activities.recordDraftStep({
      input,
      createdAt: '2093-03-01T02:00:00.000Z',
      audit: audit(itemId, 'created', 'item.created'),
      deadlineRequest: { rule: input.catalogItem.timeLimit.rule, formedAt: input.formedAt },
    });
    const taskId = randomUUID();
    const submit = () =>
      activities.applyItemStep({
        itemId,
        state: { state: 'IN_REVIEW', revision: 1, at: '2093-03-02T02:00:00.000Z' },
        resolveChain: { departmentCode: 'edu', catalogItemCode: 'EDU-001', normativeDocument: false },
        chainInto: `${itemId}:submitted`,
        openTask: { taskId, departmentCode: 'edu', revision: 1, openedAt: '2093-03-02T02:00:00.000Z' },
        audit: [audit(itemId, 'submitted', 'item.submitted')],
      });
    expect((await submit()).openedTask).toMatchObject({ taskId, stage: 'preliminary-review' });
    return { itemId, taskId, submit };
  }

  it('writes the draft and a submission with their audit rows, and a retry adds nothing', async () => {
    const { itemId, taskId, submit } = await submittedItem();
    await submit();
    expect(await row(itemId)).toMatchObject({ state: 'IN_REVIEW', overdue: false });
    expect((await dataSource.query(`SELECT revision, title FROM item_revisions WHERE item_id = $1`, [itemId]))).toEqual([{ revision: 1, title: '单语句测试' }]);
    expect((await dataSource.query(`SELECT state, stage, overdue FROM review_tasks WHERE id = $1`, [taskId]))).toEqual([{ state: 'open', stage: 'preliminary-review', overdue: false }]);
    const submitted = await dataSource.query(`SELECT detail FROM audit_events WHERE event_key = $1`, [`${itemId}:submitted`]);
    expect(submitted[0].detail.reviewChain).toEqual(['preliminary-review', 'confidentiality-review', 'sign-off']);
    expect(await actions(itemId)).toEqual(['item.created', 'item.submitted']);
  });

  it('stores nothing of a step one of whose writes the database refuses', async () => {
    const { itemId, taskId } = await submittedItem();
    const next = randomUUID();
    // actor_role is varchar(32): the audit row is refused, so neither the close, the state nor the next task may stay.
    await expect(
      activities.applyItemStep({
        itemId,
        closeTask: { taskId, decision: 'approve', decidedBy: 'edu.reviewer', decidedAt: '2093-03-03T02:00:00.000Z' },
        state: { state: 'IN_REVIEW', revision: 2, at: '2093-03-03T02:00:00.000Z' },
        openTask: { taskId: next, stage: 'confidentiality-review', departmentCode: 'edu', revision: 1, openedAt: '2093-03-03T02:00:00.000Z' },
        audit: [audit(itemId, 'approved', 'task.approve', { actorRole: 'r'.repeat(40) })],
      }),
    ).rejects.toThrow();
    expect((await dataSource.query(`SELECT state FROM review_tasks WHERE id = $1`, [taskId]))[0].state).toBe('open');
    expect(await dataSource.query(`SELECT 1 FROM review_tasks WHERE id = $1`, [next])).toEqual([]);
    expect((await dataSource.query(`SELECT revision FROM disclosure_items WHERE id = $1`, [itemId]))[0].revision).toBe(1);
    expect(await actions(itemId)).toEqual(['item.created', 'item.submitted']);
  });

  it("clears the item's overdue flag when its overdue task is decided, and leaves it when a task that is not overdue is", async () => {
    const { itemId, taskId } = await submittedItem();
    await activities.recordTaskOverdue({ taskId, itemId, overdue: true });
    expect((await row(itemId)).overdue).toBe(true);
    const next = randomUUID();
    const decide = (closed: string, opened: string, key: string) =>
      activities.applyItemStep({
        itemId,
        closeTask: { taskId: closed, decision: 'approve', decidedBy: 'edu.reviewer', decidedAt: '2093-03-20T02:00:00.000Z' },
        openTask: { taskId: opened, stage: 'confidentiality-review', departmentCode: 'edu', revision: 1, openedAt: '2093-03-20T02:00:00.000Z' },
        audit: [audit(itemId, key, 'task.approve')],
      });
    await decide(taskId, next, 'approved');
    expect((await row(itemId)).overdue).toBe(false);
    expect((await dataSource.query(`SELECT id::text, state, overdue FROM review_tasks WHERE item_id = $1 ORDER BY state`, [itemId]))).toEqual([
      { id: taskId, state: 'completed', overdue: true },
      { id: next, state: 'open', overdue: false },
    ]);

    // A flag the item holds for another reason (here set by hand) is not touched by deciding a task that was on time.
    await dataSource.query(`UPDATE disclosure_items SET overdue = true WHERE id = $1`, [itemId]);
    await decide(next, randomUUID(), 'approved-again');
    expect((await row(itemId)).overdue).toBe(true);
  });

  it('records a release as one statement: the edition, the item row, and its audit rows chained in their order', async () => {
    const { itemId } = await submittedItem();
    const step = {
      edition: { itemId, edition: 1, revision: 1, title: '单语句测试', body: '正文', contentHash: 'c'.repeat(64), releasedAt: '2093-06-01T02:00:00.000Z' },
      state: { state: 'RELEASED' as const, revision: 1, at: '2093-06-01T02:00:00.000Z', releasedAt: '2093-06-01T02:00:00.000Z' },
      timedAgainst: '2093-05-01T15:59:59.999Z',
      before: [audit(itemId, 'failed:gazette', 'channel.failed'), audit(itemId, 'failed:notice', 'channel.failed')],
      released: audit(itemId, 'released', 'item.released'),
      after: [audit(itemId, 'after', 'interpretation.released')],
    };
    const outcome = await activities.recordReleaseStep(step);
    expect(outcome.timing?.late).toBe(true);
    expect(await row(itemId)).toMatchObject({ state: 'RELEASED', current_edition: 1, release_overdue: false, released_late: true, release_late_working_days: outcome.timing!.workingDaysLate });
    expect((await dataSource.query(`SELECT edition, content_hash FROM item_editions WHERE item_id = $1`, [itemId]))).toEqual([{ edition: 1, content_hash: 'c'.repeat(64) }]);
    const expected = ['item.created', 'item.submitted', 'channel.failed', 'channel.failed', 'item.released', 'interpretation.released'];
    expect(await actions(itemId)).toEqual(expected);
    const keys = ((await dataSource.query(`SELECT event_key FROM audit_events WHERE item_id = $1 ORDER BY id`, [itemId])) as { event_key: string }[]).map((r) => r.event_key);
    expect(keys.slice(2)).toEqual([`${itemId}:failed:gazette`, `${itemId}:failed:notice`, `${itemId}:released`, `${itemId}:after`]);
    const released = await dataSource.query(`SELECT detail FROM audit_events WHERE event_key = $1`, [`${itemId}:released`]);
    expect(released[0].detail).toMatchObject({ dueAt: step.timedAgainst, late: true });

    // A retried release changes nothing, and the chain holds.
    await activities.recordReleaseStep(step);
    expect(await actions(itemId)).toEqual(expected);
    const chain = await dataSource.query(`SELECT ${AUDIT_CHAIN_SELECT} FROM audit_events WHERE item_id = $1 ORDER BY audit_events.id`, [itemId]);
    expect(verifyAuditChain(chain)).toEqual({ records: expected.length, valid: true });
  });
});
