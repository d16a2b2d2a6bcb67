import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Client as PgClient } from 'pg';
import { projectRoot } from '@zwgk/config';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import type { ApiClient } from '../support/api-client';
import { catalogWorkbook, catalogWorkbookOfSheets, STANDARD_HEADER, STANDARD_SUB_HEADER } from '../support/catalog-workbook';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

const catalogDir = path.join(projectRoot, 'data', 'catalogs');
const sampleFiles = readdirSync(catalogDir).filter((name) => name.endsWith('.csv')).sort();

/** The sample catalogs as published, with one row's text changed (to make a new version differ). */
function sampleCsv(name: string, replace?: [string, string]): Buffer {
  const text = readFileSync(path.join(catalogDir, name), 'utf8');
  return Buffer.from(replace ? text.replace(replace[0], replace[1]) : text, 'utf8');
}

/**
 * Catalog import (both paths), versions and their diff, against the real API and PostgreSQL. Versions
 * activated here keep the sample rows the other test files rely on (EDU-001, EDU-002) unchanged.
 */
describe('catalog import and versions', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let db: PgClient;

  beforeAll(async () => {
    system = await startSystem('catalog');
    ({ client, db } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  async function upload(files: { name: string; content: Buffer }[], as = 'admin', label?: string) {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([new Uint8Array(file.content)]), file.name);
    if (label) form.append('label', label);
    const response = await fetch(`${client.baseUrl}/catalog/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await client.token(as)}` } });
    return { status: response.status, body: (await response.json()) as any };
  }

  const counts = async () => {
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM catalog_versions)::int AS versions, (SELECT count(*) FROM catalog_items)::int AS items, (SELECT count(*) FROM catalog_imports)::int AS imports`);
    return rows[0] as { versions: number; items: number; imports: number };
  };

  it('imports every sample catalog through the API as one draft version with a clean report', async () => {
    const response = await upload(sampleFiles.map((name) => ({ name, content: sampleCsv(name) })), 'admin', '样例目录');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ itemCount: 9, warnings: [], manualRules: [], state: 'draft' });
    expect(response.body.files.map((f: { area: string }) => f.area)).toEqual(['义务教育', '财政预决算', '综合政务', '农村集体土地征收', '重大建设项目', '社会救助', '安全生产']);
    const version = await client.request('GET', `/catalog/versions/${response.body.versionId}`, { as: 'admin' });
    expect(version.body).toMatchObject({ state: 'draft', label: '样例目录', createdBy: 'admin', importReport: { itemCount: 9, warnings: [] } });
    expect(version.body.items.find((item: { code: string }) => item.code === 'PROJECT-001')).toMatchObject({
      channels: ['投资项目在线审批监管平台'],
      timeLimit: { rule: { kind: 'composite' } },
    });
    const audit = await db.query(`SELECT actor, action, detail FROM audit_events WHERE action = 'catalog.imported' AND detail->>'versionId' = $1`, [response.body.versionId]);
    expect(audit.rows).toEqual([expect.objectContaining({ actor: 'admin', detail: expect.objectContaining({ itemCount: 9, via: 'api' }) })]);
  });

  it('reads an .xlsx with merged cells, 三级事项, 及要求, 特定群众, 乡、村级, other check marks and named channels', async () => {
    const header = ['序号', '公开事项', '', '', '公开内容（要素）及要求', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', '', '五公开类别', '是否需要解读'];
    const subHeader = ['', '一级事项', '二级事项', '三级事项', '', '', '', '', '', '全社会', '特定群众', '主动', '依申请', '县级', '乡、村级', '', ''];
    const content = await catalogWorkbook({
      title: '养老服务领域基层政务公开标准目录',
      header,
      subHeader,
      rows: [
        ['1', '政策法规', '养老政策', '地方性法规', '养老服务相关法规', '《条例》', '信息形成或者变更之日起20个工作日内', '县民政局', '◆政府网站◇政府公报✓两微一端', '√', '', '√', '', '√', '√', '决策', '是'],
        ['2', '', '养老机构', '', '养老机构名录', '《条例》', '按上级要求办理', '县民政局', '□政府网站■其他（养老服务平台）', '', '√', '', '√', '', '√', '服务公开', ''],
      ],
      merges: ['B4:B5'],
    });
    const response = await upload([{ name: '养老服务目录.xlsx', content }]);
    expect(response.status).toBe(201);
    expect(response.body.itemCount).toBe(2);
    expect(response.body.manualRules).toEqual([{ code: 'ELDER-002', text: '按上级要求办理', file: '养老服务目录.xlsx', row: 5 }]);
    expect(response.body.warnings).toEqual([{ file: '养老服务目录.xlsx', row: 5, column: '公开时限', message: '公开时限“按上级要求办理”无法自动识别，需人工设定规则' }]);
    const version = await client.request('GET', `/catalog/versions/${response.body.versionId}`, { as: 'admin' });
    const [first, second] = version.body.items;
    expect(first).toMatchObject({ code: 'ELDER-001', area: '养老服务', level1: '政策法规', level2: '养老政策', level3: '地方性法规', content: '养老服务相关法规', channels: ['政府网站', '两微一端'], audience: 'public', mode: 'proactive', levels: ['county', 'township'], category: 'decision', needsInterpretation: true });
    // 一级事项 continues from the merged cell above; 特定群众 and 依申请 are read from their own columns.
    expect(second).toMatchObject({ code: 'ELDER-002', level1: '政策法规', channels: ['养老服务平台'], audience: 'specific-group', mode: 'on-application', levels: ['township'], category: 'service', needsInterpretation: false, timeLimit: { rule: { kind: 'manual' } } });
    expect(version.body.manualRules).toEqual([{ code: 'ELDER-002', text: '按上级要求办理', file: '养老服务目录.xlsx', row: 5 }]);

    // An admin sets the manual rule by hand on the draft; a malformed rule is refused naming the field.
    const bad = await client.request('PATCH', `/catalog/versions/${response.body.versionId}/items/ELDER-002`, { as: 'admin', body: { timeLimitRule: { kind: 'working-days', count: 0, anchor: 'formed-or-changed' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'timeLimitRule', problems: [expect.stringContaining('timeLimitRule.count')] });
    const fixed = await client.request('PATCH', `/catalog/versions/${response.body.versionId}/items/ELDER-002`, { as: 'admin', body: { timeLimitRule: { kind: 'working-days', count: 15, anchor: 'formed-or-changed' } } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.timeLimit).toMatchObject({ text: '按上级要求办理', rule: { kind: 'working-days', count: 15 } });
    expect((await client.request('GET', `/catalog/versions/${response.body.versionId}`, { as: 'admin' })).body.manualRules).toEqual([]);
    expect((await client.request('PATCH', `/catalog/versions/${response.body.versionId}/items/ELDER-002`, { as: 'edu.drafter', body: { needsInterpretation: true } })).status).toBe(403);
  });

  /** A row of the 14-column layout with its 一级事项, 二级事项 and 公开时限. */
  const standardRow = (seq: string, level1: string, level2: string, timeLimit: string) => [seq, level1, level2, '公开内容', '《条例》', timeLimit, '县政府办', '■政府网站', '√', '', '√', '', '√', ''];

  /** Two areas on two worksheets, 一级事项 merged down each, and a 说明 sheet that is not a catalog. */
  async function countyWorkbook(secondTitle = '农村集体土地征收领域基层政务公开标准目录') {
    return catalogWorkbookOfSheets([
      {
        name: '重大建设项目',
        title: '重大建设项目领域基层政务公开标准目录',
        header: STANDARD_HEADER,
        subHeader: STANDARD_SUB_HEADER,
        rows: [
          standardRow('1', '招标投标', '采购合同', '采购合同签订之日起2个工作日内'),
          standardRow('2', '', '中标结果', '公示期满后5个工作日内'),
          standardRow('3', '', '评标会议', '会议召开后5个工作日内'),
          standardRow('4', '项目实施', '进度', '每季度结束后15日内'),
        ],
        merges: ['B4:B6'],
      },
      { name: '填表说明', plainRows: [['各工作表按领域填写'], ['时限按目录原文填写']] },
      {
        name: '土地征收',
        title: secondTitle,
        header: STANDARD_HEADER,
        subHeader: STANDARD_SUB_HEADER,
        rows: [
          standardRow('1', '征收信息', '征收公告', '政策出台后3个工作日内'),
          standardRow('2', '', '补偿登记', '实时公开，最迟不超过1个工作日'),
          standardRow('3', '', '依申请', '自收到申请之日起20个工作日内'),
          standardRow('4', '', '动态', '动态更新'),
        ],
        merges: ['B4:B7'],
      },
    ]);
  }

  it('imports every worksheet of a two-area workbook, with merged 一级事项, counts per sheet, and names the sheet that is not a catalog', async () => {
    const response = await upload([{ name: '县级目录.xlsx', content: await countyWorkbook() }], 'admin', '县级目录（两领域）');
    expect(response.status).toBe(201);
    expect(response.body.itemCount).toBe(8);
    expect(response.body.files).toEqual([
      {
        name: '县级目录.xlsx',
        area: '重大建设项目、农村集体土地征收',
        itemCount: 8,
        warningCount: 1,
        sheets: [
          { sheet: '重大建设项目', area: '重大建设项目', itemCount: 4, warningCount: 0 },
          { sheet: '土地征收', area: '农村集体土地征收', itemCount: 4, warningCount: 1 },
        ],
        skippedSheets: [{ sheet: '填表说明', reason: '未找到含“序号”的表头行' }],
      },
    ]);
    // Only the limit no one can compute is left to an admin.
    expect(response.body.manualRules).toEqual([{ code: 'LAND-004', text: '动态更新', file: '县级目录.xlsx（工作表 土地征收）', row: 7 }]);
    const version = await client.request('GET', `/catalog/versions/${response.body.versionId}`, { as: 'admin' });
    expect(version.body.importReport.files[0].skippedSheets).toEqual([{ sheet: '填表说明', reason: '未找到含“序号”的表头行' }]);
    const byCode = new Map<string, any>(version.body.items.map((item: { code: string }) => [item.code, item]));
    expect([...byCode.keys()].sort()).toEqual(['LAND-001', 'LAND-002', 'LAND-003', 'LAND-004', 'PROJECT-001', 'PROJECT-002', 'PROJECT-003', 'PROJECT-004']);
    expect(byCode.get('PROJECT-003')).toMatchObject({ level1: '招标投标', timeLimit: { rule: { kind: 'working-days', count: 5, anchor: 'named-event', event: '会议召开' } } });
    expect(byCode.get('LAND-003')).toMatchObject({ level1: '征收信息', timeLimit: { rule: { kind: 'working-days', count: 20, anchor: 'application-received' } } });
    expect(byCode.get('LAND-002').timeLimit.rule).toEqual({ kind: 'two-limits', binding: { kind: 'working-days', count: 1, anchor: 'formed-or-changed' }, other: { kind: 'immediate' } });
    expect(byCode.get('PROJECT-004').timeLimit.rule).toEqual({ kind: 'after-period', everyMonths: 3, days: 15 });
  });

  it('stores nothing when one worksheet of a workbook has a catalog header but does not read', async () => {
    const before = await counts();
    const response = await upload([{ name: '县级目录.xlsx', content: await countyWorkbook('未命名标题') }]);
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/县级目录\.xlsx（工作表 土地征收）: 标题行“未命名标题”没有写明领域/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['not a spreadsheet', { name: 'notes.xlsx', content: Buffer.from('hello, this is not a zip') }, /notes\.xlsx: 不是 \.xlsx 电子表格/],
    ['an empty file', { name: 'empty.csv', content: Buffer.alloc(0) }, /empty\.csv: 文件是空的/],
    ['a wrong header', { name: 'wrong.csv', content: Buffer.from('"义务教育领域基层政务公开标准目录"\n"编号","名称"\n"1","x"\n') }, /wrong\.csv: 未找到含“序号”的表头行/],
    ['an unsupported type', { name: 'catalog.pdf', content: Buffer.from('%PDF-1.4') }, /catalog\.pdf: 不支持的文件类型“\.pdf”/],
  ])('stores nothing when one of the files is %s', async (_what, badFile, message) => {
    const before = await counts();
    const response = await upload([{ name: 'compulsory-education.csv', content: sampleCsv('compulsory-education.csv') }, badFile]);
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(message);
    expect(response.body.fields).toEqual([expect.objectContaining({ field: 'files' })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file whose item codes repeat, and an upload with no file', async () => {
    const before = await counts();
    const twice = await upload([{ name: 'a.csv', content: sampleCsv('compulsory-education.csv') }, { name: 'b.csv', content: sampleCsv('compulsory-education.csv') }]);
    expect(twice.status).toBe(400);
    expect(twice.body.message).toMatch(/事项编码 EDU-001 与 a\.csv 第 4 行重复/);
    const none = await upload([]);
    expect(none.status).toBe(400);
    expect(none.body.fields).toEqual([expect.objectContaining({ field: 'files' })]);
    expect(await counts()).toEqual(before);
  });

  it('lets only admins import and activate', async () => {
    expect((await upload([{ name: 'compulsory-education.csv', content: sampleCsv('compulsory-education.csv') }], 'edu.drafter')).status).toBe(403);
    expect((await client.request('POST', `/catalog/versions/${DEMO_CATALOG_VERSION_ID}/activate`, { as: 'office.supervisor' })).status).toBe(403);
  });

  /** The 2027 version: the samples without SAFETY-001, ASSIST-001 at 15 working days, and ELDER-001. */
  async function version2027Files() {
    const files = sampleFiles
      .filter((name) => name !== 'work-safety.csv') // SAFETY-001 is removed in the new version
      .map((name) => ({ name, content: sampleCsv(name, name === 'social-assistance.csv' ? ['制定或获取信息之日起10个工作日内', '制定或获取信息之日起15个工作日内'] : undefined) }));
    files.push({
      name: 'elder.xlsx',
      content: await catalogWorkbook({
        title: '养老服务领域基层政务公开标准目录',
        header: STANDARD_HEADER,
        subHeader: STANDARD_SUB_HEADER,
        rows: [['1', '养老服务', '补贴政策', '高龄津贴标准', '《条例》', '信息形成之日起20个工作日内', '县民政局', '■政府网站', '√', '', '√', '', '√', '']],
      }),
    });
    return files;
  }

  it('activates a new version, supersedes the old one, diffs them field by field, and keeps running items on their own rule', async () => {
    const activeBefore = (await client.request('GET', '/catalog/versions', { as: 'admin' })).body.items.find((v: { state: string }) => v.state === 'active');
    // An item started under the current version, on 社会救助 ASSIST-001 (10 working days).
    const running = await client.request('POST', '/items', { as: 'civil.drafter', body: { catalogItemCode: 'ASSIST-001', title: '社会救助政策', body: '正文', formedAt: '2026-11-02' } });
    expect(running.status).toBe(201);

    const files = await version2027Files();
    const imported = await upload(files, 'admin', '2027版目录');
    expect(imported.status).toBe(201);
    const newId: string = imported.body.versionId;

    const diff = await client.request('GET', `/catalog/versions/${activeBefore.id}/diff/${newId}`, { as: 'admin' });
    expect(diff.status).toBe(200);
    // Suites with units of their own share EDU-001 of the active version in the shared database
    // (shareActiveCatalogRow): a change of its responsible units alone is theirs, not this version's.
    diff.body.changed = (diff.body.changed as { code: string; changes: { field: string }[] }[])
      .map((entry) => ({ ...entry, changes: entry.changes.filter((change) => !(entry.code === 'EDU-001' && change.field === 'departmentCodes')) }))
      .filter((entry) => entry.changes.length > 0);
    expect(diff.body.added.map((item: { code: string }) => item.code)).toEqual(['ELDER-001']);
    expect(diff.body.removed.map((item: { code: string }) => item.code)).toEqual(['SAFETY-001']);
    expect(diff.body.changed).toEqual([
      {
        code: 'ASSIST-001',
        changes: [
          {
            field: 'timeLimit',
            from: expect.objectContaining({ text: '制定或获取信息之日起10个工作日内', rule: expect.objectContaining({ count: 10 }) }),
            to: expect.objectContaining({ text: '制定或获取信息之日起15个工作日内', rule: expect.objectContaining({ count: 15 }) }),
          },
        ],
      },
    ]);

    const activated = await client.request('POST', `/catalog/versions/${newId}/activate`, { as: 'admin' });
    expect(activated.status).toBe(200);
    expect(activated.body).toEqual({ versionId: newId, supersededVersionId: activeBefore.id });
    expect((await client.request('POST', `/catalog/versions/${newId}/activate`, { as: 'admin' })).status).toBe(409);
    expect((await client.request('POST', `/catalog/versions/${activeBefore.id}/activate`, { as: 'admin' })).status).toBe(409);
    expect((await client.request('GET', `/catalog/versions/${activeBefore.id}`, { as: 'admin' })).body.state).toBe('superseded');
    expect((await client.request('PATCH', `/catalog/versions/${newId}/items/ELDER-001`, { as: 'admin', body: { category: 'service' } })).status).toBe(409);
    const audit = await db.query(`SELECT actor FROM audit_events WHERE action = 'catalog.activated' AND detail->>'versionId' = $1`, [newId]);
    expect(audit.rows).toEqual([{ actor: 'admin' }]);

    // The running item keeps the rule and the version it started under; a new item gets the new rule.
    const old = await client.request('GET', `/items/${running.body.id}`, { as: 'civil.drafter' });
    expect(old.body).toMatchObject({ catalogVersionId: activeBefore.id, catalogVersion: { id: activeBefore.id, state: 'superseded' }, releaseDueAt: running.body.releaseDueAt });
    expect(old.body.catalogItem.timeLimit.rule.count).toBe(10);
    expect(old.body.timeline[0]).toMatchObject({ action: 'item.created', detail: expect.objectContaining({ catalogVersionId: activeBefore.id }) });
    const fresh = await client.request('POST', '/items', { as: 'civil.drafter', body: { catalogItemCode: 'ASSIST-001', title: '社会救助政策（新）', body: '正文', formedAt: '2026-11-02' } });
    expect(new Date(fresh.body.releaseDueAt).getTime()).toBeGreaterThan(new Date(running.body.releaseDueAt).getTime());
    expect((await client.request('POST', '/items', { as: 'civil.drafter', body: { catalogItemCode: 'SAFETY-001', title: 'x', body: 'x', formedAt: '2026-11-02' } })).status).toBe(400);
  });

  it('imports from the command line with progress and a summary, and stores nothing when a file is bad', async () => {
    const env = { ...process.env, DATABASE_URL: testServers().databaseUrl, NO_COLOR: '1' };
    const good = path.join(testServers().dataDir, 'cli-good.csv');
    writeFileSync(good, sampleCsv('fiscal-budget.csv'));
    const run = (args: string[]) => spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/catalog-import.ts', ...args], { cwd: projectRoot, env, encoding: 'utf8' });
    const ok = run([good, path.join(catalogDir, 'general.csv'), '--label', '命令行导入']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/\[1\/2\] reading cli-good\.csv \.\.\. 1 items, 0 warnings/);
    expect(ok.stdout).toMatch(/\[2\/2\] reading general\.csv \.\.\. 1 items, 0 warnings/);
    expect(ok.stdout).toMatch(/Imported 2 items from 2 file\(s\) as draft version [0-9a-f-]{36}/);

    const bad = path.join(testServers().dataDir, 'cli-bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    const before = await counts();
    const failed = run([good, bad]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/catalog import failed, nothing was stored: cli-bad\.xlsx: 不是 \.xlsx 电子表格/);
    const missing = run([]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no file given/);
    const notAdmin = run([good, '--as', 'edu.drafter']);
    expect(notAdmin.status).toBe(1);
    expect(notAdmin.stderr).toMatch(/only admins/);
    expect(await counts()).toEqual(before);
  });

  it('drafts an item under a limit from a named event: the deadline counts from that event, and the explanation names it', async () => {
    // The 2027 version as activated above, plus 公共资源交易 rows whose limits count from named events.
    const files = await version2027Files();
    files.push({
      name: 'trade.xlsx',
      content: await catalogWorkbook({
        title: '公共资源交易领域基层政务公开标准目录',
        header: STANDARD_HEADER,
        subHeader: STANDARD_SUB_HEADER,
        rows: [standardRow('1', '政府采购', '采购合同', '采购合同签订之日起2个工作日内'), standardRow('2', '', '结果公开', '实时公开，最迟不超过1个工作日')],
        merges: ['B4:B5'],
      }),
    });
    const imported = await upload(files, 'admin', '2027版目录（含公共资源交易）');
    expect(imported.status).toBe(201);
    // 县政府办 names no unit of the demo county: the rows come in unassigned, and the admin assigns them.
    const trade = (await client.request('GET', `/catalog/versions/${imported.body.versionId}`, { as: 'admin' })).body.items.filter((row: { code: string }) => row.code.startsWith('TRADE-'));
    expect(trade.map((row: { departmentCodes: string[] }) => row.departmentCodes)).toEqual([[], []]);
    const unknownUnit = await client.request('PATCH', `/catalog/versions/${imported.body.versionId}/items/TRADE-001`, { as: 'admin', body: { departmentCodes: ['nowhere'] } });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.fields.map((field: { field: string }) => field.field)).toEqual(['departmentCodes']);
    for (const code of ['TRADE-001', 'TRADE-002']) {
      expect((await client.request('PATCH', `/catalog/versions/${imported.body.versionId}/items/${code}`, { as: 'admin', body: { departmentCodes: ['civil'] } })).body.departmentCodes).toEqual(['civil']);
    }
    expect((await client.request('POST', `/catalog/versions/${imported.body.versionId}/activate`, { as: 'admin' })).status).toBe(200);

    // formedAt is the date of the event the rule counts from: the contract was signed on Monday 2026-11-02.
    const contract = await client.request('POST', '/items', { as: 'civil.drafter', body: { catalogItemCode: 'TRADE-001', title: '采购合同公告', body: '正文', formedAt: '2026-11-02' } });
    expect(contract.status).toBe(201);
    expect(contract.body.releaseDueExplanation).toBe('自采购合同签订（2026-11-02）次日起算2个工作日，截止2026-11-04');
    expect(contract.body.releaseDueAt).toBe('2026-11-04T15:59:59.999Z');
    const item = await client.request('GET', `/items/${contract.body.id}`, { as: 'civil.drafter' });
    expect(item.body.catalogItem.timeLimit).toMatchObject({
      rule: { kind: 'working-days', count: 2, anchor: 'named-event', event: '采购合同签订' },
      description: '采购合同签订之日起2个工作日内',
      clockStart: { event: '采购合同签订', dateLabel: '采购合同签订日期' },
    });

    // Two limits: the latest one binds (Friday 2026-11-06 + 1 working day), the other is shown.
    const result = await client.request('POST', '/items', { as: 'civil.drafter', body: { catalogItemCode: 'TRADE-002', title: '成交结果', body: '正文', formedAt: '2026-11-06' } });
    expect(result.status).toBe(201);
    expect(result.body.releaseDueExplanation).toBe('自2026-11-06次日起算1个工作日（跳过周末2天），截止2026-11-09；目录另定：实时公开');
  });
});
