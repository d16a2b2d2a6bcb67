import { Workbook } from 'exceljs';
import type { ApiClient } from '../support/api-client';
import { buildScannedPdf, buildTextPdf } from '../support/personal-information-files';
import { releaseThroughReview, uploadAttachments } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { buildPng } from '../support/sample-files';

/**
 * The personal-information guard through the real API, worker and database: findings in the body and in an
 * attached PDF's pages, the 保密审查 approval refused while one is open (the task stays open), the
 * drafter's one-click masking, the reviewer's audited legal reason, and then the release.
 */
describe('personal-information guard', () => {
  let system: RunningSystem;
  let client: ApiClient;
  const RUN = Date.now().toString(36);
  const ID_NUMBER = '330106198503120415';

  beforeAll(async () => {
    system = await startSystem('pii');
    client = system.client;
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  async function createDraft(title: string, body: string): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body, formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function openTask(itemId: string, as: string): Promise<{ id: string; kind: string }> {
    return client.eventually(async () => {
      const tasks = await client.request('GET', '/tasks?state=open', { as });
      return (tasks.body.items as { id: string; itemId: string; kind: string }[]).find((task) => task.itemId === itemId);
    }, `an open task of ${itemId} for ${as}`);
  }

  const findings = async (itemId: string, as = 'edu.drafter') => {
    const response = await client.request('GET', `/items/${itemId}/personal-information`, { as });
    expect(response.status).toBe(200);
    return response.body as { imagesToCheck: { fileName: string }[]; items: { id: string; kind: string; field: string; place: string; page: number | null; maskedPreview: string; status: string; maskable: boolean }[]; releaseBlocked: boolean; open: number };
  };

  it('holds back an item with an ID number in its body and a phone number in its PDF until one is masked and the other justified', async () => {
    const itemId = await createDraft(`个人信息保护测试（${RUN}）`, `经审核，身份证号为${ID_NUMBER}的申请人符合2026年入学条件。`);
    const pdf = buildTextPdf([['Enrolment list 2026, page 1: nothing personal here.'], ['Page 2', `Contact mobile: 13857112345`]]);
    expect((await uploadAttachments(client, 'edu.drafter', itemId, [{ name: '名单.pdf', type: 'application/pdf', content: pdf }])).status).toBe(201);

    // Found before submission: the drafter sees both, with where they are and a masked preview only.
    const before = await findings(itemId);
    expect(before.items).toEqual([
      expect.objectContaining({ kind: 'id-card', field: 'body', place: '正文', maskedPreview: '3301**********0415', status: 'open', maskable: true }),
      expect.objectContaining({ kind: 'mobile', field: 'attachment', place: '附件《名单.pdf》第2页', page: 2, maskedPreview: '138****2345', status: 'open', maskable: false }),
    ]);
    expect(JSON.stringify(before)).not.toContain(ID_NUMBER);
    expect(before.releaseBlocked).toBe(true);

    // Submitted as it is: 初审 passes, 保密审查 refuses with a clear 409 naming both, and the task stays open.
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const preliminary = await openTask(itemId, 'edu.reviewer');
    expect((await client.request('POST', `/tasks/${preliminary.id}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' } })).status).toBe(200);
    const secrecy = await openTask(itemId, 'edu.secrecy');
    expect(secrecy.kind).toBe('confidentiality-review');
    const refused = await client.request('POST', `/tasks/${secrecy.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('personal-information.unresolved');
    expect(refused.body.message).toContain('正文的身份证号（3301**********0415）');
    expect(refused.body.message).toContain('附件《名单.pdf》第2页的手机号码（138****2345）');
    expect((await openTask(itemId, 'edu.secrecy')).id).toBe(secrecy.id);

    // In review the text cannot change, so masking waits for the return; only the reviewer may justify.
    const [idFinding, phoneFinding] = before.items;
    expect((await client.request('POST', `/items/${itemId}/personal-information/${idFinding!.id}/mask`, { as: 'edu.drafter' })).status).toBe(409);
    expect((await client.request('POST', `/items/${itemId}/personal-information/${phoneFinding!.id}/justify`, { as: 'edu.reviewer', body: { reason: '依法须公示联系方式' } })).status).toBe(403);
    const tooShort = await client.request('POST', `/items/${itemId}/personal-information/${phoneFinding!.id}/justify`, { as: 'edu.secrecy', body: { reason: '需要' } });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await client.request('POST', `/tasks/${secrecy.id}/complete`, { as: 'edu.secrecy', body: { decision: 'return', comment: '请对身份证号脱敏' } })).status).toBe(200);

    // The drafter masks the ID number in one click; a PDF's finding is fixed in the file, not here.
    await client.eventually(async () => ((await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body.state === 'RETURNED' ? true : undefined), 'the item returned');
    const masked = await client.request('POST', `/items/${itemId}/personal-information/${idFinding!.id}/mask`, { as: 'edu.drafter' });
    expect(masked.status).toBe(200);
    expect(masked.body.items).toEqual([expect.objectContaining({ id: phoneFinding!.id, status: 'open' })]);
    expect((await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body.body).toBe('经审核，身份证号为3301**********0415的申请人符合2026年入学条件。');
    expect((await client.request('POST', `/items/${itemId}/personal-information/${phoneFinding!.id}/mask`, { as: 'edu.drafter' })).status).toBe(409);

    // Resubmitted: still refused at 保密审查 for the phone number until the reviewer records the legal reason.
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const again = await openTask(itemId, 'edu.reviewer');
    expect((await client.request('POST', `/tasks/${again.id}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' } })).status).toBe(200);
    const secrecyAgain = await openTask(itemId, 'edu.secrecy');
    const stillRefused = await client.request('POST', `/tasks/${secrecyAgain.id}/complete`, { as: 'edu.secrecy', body: { decision: 'approve' } });
    expect(stillRefused.status).toBe(409);
    expect(stillRefused.body.message).not.toContain('身份证号');

    const reason = '《义务教育招生工作规定》第十二条：招生联系人电话须向社会公布';
    const justified = await client.request('POST', `/items/${itemId}/personal-information/${phoneFinding!.id}/justify`, { as: 'edu.secrecy', body: { reason } });
    expect(justified.status).toBe(200);
    expect(justified.body).toMatchObject({ releaseBlocked: false, items: [expect.objectContaining({ id: phoneFinding!.id, status: 'justified', justification: reason, justifiedBy: 'edu.secrecy' })] });
    const audit = await system.db.query(`SELECT actor, actor_role, reason, detail FROM audit_events WHERE item_id = $1 AND action = 'personal-information.justified'`, [itemId]);
    expect(audit.rows).toEqual([expect.objectContaining({ actor: 'edu.secrecy', actor_role: 'secrecy-reviewer', reason, detail: expect.objectContaining({ findingId: phoneFinding!.id, kind: 'mobile', page: 2, maskedPreview: '138****2345' }) })]);

    // Now it goes through 保密审查 and the rest of the chain, and is released with the masked text.
    const released = await releaseThroughReview(client, itemId);
    expect(released.state).toBe('RELEASED');
    const publicItem = await client.request('GET', `/public/items/${itemId}`);
    expect(JSON.stringify(publicItem.body)).not.toContain(ID_NUMBER);
  });

  it('flags a scanned PDF without a text layer for the reviewer, and a picture for a look without holding it up', async () => {
    const itemId = await createDraft(`扫描件测试（${RUN}）`, '附件为扫描件。');
    const uploaded = await uploadAttachments(client, 'edu.drafter', itemId, [
      { name: '扫描名单.pdf', type: 'application/pdf', content: buildScannedPdf(3) },
      { name: '现场照片.png', type: 'image/png', content: buildPng(4, 3, [90, 90, 90]) },
    ]);
    expect(uploaded.status).toBe(201);
    const listed = await findings(itemId, 'edu.secrecy');
    expect(listed.items).toEqual([expect.objectContaining({ kind: 'unreadable-attachment', field: 'attachment', place: '附件《扫描名单.pdf》', status: 'open', maskable: false })]);
    expect(listed.releaseBlocked).toBe(true);
    expect(listed).toMatchObject({ imagesToCheck: [expect.objectContaining({ fileName: '现场照片.png' })] });

    // Removed, it no longer holds anything up.
    const attachmentId = uploaded.body.items[0].id as string;
    expect((await client.request('DELETE', `/items/${itemId}/attachments/${attachmentId}`, { as: 'edu.drafter' })).status).toBe(200);
    expect(await findings(itemId)).toMatchObject({ items: [], releaseBlocked: false, imagesToCheck: [expect.objectContaining({ fileName: '现场照片.png' })] });
  });

  it('reads a 公示 list attached as .xlsx or .csv sheet by sheet and names the sheet of each finding', async () => {
    const itemId = await createDraft(`资助名单（表格，${RUN}）`, '2026年资助名单见附件。');
    const workbook = new Workbook();
    workbook.addWorksheet('说明').addRow(['2026年特殊困难学生资助名单']);
    const list = workbook.addWorksheet('公示名单');
    list.addRow(['序号', '姓名', '身份证号']);
    list.addRow([1, '张建国', ID_NUMBER]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const csv = Buffer.from('姓名,联系电话\r\n李四,13857112345\r\n', 'utf8');
    const uploaded = await uploadAttachments(client, 'edu.drafter', itemId, [
      { name: '资助名单.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: xlsx },
      { name: '联系表.csv', type: 'application/vnd.ms-excel', content: csv },
    ]);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.items.map((item: { mediaType: string }) => item.mediaType).sort()).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);

    const found = await findings(itemId);
    expect(found.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'id-card', field: 'attachment', place: '附件《资助名单.xlsx》工作表「公示名单」', page: 2, maskedPreview: '3301**********0415', maskable: false }),
        expect.objectContaining({ kind: 'name', place: '附件《资助名单.xlsx》工作表「公示名单」', maskedPreview: '张**' }),
        // A .csv is one sheet without a name of its own.
        expect.objectContaining({ kind: 'mobile', field: 'attachment', place: '附件《联系表.csv》第1页', page: 1, maskedPreview: '138****2345', maskable: false }),
      ]),
    );
    expect(found.releaseBlocked).toBe(true);
    // Masking an attachment's finding online is refused with the sheet to fix.
    const idFinding = found.items.find((item) => item.kind === 'id-card')!;
    const refused = await client.request('POST', `/items/${itemId}/personal-information/${idFinding.id}/mask`, { as: 'edu.drafter' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('资助名单.xlsx');

    // A Word file renamed .xlsx is still refused, naming the file.
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml', 'latin1')]);
    const wrong = await uploadAttachments(client, 'edu.drafter', itemId, [{ name: '名单.xlsx', type: 'application/octet-stream', content: docx }]);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('文件内容不是XLSX格式');
  });

  it('sweeps what is already released and lists the items to act on, one step from a withdrawal', async () => {
    // Released before anyone looked: a 公示 with a mobile number in its body (the gate is passed by justifying,
    // then the justification is taken back in the database, as for an item released before the guard existed).
    const itemId = await createDraft(`已发布名单（${RUN}）`, '获奖者：王小明，联系电话13912345678。');
    const listed = await findings(itemId);
    const justify = (findingId: string) => client.request('POST', `/items/${itemId}/personal-information/${findingId}/justify`, { as: 'edu.secrecy', body: { reason: '测试：发布后再排查' } });
    for (const finding of listed.items) expect((await justify(finding.id)).status).toBe(200);
    await releaseThroughReview(client, itemId, undefined, { submitAs: 'edu.drafter' });
    await system.db.query(`DELETE FROM personal_information_findings WHERE item_id = $1`, [itemId]);

    const started = await client.request('POST', '/personal-information/sweeps', { as: 'office.supervisor' });
    expect(started.status).toBe(201);
    const done = await client.eventually(async () => {
      const progress = await client.request('GET', `/personal-information/sweeps/${started.body.sweepId}`, { as: 'office.supervisor' });
      return progress.body.state === 'DONE' ? progress.body : undefined;
    }, 'the sweep to finish');
    expect(done.scanned).toBeGreaterThanOrEqual(1);
    expect(done.itemsWithFindings).toBeGreaterThanOrEqual(1);

    const list = await client.request('GET', '/personal-information/released-findings', { as: 'office.publisher' });
    expect(list.status).toBe(200);
    const entry = (list.body.items as { itemId: string; withdraw: { reason: string } }[]).find((candidate) => candidate.itemId === itemId);
    expect(entry).toMatchObject({ openFindings: 2, kinds: expect.arrayContaining([expect.objectContaining({ kind: 'mobile', label: '手机号码' }), expect.objectContaining({ kind: 'name' })]), withdraw: { path: `/api/items/${itemId}/withdraw`, reason: '个人信息保护' } });
    const withdrawn = await client.request('POST', `/items/${itemId}/withdraw`, { as: 'office.publisher', body: { reason: entry!.withdraw.reason } });
    expect(withdrawn.status).toBe(200);
  });
});
