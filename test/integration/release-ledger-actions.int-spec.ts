import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { disclosureItemWorkflowId } from '@zwgk/contracts';
import { ApiClient } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startApi, startWorker, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { testServers } from '../support/test-environment';

const NEW_MEDIA = '两微一端';
const BROADCAST = '广播电视';
const NOTICE_BOARD = '社区/企事业单位/村公示栏（电子屏）';
const WEBSITE = '政府网站';

/**
 * A stand-in new-media platform that refuses (400) the first push of an item and accepts later ones, the way
 * a platform refuses a post until someone fixes what it objected to. It keeps every idempotency key it got.
 */
async function startFlakyPlatform() {
  const keys: string[] = [];
  let refuse = true;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      keys.push(String(request.headers['idempotency-key']));
      if (refuse) response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"标题含有敏感词"}');
      else response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `post-${keys.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    keys,
    accept: () => (refuse = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The release ledger's follow-ups through the API, the real workflow and the real channel activities: a
 * channel the platform refused is released again once it accepts (the item's completed workflow re-opened
 * for it), and a manual channel is confirmed posted by a person with a note, once.
 */
describe('release ledger: retry a failed channel, confirm a manual one', () => {
  let platform: Awaited<ReturnType<typeof startFlakyPlatform>>;
  let worker: SpawnedProcess;
  let api: SpawnedProcess & { baseUrl: string };
  let client: ApiClient;
  let db: PgClient;
  let temporal: TemporalClient;
  let connection: Connection;
  let itemId: string;

  const ledger = async () => (await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body.publications as { channel: string; action: string; status: string; reference?: string; confirmation: Record<string, unknown> | null }[];
  const rowOf = async (channel: string) => (await ledger()).find((row) => row.channel === channel && row.action === 'publish')!;
  const path = (channel: string, what: 'retry' | 'confirmations') => `/items/${itemId}/ledger/${encodeURIComponent(channel)}/${what}`;
  const workflowStatus = async () => (await temporal.workflow.getHandle(disclosureItemWorkflowId(itemId)).describe()).status.name;

  beforeAll(async () => {
    platform = await startFlakyPlatform();
    const queue = uniqueTaskQueue('release-ledger');
    [worker, api] = await Promise.all([startWorker(queue, { CHANNEL_NEW_MEDIA_WEBHOOK_URL: platform.url }), startApi(queue)]);
    client = new ApiClient(api.baseUrl);
    db = new PgClient({ connectionString: testServers().databaseUrl });
    await db.connect();
    connection = await Connection.connect({ address: testServers().temporalAddress });
    temporal = new TemporalClient({ connection });
    const created = await client.request('POST', '/items', {
      as: 'edu.drafter',
      body: { catalogItemCode: 'EDU-001', title: '2026年秋季学期招生工作安排', body: '一、招生范围\n二、报名时间', formedAt: '2026-11-20', channels: [WEBSITE, NEW_MEDIA, BROADCAST, NOTICE_BOARD] },
    });
    expect(created.status).toBe(201);
    itemId = created.body.id;
    await releaseThroughReview(client, itemId, undefined, { submitAs: 'edu.drafter' });
  }, 240_000);

  afterAll(async () => {
    await connection?.close();
    await db?.end();
    await Promise.all([api?.stop(), worker?.stop()]);
    await platform?.close();
  });

  it('retries a refused channel once the platform accepts, re-opening the completed workflow, and answers a repeat the same', async () => {
    expect(await rowOf(NEW_MEDIA)).toMatchObject({ status: 'failed' });
    // Released with nothing left to time: the workflow has completed, and the retry must re-open it.
    await client.eventually(async () => ((await workflowStatus()) === 'COMPLETED' ? true : undefined), 'the released item\'s workflow completing', 60_000);

    // Only the department's drafters and reviewers, or the disclosure office, work the ledger.
    for (const as of ['edu.leader', 'office.supervisor', 'civil.drafter']) {
      expect((await client.request('POST', path(NEW_MEDIA, 'retry'), { as })).status).toBe(403);
    }
    // A channel that did not fail has nothing to retry; one the item does not have is not found.
    const notFailed = await client.request('POST', path(WEBSITE, 'retry'), { as: 'edu.drafter' });
    expect([notFailed.status, notFailed.body.code]).toEqual([409, 'ledger.not-failed']);
    const unknown = await client.request('POST', path('县电视台', 'retry'), { as: 'edu.drafter' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ledger.channel-unknown']);

    // Still refused: the retry answers the ledger's new `failed`, and a second attempt has its own key.
    const stillRefused = await client.request('POST', path(NEW_MEDIA, 'retry'), { as: 'edu.reviewer', headers: { 'Idempotency-Key': 'retry-new-media-1' } });
    expect(stillRefused.status).toBe(200);
    expect(stillRefused.body).toMatchObject({ itemId, channel: NEW_MEDIA, action: 'publish', status: 'failed' });

    platform.accept();
    const retried = await client.request('POST', path(NEW_MEDIA, 'retry'), { as: 'edu.drafter', headers: { 'Idempotency-Key': 'retry-new-media-2' } });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ channel: NEW_MEDIA, status: 'published', reference: expect.stringMatching(/^post-\d+$/) });
    expect(await rowOf(NEW_MEDIA)).toMatchObject({ status: 'published', reference: retried.body.reference });
    // The first push, then one per attempt, each with its own idempotency key at the platform.
    expect(platform.keys).toHaveLength(3);
    expect(new Set(platform.keys).size).toBe(3);
    expect(platform.keys[1]).toMatch(/:publish:a2$/);
    expect(platform.keys[2]).toMatch(/:publish:a3$/);

    // The same request again answers the same, without a fourth push; a new request has nothing to retry.
    const repeat = await client.request('POST', path(NEW_MEDIA, 'retry'), { as: 'edu.drafter', headers: { 'Idempotency-Key': 'retry-new-media-2' } });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ status: 'published', reference: retried.body.reference });
    expect((await client.request('POST', path(NEW_MEDIA, 'retry'), { as: 'edu.drafter' })).body.code).toBe('ledger.not-failed');
    expect(platform.keys).toHaveLength(3);

    const { rows } = await db.query(`SELECT actor, action, detail FROM audit_events WHERE item_id = $1 AND action IN ('channel.retried', 'channel.failed') ORDER BY id`, [itemId]);
    expect(rows.map((row) => [row.action, row.actor, row.detail.attempt ?? 1, row.detail.status ?? null])).toEqual([
      ['channel.failed', 'system', 1, null],
      ['channel.failed', 'system', 2, null],
      ['channel.retried', 'edu.reviewer', 2, 'failed'],
      ['channel.retried', 'edu.drafter', 3, 'published'],
    ]);
  }, 180_000);

  it('confirms a manual channel posted with a note, once; a repeat answers the same; automatic channels need none', async () => {
    const noNote = await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'edu.drafter', body: { action: 'posted', note: '' } });
    expect(noNote.status).toBe(400);
    expect(JSON.stringify(noNote.body)).toContain('note');
    expect((await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'civil.drafter', body: { action: 'posted', note: '已播出' } })).status).toBe(403);
    expect((await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'edu.leader', body: { action: 'posted', note: '已播出' } })).status).toBe(403);
    const automatic = await client.request('POST', path(WEBSITE, 'confirmations'), { as: 'edu.drafter', body: { action: 'posted', note: '已发布' } });
    expect([automatic.status, automatic.body.code]).toEqual([409, 'ledger.not-manual']);
    const notWithdrawn = await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'edu.drafter', body: { action: 'taken-down', note: '已撤下' } });
    expect([notWithdrawn.status, notWithdrawn.body.code]).toEqual([409, 'ledger.nothing-to-confirm']);

    const headers = { 'Idempotency-Key': 'confirm-broadcast-posted' };
    const confirmed = await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'office.publisher', headers, body: { action: 'posted', note: '县电视台12月7日晚间新闻播出' } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ channel: BROADCAST, action: 'publish', status: 'manual-required', confirmation: { action: 'posted', by: 'office.publisher', note: '县电视台12月7日晚间新闻播出' } });
    const repeat = await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'office.publisher', headers, body: { action: 'posted', note: '县电视台12月7日晚间新闻播出' } });
    expect(repeat.status).toBe(200);
    expect(repeat.body.confirmation).toEqual(confirmed.body.confirmation);
    const again = await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'edu.drafter', body: { action: 'posted', note: '再次确认' } });
    expect([again.status, again.body.code]).toEqual([409, 'ledger.already-confirmed']);

    // 公示栏: the engine printed the notice; a person posts it and says so.
    const noticeBoard = await client.request('POST', path(NOTICE_BOARD, 'confirmations'), { as: 'edu.reviewer', body: { action: 'posted', note: '已在社区公示栏张贴' } });
    expect(noticeBoard.status).toBe(200);

    // The staff ledger shows who confirmed, when and what they noted; the audit trail has one row each.
    expect((await rowOf(BROADCAST)).confirmation).toMatchObject({ by: 'office.publisher', byName: expect.any(String), at: expect.any(String), note: '县电视台12月7日晚间新闻播出' });
    expect((await rowOf(NOTICE_BOARD)).confirmation).toMatchObject({ by: 'edu.reviewer', note: '已在社区公示栏张贴' });
    const { rows } = await db.query(`SELECT actor, reason, detail FROM audit_events WHERE item_id = $1 AND action = 'channel.posted' ORDER BY id`, [itemId]);
    expect(rows.map((row) => [row.actor, row.reason, row.detail.channel])).toEqual([
      ['office.publisher', '县电视台12月7日晚间新闻播出', BROADCAST],
      ['edu.reviewer', '已在社区公示栏张贴', NOTICE_BOARD],
    ]);
  }, 120_000);

  it('confirms a manual channel taken down after the withdrawal, re-opening the withdrawn item\'s completed workflow', async () => {
    const withdrawn = await client.request('POST', `/items/${itemId}/withdraw`, { as: 'edu.drafter', body: { reason: '招生安排已调整，以新通知为准' } });
    expect(withdrawn.status).toBe(200);
    await client.eventually(async () => ((await workflowStatus()) === 'COMPLETED' ? true : undefined), 'the withdrawn item\'s workflow completing', 60_000);
    const withdrawal = async (channel: string) => (await ledger()).find((row) => row.channel === channel && row.action === 'withdraw')!;
    expect(await withdrawal(BROADCAST)).toMatchObject({ status: 'manual-required', confirmation: null });

    // Posting can no longer be confirmed on a withdrawn item; taking down can, once.
    const posted = await client.request('POST', path(NOTICE_BOARD, 'confirmations'), { as: 'edu.drafter', body: { action: 'posted', note: '补记张贴' } });
    expect([posted.status, posted.body.code]).toEqual([409, 'ledger.already-confirmed']);
    const takenDown = await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'edu.reviewer', headers: { 'Idempotency-Key': 'taken-down-broadcast' }, body: { action: 'taken-down', note: '已通知县电视台停播' } });
    expect(takenDown.status).toBe(200);
    expect(takenDown.body).toMatchObject({ channel: BROADCAST, action: 'withdraw', confirmation: { action: 'taken-down', by: 'edu.reviewer', note: '已通知县电视台停播' } });
    expect((await withdrawal(BROADCAST)).confirmation).toMatchObject({ action: 'taken-down', by: 'edu.reviewer' });
    expect((await client.request('POST', path(BROADCAST, 'confirmations'), { as: 'edu.drafter', body: { action: 'taken-down', note: '再次撤下' } })).body.code).toBe('ledger.already-confirmed');
    // The re-opened run took the confirmation and completed again; the item stays withdrawn.
    await client.eventually(async () => ((await workflowStatus()) === 'COMPLETED' ? true : undefined), 'the re-opened run completing', 60_000);
    expect((await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body.state).toBe('WITHDRAWN');
    // A retry belongs to a released item only.
    const { rowCount } = await db.query(`UPDATE publications SET status = 'failed' WHERE item_id = $1 AND channel = $2 AND action = 'publish'`, [itemId, NEW_MEDIA]);
    expect(rowCount).toBe(1);
    const retry = await client.request('POST', path(NEW_MEDIA, 'retry'), { as: 'edu.drafter' });
    expect(retry.status).toBe(409);
  }, 120_000);
});
