import { Workbook } from 'exceljs';
import { APPLICATION_COLUMN_KEYS, emptyApplicationTable, emptyReviewLitigationTable } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The annual report (政府信息公开工作年度报告) for 2016, a year no other test file writes to. Items are drafted
 * through the API; their release and withdrawal instants are then moved into 2015–2017 in the read model, which
 * is what the report counts.
 */
describe('the annual report', () => {
  let system: RunningSystem;
  let client: ApiClient;
  const YEAR = 2016;

  /** Drafts an item and dates its (first) release and withdrawal. */
  async function documentReleased(title: string, normativeDocument: boolean, releasedAt: string, withdrawnAt: string | null = null): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body: '……', formedAt: '2026-11-20', normativeDocument } });
    expect(created.status).toBe(201);
    await system.db.query('UPDATE disclosure_items SET released_at = $2, withdrawn_at = $3 WHERE id = $1', [created.body.id, releasedAt, withdrawnAt]);
    return created.body.id;
  }

  beforeAll(async () => {
    system = await startSystem('annual-report');
    ({ client } = system);
    await documentReleased('规范性文件一', true, '2016-03-01T10:00:00+08:00'); // issued, in force
    await documentReleased('规范性文件二', true, '2015-06-01T10:00:00+08:00', '2016-05-01T10:00:00+08:00'); // repealed
    await documentReleased('规范性文件三', true, '2016-12-31T23:00:00+08:00'); // issued on the last evening, in force
    await documentReleased('规范性文件四', true, '2017-01-01T00:30:00+08:00'); // next year in China, though 2016 in UTC
    await documentReleased('规范性文件五', true, '2015-01-01T10:00:00+08:00', '2017-03-01T10:00:00+08:00'); // older, still in force at year end
    await documentReleased('普通信息', false, '2016-06-01T10:00:00+08:00'); // not a normative document
  }, 120_000);

  afterAll(() => system?.stop());

  const report = (query: string, as = 'office.supervisor') => client.request('GET', `/reports/annual${query}`, { as });

  /** A table 三 that balances: 12 in (10 new, 2 carried over) = 9 decided + 3 carried forward, and 4 for companies. */
  function balancedApplications() {
    const table = emptyApplicationTable();
    Object.assign(table.newlyReceived, { naturalPerson: 10, commercialEnterprise: 4 });
    Object.assign(table.carriedOver, { naturalPerson: 2 });
    Object.assign(table.granted, { naturalPerson: 5 });
    Object.assign(table.partiallyGranted, { commercialEnterprise: 3 });
    Object.assign(table.refusedThirdParty, { naturalPerson: 1 });
    Object.assign(table.unableNotHeld, { naturalPerson: 2, commercialEnterprise: 1 });
    Object.assign(table.notProcessedRepeated, { naturalPerson: 1 });
    Object.assign(table.resultsTotal, { naturalPerson: 9, commercialEnterprise: 4 });
    Object.assign(table.carriedForward, { naturalPerson: 3 });
    return table;
  }

  it('counts normative documents from the system (issued, repealed, in force at the China year end) and marks the rest as inputs', async () => {
    const response = await report(`?year=${YEAR}`);
    expect(response.status).toBe(200);
    const { sections } = response.body;
    const [rules, normative] = sections.activeDisclosure.documents;
    expect(normative).toEqual({
      key: 'normativeDocuments', label: '行政规范性文件',
      issued: { value: 2, source: 'system' }, repealed: { value: 1, source: 'system' }, inForce: { value: 2 + 1, source: 'system' },
    });
    expect(rules).toEqual(expect.objectContaining({ label: '规章', issued: { value: null, source: 'input' } }));
    expect(sections.activeDisclosure.decisions.map((row: { label: string; figure: { source: string } }) => [row.label, row.figure.source])).toEqual([
      ['行政许可', 'input'], ['行政处罚', 'input'], ['行政强制', 'input'], ['行政事业性收费', 'input'],
    ]);
    expect(Object.keys(sections)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
    expect(response.body.editableSections).toEqual(expect.arrayContaining(['overview', 'applications', 'reviewLitigation', 'problems', 'otherMatters']));
    expect(sections.applications.rows).toHaveLength(25);
    expect(sections.applications.columns.map((column: { label: string }) => column.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(sections.reviewLitigation.groups.flatMap((group: { cells: unknown[] }) => group.cells)).toHaveLength(15);
  });

  it('is due at the end of January 31 of the next year (条例 Art. 49), overdue once that has passed', async () => {
    const past = await report(`?year=${YEAR}`);
    expect(past.body).toEqual(expect.objectContaining({ year: YEAR, dueAt: '2017-01-31T15:59:59.999Z', overdue: true }));
    const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const current = await report(`?year=${thisYear}`);
    expect(current.body).toEqual(expect.objectContaining({ dueAt: `${thisYear + 1}-01-31T15:59:59.999Z`, overdue: false }));
  });

  it('saves the inputs (audited), totals table 三 across columns, and shows them as entered', async () => {
    const applications = balancedApplications();
    const reviewLitigation = emptyReviewLitigationTable();
    Object.assign(reviewLitigation.reconsideration, { upheld: 1, corrected: 1, total: 2 });
    const saved = await client.request('PUT', `/reports/annual/${YEAR}/inputs`, {
      as: 'office.publisher',
      body: { overview: '2016年，本县……\n第二段<script>alert(1)</script>', rules: { issued: 0, repealed: 0, inForce: 1 }, licensingDecisions: 120, feesTenThousandYuan: 3.5, applications, reviewLitigation, problems: '问题', otherMatters: '无' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBeGreaterThanOrEqual(1);
    const { sections } = (await report(`?year=${YEAR}`)).body;
    expect(sections.overview).toEqual(expect.objectContaining({ editable: true, source: 'input', text: expect.stringContaining('本县') }));
    const row = (key: string) => sections.applications.rows.find((candidate: { key: string }) => candidate.key === key);
    expect(row('newlyReceived').total).toEqual({ value: 14, source: 'input' });
    expect(row('resultsTotal').cells.naturalPerson).toEqual({ value: 9, source: 'input' });
    expect(row('carriedForward').total.value).toBe(3);
    expect(sections.activeDisclosure.decisions[0].figure).toEqual({ value: 120, source: 'input' });
    expect(sections.activeDisclosure.documents[0].inForce).toEqual({ value: 1, source: 'input' });
    // The system's own figures are never overwritten by inputs.
    expect(sections.activeDisclosure.documents[1].issued).toEqual({ value: 2, source: 'system' });

    const trail = await client.request('GET', '/audit?action=report.annual.inputs-saved', { as: 'office.supervisor' });
    expect(trail.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'office.publisher', detail: expect.objectContaining({ year: YEAR }) })]));
  });

  it('refuses numbers that break the table check, naming the cells, and keeps the saved ones', async () => {
    const applications = balancedApplications();
    applications.newlyReceived.researchInstitution = 1; // received but neither decided nor carried forward
    applications.granted.naturalPerson = 6; // the results no longer add up to （七）总计
    const refused = await client.request('PUT', `/reports/annual/${YEAR}/inputs`, { as: 'office.publisher', body: { applications } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid-input', code: 'annual-report.invalid-inputs' });
    expect(refused.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'applications.carriedForward.researchInstitution', 'applications.resultsTotal.naturalPerson',
    ]);
    // Codes and figures a client words itself, never a message to parse.
    expect(refused.body.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'applications.carriedForward.researchInstitution', code: 'annual-report.balance', params: { incoming: 1, outgoing: 0 } }),
      expect.objectContaining({ field: 'applications.resultsTotal.naturalPerson', code: 'annual-report.results-total' }),
    ]));
    const shape = await client.request('PUT', `/reports/annual/${YEAR}/inputs`, { as: 'office.publisher', body: { licensingDecisions: -1, bogus: true, reviewLitigation: { reconsideration: {} } } });
    expect(shape.status).toBe(400);
    expect(shape.body.fields.map((field: { field: string }) => field.field)).toEqual(expect.arrayContaining(['licensingDecisions', 'bogus', 'reviewLitigation.reconsideration.upheld', 'reviewLitigation.directLitigation']));
    const notAnObject = await client.request('PUT', `/reports/annual/${YEAR}/inputs`, { as: 'office.publisher', rawBody: '[1, 2]' });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body.fields).toEqual([expect.objectContaining({ field: 'inputs' })]);
    expect((await client.request('PUT', `/reports/annual/${YEAR}/inputs`, { as: 'office.publisher', rawBody: '{"overview":' })).status).toBe(400);
    const kept = (await report(`?year=${YEAR}`)).body.sections.applications;
    expect(kept.rows[0].cells[APPLICATION_COLUMN_KEYS[0]].value).toBe(10);
  });

  it('answers 400 for a bad year and 403 to the wrong roles', async () => {
    for (const query of ['', '?year=abc', '?year=2007', '?year=2999']) {
      const response = await report(query);
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'year' })]);
    }
    expect((await client.request('PUT', '/reports/annual/20x6/inputs', { as: 'admin', body: {} })).status).toBe(400);
    expect((await report(`?year=${YEAR}`, 'edu.drafter')).status).toBe(403);
    expect((await report(`?year=${YEAR}`, 'office.publisher')).status).toBe(200);
    expect((await report(`?year=${YEAR}`, 'admin')).status).toBe(200);
    expect((await client.request('PUT', `/reports/annual/${YEAR}/inputs`, { as: 'office.supervisor', body: {} })).status).toBe(403);
    expect((await client.request('PUT', `/reports/annual/${YEAR}/inputs`, { as: 'edu.leader', body: {} })).status).toBe(403);
  });

  it('exports the official tables as .xlsx and a printable, escaped HTML page', async () => {
    const auth = { authorization: `Bearer ${await client.token('office.supervisor')}` };
    const xlsx = await fetch(`${client.baseUrl}/reports/annual.xlsx?year=${YEAR}`, { headers: auth });
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('年度报告')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0][0]).toBe(`${YEAR}年政府信息公开工作年度报告`);
    expect(rows).toContainEqual(['行政规范性文件', 2, 1, 3]);
    expect(rows.find((row) => row[0] === '一、本年新收政府信息公开申请数量')).toEqual(['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', 10, 4, 0, 0, 0, 0, 14]);
    expect(rows.find((row) => row[1] === '4.保护第三方合法权益')?.slice(0, 3)).toEqual(['（三）不予公开', '4.保护第三方合法权益', 1]);
    expect(rows.some((row) => row.includes('未经复议直接起诉'))).toBe(true);

    const html = await fetch(`${client.baseUrl}/reports/annual.html?year=${YEAR}`, { headers: auth });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toContain('size: A4');
    expect(page).toMatch(/FangSong.*仿宋/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<th>行政规范性文件</th><td>2</td><td>1</td><td>3</td>');
  });
});
