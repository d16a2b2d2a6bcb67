import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ApiClient } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { buildPdf, buildPng } from '../support/sample-files';

const NOTICE_BOARD = '社区/企事业单位/村公示栏（电子屏）';
const BROADCAST = '广播电视';
const WEBSITE = '政府网站';
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The first bytes of a JPEG as a phone writes it (SOI, APP1 Exif), then filler: all the API judges. */
const jpeg = (seed: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10]), Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(64, seed), Buffer.from([0xff, 0xd9])]);

/**
 * The photo a person takes of a manual channel's notice (公示栏) when confirming it posted: uploaded through
 * the attachment machinery (size limit, sha256, the store), judged by its bytes, named by the confirmation
 * and its audit row, and shown to the item's staff; a retried upload or confirmation has its effect once.
 */
describe('release ledger: the confirmation photo', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let photoDir: string;
  let itemId: string;
  const MAX_BYTES = 64 * 1024;

  beforeAll(async () => {
    // The spawned API inherits the environment: its own store, and a limit small enough to test.
    photoDir = mkdtempSync(path.join(tmpdir(), 'zwgk-ledger-photos-'));
    process.env.ATTACHMENT_DIR = photoDir;
    process.env.ATTACHMENT_MAX_FILE_BYTES = String(MAX_BYTES);
    system = await startSystem('ledger-photos');
    client = system.client;
    const created = await client.request('POST', '/items', {
      as: 'edu.drafter',
      body: { catalogItemCode: 'EDU-001', title: '2026年冬季学期课后服务安排', body: '一、服务时间\n二、收费标准', formedAt: '2026-11-20', channels: [WEBSITE, BROADCAST, NOTICE_BOARD] },
    });
    expect(created.status).toBe(201);
    itemId = created.body.id;
    await releaseThroughReview(client, itemId, undefined, { submitAs: 'edu.drafter' });
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
    delete process.env.ATTACHMENT_DIR;
    delete process.env.ATTACHMENT_MAX_FILE_BYTES;
    rmSync(photoDir, { recursive: true, force: true });
  });

  const ledgerPath = (channel: string, what: string) => `/items/${itemId}/ledger/${encodeURIComponent(channel)}/${what}`;

  async function uploadPhoto(as: string, channel: string, name: string, type: string, content: Buffer) {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(content)], { type }), name);
    const response = await fetch(`${client.baseUrl}${ledgerPath(channel, 'photos')}`, { method: 'POST', headers: { authorization: `Bearer ${await client.token(as)}` }, body: form });
    return { status: response.status, body: (await response.json()) as any };
  }

  async function fetchPhoto(downloadPath: string, as: string) {
    const response = await fetch(`${client.baseUrl}${downloadPath.replace(/^\/api/, '')}`, { headers: { authorization: `Bearer ${await client.token(as)}` } });
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  }

  it('stores a photo once by its bytes, refuses what is not an image or too large in Chinese, and serves it to the item\'s staff only', async () => {
    const png = buildPng(6, 4, [20, 120, 40]);
    const uploaded = await uploadPhoto('edu.reviewer', NOTICE_BOARD, '公示栏张贴.png', 'image/png', png);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({
      id: expect.any(String),
      itemId,
      channel: NOTICE_BOARD,
      fileName: '公示栏张贴.png',
      mediaType: 'image/png',
      size: png.length,
      sha256: sha256(png),
      uploadedBy: 'edu.reviewer',
      uploadedAt: expect.any(String),
      downloadPath: `/api/items/${itemId}/ledger/photos/${uploaded.body.id}`,
      created: true,
    });
    // The same bytes again (a retried upload): the same photo, nothing new stored or audited.
    const again = await uploadPhoto('edu.drafter', NOTICE_BOARD, '重新上传.png', 'image/png', png);
    expect(again.body).toMatchObject({ id: uploaded.body.id, created: false, uploadedBy: 'edu.reviewer' });

    // Judged by content: a phone's JPEG without an extension, sent as octet-stream, is a JPEG.
    const phone = await uploadPhoto('edu.drafter', NOTICE_BOARD, 'IMG_20261207_0930', 'application/octet-stream', jpeg(7));
    expect(phone.status).toBe(201);
    expect(phone.body).toMatchObject({ mediaType: 'image/jpeg', fileName: 'IMG_20261207_0930' });

    // Not an image, whatever its name says; too large; no file at all: 4xx naming the field, in Chinese.
    const pdf = await uploadPhoto('edu.drafter', NOTICE_BOARD, '公示栏.jpg', 'image/jpeg', buildPdf('not a photo'));
    expect([pdf.status, pdf.body.code, pdf.body.fields?.[0]?.field]).toEqual([400, 'invalid-input', 'photo']);
    expect(pdf.body.fields[0].problems[0]).toContain('只能上传 JPEG、PNG 或 WebP 格式的照片');
    const large = await uploadPhoto('edu.drafter', NOTICE_BOARD, '大照片.jpg', 'image/jpeg', Buffer.concat([jpeg(1), Buffer.alloc(MAX_BYTES, 1)]));
    expect([large.status, large.body.fields?.[0]?.field]).toEqual([413, 'photo']);
    expect(large.body.fields[0].problems[0]).toContain('超过了每张照片 64 KB 的大小上限');
    const none = await client.request('POST', ledgerPath(NOTICE_BOARD, 'photos'), { as: 'edu.drafter' });
    expect([none.status, none.body.fields?.[0]?.field]).toEqual([400, 'photo']);

    // Who may work the ledger uploads; another department or the leader may not; an unknown channel is 404.
    expect((await uploadPhoto('civil.drafter', NOTICE_BOARD, 'a.png', 'image/png', png)).status).toBe(403);
    expect((await uploadPhoto('edu.leader', NOTICE_BOARD, 'a.png', 'image/png', png)).status).toBe(403);
    expect((await uploadPhoto('edu.drafter', '县电视台', 'a.png', 'image/png', png)).body.code).toBe('ledger.channel-unknown');

    const served = await fetchPhoto(uploaded.body.downloadPath, 'office.supervisor');
    expect([served.status, served.type, sha256(served.bytes)]).toEqual([200, 'image/png', sha256(png)]);
    expect((await fetchPhoto(uploaded.body.downloadPath, 'civil.drafter')).status).toBe(403);
    expect((await fetchPhoto(`/api/items/${itemId}/ledger/photos/00000000-0000-4000-8000-000000000000`, 'edu.drafter')).status).toBe(404);

    const { rows } = await system.db.query(`SELECT actor, detail FROM audit_events WHERE item_id = $1 AND action = 'ledger.photo-uploaded' ORDER BY id`, [itemId]);
    expect(rows.map((row) => [row.actor, row.detail.fileName, row.detail.sha256, row.detail.channel])).toEqual([
      ['edu.reviewer', '公示栏张贴.png', sha256(png), NOTICE_BOARD],
      ['edu.drafter', 'IMG_20261207_0930', sha256(jpeg(7)), NOTICE_BOARD],
    ]);
  }, 120_000);

  it('confirms the notice posted with the photo, once with its Idempotency-Key; the ledger and the audit row name the photo', async () => {
    const photo = await uploadPhoto('edu.drafter', NOTICE_BOARD, '张贴现场.jpg', 'image/jpeg', jpeg(42));
    const otherChannel = await uploadPhoto('edu.drafter', BROADCAST, '播出截图.png', 'image/png', buildPng(3, 3, [1, 2, 3]));
    // A photo uploaded for another channel is not this confirmation's.
    const mismatched = await client.request('POST', ledgerPath(NOTICE_BOARD, 'confirmations'), { as: 'edu.drafter', body: { action: 'posted', note: '已张贴', photoAttachmentId: otherChannel.body.id } });
    expect([mismatched.status, mismatched.body.fields?.[0]?.field]).toEqual([400, 'photoAttachmentId']);

    const headers = { 'Idempotency-Key': 'ledger-photo-posted-1' };
    const body = { action: 'posted', note: '已在城关社区公示栏张贴', photoAttachmentId: photo.body.id };
    const confirmed = await client.request('POST', ledgerPath(NOTICE_BOARD, 'confirmations'), { as: 'edu.drafter', headers, body });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmation).toMatchObject({ action: 'posted', by: 'edu.drafter', note: '已在城关社区公示栏张贴', photoAttachmentId: photo.body.id });
    const repeat = await client.request('POST', ledgerPath(NOTICE_BOARD, 'confirmations'), { as: 'edu.drafter', headers, body });
    expect(repeat.status).toBe(200);
    expect(repeat.body.confirmation).toEqual(confirmed.body.confirmation);

    const detail = await client.request('GET', `/items/${itemId}`, { as: 'edu.reviewer' });
    const row = (detail.body.publications as { channel: string; action: string; confirmation: { photoAttachmentId?: string } | null }[]).find((entry) => entry.channel === NOTICE_BOARD && entry.action === 'publish')!;
    expect(row.confirmation?.photoAttachmentId).toBe(photo.body.id);
    const { rows } = await system.db.query(`SELECT actor, reason, detail FROM audit_events WHERE item_id = $1 AND action = 'channel.posted'`, [itemId]);
    expect(rows).toEqual([{ actor: 'edu.drafter', reason: '已在城关社区公示栏张贴', detail: expect.objectContaining({ channel: NOTICE_BOARD, photoAttachmentId: photo.body.id }) }]);
  }, 120_000);
});
