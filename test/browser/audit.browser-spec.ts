import type { BrowserContext } from 'playwright-core';
import { checkScreen, chooseOption, expectText, failureScreenshots, signIn as signInAt } from '../support/browser';
import { startOwnBrowserSystem, type OwnBrowserSystem } from '../support/own-browser-system';
import type { RunningSystem } from '../support/running-system';

/**
 * 审计日志 in a real browser: the supervisor searches the trail, opens an item's timeline with its hash-chain
 * check (intact), then, after a row is changed behind the append-only trigger, checks again and is told
 * the chain is broken at that row. Tampering with the trail is only done on a database of the test's own.
 * Screenshots: test-output/screenshots/audit*.png.
 */
describe('the audit trail in the browser', () => {
  let own: OwnBrowserSystem | undefined;
  let system: RunningSystem;
  let origin: string;
  let context: BrowserContext;
  let itemId: string;

  beforeAll(async () => {
    own = await startOwnBrowserSystem('audit');
    ({ system, origin, context } = own);
    const { client } = system;
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '2026年秋季学期义务教育招生范围', body: '……', formedAt: '2026-11-02' } });
    expect(created.status).toBe(201);
    itemId = created.body.id;
    expect((await client.request('POST', `/items/${itemId}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT 1 FROM audit_events WHERE item_id = $1 AND action = 'item.submitted'`, [itemId]);
      return rows[0];
    }, 'the submission in the trail');
  }, 240_000);

  afterAll(async () => {
    await own?.stop();
  });

  it('searches the trail, shows an item timeline with its chain check, and names the row changed behind the trigger', async () => {
    try {
      const supervisor = await signInAt(context, origin, 'office.supervisor');
      await supervisor.getByRole('link', { name: '审计日志' }).click();
      await supervisor.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
      await chooseOption(supervisor, '操作类型', '公开事项');
      await supervisor.getByLabel('操作人').fill('edu.drafter');
      await supervisor.getByRole('button', { name: '查询' }).click();
      const created = supervisor.locator('.audit-results tr', { hasText: '创建草稿' });
      await expectText(created, '王起草（教育局）');
      await expectText(created, '县教育局');
      await expectText(supervisor.locator('.audit-results tbody'), '提交审核');
      // Only the item area, only that user: no 审核任务 rows, nobody else.
      expect(await supervisor.locator('.audit-results tbody tr', { hasText: '认领' }).count()).toBe(0);
      await checkScreen(supervisor, 'audit');

      await created.getByRole('link', { name: '事项时间线与核验' }).click();
      await supervisor.waitForURL(`${origin}/audit/items/${itemId}`);
      await expectText(supervisor.locator('.chain-verification .verify-result'), '核验通过');
      const { rows } = await system.db.query(`SELECT id, action FROM audit_events WHERE item_id = $1 ORDER BY id`, [itemId]);
      await expectText(supervisor.locator('.chain-verification .verify-result'), `共 ${rows.length} 条记录`);
      const entries = supervisor.locator('.audit-timeline .trail-entry');
      await expectText(entries.first(), '创建草稿');
      expect(await entries.count()).toBe(rows.length);
      await checkScreen(supervisor, 'audit-item');

      // A superuser switches user triggers off for one session and changes the second row.
      const target = rows[1].id as string;
      await system.db.query('BEGIN');
      await system.db.query('SET LOCAL session_replication_role = replica');
      await system.db.query(`UPDATE audit_events SET actor = 'someone-else' WHERE id = $1`, [target]);
      await system.db.query('COMMIT');
      await supervisor.getByRole('button', { name: '重新核验' }).click();
      await expectText(supervisor.locator('.chain-verification .verify-result'), '核验未通过');
      await expectText(supervisor.locator('.chain-verification .verify-result'), `自第 ${target} 号记录起链条断开`);
      await checkScreen(supervisor, 'audit-broken');

      // The drafter has no audit screen.
      const drafter = await signInAt(context, origin, 'edu.drafter');
      expect(await drafter.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    } catch (error) {
      await failureScreenshots(context, 'failure-audit-');
      throw error;
    }
  }, 300_000);

  it('finds a consultation by object, shows its timeline with the check of the chain it shares, and names a changed row', async () => {
    try {
      const { client } = system;
      const opened = await client.request('POST', '/consultations', { as: 'edu.drafter', body: { kind: 'other', title: '《县义务教育学校课后服务管理办法（征求意见稿）》', draftText: '第一条 ……', explanation: '起草说明', closesOn: '2099-12-31' } });
      expect(opened.status).toBe(201);
      const consultationId = opened.body.id as string;
      const [openedRow] = await client.eventually(async () => {
        const { rows } = await system.db.query(`SELECT id FROM audit_events WHERE detail->>'consultationId' = $1 AND action = 'consultation.opened'`, [consultationId]);
        return rows.length ? rows : undefined;
      }, "the consultation's opening in the trail");

      const supervisor = await signInAt(context, origin, 'office.supervisor');
      await supervisor.getByRole('link', { name: '审计日志' }).click();
      await chooseOption(supervisor, '对象类型', '意见征集');
      await supervisor.getByLabel('对象编号').fill(consultationId);
      await supervisor.getByRole('button', { name: '查询' }).click();
      const row = supervisor.locator('.audit-results tr', { hasText: '开始征集意见' });
      await expectText(row, '王起草');
      await checkScreen(supervisor, 'audit-object-search');

      await row.getByRole('link', { name: '意见征集时间线与核验' }).click();
      await supervisor.waitForURL(`${origin}/audit/consultations/${consultationId}`);
      await supervisor.getByRole('heading', { name: '意见征集的审计时间线', level: 1 }).waitFor();
      await expectText(supervisor.locator('.chain-verification .verify-result'), '核验通过');
      const { rows } = await system.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE detail->>'consultationId' = $1`, [consultationId]);
      await expectText(supervisor.locator('.chain-verification .verify-result'), `本对象共 ${rows[0].n} 条记录`);
      await expectText(supervisor.locator('.audit-timeline .trail-entry').first(), '开始征集意见');
      await checkScreen(supervisor, 'audit-object');

      await system.db.query('BEGIN');
      await system.db.query('SET LOCAL session_replication_role = replica');
      await system.db.query(`UPDATE audit_events SET reason = '改过的说明' WHERE id = $1`, [openedRow.id]);
      await system.db.query('COMMIT');
      await supervisor.getByRole('button', { name: '重新核验' }).click();
      await expectText(supervisor.locator('.chain-verification .verify-result'), '核验未通过');
      await expectText(supervisor.locator('.chain-verification .verify-result'), `自第 ${openedRow.id} 号记录起链条断开`);
      await checkScreen(supervisor, 'audit-object-broken');
    } catch (error) {
      await failureScreenshots(context, 'failure-audit-object-');
      throw error;
    }
  }, 300_000);
});
