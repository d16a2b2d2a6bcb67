import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { projectRoot } from '@zwgk/config';
import { checkScreen, expectText, failureScreenshots, signIn as signInAt } from '../support/browser';
import { catalogWorkbookOfSheets, STANDARD_HEADER, STANDARD_SUB_HEADER } from '../support/catalog-workbook';
import { startOwnBrowserSystem, type OwnBrowserSystem } from '../support/own-browser-system';
import type { RunningSystem } from '../support/running-system';

const catalogDir = path.join(projectRoot, 'data', 'catalogs');
/** The sample files under the names a county office gives them. */
const CHINESE_NAMES: Record<string, string> = {
  'compulsory-education.csv': '义务教育目录.csv',
  'fiscal-budget.csv': '财政预决算目录.csv',
  'general.csv': '综合政务目录.csv',
  'land-expropriation.csv': '农村集体土地征收目录.csv',
  'major-projects.csv': '重大建设项目目录.csv',
  'social-assistance.csv': '社会救助目录.csv',
};

/**
 * 目录管理 in a real browser: the admin imports the sample catalogs without 安全生产 plus a workbook with a
 * 养老服务 sheet and a 填表说明 sheet, reads the import report (rows, sheets, the sheet passed over, the
 * problems), sets the rule the reader could not read by hand, compares the draft with the active version
 * and activates it. Activation replaces the catalog every suite reads, so this runs on a database of its
 * own, where the activation is the test's alone. Screenshots: test-output/screenshots/catalog-admin*.png.
 */
describe('catalog administration in the browser', () => {
  let own: OwnBrowserSystem | undefined;
  let system: RunningSystem;
  let origin: string;
  let context: BrowserContext;

  beforeAll(async () => {
    own = await startOwnBrowserSystem('catalog-admin');
    ({ system, origin, context } = own);
  }, 240_000);

  afterAll(async () => {
    await own?.stop();
  });

  it('imports with a report, sets a rule by hand, shows the diff and activates the new version', async () => {
    try {
      const elder = await catalogWorkbookOfSheets([
        { name: '填表说明', plainRows: [['本表由县民政局填报'], ['请勿修改表头']] },
        {
          name: '养老服务',
          title: '养老服务领域基层政务公开标准目录',
          header: STANDARD_HEADER,
          subHeader: STANDARD_SUB_HEADER,
          rows: [
            ['1', '养老服务', '补贴政策', '高龄津贴标准', '《条例》', '信息形成之日起20个工作日内', '县民政局', '■政府网站', '√', '', '√', '', '√', ''],
            ['2', '养老服务', '机构名录', '养老机构名录', '《条例》', '按上级要求办理', '县民政局', '□政府网站', '√', '', '√', '', '√', ''],
          ],
        },
      ]);
      const samples = readdirSync(catalogDir).filter((name) => name.endsWith('.csv') && name !== 'work-safety.csv').sort();

      const admin = await signInAt(context, origin, 'admin');
      await admin.getByRole('link', { name: '目录管理' }).click();
      await admin.getByRole('heading', { name: '目录管理', level: 1 }).waitFor();
      await expectText(admin.locator('.catalog-versions'), '现行');
      await admin.getByLabel('版本名称').fill('2027年版标准目录');
      await admin.locator('.catalog-upload input[type="file"]').setInputFiles([
        ...samples.map((name) => ({ name: CHINESE_NAMES[name] ?? name, mimeType: 'text/csv', buffer: readFileSync(path.join(catalogDir, name)) })),
        { name: '养老服务目录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: elder },
      ]);
      await admin.getByRole('button', { name: '导入为草稿版本' }).click();

      const report = admin.locator('.import-report');
      await expectText(report.locator('.report-summary'), `共读取 10 行目录事项，来自 ${samples.length + 1} 个文件`);
      await expectText(report.locator('.report-summary'), '1 项公开时限须手工设定');
      await expectText(report.locator('.report-sheets tr', { hasText: '填表说明' }), '已跳过：未找到含“序号”的表头行');
      await expectText(report.locator('.report-sheets tr', { hasText: '养老服务目录.xlsx' }).filter({ hasText: '养老服务' }), '已读取');
      await expectText(report.locator('.report-problems'), '未勾选任何公开渠道');
      await expectText(report.locator('.report-problems'), '公开时限“按上级要求办理”无法自动识别，需人工设定规则');
      await checkScreen(admin, 'catalog-admin-import');

      await report.getByRole('button', { name: '查看新版本、对比差异并启用' }).click();
      await admin.waitForURL(/\/catalog-admin\/[0-9a-f-]{36}$/);
      const versionId = admin.url().split('/').pop()!;
      const detail = admin.locator('.version-detail');
      await expectText(detail.locator('#version-title'), '草稿');
      // The diff against the active (demo) version: 养老服务 added, 安全生产 removed.
      await expectText(detail.locator('.diff-summary'), '新增 2 项，删除 1 项，修改 0 项');
      await expectText(detail.locator('.version-diff'), 'ELDER-001');
      await expectText(detail.locator('.version-diff tr', { hasText: 'SAFETY-001' }), '删除');

      // The rule the reader could not read, set by hand: 15 working days from when the list is formed.
      const manualRow = detail.locator('.version-rows tr[data-code="ELDER-002"]');
      await expectText(manualRow, '须手工设定');
      await manualRow.getByRole('button', { name: /设定时限/ }).click();
      const dialog = admin.locator('.t-dialog');
      await dialog.getByLabel('天数').fill('15');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expectText(manualRow, '15个工作日');
      const [stored] = (await system.db.query(`SELECT time_limit_rule FROM catalog_items WHERE version_id = $1 AND code = 'ELDER-002'`, [versionId])).rows;
      expect(stored.time_limit_rule).toEqual({ kind: 'working-days', count: 15, anchor: 'formed-or-changed' });
      await checkScreen(admin, 'catalog-admin-version');

      await detail.getByRole('button', { name: '启用此版本' }).click();
      await admin.locator('.t-dialog').getByRole('button', { name: '确认启用' }).click();
      await expectText(detail.locator('#version-title'), '现行');
      const { rows } = await system.db.query(`SELECT id, state, activated_by FROM catalog_versions ORDER BY created_at`);
      expect(rows.map((row) => [row.id === versionId, row.state])).toEqual([[false, 'superseded'], [true, 'active']]);
      await checkScreen(admin, 'catalog-admin-activated');
    } catch (error) {
      await failureScreenshots(context, 'failure-catalog-admin-');
      throw error;
    }
  }, 300_000);
});
