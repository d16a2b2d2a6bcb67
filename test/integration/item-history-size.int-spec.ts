import { Client as TemporalClient, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { DisclosureStateAttribute, disclosureItemWorkflowId } from '@zwgk/contracts';
import { chinaDateOf } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

const EventType = temporal.api.enums.v1.EventType;

/** What one workflow run's history holds: the figures the lean item workflow is about. */
interface HistoryFigures {
  readonly events: number;
  readonly activities: number;
  readonly activityTypes: string[];
  readonly localActivitiesAndMarkers: number;
  readonly searchAttributeUpserts: number;
  readonly upserted: string[];
  readonly closed: boolean;
  /** How many events of each type, for the report. */
  readonly byType: Record<string, number>;
}

function figuresOf(history: temporal.api.history.v1.IHistory): HistoryFigures {
  const events = history.events ?? [];
  const count = (type: temporal.api.enums.v1.EventType) => events.filter((event) => event.eventType === type).length;
  return {
    events: events.length,
    activities: count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED),
    activityTypes: events.flatMap((event) => (event.activityTaskScheduledEventAttributes?.activityType?.name ? [event.activityTaskScheduledEventAttributes.activityType.name] : [])),
    localActivitiesAndMarkers: count(EventType.EVENT_TYPE_MARKER_RECORDED),
    searchAttributeUpserts: count(EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES),
    upserted: events.flatMap((event) => {
      const fields = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
      return fields ? [Object.keys(fields).join('+')] : [];
    }),
    closed: events.at(-1)?.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
    byType: events.reduce<Record<string, number>>((counts, event) => {
      const name = EventType[event.eventType ?? 0]!.replace('EVENT_TYPE_', '');
      counts[name] = (counts[name] ?? 0) + 1;
      return counts;
    }, {}),
  };
}

/**
 * The size of a released item's workflow history, over HTTP against the real API, worker and Temporal:
 * one activity per human step, channels after the website together, search attributes upserted once per
 * state change, and the workflow of a released item closes; a withdrawal re-opens it from the read model.
 */
describe('a released item’s workflow history', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let temporalClient: TemporalClient;
  let connection: Connection;

  beforeAll(async () => {
    system = await startSystem('history');
    ({ client } = system);
    connection = await Connection.connect({ address: testServers().temporalAddress });
    temporalClient = new TemporalClient({ connection });
  }, 120_000);

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
  });

  /** The history once the run has settled: closed, or nothing running and no new event for a while. */
  async function settledHistory(itemId: string) {
    const handle = temporalClient.workflow.getHandle(disclosureItemWorkflowId(itemId));
    let previous = -1;
    return client.eventually(async () => {
      const description = await handle.describe();
      const history = await handle.fetchHistory();
      const length = history.events?.length ?? 0;
      const settled = description.status.name !== 'RUNNING' || ((description.raw.pendingActivities ?? []).length === 0 && length === previous);
      previous = length;
      return settled ? history : undefined;
    }, `the settled history of ${itemId}`);
  }

  it('releases an item in one activity per step and closes its workflow; a withdrawal re-opens it', async () => {
    const created = await client.request('POST', '/items', {
      as: 'edu.drafter',
      // Formed today (China time), so that its statutory deadline lies 20 working days ahead whatever the date:
      // the journey measured is the ordinary one, without the overdue notices of a late item.
      body: { catalogItemCode: 'EDU-001', title: '历史大小：秋季招生办法', body: '正文', formedAt: chinaDateOf(new Date()), channels: ['政府网站', '政务新媒体'] },
    });
    expect(created.status).toBe(201);
    const itemId: string = created.body.id;
    await releaseThroughReview(client, itemId, undefined, { submitAs: 'edu.drafter' });

    const released = figuresOf(await settledHistory(itemId));
    console.info(`released item (2 channels, 3 stages): ${JSON.stringify(released)}`);
    // The draft with its deadline and audit row 1, submission 1, 初审 1, 保密审查 1, and 签发 1: its decision, both
    // channels and the release's record in one activity (before 'draft-step-computes-deadline' and
    // 'sign-off-releases': 9, the deadline, each channel and the release's record apart).
    expect(released).toMatchObject({ closed: true, activities: 5 });
    // One upsert per state change: DRAFT→IN_REVIEW, each next stage, APPROVED, RELEASED (and the draft's due times).
    expect(released.upserted.filter((keys) => keys !== 'TemporalChangeVersion').length).toBeLessThanOrEqual(6);
    // A new run asks for one patch ('every-item-patch-at-once'): one marker and the SDK's one TemporalChangeVersion
    // upsert, instead of one of each per patch its path asks for (three, before it).
    expect(released.localActivitiesAndMarkers).toBe(1);
    expect(released.upserted.filter((keys) => keys === 'TemporalChangeVersion')).toHaveLength(1);
    // 236 before the lean steps, about 100 before the one-activity release, 76 before the one marker; how many
    // workflow tasks the activities share varies with the load, hence the margin (72 on a quiet machine).
    expect(released.events).toBeLessThanOrEqual(80);

    // Closed: the withdrawal starts the workflow again from the read model, and is applied there.
    const withdrawn = await client.request('POST', `/items/${itemId}/withdraw`, { as: 'edu.drafter', body: { reason: '历史大小测试撤回' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('WITHDRAWN');
    const detail = await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' });
    expect(detail.body.state).toBe('WITHDRAWN');
    const reopened = figuresOf(await settledHistory(itemId));
    console.info(`re-opened run, withdrawn: ${JSON.stringify(reopened)}`);
    // 2 channels taken down and one step recording WITHDRAWN with its audit row.
    expect(reopened).toMatchObject({ closed: true, activities: 3, localActivitiesAndMarkers: 1 });
    const publications = await system.db.query(`SELECT channel, action, status FROM publications WHERE item_id = $1 ORDER BY action, channel`, [itemId]);
    expect(publications.rows.filter((row: { action: string }) => row.action === 'withdraw')).toHaveLength(2);
  }, 180_000);

  it('keeps no search attributes when the API starts items without them (TEMPORAL_SEARCH_ATTRIBUTES=off), and works the same', async () => {
    const plain = await startSystem('history-plain', { env: { TEMPORAL_SEARCH_ATTRIBUTES: 'off' } });
    try {
      const created = await plain.client.request('POST', '/items', {
        as: 'edu.drafter',
        body: { catalogItemCode: 'EDU-001', title: '历史大小：无检索属性', body: '正文', formedAt: chinaDateOf(new Date()), channels: ['政府网站', '政务新媒体'] },
      });
      expect(created.status).toBe(201);
      const itemId: string = created.body.id;
      await releaseThroughReview(plain.client, itemId, undefined, { submitAs: 'edu.drafter' });
      const released = figuresOf(await settledHistory(itemId));
      // The SDK's TemporalChangeVersion upsert of the one patch marker is all: none of the operators' attributes.
      expect(released).toMatchObject({ closed: true, activities: 5, upserted: ['TemporalChangeVersion'] });
      const description = await temporalClient.workflow.getHandle(disclosureItemWorkflowId(itemId)).describe();
      expect(description.typedSearchAttributes.get(DisclosureStateAttribute)).toBeUndefined();

      // Re-opened without them too, and withdrawn as usual.
      const withdrawn = await plain.client.request('POST', `/items/${itemId}/withdraw`, { as: 'edu.drafter', body: { reason: '无检索属性撤回' } });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.state).toBe('WITHDRAWN');
      expect(figuresOf(await settledHistory(itemId))).toMatchObject({ closed: true, activities: 3, upserted: ['TemporalChangeVersion'] });
    } finally {
      await plain.stop();
    }
  }, 180_000);
});
