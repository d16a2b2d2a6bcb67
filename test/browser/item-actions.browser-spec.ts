import type { BrowserContext } from 'playwright-core';
import { checkScreen, expectText, failureScreenshots, launchChromium, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { releaseThroughReview } from '../support/review-path';
import { buildPdf, buildPng } from '../support/sample-files';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The item actions in the browser: the release ledger with what each channel still needs (a person for
 * 公示栏 and the manual channels, a retry for a failed one), a failed channel retried, a manual one confirmed posted (the
 * notice board with a photo, refused first for a file that is not one), a new edition of a released item, a supervisor's
 * extension of an item in review, and a withdrawal with its public reason. Screenshots go to
 * test-output/screenshots/item-actions-*.png.
 */
describe('item actions in the browser', () => {
  let system: RunningSystem;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let withdrawnItem: string;
  let editedItem: string;
  let reviewedItem: string;

  const draft = async (title: string, channels?: string[]) => {
    const created = await system.client.request('POST', '/items', {
      as: 'edu.drafter',
      body: { catalogItemCode: 'EDU-001', title, body: '一、招生范围……\n二、报名时间……', formedAt: '2026-11-20', ...(channels ? { channels } : {}) },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  beforeAll(async () => {
    chromium = await launchChromium('item-actions-browser');
    ({ context } = chromium);
    system = await startSystem('item-actions-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    // Every channel of the catalog row (two微一端, 广播电视, 公示栏…), and a second item on the website only.
    withdrawnItem = await draft('2026年民办学校招生简章备案情况');
    editedItem = await draft('2026年义务教育阶段转学办理指南', ['政府网站']);
    reviewedItem = await draft('2026年教育系统招聘教师公告');
    await Promise.all([
      releaseThroughReview(system.client, withdrawnItem, undefined, { submitAs: 'edu.drafter' }),
      releaseThroughReview(system.client, editedItem, undefined, { submitAs: 'edu.drafter' }),
    ]);
    expect((await system.client.request('POST', `/items/${reviewedItem}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    // A channel that refused the release, as the ledger records one (the refusal itself, and a retry the
    // platform accepts, are tested in the release-channels and release-ledger-actions suites): here how the
    // screen shows it and retries it.
    await system.db.query(
      `UPDATE publications SET status = 'failed', detail = '{"reason":"webhook 502"}'::jsonb WHERE item_id = $1 AND channel = '两微一端' AND action = 'publish'`,
      [withdrawnItem],
    );
  }, 300_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  const signIn = (username: string) => signInAt(context, origin, username);

  it('shows the ledger, starts a new edition, extends a deadline and withdraws with a public reason', async () => {
    try {
      await journey();
    } catch (error) {
      await failureScreenshots(context, 'failure-item-actions-');
      throw error;
    }
  }, 300_000);

  async function journey(): Promise<void> {
    // 1. The drafter reaches the actions from the item page; the ledger says what is left to people.
    const drafter = await signIn('edu.drafter');
    await drafter.goto(`${origin}/items/${withdrawnItem}`);
    await drafter.getByRole('link', { name: /事项操作/ }).click();
    await drafter.getByRole('heading', { name: '事项操作：2026年民办学校招生简章备案情况' }).waitFor();
    const ledgerRow = (channel: string) => drafter.locator(`tr[data-channel="${channel}"]`);
    await expectText(ledgerRow('政府网站'), '已发布');
    await expectText(ledgerRow('广播电视'), '需人工办理');
    await expectText(ledgerRow('广播电视'), '需专人张贴或发布');
    await expectText(ledgerRow('社区/企事业单位/村公示栏（电子屏）'), '请打印后到公示栏张贴');
    await expectText(ledgerRow('两微一端'), '发布失败');
    await expectText(ledgerRow('两微一端'), '需重新发布');
    await checkScreen(drafter, 'item-actions-ledger');

    // 1b. The failed channel is released again (no new-media platform is configured here, so the retry
    // records that a person must publish it).
    await ledgerRow('两微一端').getByRole('button', { name: '重新发布' }).click();
    await expectText(drafter.locator('.action-done'), '两微一端');
    await expectText(ledgerRow('两微一端'), '需人工办理');

    // 1c. A person confirms the broadcast channel posted, with a note (required).
    await ledgerRow('广播电视').getByRole('button', { name: '确认张贴' }).click();
    await drafter.getByRole('button', { name: '确认已张贴' }).click();
    await expectText(drafter.locator('#ledger-confirm-note-problem'), '请填写办理说明');
    await drafter.getByLabel('办理说明').fill('县电视台12月7日晚间新闻已播出');
    await checkScreen(drafter, 'item-actions-confirm-channel');
    await drafter.getByRole('button', { name: '确认已张贴' }).click();
    await expectText(drafter.locator('.action-done'), '已确认“广播电视”张贴');
    await expectText(ledgerRow('广播电视'), '确认张贴：县电视台12月7日晚间新闻已播出');
    await checkScreen(drafter, 'item-actions-ledger-confirmed');

    // 1d. The notice board is confirmed posted with a photo of it: a PDF named .jpg is refused at once, in Chinese.
    const noticeBoard = '社区/企事业单位/村公示栏（电子屏）';
    await ledgerRow(noticeBoard).getByRole('button', { name: '确认张贴' }).click();
    const dialog = drafter.locator('.t-dialog', { hasText: `确认张贴：${noticeBoard}` });
    await dialog.locator('input[type="file"]').setInputFiles({ name: '公示栏.jpg', mimeType: 'image/jpeg', buffer: buildPdf('not a photo') });
    await expectText(dialog.locator('[role="alert"]'), '只能上传 JPEG、PNG 或 WebP 格式的照片');
    await checkScreen(drafter, 'item-actions-confirm-photo-refused');
    await dialog.locator('input[type="file"]').setInputFiles({ name: '公示栏张贴.png', mimeType: 'image/png', buffer: buildPng(160, 120, [30, 140, 70]) });
    await dialog.locator('.t-upload__card-item img').first().waitFor();
    await dialog.getByLabel('办理说明').fill('已在城关社区公示栏张贴，见照片');
    await checkScreen(drafter, 'item-actions-confirm-photo');
    await dialog.getByRole('button', { name: '确认已张贴' }).click();
    await expectText(drafter.locator('.action-done'), '照片已存入台账');
    const photoButton = ledgerRow(noticeBoard).getByRole('button', { name: /查看照片/ });
    await ledgerRow(noticeBoard).locator('img[alt*="现场照片"]').waitFor();
    await expectText(ledgerRow(noticeBoard), '确认张贴：已在城关社区公示栏张贴，见照片');
    const [photo] = (await system.client.request('GET', `/items/${withdrawnItem}`, { as: 'edu.drafter' })).body.publications.filter((row: { channel: string; action: string }) => row.channel === noticeBoard && row.action === 'publish');
    expect(await photoButton.getAttribute('data-ledger-photo')).toBe(photo.confirmation.photoAttachmentId);
    await checkScreen(drafter, 'item-actions-ledger-photo');
    await photoButton.click();
    await drafter.locator('.t-image-viewer__modal-image:visible').waitFor();
    await checkScreen(drafter, 'item-actions-ledger-photo-viewer');
    await drafter.keyboard.press('Escape');

    // 2. A new edition of the other released item: the body changes, with a reason.
    await drafter.goto(`${origin}/items/${editedItem}/actions`);
    await drafter.getByRole('button', { name: '提交新版本审核' }).click();
    await expectText(drafter.locator('#edition-reason-problem'), '请填写变更原因');
    await drafter.locator('#edition-body').fill('一、招生范围……\n二、报名时间调整为每年7月1日至7月10日。');
    await drafter.getByLabel('变更原因').fill('报名时间调整');
    await checkScreen(drafter, 'item-actions-new-edition');
    await drafter.getByRole('button', { name: '提交新版本审核' }).click();
    await expectText(drafter.locator('.action-done'), '新版本已提交审核');
    await system.client.eventually(async () => {
      const item = await system.client.request('GET', `/items/${editedItem}`, { as: 'edu.drafter' });
      return item.body.state === 'IN_REVIEW' && item.body.body.includes('7月1日') ? true : undefined;
    }, 'the new edition in review', 60_000);

    // 3. A supervisor gives the item in review three more working days on its statutory deadline.
    const before = await system.client.request('GET', `/items/${reviewedItem}`, { as: 'office.supervisor' });
    const supervisor = await signIn('office.supervisor');
    await supervisor.goto(`${origin}/items/${reviewedItem}/actions`);
    await supervisor.getByRole('heading', { name: '延长时限' }).waitFor();
    await supervisor.getByRole('radio', { name: '法定公开时限' }).check({ force: true });
    await supervisor.getByLabel('延长工作日数').fill('3');
    await supervisor.getByLabel('延期理由').fill('涉及多部门会签，需延长办理时间');
    await checkScreen(supervisor, 'item-actions-extension');
    await supervisor.getByRole('button', { name: '批准延期' }).click();
    await expectText(supervisor.locator('.action-done'), '已延期');
    const after = await system.client.request('GET', `/items/${reviewedItem}`, { as: 'office.supervisor' });
    expect(Date.parse(after.body.releaseDueAt)).toBeGreaterThan(Date.parse(before.body.releaseDueAt));

    // 4. The drafter withdraws the first item; the portal shows the public reason instead of the text.
    await drafter.goto(`${origin}/items/${withdrawnItem}/actions`);
    await drafter.getByRole('button', { name: '撤回该事项' }).click();
    await expectText(drafter.locator('#withdraw-reason-problem'), '请填写撤回说明');
    await drafter.getByLabel('撤回说明（公开）').fill('该简章已由市教育局统一发布，本页不再重复公开。');
    await drafter.getByRole('button', { name: '撤回该事项' }).click();
    await drafter.getByRole('group', { name: /确定撤回/ }).getByRole('button', { name: '确认撤回' }).click();
    await expectText(drafter.locator('.action-done'), '已撤回');
    await system.client.eventually(async () => {
      const item = await system.client.request('GET', `/items/${withdrawnItem}`, { as: 'edu.drafter' });
      return item.body.state === 'WITHDRAWN' ? true : undefined;
    }, 'the withdrawal', 60_000);
    await drafter.reload();
    await expectText(drafter.locator('.t-alert'), '该简章已由市教育局统一发布');
    await expectText(drafter.locator('tr[data-channel="政府网站"]', { hasText: '撤下' }), '已撤下');
    await checkScreen(drafter, 'item-actions-withdrawn');
  }
});
