import type { ApiClient } from '../support/api-client';
import { catalogWorkbook, STANDARD_HEADER, STANDARD_SUB_HEADER } from '../support/catalog-workbook';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * Catalog compilation rounds over HTTP against the real API, worker, Temporal and PostgreSQL, up to the
 * office's review: activation replaces the catalog every suite reads, so the whole round to activation is
 * catalog-compilation.int-spec.ts, on a database of its own.
 */
describe('catalog compilation rounds over HTTP', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    system = await startSystem('compilation-api');
    ({ client } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((field) => field.field);
  const open = (body: Record<string, unknown>, as = 'office.publisher') => client.request('POST', '/catalog-compilation/rounds', { as, body });
  const newRow = {
    area: '义务教育', level1: '招生管理', level2: '招生计划', content: '●招生计划', basis: '《义务教育法》', timeLimitText: '信息形成之日起20个工作日内',
    subject: '县教育局', departmentCodes: ['edu'], channels: ['政府网站'], audience: 'public', mode: 'proactive', levels: ['county'], category: 'execution',
  };

  it('opens a round for the named departments, refusing unknown ones and a past due date by field', async () => {
    expect(fieldsOf((await open({ year: 2099, areas: ['义务教育'], departmentCodes: ['edu', 'nowhere'], dueDate: '2099-03-31' })).body)).toEqual(['departmentCodes']);
    expect(fieldsOf((await open({ year: 2099, areas: ['义务教育'], departmentCodes: ['edu'], dueDate: '2020-01-01' })).body)).toEqual(['dueDate']);
    expect((await open({ year: 2099, areas: ['义务教育'], departmentCodes: ['edu'], dueDate: '2099-03-31' }, 'edu.drafter')).status).toBe(403);
    const opened = await open({ kind: 'adjustment', year: 2099, areas: ['义务教育', '社会救助'], departmentCodes: ['edu', 'civil'], dueDate: '2099-03-31', legalReview: true });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ kind: 'adjustment', state: 'PROPOSING', dueAt: '2099-03-31T15:59:59.999Z', proposals: [{ departmentCode: 'edu', state: 'open' }, { departmentCode: 'civil', state: 'open' }] });
  });

  it('takes a department\'s rows for its own rows only, lets the office return one, and shows each department its own proposal', async () => {
    const opened = await open({ year: 2099, areas: ['义务教育'], departmentCodes: ['edu', 'civil'], dueDate: '2099-06-30' });
    const roundId: string = opened.body.roundId;
    const submit = (as: string, department: string, rows: unknown[]) => client.request('POST', `/catalog-compilation/rounds/${roundId}/proposals/${department}`, { as, body: { rows } });
    const law = { kind: 'law', reference: '《义务教育法》' };

    // ASSIST-001 is civil's row: edu may not change or remove it.
    const notOwned = await submit('edu.drafter', 'edu', [{ action: 'remove', code: 'ASSIST-001', source: law, reason: '不再公开' }]);
    expect(notOwned.status).toBe(403);
    expect(notOwned.body).toMatchObject({ code: 'catalog.row-not-owned', fields: [{ field: 'rows[0].code' }] });
    expect(fieldsOf((await submit('edu.drafter', 'edu', [{ action: 'add', code: 'EDU-001', row: newRow, source: law }])).body)).toEqual(['rows[0].code']);
    expect(fieldsOf((await submit('edu.drafter', 'edu', [{ action: 'change', code: 'EDU-002', source: law }])).body)).toEqual(['rows[0].row']);
    expect((await submit('civil.drafter', 'edu', [{ action: 'add', code: 'EDU-009', row: newRow, source: law }])).status).toBe(403);

    const submitted = await submit('edu.drafter', 'edu', [
      { action: 'add', code: 'EDU-009', row: newRow, source: { kind: 'power-list', reference: '权责清单 教育-017' } },
      { action: 'change', code: 'EDU-002', row: { ...newRow, level2: '招生范围', content: '●学区划分' }, source: law, reason: '细化' },
    ]);
    expect(submitted.status).toBe(200);
    expect(submitted.body.proposals[0]).toMatchObject({ departmentCode: 'edu', state: 'submitted', revision: 1 });
    // The workflow refuses a second submission while the first waits for review.
    expect((await submit('edu.drafter', 'edu', [{ action: 'add', code: 'EDU-010', row: newRow, source: law }])).status).toBe(409);

    const review = (reviews: unknown[], as = 'office.publisher') => client.request('POST', `/catalog-compilation/rounds/${roundId}/proposals/edu/review`, { as, body: { reviews } });
    expect((await review([{ code: 'EDU-009', decision: 'accept' }])).status).toBe(400);
    const returned = await review([{ code: 'EDU-009', decision: 'accept' }, { code: 'EDU-002', decision: 'return', comment: '请注明学区调整的公开时限' }]);
    expect(returned.status).toBe(200);
    expect(returned.body.proposals[0]).toMatchObject({ state: 'returned', reviews: [{ code: 'EDU-009', decision: 'accept' }, { code: 'EDU-002', decision: 'return', comment: '请注明学区调整的公开时限' }] });

    const civilView = await client.request('GET', `/catalog-compilation/rounds/${roundId}`, { as: 'civil.drafter' });
    expect(civilView.body.proposals.map((p: { departmentCode: string }) => p.departmentCode)).toEqual(['civil']);
    const eduView = await client.request('GET', `/catalog-compilation/rounds/${roundId}`, { as: 'edu.drafter' });
    expect(eduView.body.proposals).toMatchObject([{ departmentCode: 'edu', state: 'returned', rows: [{ code: 'EDU-009' }, { code: 'EDU-002' }] }]);
    expect((await client.request('GET', `/catalog-compilation/rounds/${roundId}`, { as: 'office.supervisor' })).body.proposals).toHaveLength(2);
    const listed = await client.request('GET', '/catalog-compilation/rounds', { as: 'civil.drafter' });
    expect(listed.body.items.some((round: { id: string }) => round.id === roundId)).toBe(true);
    // A decision before the office has accepted every department's rows is refused by the workflow.
    expect((await client.request('POST', `/catalog-compilation/rounds/${roundId}/decisions`, { as: 'edu.leader', body: { stage: 'leader-approval', decision: 'approve' } })).status).toBe(403);
  });

  it('reads a spreadsheet in the published layout into proposals for the department to complete', async () => {
    const opened = await open({ year: 2099, areas: ['义务教育'], departmentCodes: ['edu'], dueDate: '2099-09-30' });
    const content = await catalogWorkbook({
      title: '义务教育领域基层政务公开标准目录', header: STANDARD_HEADER, subHeader: STANDARD_SUB_HEADER,
      rows: [
        ['1', '招生管理', '招生政策', '●随迁子女入学办法', '《条例》', '信息形成之日起20个工作日内', '县教育局', '■政府网站', '√', '', '√', '', '√', ''],
        ['9', '学生资助', '资助名单', '●名单', '《条例》', '信息形成之日起20个工作日内', '县教育局', '■政府网站', '√', '', '√', '', '√', ''],
      ],
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), '教育目录.xlsx');
    const response = await fetch(`${client.baseUrl}/catalog-compilation/rounds/${opened.body.roundId}/proposals/edu/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await client.token('edu.drafter')}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { action: string; code: string; row: { departmentCodes: string[]; level2: string } }[] };
    expect(body.rows.map((row) => [row.action, row.code, row.row.level2])).toEqual([['change', 'EDU-001', '招生政策'], ['add', 'EDU-009', '资助名单']]);
    expect(body.rows.every((row) => row.row.departmentCodes.join() === 'edu')).toBe(true);
  });
});
