import { randomUUID } from 'node:crypto';
import {
  completeTaskUpdate,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
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
