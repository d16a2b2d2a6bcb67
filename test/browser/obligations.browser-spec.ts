import { Client as TemporalClient, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen, expectText, failureScreenshots, signIn as signInAt } from '../support/browser';
import type { OwnDatabase } from '../support/own-database';
import { startOwnBrowserSystem, type OwnBrowserSystem } from '../support/own-browser-system';
import type { RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * 定期公开 in a real browser: the admin registers 安全生产 SAFETY-001 (半年至少更新1次) for 县民政局 and sees
 * its schedule, current period and due date; the period opens (the test fires the Schedule now rather than
 * wait for 1 January or 1 July) and 县民政局's drafter sees what is due and fulfils it (履行) with the item the
 * department drafted for the period; the admin stops the obligation.
 * One active obligation per row and unit is allowed county-wide, so this runs on a database of its own.
 * Screenshots: test-output/screenshots/obligations*.png.
 */
describe('periodic obligations in the browser', () => {
  let own: OwnBrowserSystem | undefined;
  let database: OwnDatabase;
  let system: RunningSystem;
  let origin: string;
  let context: BrowserContext;
  let connection: Connection;

  beforeAll(async () => {
    own = await startOwnBrowserSystem('obligations', async (fresh) => {
      // This database's own catalog: 安全生产 (公开主体 应急局, no demo unit) is 县民政局's here, so its drafter
      // may draft the period's item that fulfils the obligation.
      const setup = new PgClient({ connectionString: fresh.url });
      await setup.connect();
      await setup.query(`UPDATE catalog_items SET department_codes = '{civil}' WHERE code = 'SAFETY-001'`).finally(() => setup.end());
    });
    ({ system, origin, context, database } = own);
    connection = await Connection.connect({ address: testServers().temporalAddress });
  }, 240_000);

  afterAll(async () => {
    await connection?.close();
    await own?.stop();
  });

  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.t-popup .t-select-option', { hasText: option }).first().click();
  }

  it('registers an obligation, shows its schedule and period, the drafter sees what is due, and the admin stops it', async () => {
    try {
      const admin = await signInAt(context, origin, 'admin');
      await admin.getByRole('link', { name: '定期公开' }).click();
      await admin.getByRole('heading', { name: '定期公开', level: 1 }).waitFor();
      await expectText(admin.locator('.obligation-table'), '尚未登记定期公开事项');

      // Refused without a unit, in Chinese, under the field.
      await choose(admin, '目录事项', 'SAFETY-001');
      await admin.getByRole('button', { name: '登记' }).click();
      await expectText(admin.locator('.register-obligation'), '请选择责任部门');
      await choose(admin, '责任部门', '县民政局');
      await admin.getByRole('button', { name: '登记' }).click();
      await expectText(admin.locator('[role="status"]'), '已登记');

      const [obligation] = (await system.client.request('GET', '/obligations', { as: 'admin' })).body.items;
      expect(obligation).toMatchObject({ catalogItemCode: 'SAFETY-001', departmentCode: 'civil', schedule: { months: [1, 7], dayOfMonth: 1 }, currentState: 'awaiting-opening' });
      const row = admin.locator(`.obligation-table tr[data-obligation-id="${obligation.id}"]`);
      await expectText(row, '县民政局');
      await expectText(row, '每年1、7月1日0时开启新一期');
      await expectText(row, obligation.currentPeriod.label);
      await expectText(row, '待开启首期');
      await checkScreen(admin, 'obligations');

      // The period opens: the Schedule's action, run now.
      const temporal = new TemporalClient({ connection, namespace: database.namespace });
      await temporal.schedule.getHandle(obligation.scheduleId).trigger();
      const task = await system.client.eventually(async () => {
        const { rows } = await system.db.query(`SELECT id, period_label FROM obligation_tasks WHERE obligation_id = $1`, [obligation.id]);
        return rows[0] as { id: string; period_label: string } | undefined;
      }, 'the period to open its drafting task', 60_000);
      expect(task.period_label).toBe(obligation.currentPeriod.label);

      const drafter = await signInAt(context, origin, 'civil.drafter');
      await drafter.getByRole('link', { name: '定期公开' }).click();
      const due = drafter.locator(`.due-tasks tr[data-task-id="${task.id}"]`);
      await expectText(due, task.period_label);
      await expectText(due, '待公开');
      await expectText(due, '法律法规');
      await expectText(drafter.locator(`.obligation-table tr[data-obligation-id="${obligation.id}"]`), '本期待公开');
      await checkScreen(drafter, 'obligations-due');

      // 履行: with nothing drafted for the period yet, the dialog says so and points to drafting.
      await due.getByRole('button', { name: /履行/ }).click();
      const dialog = drafter.locator('.t-dialog', { hasText: '履行本期任务' });
      await expectText(dialog, '本期尚无可用的公开事项');
      await checkScreen(drafter, 'obligations-fulfil-empty');
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The department drafts the period's item; the drafter names it as the fulfilment.
      const created = await system.client.request('POST', '/items', {
        as: 'civil.drafter',
        body: { catalogItemCode: 'SAFETY-001', title: '县民政局安全生产工作情况', body: '一、安全生产责任落实情况', formedAt: '2026-11-20' },
      });
      expect(created.status).toBe(201);
      await due.getByRole('button', { name: /履行/ }).click();
      await dialog.getByRole('button', { name: '确认履行' }).click();
      await expectText(dialog, '请选择用于履行本期任务的公开事项');
      await dialog.getByLabel('公开事项').click();
      await drafter.locator('.t-popup .t-select-option', { hasText: '县民政局安全生产工作情况' }).first().click();
      await expectText(dialog, '该事项尚未发布');
      await checkScreen(drafter, 'obligations-fulfil');
      await dialog.getByRole('button', { name: '确认履行' }).click();
      await expectText(drafter.locator('[role="status"]'), '已完成');
      await due.waitFor({ state: 'detached' });
      await expectText(drafter.locator(`.obligation-table tr[data-obligation-id="${obligation.id}"]`), '本期已公开');
      const fulfilled = await system.db.query(`SELECT state, fulfilled_item_id, fulfilled_by FROM obligation_tasks WHERE id = $1`, [task.id]);
      expect(fulfilled.rows).toEqual([{ state: 'fulfilled', fulfilled_item_id: created.body.id, fulfilled_by: 'civil.drafter' }]);
      await checkScreen(drafter, 'obligations-fulfilled');

      await admin.reload();
      await row.getByRole('button', { name: /停止/ }).click();
      await admin.locator('.t-dialog').getByRole('button', { name: '确认停止' }).click();
      await row.waitFor({ state: 'detached' });
      const { rows } = await system.db.query(`SELECT state, deleted_by FROM obligations WHERE id = $1`, [obligation.id]);
      expect(rows).toEqual([{ state: 'deleted', deleted_by: 'admin' }]);
      await expect(temporal.schedule.getHandle(obligation.scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    } catch (error) {
      await failureScreenshots(context, 'failure-obligations-');
      throw error;
    }
  }, 300_000);
});
