import type { BrowserContext } from 'playwright-core';
import { expectText, expectVisible, failureScreenshots, launchChromium, checkScreen, signIn as signInAt, type LaunchedChromium } from '../support/browser';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The admin and reporting screens in a real browser against the real API: an admin creates a 乡镇 under a
 * department and a user with a role there (field errors first, then the audit history); the supervisor reads
 * the annual report, the disclosure office fills in table 三 (the table check refuses a cell, then saves),
 * and the supervisor opens the assessment and exports it. The admin then deactivates the township (refused while
 * its user is there, then done). Screenshots: organisation.png, organisation-deactivation-refused.png,
 * organisation-deactivated.png, annual-report.png, annual-report-check.png, assessment.png.
 */
describe('organisation and report screens', () => {
  let system: RunningSystem;
  let origin: string;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  const pageErrors: string[] = [];
  const suffix = Date.now().toString(36).slice(-5);
  const township = `qiaotou-${suffix}`;
  const username = `qiaotou.drafter-${suffix}`;
  // The report due by the coming January 31: last year's, which no other suite writes.
  const reportYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;

  beforeAll(async () => {
    // Before the system: the API serves apps/web/dist only if it exists when it starts.
    chromium = await launchChromium('org-reports', { acceptDownloads: true, defaultTimeout: 30_000 });
    ({ context } = chromium);
    // Every tab's script errors, for the failure message.
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
    system = await startSystem('org-reports');
    origin = system.api.baseUrl.replace(/\/api$/, '');
  }, 180_000);

  /** Runs a test's steps; on failure saves what each tab showed, and any alert's text, before failing. */
  async function withFailureShots(steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      for (const tab of await failureScreenshots(context, 'failure-org-reports-')) {
        if (error instanceof Error) error.message += `\nalerts on ${tab.url}: ${tab.alerts.join(' | ')}`;
      }
      if (pageErrors.length && error instanceof Error) error.message += `\nerrors in the page: ${pageErrors.join(' | ')}`;
      throw error;
    }
  }

  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  const signIn = (user: string) => signInAt(context, origin, user);

  it('an admin creates a township under a department and a user with a role there, audited', () => withFailureShots(async () => {
    const admin = await signIn('admin');
    await admin.getByRole('link', { name: '组织机构' }).click();
    await admin.getByRole('heading', { name: '组织机构管理' }).waitFor();
    await admin.locator('.org-node', { hasText: '县教育局' }).click();
    await admin.getByRole('heading', { name: '在“县教育局”下新建单位' }).waitFor();

    // The API's 400 names the fields; each error shows under its own field.
    await admin.locator('#new-dept-code').fill('Bad Code');
    await admin.getByRole('button', { name: '创建单位' }).click();
    await expectText(admin.locator('#new-dept-code-error'), '须为 2–64 位小写字母、数字或连字符');
    await expectText(admin.locator('#new-dept-name-error'), '不能为空');

    await admin.locator('#new-dept-name').fill('桥头镇');
    await admin.locator('#new-dept-code').fill(township);
    await admin.getByRole('button', { name: '创建单位' }).click();
    await expectText(admin.locator('.banner-success'), '已在“县教育局”下创建乡镇/街道“桥头镇”');
    await admin.getByRole('heading', { name: '桥头镇', exact: true }).waitFor();
    // Under 县政府 → 县教育局: the tree's third level.
    await expectVisible(admin.locator('.org-tree .t-tree__item[data-level="2"] .org-node', { hasText: '桥头镇' }));

    await admin.locator('#new-user-username').fill(username);
    await admin.locator('#new-user-name').fill('李起草（桥头镇）');
    await admin.locator('#new-user-email').fill('not-an-address');
    await admin.locator('form[aria-labelledby="new-user-title"]').getByLabel('起草人').check();
    await admin.getByRole('button', { name: '创建用户' }).click();
    await expectText(admin.locator('#new-user-email-error'), '须为有效的电子邮箱地址');
    await admin.locator('#new-user-email').fill('li.qicao@qiaotou.example.gov.cn');
    await admin.getByRole('button', { name: '创建用户' }).click();
    await expectText(admin.locator('.banner-success'), `已在“桥头镇”创建用户 ${username}`);
    await admin.getByRole('heading', { name: /用户：李起草/ }).waitFor();
    await expectText(admin.locator('section[aria-labelledby="members-title"] table'), '起草人');

    // The audit history of the new user and of the township.
    await admin.locator('.user-panel .org-history summary').click();
    await expectText(admin.locator('.user-panel .org-history .timeline'), '创建用户');
    await expectText(admin.locator('.user-panel .org-history .timeline'), '系统管理员');
    await admin.locator('section[aria-labelledby="dept-title"] .org-history summary').click();
    await expectText(admin.locator('section[aria-labelledby="dept-title"] .org-history .timeline'), '创建单位');
    await checkScreen(admin, 'organisation');

    const { rows } = await system.db.query(`SELECT department_code, roles FROM users WHERE username = $1`, [username]);
    expect(rows).toEqual([{ department_code: township, roles: ['drafter'] }]);
    const { rows: parent } = await system.db.query(`SELECT parent_code, kind FROM departments WHERE code = $1`, [township]);
    expect(parent).toEqual([{ parent_code: 'edu', kind: 'township' }]);
    const audit = await system.db.query(`SELECT action, actor FROM audit_events WHERE detail->>'code' = $1 OR detail->>'username' = $2 ORDER BY id`, [township, username]);
    expect(audit.rows).toEqual([
      { action: 'org.department-created', actor: 'admin' },
      { action: 'org.user-created', actor: 'admin' },
    ]);
    await admin.close();
  }), 180_000);

  it('an admin deactivates the township: refused with the reason while its user is there, then greyed out and offered nowhere', () => withFailureShots(async () => {
    const admin = await signIn('admin');
    await admin.getByRole('link', { name: '组织机构' }).click();
    await admin.locator('.org-node', { hasText: '桥头镇' }).click();
    await admin.getByRole('heading', { name: '桥头镇', exact: true }).waitFor();
    await admin.getByRole('button', { name: '停用单位' }).click();
    await expectText(admin.locator('#dept-active-confirm-text'), '确认停用“桥头镇”');
    await admin.getByRole('button', { name: '确认停用' }).click();
    await expectText(admin.locator('.org-active-refusal'), '在用用户 1 人');
    await checkScreen(admin, 'organisation-deactivation-refused');

    // The user moves to 县教育局 (through the API here; the screen's move is covered above), then it is done.
    expect((await system.client.request('PATCH', `/org/users/${username}`, { as: 'admin', body: { departmentCode: 'edu', roles: ['drafter'] } })).status).toBe(200);
    await admin.reload();
    await admin.locator('.org-node', { hasText: '桥头镇' }).click();
    await admin.getByRole('button', { name: '停用单位' }).click();
    await admin.getByRole('button', { name: '确认停用' }).click();
    await expectText(admin.locator('.banner-success'), '已停用“桥头镇”');
    await expectVisible(admin.locator('.org-node.org-node-inactive', { hasText: '桥头镇' }).locator('.badge-inactive', { hasText: '已停用' }));
    await expectVisible(admin.getByRole('button', { name: '启用单位' }));
    expect(await admin.getByRole('heading', { name: /新建用户/ }).count()).toBe(0);
    // Not offered as a user's department any more.
    await admin.locator('.org-node', { hasText: '县教育局' }).click();
    await admin.getByRole('button', { name: /编辑用户 李起草/ }).click();
    expect(await admin.locator('#edit-user-department option', { hasText: '桥头镇' }).count()).toBe(0);
    await admin.getByRole('button', { name: '关闭' }).click();
    await admin.locator('.org-node', { hasText: '桥头镇' }).click();
    await admin.locator('section[aria-labelledby="dept-title"] .org-history summary').click();
    await expectText(admin.locator('section[aria-labelledby="dept-title"] .org-history .timeline'), '停用单位');
    await checkScreen(admin, 'organisation-deactivated');

    const { rows } = await system.db.query(`SELECT active FROM departments WHERE code = $1`, [township]);
    expect(rows).toEqual([{ active: false }]);
    await admin.close();
  }), 180_000);

  it('the supervisor reads the annual report, the office fills in table 三 through its check, and the supervisor opens the assessment', () => withFailureShots(async () => {
    const supervisor = await signIn('office.supervisor');
    await supervisor.getByRole('link', { name: '报表与考核' }).click();
    await supervisor.getByRole('heading', { name: `${reportYear}年政府信息公开工作年度报告` }).waitFor();
    await expectText(supervisor.locator('.banner-warning'), '由政务公开办或系统管理员填写保存');
    expect(await supervisor.getByRole('button', { name: '保存手工填报内容' }).count()).toBe(0);
    expect(await supervisor.locator('.badge-input', { hasText: '手工填报' }).count()).toBeGreaterThanOrEqual(4);

    // The disclosure office saves the inputs (the API lets supervisors read, not write, the report).
    const office = await signIn('office.publisher');
    await office.goto(`${origin}/reports/annual/${reportYear}`);
    await office.getByRole('heading', { name: `${reportYear}年政府信息公开工作年度报告` }).waitFor();
    // The saved inputs load after the heading: typing before they arrive would be overwritten on a busy machine.
    await office.waitForLoadState('networkidle');
    await office.locator('#ar-overview').fill(`${reportYear}年，县政府坚持以公开为常态、不公开为例外，依托政务公开工作平台规范发布、解读、回应全流程。`);
    const cell = (row: string, column: string) => office.locator(`#ar-applications-${row}-${column}`);
    await cell('newlyReceived', 'naturalPerson').fill('10');
    await cell('granted', 'naturalPerson').fill('6');
    await cell('resultsTotal', 'naturalPerson').fill('6');
    await cell('carriedForward', 'naturalPerson').fill('3');
    await office.getByLabel('行政许可 本年处理决定数量（手工填报）').fill('128');
    expect(await cell('newlyReceived', 'naturalPerson').inputValue()).toBe('10');
    await office.getByRole('button', { name: '保存手工填报内容' }).click();
    // 10 + 0 ≠ 6 + 3: the check names the 结转下年度 cell, marked in the table.
    await expectText(office.locator('#ar-applications-carriedForward-naturalPerson-error'), '本年新收 + 上年结转（10）应等于 办理结果总计 + 结转下年度（9）');
    await expectVisible(office.locator('td.cell-invalid #ar-applications-carriedForward-naturalPerson'));
    await expectText(office.locator('.problem-list'), '结转下年度继续办理');
    await checkScreen(office, 'annual-report-check');

    await cell('carriedForward', 'naturalPerson').fill('4');
    await office.getByRole('button', { name: '保存手工填报内容' }).click();
    await expectText(office.locator('.banner-success'), '已保存手工填报内容（第 1 版');
    const { rows } = await system.db.query(`SELECT inputs, revision FROM annual_reports WHERE year = $1`, [reportYear]);
    expect(rows[0].revision).toBe(1);
    expect(rows[0].inputs.applications.carriedForward.naturalPerson).toBe(4);
    expect(rows[0].inputs.licensingDecisions).toBe(128);
    await office.close();

    // The supervisor sees what was saved, and can export it.
    await supervisor.reload();
    await supervisor.getByRole('heading', { name: `${reportYear}年政府信息公开工作年度报告` }).waitFor();
    await expectText(supervisor.locator('.stats'), '第 1 版');
    expect(await supervisor.locator('#ar-applications-carriedForward-naturalPerson').inputValue()).toBe('4');
    await checkScreen(supervisor, 'annual-report');
    const [xlsx] = await Promise.all([supervisor.waitForEvent('download'), supervisor.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`${reportYear}年政府信息公开工作年度报告.xlsx`);

    await supervisor.getByRole('link', { name: '考核评估' }).click();
    await supervisor.getByRole('heading', { name: '考核评估' }).waitFor();
    await expectText(supervisor.locator('.assessment-table'), '公众满意度');
    await expectText(supervisor.locator('.assessment-table'), '县教育局');
    await supervisor.getByLabel('部门', { exact: true }).selectOption('edu');
    await supervisor.getByRole('button', { name: '查询' }).click();
    await expectText(supervisor.locator('.assessment-table tbody'), '人评价');
    expect(await supervisor.locator('.assessment-table tbody tr').count()).toBe(1);
    await supervisor.getByLabel('部门', { exact: true }).selectOption('');
    await supervisor.getByRole('button', { name: '查询' }).click();
    await supervisor.locator('.assessment-table tbody tr').nth(1).waitFor();
    await checkScreen(supervisor, 'assessment');
    const [sheet] = await Promise.all([supervisor.waitForEvent('download'), supervisor.getByRole('button', { name: '导出 Excel（季度报送）' }).click()]);
    expect(sheet.suggestedFilename()).toMatch(/^考核评估-\d{4}-Q[1-4]\.xlsx$/);
  }), 180_000);
});
