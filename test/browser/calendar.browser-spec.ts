import type { BrowserContext } from 'playwright-core';
import { checkScreen, expectText, failureScreenshots, signIn as signInAt } from '../support/browser';
import { startOwnBrowserSystem, type OwnBrowserSystem } from '../support/own-browser-system';
import type { RunningSystem } from '../support/running-system';

/**
 * 节假日安排 in a real browser: the admin sees 2026 as official and 2027 counted provisionally, loads the
 * 2027 notice (a make-up day on a Monday is refused, in Chinese, naming what to correct), and watches the
 * recalculation batch reach the draft whose deadline runs into 2027. Loading a year changes every
 * deadline in it for every suite, so this runs on a database of its own.
 * Screenshots: test-output/screenshots/calendar*.png.
 */
describe('the holiday calendar in the browser', () => {
  let own: OwnBrowserSystem | undefined;
  let system: RunningSystem;
  let origin: string;
  let context: BrowserContext;

  beforeAll(async () => {
    own = await startOwnBrowserSystem('calendar');
    ({ system, origin, context } = own);
    // Formed on Friday 2026-12-04 with 20 working days: due in the first days of 2027, counted provisionally.
    const draft = await system.client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2027年春季学期招生政策', body: '……', formedAt: '2026-12-04' } });
    expect(draft.status).toBe(201);
    expect(draft.body.releaseDueAt >= '2026-12-31T16:00:00.000Z').toBe(true);
  }, 240_000);

  afterAll(async () => {
    await own?.stop();
  });

  it('shows official and provisional years, loads the 2027 notice and follows the recalculation', async () => {
    try {
      const admin = await signInAt(context, origin, 'admin');
      await admin.getByRole('link', { name: '节假日安排' }).click();
      await admin.getByRole('heading', { name: '节假日安排', level: 1 }).waitFor();
      await expectText(admin.locator('.holiday-years tr[data-year="2026"]'), '正式安排');
      await expectText(admin.locator('.holiday-years tr[data-year="2026"]'), '随系统提供');
      await expectText(admin.locator('.holiday-years tr[data-year="2027"]'), '暂按法定节假日推算');
      await checkScreen(admin, 'calendar');

      const form = admin.locator('div.load-year');
      expect(await form.getByLabel('年份').inputValue()).toBe('2027');
      await form.getByLabel('通知名称').fill('国务院办公厅关于2027年部分节假日安排的通知（模拟）');
      await form.getByLabel('第1项节日名称').fill('春节');
      const range = form.locator('.holiday-range-1 input');
      await range.nth(0).fill('2027-02-06');
      await range.nth(0).press('Enter');
      await range.nth(1).fill('2027-02-13');
      await range.nth(1).press('Enter');
      await form.getByRole('button', { name: '添加调休上班日' }).click();
      // Monday 2027-02-22 is no weekend day: refused, and the screen says what to correct.
      const makeUp = form.locator('.make-up-1 input');
      await makeUp.fill('2027-02-22');
      await makeUp.press('Enter');
      await form.getByRole('button', { name: '载入并重算期限' }).click();
      await expectText(admin.locator('[role="alert"]'), '调休上班日须是该年的周六或周日');
      await checkScreen(admin, 'calendar-refused');

      // Corrected in the picker's calendar, which opens on February 2027.
      await makeUp.click();
      await admin.locator('.t-popup .t-date-picker__cell:not(.t-date-picker__cell--additional)', { hasText: /^20$/ }).click();
      expect(await makeUp.inputValue()).toBe('2027-02-20');
      await form.getByRole('button', { name: '载入并重算期限' }).click();
      await admin.waitForURL(/\/calendar\/\d+$/);
      const batchId = admin.url().split('/').pop()!;
      await expectText(admin.locator('.recalculation .recalculation-state'), '已完成');
      const progress = await system.client.request('GET', `/calendar/recalculations/${batchId}`, { as: 'admin' });
      expect(progress.body).toMatchObject({ state: 'DONE', failedCount: 0 });
      expect(progress.body.found).toBeGreaterThanOrEqual(1);
      await expectText(admin.locator('.recalculation .recalculation-state'), `共找到 ${progress.body.found} 项进行中的期限`);
      await expectText(admin.locator('.holiday-years tr[data-year="2027"]'), '正式安排');
      await expectText(admin.locator('.holiday-years tr[data-year="2027"]'), '春节8天');
      await expectText(admin.locator('.holiday-years tr[data-year="2027"]'), '系统管理员');
      const { rows } = await system.db.query(`SELECT source, holidays, to_json(make_up_working_days) AS make_up, loaded_by FROM holiday_tables WHERE year = 2027`);
      expect(rows).toEqual([
        {
          source: '国务院办公厅关于2027年部分节假日安排的通知（模拟）',
          holidays: [{ name: '春节', days: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13'] }],
          make_up: ['2027-02-20'],
          loaded_by: 'admin',
        },
      ]);
      await checkScreen(admin, 'calendar-recalculation');
    } catch (error) {
      await failureScreenshots(context, 'failure-calendar-');
      throw error;
    }
  }, 300_000);
});
