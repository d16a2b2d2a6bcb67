import type { BrowserContext } from 'playwright-core';
import { checkScreen, chooseOption, expectText, failureScreenshots, signIn as signInAt } from '../support/browser';
import { startOwnBrowserSystem, type OwnBrowserSystem } from '../support/own-browser-system';
import type { RunningSystem } from '../support/running-system';

/**
 * 审核流程 in a real browser: the admin sees the county default as a tree, sets a chain for 县教育局 and
 * then for one of its catalog rows without 初审 (保密审查 and 签发 cannot be unticked), and the tree and the
 * list show both. A chain decides how every later item of the department is reviewed, so this runs on a
 * database of its own. Screenshots: test-output/screenshots/review-chains*.png.
 */
describe('review chains in the browser', () => {
  let own: OwnBrowserSystem | undefined;
  let system: RunningSystem;
  let origin: string;
  let context: BrowserContext;

  beforeAll(async () => {
    own = await startOwnBrowserSystem('review-chains');
    ({ system, origin, context } = own);
  }, 240_000);

  afterAll(async () => {
    await own?.stop();
  });

  it('sets a chain for a department and for one of its catalog rows, and shows them in the tree', async () => {
    try {
      const admin = await signInAt(context, origin, 'admin');
      await admin.getByRole('link', { name: '审核流程' }).click();
      await admin.getByRole('heading', { name: '审核流程', level: 1 }).waitFor();
      await expectText(admin.locator('.chain-tree'), '全县默认：初审 → 保密审查 → 合法性审查 → 签发');
      await expectText(admin.locator('.chain-policies'), '尚未单独设置');

      // 县教育局, every row: the default without 合法性审查.
      await admin.getByRole('button', { name: '设置审核流程' }).click();
      const dialog = admin.locator('.t-dialog');
      await chooseOption(admin, '适用部门', '县教育局');
      await dialog.locator('label.t-checkbox', { hasText: '合法性审查' }).click();
      // 保密审查 and 签发 are in every chain: their boxes cannot be unticked.
      expect(await dialog.locator('label.t-checkbox', { hasText: '保密审查' }).locator('input').isDisabled()).toBe(true);
      expect(await dialog.locator('label.t-checkbox', { hasText: '签发' }).locator('input').isDisabled()).toBe(true);
      await checkScreen(admin, 'review-chains-form');
      await dialog.getByRole('button', { name: '保存审核流程' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // 县教育局's EDU-001: no 初审 either.
      await admin.getByRole('button', { name: '设置审核流程' }).click();
      await chooseOption(admin, '适用部门', '县教育局');
      await chooseOption(admin, '适用目录事项', 'EDU-001');
      await dialog.locator('label.t-checkbox', { hasText: '初审' }).click();
      await dialog.locator('label.t-checkbox', { hasText: '合法性审查' }).click();
      await dialog.getByRole('button', { name: '保存审核流程' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await expectText(admin.locator('.chain-tree'), '县教育局：初审 → 保密审查 → 签发');
      await expectText(admin.locator('.chain-tree'), '（EDU-001）：保密审查 → 签发');
      await expectText(admin.locator('.chain-policies'), '保密审查');
      const { rows } = await system.db.query(`SELECT department_code, catalog_item_code, stages, updated_by FROM review_chain_policies ORDER BY id`);
      expect(rows).toEqual([
        { department_code: 'edu', catalog_item_code: null, stages: ['preliminary-review', 'confidentiality-review', 'sign-off'], updated_by: 'admin' },
        { department_code: 'edu', catalog_item_code: 'EDU-001', stages: ['confidentiality-review', 'sign-off'], updated_by: 'admin' },
      ]);
      await checkScreen(admin, 'review-chains');

      // Not for a drafter: the menu has no entry, and the address leads home.
      const drafter = await signInAt(context, origin, 'edu.drafter');
      expect(await drafter.getByRole('link', { name: '审核流程' }).count()).toBe(0);
      await drafter.goto(`${origin}/review-chains`);
      await drafter.waitForURL(/\/items$/);
    } catch (error) {
      await failureScreenshots(context, 'failure-review-chains-');
      throw error;
    }
  }, 300_000);
});
