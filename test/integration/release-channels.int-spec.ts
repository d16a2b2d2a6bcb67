import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import { loadConfig } from '@zwgk/config';
import { createDataSource } from '@zwgk/db';
import { testServers } from '../support/test-environment';

/** One POST the stand-in new-media platform received. */
interface PlatformRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly payload: Record<string, unknown>;
}

type PlatformAnswer = { status: number; body: string };

/**
 * A local HTTP server in the new-media platform's place: it keeps every request and answers what the test
 * says (by default 201 with an id of its own, as a real platform does).
 */
async function startNewMediaPlatform() {
  const requests: PlatformRequest[] = [];
  let answer: (payload: Record<string, unknown>) => PlatformAnswer = () => ({ status: 201, body: JSON.stringify({ id: `post-${requests.length}` }) });
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      requests.push({ path: request.url ?? '', headers: request.headers, payload });
      const { status, body } = answer(payload);
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/zwgk?token=local-test`,
    requests,
    /** The requests about one item. */
    requestsFor: (itemId: string) => requests.filter((request) => request.payload.itemId === itemId),
    answerWith(next: (payload: Record<string, unknown>) => PlatformAnswer) {
      answer = next;
    },
    answerNormally() {
      answer = () => ({ status: 201, body: JSON.stringify({ id: `post-${requests.length}` }) });
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const WEBSITE = '政府网站';
const NEW_MEDIA = '两微一端';
const GAZETTE = '政府公报';
const NOTICE_BOARD = '社区/企事业单位/村公示栏（电子屏）';
const BROADCAST = '广播电视';
const ALL_CHANNELS = [WEBSITE, NEW_MEDIA, GAZETTE, NOTICE_BOARD, BROADCAST];

interface LedgerRow {
  channel: string;
  channel_kind: string;
  action: string;
  status: string;
  reference: string | null;
  detail: Record<string, unknown>;
}

describe('release on every channel, with the ledger', () => {
  let dataSource: DataSource;
  let platform: Awaited<ReturnType<typeof startNewMediaPlatform>>;
  let dataDir: string;
  let activities: ReturnType<typeof createActivities>;
  let catalogItem: { version_id: string; code: string };

  beforeAll(async () => {
    dataSource = createDataSource(testServers().databaseUrl, { poolSize: 4, applicationName: 'release-channels-test' });
    await dataSource.initialize();
    platform = await startNewMediaPlatform();
    dataDir = await mkdtemp(path.join(testServers().dataDir, 'release-channels-'));
    const config = loadConfig({ ZWGK_DATA_DIR: dataDir, CHANNEL_NEW_MEDIA_WEBHOOK_URL: platform.url, CHANNEL_PUBLIC_BASE_URL: 'https://gk.example.gov.cn/' });
    activities = createActivities({ dataSource, config });
    [catalogItem] = await dataSource.query(
      `SELECT version_id, code FROM catalog_items WHERE version_id = (SELECT id FROM catalog_versions WHERE state = 'active') ORDER BY code LIMIT 1`,
    );
  });

  afterAll(async () => {
    await platform?.close();
    await dataSource?.destroy();
  });

  /** A released item's read model: the ledger's rows need a real item to point at. */
  async function releasedItem(title = '2026年秋季招生办法'): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO disclosure_items (id, catalog_version_id, catalog_item_code, department_code, drafter_username, title, body, formed_at,
         channels, state, revision, released_at)
       VALUES ($1, $2, $3, 'edu', 'edu.drafter', $4, $5, '2026-02-10', $6, 'RELEASED', 1, now())`,
      [id, catalogItem.version_id, catalogItem.code, title, '一、招生范围\n二、报名时间', ALL_CHANNELS],
    );
    return id;
  }

  function releaseRequest(itemId: string, channel: string, title = '2026年秋季招生办法') {
    return {
      itemId,
      revision: 1,
      channel,
      title,
      body: '一、招生范围\n二、报名时间',
      interpretation: '解读：为什么调整招生范围',
      contentHash: '0123456789abcdef',
      releasedAt: '2026-03-16T01:00:00.000Z',
      departmentCode: 'edu',
      catalogItemName: '招生政策 / 招生计划',
    };
  }

  function withdrawalRequest(itemId: string, channel: string) {
    return { ...releaseRequest(itemId, channel), reason: '政策调整，以新版为准', withdrawnAt: '2026-04-01T02:00:00.000Z' };
  }

  async function ledgerOf(itemId: string): Promise<LedgerRow[]> {
    return dataSource.query(
      `SELECT channel, channel_kind, action, status, reference, detail FROM publications WHERE item_id = $1 ORDER BY action, channel`,
      [itemId],
    );
  }

  /** "action channel" → "kind status", order-free. */
  function summaryOf(rows: LedgerRow[]): Record<string, string> {
    return Object.fromEntries(rows.map((row) => [`${row.action} ${row.channel}`, `${row.channel_kind} ${row.status}`]));
  }

  async function rejection(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => {
        throw new Error('expected the activity to fail');
      },
      (error: unknown) => error,
    );
  }

  it('publishes on each kind of channel and records one ledger row per channel', async () => {
    const itemId = await releasedItem('招生办法 <第1版> & 附件');
    const outcomes = [];
    for (const channel of ALL_CHANNELS) outcomes.push(await activities.releaseOnChannel(releaseRequest(itemId, channel, '招生办法 <第1版> & 附件')));
    const [website, newMedia, gazette, noticeBoard, broadcast] = outcomes;

    expect(website).toMatchObject({ channel: WEBSITE, channelKind: 'website', status: 'published', reference: `/public/items/${itemId}` });

    // 政务新媒体: one JSON POST with an idempotency key; the platform's own id is the reference.
    expect(newMedia).toMatchObject({ channelKind: 'new-media', status: 'published', reference: expect.stringMatching(/^post-\d+$/) });
    const [push] = platform.requestsFor(itemId);
    expect(platform.requestsFor(itemId)).toHaveLength(1);
    expect(push.path).toBe('/hooks/zwgk?token=local-test');
    expect(push.headers['content-type']).toMatch(/^application\/json/);
    expect(push.headers['idempotency-key']).toMatch(new RegExp(`^zwgk:${itemId}:r1:[0-9a-f]{16}:publish$`));
    expect(push.payload).toMatchObject({
      action: 'publish',
      itemId,
      revision: 1,
      channel: NEW_MEDIA,
      title: '招生办法 <第1版> & 附件',
      interpretation: '解读：为什么调整招生范围',
      department: '县教育局',
      catalogItem: '招生政策 / 招生计划',
      contentHash: '0123456789abcdef',
      url: `https://gk.example.gov.cn/public/items/${itemId}`,
    });

    // 政府公报: a JSON export and a readable HTML copy, named by item and edition, relative to the data dir.
    expect(gazette).toMatchObject({ channelKind: 'gazette', status: 'published', reference: `exports/gazette/${itemId}-r1.json` });
    expect(gazette.detail.files).toEqual([`exports/gazette/${itemId}-r1.json`, `exports/gazette/${itemId}-r1.html`]);
    const exported = JSON.parse(await readFile(path.join(dataDir, gazette.reference!), 'utf8'));
    expect(exported).toMatchObject({ action: 'publish', itemId, revision: 1, title: '招生办法 <第1版> & 附件', department: '县教育局', releasedAt: '2026-03-16T01:00:00.000Z' });
    const gazetteHtml = await readFile(path.join(dataDir, 'exports', 'gazette', `${itemId}-r1.html`), 'utf8');
    expect(gazetteHtml).toContain('<h1>招生办法 &lt;第1版&gt; &amp; 附件</h1>');

    // 公示栏: a printable notice with the department, the date in China and the portal link.
    expect(noticeBoard).toMatchObject({ channelKind: 'notice-board', status: 'published', reference: `exports/notices/${itemId}-r1.html` });
    const notice = await readFile(path.join(dataDir, noticeBoard.reference!), 'utf8');
    expect(notice).toContain('<h1>招生办法 &lt;第1版&gt; &amp; 附件</h1>');
    expect(notice).toContain('<p>县教育局</p>\n<p>2026年3月16日</p>');
    expect(notice).toContain(`网上查阅：https://gk.example.gov.cn/public/items/${itemId}`);
    expect(notice).toMatch(/@page \{ size: A4/);

    // 广播电视: no automatic channel, so the ledger says a person must publish it, and claims no publication.
    expect(broadcast).toMatchObject({ channelKind: 'manual', status: 'manual-required', detail: { reason: 'no-automatic-channel' } });
    expect(broadcast.reference).toBeUndefined();

    // Atomic writes leave no temporary files behind.
    for (const folder of ['gazette', 'notices']) {
      const names = await readdir(path.join(dataDir, 'exports', folder));
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }

    expect(summaryOf(await ledgerOf(itemId))).toEqual({
      [`publish ${WEBSITE}`]: 'website published',
      [`publish ${NEW_MEDIA}`]: 'new-media published',
      [`publish ${GAZETTE}`]: 'gazette published',
      [`publish ${NOTICE_BOARD}`]: 'notice-board published',
      [`publish ${BROADCAST}`]: 'manual manual-required',
    });
    expect((await ledgerOf(itemId)).find((row) => row.channel === BROADCAST)?.reference).toBeNull();
  });

  it('publishes once when the activity runs again: the second call reads the ledger', async () => {
    const itemId = await releasedItem();
    const first = [];
    for (const channel of ALL_CHANNELS) first.push(await activities.releaseOnChannel(releaseRequest(itemId, channel)));
    const noticeFile = path.join(dataDir, 'exports', 'notices', `${itemId}-r1.html`);
    const written = await readFile(noticeFile, 'utf8');

    const second = [];
    for (const channel of ALL_CHANNELS) second.push(await activities.releaseOnChannel(releaseRequest(itemId, channel)));

    expect(second).toEqual(first);
    expect(platform.requestsFor(itemId)).toHaveLength(1);
    expect(await ledgerOf(itemId)).toHaveLength(ALL_CHANNELS.length);
    expect(await readFile(noticeFile, 'utf8')).toBe(written);
  });

  it('treats a 500 from the platform as transient: a plain error, nothing recorded, and the retry publishes', async () => {
    const itemId = await releasedItem();
    platform.answerWith(() => ({ status: 500, body: '{"error":"database is down"}' }));
    try {
      const error = await rejection(activities.releaseOnChannel(releaseRequest(itemId, NEW_MEDIA)));
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ApplicationFailure);
      expect((error as Error).message).toMatch(/answered 500/);
      // The webhook token in the query string stays out of error messages (they end up in workflow history).
      expect((error as Error).message).not.toContain('local-test');
      expect(await ledgerOf(itemId)).toEqual([]);

      platform.answerWith(() => ({ status: 429, body: '' }));
      const throttled = await rejection(activities.releaseOnChannel(releaseRequest(itemId, NEW_MEDIA)));
      expect(throttled).not.toBeInstanceOf(ApplicationFailure);
      expect(await ledgerOf(itemId)).toEqual([]);
    } finally {
      platform.answerNormally();
    }

    // Temporal's retry: the same request, so the same key, and the platform can tell it is one post.
    const retried = await activities.releaseOnChannel(releaseRequest(itemId, NEW_MEDIA));
    expect(retried).toMatchObject({ status: 'published' });
    const keys = platform.requestsFor(itemId).map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(summaryOf(await ledgerOf(itemId))).toEqual({ [`publish ${NEW_MEDIA}`]: 'new-media published' });
  });

  it('treats a 400 as a refusal: a non-retryable ChannelRejected failure, recorded as failed until a later attempt succeeds', async () => {
    const itemId = await releasedItem();
    platform.answerWith(() => ({ status: 400, body: '{"error":"title too long for 微博"}' }));
    try {
      const error = await rejection(activities.releaseOnChannel(releaseRequest(itemId, NEW_MEDIA)));
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect(error).toMatchObject({ type: 'ChannelRejected', nonRetryable: true });
      expect((error as ApplicationFailure).message).toMatch(/answered 400 .*title too long/);
      const [failed] = await ledgerOf(itemId);
      expect(failed).toMatchObject({ channel: NEW_MEDIA, status: 'failed', reference: null, detail: expect.objectContaining({ httpStatus: 400 }) });
    } finally {
      platform.answerNormally();
    }

    // Withdrawing what never got out calls nobody: there is nothing to take down.
    const nothing = await activities.withdrawFromChannel(withdrawalRequest(itemId, NEW_MEDIA));
    expect(nothing).toMatchObject({ status: 'withdrawn', detail: { reason: 'nothing-published', publication: 'failed' } });
    expect(platform.requestsFor(itemId)).toHaveLength(1);

    // A failed row is not a publication: a later attempt (after the office fixed the content) replaces it.
    const published = await activities.releaseOnChannel(releaseRequest(itemId, NEW_MEDIA));
    expect(published).toMatchObject({ status: 'published', reference: expect.stringMatching(/^post-/) });
    expect((await ledgerOf(itemId)).filter((row) => row.action === 'publish')).toEqual([expect.objectContaining({ status: 'published' })]);
  });

  it('records the withdrawal on every channel, once', async () => {
    const itemId = await releasedItem();
    for (const channel of ALL_CHANNELS) await activities.releaseOnChannel(releaseRequest(itemId, channel));

    const withdrawals = [];
    for (const channel of ALL_CHANNELS) withdrawals.push(await activities.withdrawFromChannel(withdrawalRequest(itemId, channel)));
    const [website, newMedia, gazette, noticeBoard, broadcast] = withdrawals;

    expect(website).toMatchObject({ action: 'withdraw', status: 'withdrawn', reference: `/public/items/${itemId}` });

    const pushes = platform.requestsFor(itemId);
    expect(pushes.map((request) => request.payload.action)).toEqual(['publish', 'withdraw']);
    expect(pushes[1].payload).toMatchObject({ reason: '政策调整，以新版为准', withdrawnAt: '2026-04-01T02:00:00.000Z', channel: NEW_MEDIA });
    expect(pushes[1].headers['idempotency-key']).toMatch(/:withdraw$/);
    expect(pushes[1].headers['idempotency-key']).not.toBe(pushes[0].headers['idempotency-key']);
    expect(newMedia).toMatchObject({ status: 'withdrawn', reference: expect.stringMatching(/^post-/) });

    expect(gazette).toMatchObject({ status: 'withdrawn', reference: `exports/gazette/${itemId}-r1-withdrawal.json` });
    expect(JSON.parse(await readFile(path.join(dataDir, gazette.reference!), 'utf8'))).toMatchObject({ action: 'withdraw', reason: '政策调整，以新版为准' });
    expect(noticeBoard).toMatchObject({ status: 'withdrawn', reference: `exports/notices/${itemId}-r1-withdrawal.html` });
    const notice = await readFile(path.join(dataDir, noticeBoard.reference!), 'utf8');
    expect(notice).toContain('关于撤回《2026年秋季招生办法》的公告');
    expect(notice).toContain('撤回原因：政策调整，以新版为准');
    // The published notice stays on disk: it is the record of what was posted.
    expect(existsSync(path.join(dataDir, 'exports', 'notices', `${itemId}-r1.html`))).toBe(true);

    // Published by a person, so taken down by a person.
    expect(broadcast).toMatchObject({ status: 'manual-required', detail: { reason: 'published-manually' } });

    // Again: the ledger answers, nobody is called.
    for (const channel of ALL_CHANNELS) await activities.withdrawFromChannel(withdrawalRequest(itemId, channel));
    expect(platform.requestsFor(itemId)).toHaveLength(2);

    expect(summaryOf(await ledgerOf(itemId))).toEqual({
      [`publish ${WEBSITE}`]: 'website published',
      [`publish ${NEW_MEDIA}`]: 'new-media published',
      [`publish ${GAZETTE}`]: 'gazette published',
      [`publish ${NOTICE_BOARD}`]: 'notice-board published',
      [`publish ${BROADCAST}`]: 'manual manual-required',
      [`withdraw ${WEBSITE}`]: 'website withdrawn',
      [`withdraw ${NEW_MEDIA}`]: 'new-media withdrawn',
      [`withdraw ${GAZETTE}`]: 'gazette withdrawn',
      [`withdraw ${NOTICE_BOARD}`]: 'notice-board withdrawn',
      [`withdraw ${BROADCAST}`]: 'manual manual-required',
    });
  });

  it('records new-media channels as manual when no webhook is configured', async () => {
    const itemId = await releasedItem();
    const unconfigured = createActivities({ dataSource, config: loadConfig({ ZWGK_DATA_DIR: dataDir }) });
    const outcome = await unconfigured.releaseOnChannel(releaseRequest(itemId, '政务微博'));
    expect(outcome).toMatchObject({ channelKind: 'new-media', status: 'manual-required', detail: { reason: 'not-configured', setting: 'CHANNEL_NEW_MEDIA_WEBHOOK_URL' } });
    expect(platform.requestsFor(itemId)).toEqual([]);
  });

  it('refuses a malformed request for good, naming the fields', async () => {
    const itemId = await releasedItem();
    const error = await rejection(activities.releaseOnChannel({ ...releaseRequest(itemId, GAZETTE), itemId: '../../etc', revision: 0 }));
    expect(error).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect((error as Error).message).toMatch(/itemId, revision/);
    const unknownDepartment = await rejection(activities.releaseOnChannel({ ...releaseRequest(itemId, GAZETTE), departmentCode: 'nowhere' }));
    expect(unknownDepartment).toMatchObject({ type: 'InvalidInput', nonRetryable: true, message: expect.stringMatching(/^departmentCode/) });
    const noReason = await rejection(activities.withdrawFromChannel({ ...withdrawalRequest(itemId, GAZETTE), reason: ' ' }));
    expect(noReason).toMatchObject({ type: 'InvalidInput', message: expect.stringMatching(/reason/) });
    expect(await ledgerOf(itemId)).toEqual([]);
  });

  /** The one release activity's request for an item's first edition on every channel (as the item workflow builds it). */
  function releaseEverywhereRequest(itemId: string) {
    const releasedAt = '2026-03-16T01:00:00.000Z';
    const base = releaseRequest(itemId, WEBSITE);
    const row = (step: string, action: string, detail: Record<string, unknown>) => ({ eventKey: `release-test:${itemId}:${step}`, itemId, occurredAt: releasedAt, actor: 'system', action, departmentCode: 'edu', detail });
    return {
      channels: ALL_CHANNELS.map((channel) => releaseRequest(itemId, channel)),
      channelFailed: row('channel-failed:r1', 'channel.failed', { revision: 1 }),
      step: {
        edition: { itemId, edition: 1, revision: 1, title: base.title, body: base.body, interpretation: base.interpretation, contentHash: base.contentHash, releasedAt },
        state: { state: 'RELEASED' as const, revision: 1, at: releasedAt, releasedAt },
        released: row('released:r1', 'item.released', { edition: 1, revision: 1 }),
        after: [],
      },
    };
  }

  async function auditActionsOf(itemId: string): Promise<string[]> {
    const rows: { action: string }[] = await dataSource.query(`SELECT action FROM audit_events WHERE item_id = $1 ORDER BY id`, [itemId]);
    return rows.map((row) => row.action);
  }

  it('releases every channel in one activity: a refused channel is recorded failed, the others released; a retried attempt writes nothing twice', async () => {
    const itemId = await releasedItem();
    platform.answerWith(() => ({ status: 422, body: '{"error":"标题超长"}' }));
    try {
      const request = releaseEverywhereRequest(itemId);
      const first = await activities.releaseEverywhere(request);
      expect(first.channels.map((outcome) => `${outcome.channel} ${outcome.status}`)).toEqual([
        `${WEBSITE} published`, `${NEW_MEDIA} failed`, `${GAZETTE} published`, `${NOTICE_BOARD} published`, `${BROADCAST} manual-required`,
      ]);
      // The same attempt again, as Temporal retries an activity whose answer was lost: the ledger answers for the
      // channels it has, the refused one is tried again (and refused again), and the record is written once.
      const again = await activities.releaseEverywhere(request);
      expect(again.channels).toEqual(first.channels);
      expect(summaryOf(await ledgerOf(itemId))).toEqual({
        [`publish ${WEBSITE}`]: 'website published',
        [`publish ${NEW_MEDIA}`]: 'new-media failed',
        [`publish ${GAZETTE}`]: 'gazette published',
        [`publish ${NOTICE_BOARD}`]: 'notice-board published',
        [`publish ${BROADCAST}`]: 'manual manual-required',
      });
      expect(await auditActionsOf(itemId)).toEqual(['channel.failed', 'item.released']);
      const [released] = await dataSource.query(`SELECT detail FROM audit_events WHERE item_id = $1 AND action = 'item.released'`, [itemId]);
      expect(released.detail.channels).toEqual(first.channels);
      expect((await dataSource.query(`SELECT count(*)::int AS n FROM item_editions WHERE item_id = $1`, [itemId]))[0].n).toBe(1);
      expect(platform.requestsFor(itemId)).toHaveLength(2);

      // The ledger's retry of that one channel (the retry endpoint's activity) releases it once the platform accepts.
      platform.answerNormally();
      const retried = await activities.releaseOnChannel({ ...releaseRequest(itemId, NEW_MEDIA), attempt: 2 });
      expect(retried).toMatchObject({ channel: NEW_MEDIA, status: 'published' });
    } finally {
      platform.answerNormally();
    }
  });

  it('signs off and releases in one activity; a sign-off the database refuses releases nothing', async () => {
    const itemId = await releasedItem();
    const decided = (comment: string) => ({
      eventKey: `release-test:${itemId}:decided`, itemId, occurredAt: '2026-03-16T01:00:00.000Z', actor: 'edu.leader', actorRole: 'leader', departmentCode: 'edu', action: 'task.approve', reason: comment, detail: { stage: 'sign-off' },
    });
    const signOff = (comment: string) => ({ itemId, state: { state: 'APPROVED' as const, revision: 1, at: '2026-03-16T01:00:00.000Z' }, signOff: { contentHash: '0123456789abcdef' }, audit: [decided(comment)] });

    // A NUL byte in the decision's comment: the decision's transaction is refused, and no channel is called.
    await expect(activities.signOffAndRelease({ signOff: signOff('同意\u0000'), release: releaseEverywhereRequest(itemId) })).rejects.toMatchObject({ type: 'InvalidData' });
    expect(await ledgerOf(itemId)).toEqual([]);
    expect(await auditActionsOf(itemId)).toEqual([]);

    const outcome = await activities.signOffAndRelease({ signOff: signOff('同意'), release: releaseEverywhereRequest(itemId) });
    expect(outcome.released?.channels.map((channel) => channel.status)).toEqual(['published', 'published', 'published', 'published', 'manual-required']);
    // Retried (its answer lost): the decision, the ledger and the release each stay written once.
    await activities.signOffAndRelease({ signOff: signOff('同意'), release: releaseEverywhereRequest(itemId) });
    expect(await auditActionsOf(itemId)).toEqual(['task.approve', 'item.released']);
    expect(await ledgerOf(itemId)).toHaveLength(ALL_CHANNELS.length);
    expect(platform.requestsFor(itemId)).toHaveLength(1);
    const [item] = await dataSource.query(`SELECT state, signed_content_hash, current_edition FROM disclosure_items WHERE id = $1`, [itemId]);
    expect(item).toEqual({ state: 'RELEASED', signed_content_hash: '0123456789abcdef', current_edition: 1 });
  });

  it('refuses a webhook setting that is not an http(s) URL, naming the variable', () => {
    expect(() => loadConfig({ CHANNEL_NEW_MEDIA_WEBHOOK_URL: 'ftp://platform' })).toThrow(/^CHANNEL_NEW_MEDIA_WEBHOOK_URL:/);
    expect(loadConfig({ ZWGK_DATA_DIR: dataDir }).channels.exportsDir).toBe(path.join(dataDir, 'exports'));
  });
});
