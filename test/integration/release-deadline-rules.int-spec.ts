import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import { projectRoot } from '@zwgk/config';
import { connectAndMigrate, createDataSource, DEMO_CATALOG_VERSION_ID, insertCatalogItems, seedDemoData } from '@zwgk/db';
import { parseTimeLimit, type CatalogItem } from '@zwgk/domain';
import { ApiClient } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startApi, startWorker, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { testServers } from '../support/test-environment';

/** A catalog row of the edu department's kind with its own code and 公开时限 wording. */
function catalogRow(code: string, name: string, timeLimitText: string): CatalogItem {
  return {
    code,
    area: '义务教育',
    level1: '招生管理',
    level2: name,
    content: '●相关信息',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: parseTimeLimit(timeLimitText),
    subject: '县教育局',
    departmentCodes: ['edu'],
    channels: ['政府网站'],
    audience: 'public',
    mode: 'proactive',
    levels: ['county'],
    needsInterpretation: false,
  };
}

/**
 * The rule decides the release deadline, over HTTP against the real API, worker, Temporal and PostgreSQL:
 * a composite rule's chosen case, a manual rule's date and reason, a periodic rule's period, and the
 * publicity period of a released item. The suite runs on a database of its own (on the shared server), so
 * the catalog rows it adds never show in another suite's active catalog.
 */
describe('release deadlines decided by the rule', () => {
  let admin: PgClient;
  let databaseName: string;
  let dataSource: DataSource;
  let worker: SpawnedProcess;
  let api: SpawnedProcess & { baseUrl: string };
  let client: ApiClient;

  beforeAll(async () => {
    const shared = new URL(testServers().databaseUrl);
    databaseName = `zwgk_rules_${randomBytes(4).toString('hex')}`;
    admin = new PgClient({ connectionString: shared.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const own = new URL(shared.toString());
    own.pathname = `/${databaseName}`;
    dataSource = createDataSource(own.toString());
    await connectAndMigrate(dataSource);
    await seedDemoData(dataSource, path.join(projectRoot, 'data', 'catalogs'));
    await dataSource.transaction((manager) =>
      insertCatalogItems(manager, DEMO_CATALOG_VERSION_ID, [
        catalogRow('RULES-MANUAL', '招生工作安排', '按上级要求办理'),
        catalogRow('RULES-PUBLICITY', '学生资助名单', '信息形成之日起20个工作日内，公示7个工作日'),
      ]),
    );
    // This database's own catalog: the sample rows it drafts under whose 公开主体 names no demo unit are the
    // education bureau's here, so that edu.drafter may draft under them.
    await dataSource.query(`UPDATE catalog_items SET department_codes = '{edu}' WHERE version_id = $1 AND code IN ('PROJECT-001', 'SAFETY-001')`, [DEMO_CATALOG_VERSION_ID]);
    const queue = uniqueTaskQueue('rules');
    const env = { DATABASE_URL: own.toString() };
    [worker, api] = await Promise.all([startWorker(queue, env), startApi(queue, env)]);
    client = new ApiClient(api.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await dataSource?.destroy();
    if (databaseName) await admin?.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin?.end();
  });

  const draft = (catalogItemCode: string, extra: Record<string, unknown> = {}) =>
    client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode, title: `${catalogItemCode} 事项`, body: '正文', formedAt: '2026-03-10', ...extra } });
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((field) => field.field);

  it('offers the cases of a composite rule, times the item by the chosen one, and refuses a missing or wrong case naming them', async () => {
    const catalog = await client.request('GET', '/catalog/items?q=PROJECT-001', { as: 'edu.drafter' });
    const project = (catalog.body.items as { code: string; timeLimit: Record<string, unknown> }[]).find((item) => item.code === 'PROJECT-001');
    expect(project?.timeLimit).toMatchObject({
      cases: [
        { name: '一般情形', description: '信息形成或者变更之日起20个工作日内', clockStart: { dateLabel: '信息形成（变更）日期' } },
        { name: '行政许可、行政处罚事项', description: '作出决定之日起7个工作日内', clockStart: { event: '作出决定', dateLabel: '作出决定日期' } },
      ],
      manualDue: false,
    });

    const missing = await draft('PROJECT-001');
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['timeLimitCase']);
    expect(missing.body.message).toContain('请选择适用情形：一般情形、行政许可、行政处罚事项');

    const wrong = await draft('PROJECT-001', { timeLimitCase: '行政许可事项' });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual(['timeLimitCase']);
    expect(wrong.body.message).toContain('“行政许可事项”不是该目录事项公开时限的情形，可选：一般情形、行政许可、行政处罚事项');

    const notComposite = await draft('EDU-001', { timeLimitCase: '一般情形' });
    expect(notComposite.status).toBe(400);
    expect(fieldsOf(notComposite.body)).toEqual(['timeLimitCase']);

    // The decision was made on Tuesday 2026-03-10: 7 working days, not the general case's 20.
    const created = await draft('PROJECT-001', { timeLimitCase: '行政许可、行政处罚事项' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      releaseDueAt: '2026-03-19T15:59:59.999Z',
      releaseDueExplanation: '适用情形“行政许可、行政处罚事项”（作出决定之日起7个工作日内）：自2026-03-10次日起算7个工作日（跳过周末2天），截止2026-03-19',
    });
    const item = await client.request('GET', `/items/${created.body.id}`, { as: 'edu.drafter' });
    expect(item.body.deadlines[0]).toMatchObject({ kind: 'release', why: created.body.releaseDueExplanation });
    expect(item.body.timeline[0]).toMatchObject({ action: 'item.created', detail: expect.objectContaining({ releaseDueAt: '2026-03-19T15:59:59.999Z' }) });
  });

  it('refuses an item under a manual rule without its due date and reason, then takes the date it is given', async () => {
    const refused = await draft('RULES-MANUAL');
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['manualDueDate', 'manualDueReason']);
    expect(refused.body.message).toContain('该目录事项的公开时限无法自动计算，请填写公开截止日期');

    const early = await draft('RULES-MANUAL', { manualDueDate: '2026-03-09', manualDueReason: '按县政府办公室通知' });
    expect(early.status).toBe(400);
    expect(fieldsOf(early.body)).toEqual(['manualDueDate']);
    const notADay = await draft('RULES-MANUAL', { manualDueDate: '2026-02-30', manualDueReason: '按县政府办公室通知' });
    expect(notADay.status).toBe(400);
    expect(fieldsOf(notADay.body)).toEqual(['manualDueDate']);

    // A rule that computes its own deadline takes no date typed by hand.
    const override = await draft('EDU-001', { manualDueDate: '2026-12-31', manualDueReason: '想晚一点' });
    expect(override.status).toBe(400);
    expect(fieldsOf(override.body)).toEqual(['manualDueDate', 'manualDueReason']);

    const created = await draft('RULES-MANUAL', { manualDueDate: '2026-04-30', manualDueReason: '按县政府办公室通知' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      releaseDueAt: '2026-04-30T15:59:59.999Z',
      releaseDueExplanation: '目录时限无法自动计算，由起草人指定截止2026-04-30，依据：“按县政府办公室通知”',
    });
  });

  it("dates an item under a periodic rule by its obligation's period, and a yearly date by the next one", async () => {
    const halfYear = await draft('SAFETY-001'); // 半年至少更新1次
    expect(halfYear.status).toBe(201);
    expect(halfYear.body).toMatchObject({
      releaseDueAt: '2026-06-30T15:59:59.999Z',
      releaseDueExplanation: '定期公开（每半年至少更新1次）：按2026-03-10所在期次2026年上半年（2026-01-01至2026-06-30），截止2026-06-30当日（北京时间）',
    });
    const annual = await draft('GENERAL-001'); // 每年1月31日前
    expect(annual.status).toBe(201);
    expect(annual.body.releaseDueAt).toBe('2027-01-31T15:59:59.999Z');
    expect(annual.body.releaseDueExplanation).toContain('2026-03-10当日或之后的首个1月31日（2027年度）');
  });

  it('computes the 公示期 of a released item with the calendar in force, and the portal shows it', async () => {
    const activities = createActivities({ dataSource });
    const rule = parseTimeLimit('信息形成之日起20个工作日内，公示7个工作日').rule;
    // Released Tuesday 2026-09-29 at 10:00 China time: 9-30, then 国庆 (10-01–10-07) is skipped.
    expect(await activities.computePublicityPeriod({ releasedAt: '2026-09-29T02:00:00Z', rule })).toEqual({
      startsAt: '2026-09-29T02:00:00.000Z',
      endsAt: '2026-10-14T15:59:59.999Z',
      explanation: '公示7个工作日：自发布日（2026-09-29）次日起算（跳过周末1天、国庆节7天），至2026-10-14止',
    });
    expect(await activities.computePublicityPeriod({ releasedAt: '2026-09-29T02:00:00Z', rule: parseTimeLimit('实时公开').rule })).toBeNull();

    const created = await draft('RULES-PUBLICITY');
    expect(created.status).toBe(201);
    expect(created.body.releaseDueExplanation).toMatch(/；发布后公示7个工作日$/);
    const released = await releaseThroughReview(client, created.body.id, undefined, { submitAs: 'edu.drafter' });
    const period = await activities.computePublicityPeriod({ releasedAt: released.releasedAt as string, rule });
    expect(period).not.toBeNull();
    expect(Date.parse(period!.endsAt)).toBeGreaterThan(Date.parse(released.releasedAt as string));

    // The release recorded its 公示期 (the item's workflow computes it with the same activity).
    const during = await client.eventually(async () => {
      const page = await client.request('GET', `/public/items/${created.body.id}`);
      return page.body.publicityPeriod ? page : undefined;
    }, 'the 公示期 recorded at release');
    expect(during.body.publicityPeriod).toEqual({ startsAt: period!.startsAt, endsAt: period!.endsAt, ended: false });
    // A period that has run out reads as ended (公示期已结束), on the portal and on the staff page.
    const past = { startsAt: '2025-01-02T02:00:00.000Z', endsAt: '2025-01-13T15:59:59.999Z' };
    await activities.recordPublicityPeriod({ itemId: created.body.id, ...past });
    expect((await client.request('GET', `/public/items/${created.body.id}`)).body.publicityPeriod).toEqual({ ...past, ended: true });
    expect((await client.request('GET', `/items/${created.body.id}`, { as: 'edu.drafter' })).body.publicityPeriod).toMatchObject({ ended: true });
  });
});
