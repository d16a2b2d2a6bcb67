import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { failureScreenshots, launchChromium, checkScreen, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The supervisor dashboard in a real browser: charts of an overdue item and an overdue task, a click on a
 * bar drills down to the list, the supervisor demands action (督办) on a row, and the department head
 * answers it from the inbox. Screenshots go to test-output/screenshots/supervision-*.png.
 */
describe('the supervisor dashboard in the browser', () => {
  let system: RunningSystem;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let lateItem: string;
  let slaItem: string;

  beforeAll(async () => {
    // Before the system: the API serves apps/web/dist only if it exists when it starts.
    chromium = await launchChromium('supervision-browser', { acceptDownloads: true });
    ({ context } = chromium);
    system = await startSystem('supervision-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');

    // A draft formed in September and never released (statutory), and a 初审 task due ten days ago (SLA),
    // through the read model as the journey does: the timers themselves are tested elsewhere.
    const { client } = system;
    const late = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年秋季学期教育收费项目及标准', body: '……', formedAt: '2026-09-01' } });
    lateItem = late.body.id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const inReview = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年县域义务教育学校招生计划', body: '……', formedAt: today } });
    slaItem = inReview.body.id;
    expect((await client.request('POST', `/items/${slaItem}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const task = await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT id FROM review_tasks WHERE item_id = $1 AND state = 'open'`, [slaItem]);
      return rows[0]?.id as string | undefined;
    }, 'the 初审 task', 60_000);
    await system.db.query(`UPDATE review_tasks SET due_at = now() - interval '10 days', overdue = true WHERE id = $1`, [task]);
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  const signIn = (username: string) => signInAt(context, origin, username);

  it('shows the charts, drills down from a bar, demands action, and the head answers in the inbox', async () => {
    try {
      await dashboardJourney();
    } catch (error) {
      // What each tab showed when it failed, for the person reading the failure.
      await failureScreenshots(context, 'failure-supervision-');
      throw error;
    }
  }, 300_000);

  it('issues a 督办 on an overdue application, the department answers it on the application, the supervisor closes it', async () => {
    try {
      await applicationDemandJourney();
    } catch (error) {
      await failureScreenshots(context, 'failure-supervision-application-');
      throw error;
    }
  }, 300_000);

  const started = Date.now();
  const phase = (name: string) => process.stdout.write(`[supervision-browser] ${name} at ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  async function dashboardJourney(): Promise<void> {
    const supervisor = await signIn('office.supervisor');
    await supervisor.getByRole('heading', { name: '督查督办：逾期事项' }).waitFor();
    const departmentChart = supervisor.locator('[aria-labelledby="by-department-title"] .chart');
    await departmentChart.locator('svg text', { hasText: '县教育局' }).first().waitFor();
    // The chart's text alternative names the department and both counts.
    expect(await departmentChart.getAttribute('aria-label')).toMatch(/县教育局，法定时限逾期\d+件，内部时限逾期\d+件/);
    await supervisor.locator('[aria-labelledby="trend-title"] .chart svg').waitFor();
    await supervisor.locator('.deadline-card .deadline-figure').waitFor();
    expect(await supervisor.locator('.deadline-card').textContent()).toMatch(/年政府信息公开工作年度报告应于/);
    // Other suites' overdue items share this database: find ours by its title, whatever page it falls on.
    await supervisor.getByLabel('按事项名称查找').fill('教育收费项目及标准');
    await supervisor.locator(`.overdue-table tr[data-item-id="${lateItem}"]`).waitFor();
    await checkScreen(supervisor, 'supervision-dashboard');
    phase('dashboard');

    // The trend by month, with its data table open: one column per month, the county's row first.
    const trendCard = supervisor.locator('[aria-labelledby="trend-title"]');
    await trendCard.getByText('近12个月').click();
    await trendCard.locator('summary', { hasText: '数据表' }).click();
    await trendCard.locator('th', { hasText: /^\d{4}年\d{1,2}月$/ }).first().waitFor();
    expect(await trendCard.locator('thead th').count()).toBe(13);
    expect(await trendCard.locator('tbody tr').first().locator('td').first().textContent()).toBe('全县');
    await checkScreen(supervisor, 'supervision-trend-month');
    await trendCard.locator('summary', { hasText: '数据表' }).click();

    // Click the 县教育局 bar: just right of its axis label, at the label's height.
    const label = departmentChart.locator('svg text', { hasText: '县教育局' }).first();
    // Into view first: the mouse clicks at viewport coordinates, and typing in the search above scrolled the page.
    await label.scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    await supervisor.mouse.click(box.x + box.width + 14, box.y + box.height / 2);
    const chips = supervisor.getByRole('group', { name: '当前筛选' });
    await chips.getByText('部门：县教育局').waitFor();
    await supervisor.locator(`.overdue-table tr[data-item-id="${lateItem}"]`).waitFor();
    // The chip shows at once; the filtered list replaces the unfiltered one when its request answers.
    // Polled through locators: the page's CSP (script-src 'self') forbids evaluating a string predicate in it.
    const departmentCells = supervisor.locator('.overdue-table tbody tr[data-item-id] > td:nth-child(2)');
    for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 200))) {
      if ((await departmentCells.allTextContents()).every((text) => text.startsWith('县教育局'))) break;
    }
    const departments = await departmentCells.allTextContents();
    expect(departments.length).toBeGreaterThan(0);
    expect(departments.every((text) => text.startsWith('县教育局'))).toBe(true);
    // The drill-down moves focus to the list's heading, so keyboard and screen-reader users land on the result.
    await supervisor.locator('#overdue-list:focus').waitFor();
    const keyword = supervisor.getByLabel('按事项名称查找');
    await keyword.fill('县域义务教育学校招生计划');
    await supervisor.locator(`.overdue-table tr[data-item-id="${slaItem}"]`, { hasText: '内部时限' }).waitFor();
    await keyword.fill('教育收费项目及标准');
    await supervisor.locator(`.overdue-table tr[data-item-id="${lateItem}"]`).waitFor();

    await checkScreen(supervisor, 'supervision-drilldown');
    phase('drill-down');

    // A 督查意见 on the late draft's row, through the row's dialog: an empty one is refused before it is sent.
    const lateRow = supervisor.locator(`.overdue-table tr[data-item-id="${lateItem}"]`, { hasText: '法定时限' });
    await lateRow.getByRole('button', { name: '督办 / 意见 / 延期' }).click();
    let dialog = supervisor.getByRole('dialog');
    await dialog.getByText('督查意见', { exact: true }).click();
    await dialog.getByRole('button', { name: '提交意见' }).waitFor();
    await dialog.getByRole('button', { name: '提交意见' }).click();
    await dialog.getByText('请填写督查意见').waitFor();
    await checkScreen(supervisor, 'supervision-action-invalid');
    await dialog.getByRole('textbox', { name: '督查意见' }).fill('请说明逾期原因，并报送整改计划。');
    await dialog.getByRole('button', { name: '提交意见' }).click();
    await supervisor.getByRole('status').filter({ hasText: '督查意见已记录' }).waitFor();
    await lateRow.getByText('督查意见 1').waitFor();
    const { rows: comments } = await system.db.query(`SELECT detail->>'comment' AS comment FROM audit_events WHERE item_id = $1 AND actor = 'office.supervisor' AND detail ? 'comment'`, [lateItem]);
    expect(comments).toEqual([{ comment: '请说明逾期原因，并报送整改计划。' }]);

    // 督办 on the same row.
    await lateRow.getByRole('button', { name: '督办 / 意见 / 延期' }).click();
    dialog = supervisor.getByRole('dialog');
    await dialog.getByLabel('督办事由').fill('该事项已超过法定公开时限，请于两个工作日内公开并说明原因。');
    await dialog.getByLabel('答复期限（工作日）').fill('2');
    await checkScreen(supervisor, 'supervision-demand-form');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await supervisor.getByRole('status').filter({ hasText: '已督办县教育局' }).waitFor();
    const { rows: demands } = await system.db.query(`SELECT id, state, due_working_days FROM supervision_demands WHERE item_id = $1`, [lateItem]);
    expect(demands).toEqual([expect.objectContaining({ state: 'open', due_working_days: 2 })]);
    const demandId = demands[0].id as string;
    phase('demanded');
    await supervisor.locator('section[aria-labelledby="demands-title"] tr', { hasText: '2026年秋季学期教育收费项目及标准' }).filter({ hasText: '待答复' }).waitFor();
    await lateRow.filter({ hasText: '待答复' }).waitFor();
    await checkScreen(supervisor, 'supervision-demanded');

    // The department head (初审, edu.reviewer) finds it in the inbox and answers.
    const head = await signIn('edu.reviewer');
    await head.locator('#inbox-title').waitFor();
    const inboxRow = head.locator(`tr[data-task-id="${demandId}"]`);
    await inboxRow.waitFor();
    expect(await inboxRow.textContent()).toContain('督办');
    await inboxRow.locator(`a[href="/demands/${demandId}"]`).click();
    await head.getByRole('heading', { name: '督办：2026年秋季学期教育收费项目及标准' }).waitFor();
    await head.getByLabel('办理情况').fill('已责成经办科室于本周内完成审核并公开，逾期原因为收费标准待物价部门确认。');
    await checkScreen(head, 'supervision-demand-answer');
    await head.getByRole('button', { name: '提交答复' }).click();
    await head.getByRole('status').filter({ hasText: '已答复' }).waitFor();
    await checkScreen(head, 'supervision-demand-answered');
    const { rows: answered } = await system.db.query(`SELECT state, responder FROM supervision_demands WHERE id = $1`, [demandId]);
    expect(answered).toEqual([{ state: 'answered', responder: 'edu.reviewer' }]);

    phase('answered');
    await supervisor.reload();
    await supervisor.locator('section[aria-labelledby="demands-title"] tr', { hasText: '2026年秋季学期教育收费项目及标准' }).filter({ hasText: '已答复' }).waitFor();
  }

  async function applicationDemandJourney(): Promise<void> {
    // An application handled by 县教育局 and past its reply limit, as its workflow's read model would hold it
    // (the reply timer is application-deadlines' subject; the demand's timers application-demands').
    const applicationId = randomUUID();
    const queryNumber = `YSQ-B${applicationId.slice(0, 8)}`;
    await system.db.query(
      `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type,
         applicant_name, description, delivery_form, submitted_on, state, handling_department_code, due_at, due_date, overdue)
       VALUES ($1, $2, 'x', $3, 'office', 'in-person', 'naturalPerson', '浏览器督办申请人', '某学校建设项目批复', '纸质', '2026-09-01', 'accepted', 'edu',
               '2026-11-02T15:59:59.999Z', '2026-11-02', true)`,
      [applicationId, queryNumber, `disclosure-application-${applicationId}`],
    );

    const supervisor = await signIn('office.supervisor');
    const row = supervisor.locator(`.overdue-applications tr[data-application-id="${applicationId}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: '督办', exact: true }).click();
    const form = supervisor.getByRole('dialog', { name: `对申请 ${queryNumber} 督办` });
    await form.getByRole('button', { name: '发出督办' }).click();
    await form.getByText('请填写督办事由').waitFor();
    await form.getByText('请选择答复期限').waitFor();
    await form.getByLabel('督办事由').fill('该申请已超过法定答复期限，请说明原因并提出整改措施。');
    await form.getByLabel('答复期限').fill('2099-06-30');
    await form.getByLabel('答复期限').press('Tab');
    await checkScreen(supervisor, 'supervision-application-demand');
    await form.getByRole('button', { name: '发出督办' }).click();
    await supervisor.getByRole('status').filter({ hasText: `已督办县教育局（申请 ${queryNumber}）` }).waitFor();
    await row.filter({ hasText: '待答复' }).waitFor();
    const { rows: issued } = await system.db.query(`SELECT id, state, department_code, due_date::text AS due_date FROM application_demands WHERE application_id = $1`, [applicationId]);
    expect(issued).toEqual([expect.objectContaining({ state: 'open', department_code: 'edu', due_date: '2099-06-30' })]);
    phase('application demand issued');

    // The department head sees it on the application list and answers on the application's page.
    const head = await signIn('edu.reviewer');
    await head.goto(`${origin}/applications`);
    const listRow = head.locator('tr', { hasText: queryNumber });
    await listRow.filter({ hasText: '待答复' }).waitFor();
    await listRow.getByRole('link', { name: queryNumber }).click();
    await head.getByRole('heading', { name: '答复督办' }).waitFor();
    await head.getByRole('textbox', { name: '说明情况' }).fill('承办科室人员调整，交接时遗漏了该申请。');
    await head.getByRole('textbox', { name: '整改措施' }).fill('已指定专人，三个工作日内答复申请人，并建立申请台账逐日核对。');
    await checkScreen(head, 'application-demand-answer');
    await head.getByRole('button', { name: '提交答复' }).click();
    await head.locator('.banner-success', { hasText: '督办已答复' }).waitFor();
    const { rows: answered } = await system.db.query(`SELECT state, responder FROM application_demands WHERE application_id = $1`, [applicationId]);
    expect(answered).toEqual([{ state: 'answered', responder: 'edu.reviewer' }]);
    phase('application demand answered');

    // The supervisor closes it on the application's page.
    await supervisor.goto(`${origin}/applications/${applicationId}`);
    await supervisor.getByText('承办科室人员调整，交接时遗漏了该申请。', { exact: true }).waitFor();
    await supervisor.getByRole('textbox', { name: '办结意见' }).fill('整改措施可行，予以办结。');
    await supervisor.getByRole('button', { name: '办结督办' }).click();
    await supervisor.locator('.banner-success', { hasText: '督办已办结' }).waitFor();
    await checkScreen(supervisor, 'application-demand-closed');
    const { rows: closed } = await system.db.query(`SELECT state, closed_by, closing_remark FROM application_demands WHERE application_id = $1`, [applicationId]);
    expect(closed).toEqual([{ state: 'closed', closed_by: 'office.supervisor', closing_remark: '整改措施可行，予以办结。' }]);
  }
});
