import { randomUUID } from 'node:crypto';
import {
  completeTaskUpdate,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  extendDeadlineUpdate,
  submitForReviewUpdate,
  type ActorRef,
  type DisclosureItemView,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { parseTimeLimit, STAGE_ROLE } from '@zwgk/domain';
import { eduCatalogRow } from '../support/catalog-row';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * 公示N个工作日: the release of an item under such a rule starts its 公示期, records it for the public page,
 * and a durable timer closes it (publicity.ended on the timeline) with nobody polling. The server's clock
 * starts at a fixed instant, Monday 2090-03-06 09:00 China time, so no date here depends on today's.
 */
describe('a publicity period (公示期)', () => {
  let harness: TimeSkippingHarness;
  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const deciders: Record<string, ActorRef> = {
    reviewer: { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] },
    'secrecy-reviewer': { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] },
    'legal-reviewer': { username: 'edu.legal', displayName: '钱法审', departmentCode: 'edu', roles: ['legal-reviewer'] },
    leader: { username: 'edu.leader', displayName: '孙签发', departmentCode: 'edu', roles: ['leader'] },
  };

  beforeAll(async () => {
    harness = await startTimeSkippingHarness('publicity-period', undefined, { startAt: '2090-03-06T01:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('starts at release, is recorded for the portal, and is closed by its timer', async () => {
    const itemId = randomUUID();
    const timeLimit = { text: '信息形成之日起20个工作日内，公示7个工作日', rule: parseTimeLimit('信息形成之日起20个工作日内，公示7个工作日').rule };
    const formedAt = '2090-03-06';
    const handle = await harness.env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(itemId),
      taskQueue: harness.taskQueue,
      args: [{ itemId, drafter, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow({ timeLimit }), title: '公示期测试', body: '拟表彰名单公示。', formedAt, channels: ['政府网站'] }],
    });
    await handle.executeUpdate(draftRecordedUpdate);
    let view: DisclosureItemView = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    while (view.openTask) {
      view = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask.taskId, actor: deciders[STAGE_ROLE[view.openTask.stage]]!, decision: 'approve' }] });
    }
    expect(view.state).toBe('RELEASED');

    const [row] = await harness.dataSource.query(`SELECT publicity_starts_at, publicity_ends_at FROM disclosure_items WHERE id = $1`, [itemId]);
    expect(row.publicity_starts_at).toBeInstanceOf(Date);
    expect((row.publicity_starts_at as Date).toISOString()).toBe(view.releasedAt);
    const endsAt = (row.publicity_ends_at as Date).toISOString();
    expect(Date.parse(endsAt)).toBeGreaterThan(Date.parse(view.releasedAt!) + 7 * 86_400_000); // 7 working days and more
    // Released on Monday 3/6: 3/7–3/10 and 3/13–3/15 are the 7 working days, so it ends with Wednesday 3/15.
    expect(view.releasedAt!.slice(0, 10)).toBe('2090-03-06');
    expect(endsAt).toBe('2090-03-15T15:59:59.999Z');
    const actions = async () => ((await harness.dataSource.query(`SELECT action FROM audit_events WHERE item_id = $1 AND action LIKE 'publicity.%' ORDER BY id`, [itemId])) as { action: string }[]).map((r) => r.action);
    expect(await actions()).toEqual(['publicity.started']);

    // Just before its end it still runs; past it, the timer has closed it.
    await harness.sleepUntil(new Date(Date.parse(endsAt) - 60_000).toISOString());
    expect(await actions()).toEqual(['publicity.started']);
    await harness.sleepUntil(new Date(Date.parse(endsAt) + 60_000).toISOString());
    const deadline = Date.now() + 20_000;
    while ((await actions()).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await actions()).toEqual(['publicity.started', 'publicity.ended']);
  });
});

/**
 * A supervisor's extension of the release deadline keeps what the rule says of the 公示期: the deadline the
 * workflow holds after it is the one the read model records (the rule's explanation with 发布后公示, then the
 * extension), and the release still starts a publicity period that its timer closes. Its own server, whose
 * clock starts at Monday 2090-05-08 09:00 China time.
 */
describe('a publicity period after the release deadline was extended', () => {
  let harness: TimeSkippingHarness;
  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };
  const deciders: Record<string, ActorRef> = {
    reviewer: { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] },
    'secrecy-reviewer': { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] },
    'legal-reviewer': { username: 'edu.legal', displayName: '钱法审', departmentCode: 'edu', roles: ['legal-reviewer'] },
    leader: { username: 'edu.leader', displayName: '孙签发', departmentCode: 'edu', roles: ['leader'] },
  };

  beforeAll(async () => {
    harness = await startTimeSkippingHarness('publicity-extended', undefined, { startAt: '2090-05-08T01:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('keeps the rule’s 公示期 in the extended deadline, and the period still closes on its timer', async () => {
    const itemId = randomUUID();
    const text = '信息形成之日起20个工作日内，公示7个工作日';
    const handle = await harness.env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
      workflowId: disclosureItemWorkflowId(itemId),
      taskQueue: harness.taskQueue,
      args: [{ itemId, drafter, catalogVersionId: DEMO_CATALOG_VERSION_ID, catalogItem: eduCatalogRow({ timeLimit: { text, rule: parseTimeLimit(text).rule } }), title: '延期后公示', body: '拟表彰名单公示。', formedAt: '2090-05-08', channels: ['政府网站'] }],
    });
    const drafted = await handle.executeUpdate(draftRecordedUpdate);
    expect(drafted.releaseDueExplanation).toContain('发布后公示7个工作日');
    let view: DisclosureItemView = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });

    const extended = await handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: 'release', workingDays: 5, reason: '名单复核' }] });
    expect(Date.parse(extended.releaseDueAt!)).toBeGreaterThan(Date.parse(drafted.releaseDueAt!) + 5 * 86_400_000);
    // The workflow's deadline is the recorded one: the rule (with its 公示期), then the extension.
    const [item] = await harness.dataSource.query(`SELECT release_due_at, release_due_explanation FROM disclosure_items WHERE id = $1`, [itemId]);
    expect((item.release_due_at as Date).toISOString()).toBe(extended.releaseDueAt);
    expect(extended.releaseDueExplanation).toBe(item.release_due_explanation);
    expect(extended.releaseDueExplanation).toMatch(/^.*发布后公示7个工作日；督查延期5个工作日：名单复核，截止\d{4}-\d{2}-\d{2}$/);

    view = extended;
    while (view.openTask) {
      view = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask.taskId, actor: deciders[STAGE_ROLE[view.openTask.stage]]!, decision: 'approve' }] });
    }
    expect(view.state).toBe('RELEASED');
    expect(view.releaseDueExplanation).toBe(extended.releaseDueExplanation);

    const [row] = await harness.dataSource.query(`SELECT publicity_starts_at, publicity_ends_at FROM disclosure_items WHERE id = $1`, [itemId]);
    expect((row.publicity_starts_at as Date).toISOString()).toBe(view.releasedAt);
    const endsAt = (row.publicity_ends_at as Date).toISOString();
    expect(Date.parse(endsAt)).toBeGreaterThan(Date.parse(view.releasedAt!) + 7 * 86_400_000);
    const actions = async () => ((await harness.dataSource.query(`SELECT action FROM audit_events WHERE item_id = $1 AND action LIKE 'publicity.%' ORDER BY id`, [itemId])) as { action: string }[]).map((r) => r.action);
    expect(await actions()).toEqual(['publicity.started']);

    await harness.sleepUntil(new Date(Date.parse(endsAt) - 60_000).toISOString());
    expect(await actions()).toEqual(['publicity.started']);
    await harness.sleepUntil(new Date(Date.parse(endsAt) + 60_000).toISOString());
    const deadline = Date.now() + 20_000;
    while ((await actions()).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await actions()).toEqual(['publicity.started', 'publicity.ended']);
  });
});
