import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ApiClient } from '../support/api-client';
import { uploadAttachments, type UploadFile } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { buildPdf, buildPng } from '../support/sample-files';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * Attachments through the real API: real PDF and PNG bytes, checked by their content, stored once by their
 * sha256, changed only by the drafter while the item is a draft or returned, and public only once released.
 */
describe('item attachments', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let attachmentDir: string;
  const MAX_BYTES = 256 * 1024;
  const MAX_FILES = 3;

  beforeAll(async () => {
    // The spawned API inherits the environment: its own store, and limits small enough to test.
    attachmentDir = mkdtempSync(path.join(tmpdir(), 'zwgk-attachments-'));
    process.env.ATTACHMENT_DIR = attachmentDir;
    process.env.ATTACHMENT_MAX_FILE_BYTES = String(MAX_BYTES);
    process.env.ATTACHMENT_MAX_FILES = String(MAX_FILES);
    system = await startSystem('attachments');
    client = system.client;
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    delete process.env.ATTACHMENT_DIR;
    delete process.env.ATTACHMENT_MAX_FILE_BYTES;
    delete process.env.ATTACHMENT_MAX_FILES;
    rmSync(attachmentDir, { recursive: true, force: true });
  });

  const upload = (as: string, itemId: string, files: UploadFile[]) => uploadAttachments(client, as, itemId, files);

  async function download(pathname: string, as?: string) {
    const response = await fetch(`${client.baseUrl}${pathname}`, { headers: as ? { authorization: `Bearer ${await client.token(as)}` } : {} });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async function createDraft(title: string): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body: '附件测试正文。', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function decide(username: string, itemId: string) {
    const task = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: username });
      return inbox.body.items.find((t: { itemId: string }) => t.itemId === itemId) as { id: string } | undefined;
    }, `a task of ${itemId} for ${username}`);
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: username, body: { decision: 'approve' } })).status).toBe(200);
  }

  const pdf = buildPdf('Enrolment rules 2026');
  const png = buildPng(4, 3, [200, 30, 30]);
  const pdfName = '2026年招生办法（定稿）.pdf';

  it('stores a real PDF and PNG once, lists and serves them byte for byte, and audits each upload', async () => {
    const itemId = await createDraft('附件：上传与下载');
    const uploaded = await upload('edu.drafter', itemId, [
      { name: pdfName, type: 'application/pdf', content: pdf },
      { name: '现场照片.png', type: 'image/png', content: png },
    ]);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.items).toEqual([
      expect.objectContaining({ fileName: pdfName, mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf), uploadedBy: 'edu.drafter', created: true }),
      expect.objectContaining({ fileName: '现场照片.png', mediaType: 'image/png', size: png.length, sha256: sha256(png), created: true }),
    ]);
    const [pdfRow, pngRow] = uploaded.body.items as { id: string; downloadPath: string }[];

    // The same upload again (a retry): the same rows, nothing stored twice, nothing audited twice.
    const again = await upload('edu.drafter', itemId, [{ name: pdfName, type: 'application/pdf', content: pdf }]);
    expect(again.status).toBe(201);
    expect(again.body.items).toEqual([expect.objectContaining({ id: pdfRow!.id, created: false })]);
    const stored = readdirSync(path.join(attachmentDir, sha256(pdf).slice(0, 2), sha256(pdf).slice(2, 4)));
    expect(stored).toEqual([sha256(pdf)]);
    const rows = await system.db.query(`SELECT count(*)::int AS n FROM item_attachments WHERE item_id = $1`, [itemId]);
    expect(rows.rows[0].n).toBe(2);
    const audit = await system.db.query(`SELECT action, actor, detail FROM audit_events WHERE item_id = $1 AND action LIKE 'attachment.%' ORDER BY id`, [itemId]);
    expect(audit.rows).toEqual([
      expect.objectContaining({ action: 'attachment.uploaded', actor: 'edu.drafter', detail: expect.objectContaining({ fileName: pdfName, sha256: sha256(pdf) }) }),
      expect.objectContaining({ action: 'attachment.uploaded', actor: 'edu.drafter', detail: expect.objectContaining({ fileName: '现场照片.png' }) }),
    ]);

    // Listed on its own and on the item page.
    const listed = await client.request('GET', `/items/${itemId}/attachments`, { as: 'edu.reviewer' });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([pdfRow!.id, pngRow!.id]);
    const detail = await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' });
    expect(detail.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([pdfName, '现场照片.png']);

    // Downloads: the same bytes, the real type, never sniffed, the Chinese name intact (RFC 5987).
    const got = await download(pdfRow!.downloadPath.replace(/^\/api/, ''), 'edu.reviewer');
    expect(got.status).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(pdfName).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    expect((await download(`/items/${itemId}/attachments/${pngRow!.id}`, 'office.supervisor')).bytes.equals(png)).toBe(true);
    // Another department's staff may not; nor may anyone without a token.
    expect((await download(`/items/${itemId}/attachments/${pngRow!.id}`, 'civil.drafter')).status).toBe(403);
    expect((await download(`/items/${itemId}/attachments/${pngRow!.id}`)).status).toBe(401);
  });

  it('refuses spoofed types, unsupported files, files over the size limit and too many files, naming each', async () => {
    const itemId = await createDraft('附件：类型与大小');
    const spoofed = await upload('edu.drafter', itemId, [
      { name: '通知.pdf', type: 'application/pdf', content: png },
      { name: '照片.png', type: 'image/png', content: Buffer.from('MZ\x90\x00 this is an executable', 'latin1') },
      { name: '说明.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: pdf },
    ]);
    expect(spoofed.status).toBe(400);
    expect(spoofed.body.fields).toEqual([
      {
        field: 'files',
        problems: [
          expect.stringMatching(/^通知\.pdf: 文件名表明是PDF，但内容是PNG格式/),
          expect.stringMatching(/^照片\.png: 文件内容不是PNG格式/),
          expect.stringMatching(/^说明\.docx: 只能上传PDF、PNG、JPEG/),
        ],
      },
    ]);

    const declaredWrong = await upload('edu.drafter', itemId, [{ name: 'ok.png', type: 'application/pdf', content: png }]);
    expect(declaredWrong.status).toBe(400);
    expect(declaredWrong.body.message).toBe('附件（files）：ok.png: 文件以 application/pdf 类型上传，但内容是PNG格式');

    const tooLarge = Buffer.concat([buildPdf('big'), Buffer.alloc(MAX_BYTES, 0x20)]);
    const large = await upload('edu.drafter', itemId, [{ name: '大文件.pdf', type: 'application/pdf', content: tooLarge }]);
    expect(large.status).toBe(413);
    expect(large.body.message).toBe('大文件.pdf：文件超过了每个附件 256 KB 的大小上限');
    expect(large.body.fields).toEqual([{ field: 'files', problems: [large.body.message] }]);

    const many = await upload('edu.drafter', itemId, Array.from({ length: MAX_FILES + 1 }, (_, i) => ({ name: `图${i + 1}.png`, type: 'image/png', content: buildPng(1 + i, 1, [0, 0, 0]) })));
    expect(many.status).toBe(400);
    expect(many.body.fields[0].problems[0]).toContain(`每个事项最多只能上传 ${MAX_FILES} 个附件`);
    // The count holds across uploads too.
    for (let i = 0; i < MAX_FILES; i++) expect((await upload('edu.drafter', itemId, [{ name: `图${i + 1}.png`, type: 'image/png', content: buildPng(1 + i, 1, [0, 0, 0]) }])).status).toBe(201);
    const oneMore = await upload('edu.drafter', itemId, [{ name: '多余.pdf', type: 'application/pdf', content: pdf }]);
    expect(oneMore.status).toBe(400);
    expect(oneMore.body.fields[0].problems[0]).toBe(`每个事项最多只能上传 ${MAX_FILES} 个附件；已有 ${MAX_FILES} 个，本次又上传 1 个`);
    const stored = await system.db.query(`SELECT file_name FROM item_attachments WHERE item_id = $1 ORDER BY uploaded_at`, [itemId]);
    expect(stored.rows.map((r: { file_name: string }) => r.file_name)).toEqual(['图1.png', '图2.png', '图3.png']);
    expect((await upload('edu.drafter', itemId, [])).status).toBe(400);
  });

  it('lets only the drafter change files, only while the item is a draft or returned, and removes softly with an audit line', async () => {
    const itemId = await createDraft('附件：权限与状态');
    const first = await upload('edu.drafter', itemId, [{ name: pdfName, type: 'application/pdf', content: pdf }, { name: 'map.png', type: 'image/png', content: png }]);
    const [pdfRow, pngRow] = first.body.items as { id: string }[];
    // A colleague of the same department (not the drafter), and another department's drafter.
    expect((await upload('edu.reviewer', itemId, [{ name: 'x.png', type: 'image/png', content: png }])).status).toBe(403);
    // Another drafter of the same department sees the item but may not change its files.
    const colleague = `edu.attach-${Date.now().toString(36)}`;
    expect((await client.request('POST', '/org/users', { as: 'admin', body: { username: colleague, displayName: '孔起草（教育局）', departmentCode: 'edu', roles: ['drafter'] } })).status).toBe(201);
    const notTheDrafter = await upload(colleague, itemId, [{ name: 'x.png', type: 'image/png', content: png }]);
    expect(notTheDrafter.status).toBe(403);
    expect(notTheDrafter.body.message).toMatch(/^只有事项 \S+ 的起草人（\S+）才能上传附件$/);
    expect((await client.request('DELETE', `/items/${itemId}/attachments/${pngRow!.id}`, { as: colleague })).status).toBe(403);
    expect((await upload('civil.drafter', itemId, [{ name: 'x.png', type: 'image/png', content: png }])).status).toBe(403);
    expect((await client.request('DELETE', `/items/${itemId}/attachments/${pngRow!.id}`, { as: 'civil.drafter' })).status).toBe(403);

    const removed = await client.request('DELETE', `/items/${itemId}/attachments/${pngRow!.id}`, { as: 'edu.drafter' });
    expect(removed.status).toBe(200);
    expect(removed.body.removedAt).toEqual(expect.any(String));
    const twice = await client.request('DELETE', `/items/${itemId}/attachments/${pngRow!.id}`, { as: 'edu.drafter' });
    expect(twice.body.removedAt).toBe(removed.body.removedAt);
    expect((await client.request('GET', `/items/${itemId}/attachments`, { as: 'edu.drafter' })).body.items.map((a: { id: string }) => a.id)).toEqual([pdfRow!.id]);
    expect((await download(`/items/${itemId}/attachments/${pngRow!.id}`, 'edu.drafter')).status).toBe(404);
    const audit = await system.db.query(`SELECT action FROM audit_events WHERE item_id = $1 AND action = 'attachment.removed'`, [itemId]);
    expect(audit.rows).toHaveLength(1);
    expect((await client.request('DELETE', `/items/${itemId}/attachments/00000000-0000-4000-8000-000000000000`, { as: 'edu.drafter' })).status).toBe(404);

    // Submitted: the files are what the reviewers decide on.
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const late = await upload('edu.drafter', itemId, [{ name: 'late.png', type: 'image/png', content: png }]);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/审核中.*只有草稿或退回修改的事项才能更改附件/);
    expect((await client.request('DELETE', `/items/${itemId}/attachments/${pdfRow!.id}`, { as: 'edu.drafter' })).status).toBe(409);
  });

  it('serves an attachment to the public only once the item is released, and not after it is withdrawn', async () => {
    const itemId = await createDraft('附件：公开下载');
    const up = await upload('edu.drafter', itemId, [{ name: pdfName, type: 'application/pdf', content: pdf }]);
    const attachment = up.body.items[0] as { id: string };
    const publicPath = `/public/items/${itemId}/attachments/${attachment.id}`;
    expect((await download(publicPath)).status).toBe(404);
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await decide('edu.reviewer', itemId);
    await decide('edu.secrecy', itemId);
    expect((await download(publicPath)).status).toBe(404);
    await decide('edu.leader', itemId);
    const released = await client.eventually(async () => {
      const got = await download(publicPath);
      return got.status === 200 ? got : undefined;
    }, 'the public download after release');
    expect(released.bytes.equals(pdf)).toBe(true);
    expect(released.headers.get('x-content-type-options')).toBe('nosniff');
    expect(released.headers.get('content-disposition')).toMatch(/^attachment; filename="2026_+\.pdf"; filename\*=UTF-8''2026%E5%B9%B4/);
    const listed = await client.request('GET', `/public/items/${itemId}/attachments`);
    expect(listed.body.items).toEqual([{ id: attachment.id, fileName: pdfName, mediaType: 'application/pdf', size: pdf.length, downloadPath: `/api${publicPath}` }]);
    // Another item's id with this attachment: nothing.
    expect((await download(`/public/items/00000000-0000-4000-8000-000000000000/attachments/${attachment.id}`)).status).toBe(404);

    expect((await client.request('POST', `/items/${itemId}/withdraw`, { as: 'edu.drafter', body: { reason: '政策调整' } })).status).toBe(200);
    await client.eventually(async () => ((await download(publicPath)).status === 404 ? true : undefined), 'the public download gone after withdrawal');
    expect((await client.request('GET', `/public/items/${itemId}/attachments`)).body.items).toEqual([]);
    // Staff keep it.
    expect((await download(`/items/${itemId}/attachments/${attachment.id}`, 'edu.drafter')).status).toBe(200);
    expect(existsSync(path.join(attachmentDir, sha256(pdf).slice(0, 2), sha256(pdf).slice(2, 4), sha256(pdf)))).toBe(true);
  });
});
