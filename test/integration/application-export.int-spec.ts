import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The staff's Excel export of the application list and the printable reply letter, through the running API:
 * the office and the handling department get the applicant's data, a supervisor gets it masked, another
 * department gets neither the row nor the letter. Other files share the database: rows are found by 查询号.
 */
describe('exporting applications and printing the reply letter', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let id: string;
  let queryNumber: string;
  const name = `导出测试${randomUUID().slice(0, 4)}`;

  beforeAll(async () => {
    system = await startSystem('application-export');
    ({ client } = system);
    const step = (as: string, body: Record<string, unknown>) => client.request('POST', `/applications/${id}/steps`, { as, body });
    const registered = await client.request('POST', '/applications', {
      as: 'office.publisher',
      body: { applicantType: 'naturalPerson', applicantName: name, idDocument: '110101199001019999', phone: '13900139000', email: 'export@example.cn', description: '某校招生计划<批复>', deliveryForm: '电子邮件', channel: 'in-person', submittedOn: '2026-03-02' },
    });
    expect(registered.status).toBe(201);
    ({ id, queryNumber } = registered.body);
    expect((await step('office.publisher', { step: 'sign' })).status).toBe(200);
    expect((await step('office.publisher', { step: 'accept', departmentCode: 'edu' })).status).toBe(200);
    expect((await step('edu.drafter', { step: 'draft-reply', outcome: 'granted' })).status).toBe(200);
  }, 120_000);

  afterAll(() => system?.stop());

  async function exported(as: string): Promise<{ status: number; type: string | null; rows: Record<string, unknown>[] }> {
    const auth: Record<string, string> = as === 'anonymous' ? {} : { authorization: `Bearer ${await client.token(as)}` };
    const response = await fetch(`${client.baseUrl}/applications/export.xlsx`, { headers: auth });
    if (response.status !== 200) return { status: response.status, type: null, rows: [] };
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('依申请公开')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) rows.push(Object.fromEntries(headers.map((header, column) => [header, row.getCell(column + 1).value])));
    });
    return { status: 200, type: response.headers.get('content-type'), rows };
  }
  const page = async (as: string) => {
    const response = await fetch(`${client.baseUrl}/applications/${id}/reply.html`, { headers: { authorization: `Bearer ${await client.token(as)}` } });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('exports the list as .xlsx with the applicant for the office and the handling department, masked for a supervisor', async () => {
    for (const as of ['office.publisher', 'edu.drafter']) {
      const { status, type, rows } = await exported(as);
      expect(status).toBe(200);
      expect(type).toContain('spreadsheetml');
      expect(rows.find((row) => row['查询号'] === queryNumber)).toEqual(expect.objectContaining({
        申请人: name, 证件号码: '110101199001019999', 联系电话: '13900139000', 电子邮箱: 'export@example.cn', 申请内容: '某校招生计划<批复>', 承办部门: 'edu', 申请方式: '当面提交', 收到日期: '2026-03-02', 答复期限: expect.stringMatching(/^2026-0[34]-\d{2}$/),
      }));
    }
    const supervised = (await exported('office.supervisor')).rows.find((row) => row['查询号'] === queryNumber);
    expect(supervised).toEqual(expect.objectContaining({ 证件号码: '（已遮蔽）', 联系电话: '（已遮蔽）', 电子邮箱: '（已遮蔽）' }));
    expect(supervised!['申请人']).toMatch(/^导\*+$/);
    expect(JSON.stringify(supervised)).not.toContain('13900139000');
    expect((await exported('civil.drafter')).rows.map((row) => row['查询号'])).not.toContain(queryNumber);
    expect((await exported('anonymous')).status).toBe(401);
  });

  it('prints the reply letter as an HTML page, the name masked for whoever may not see it', async () => {
    const office = await page('office.publisher');
    expect(office.status).toBe(200);
    expect(office.type).toContain('text/html');
    expect(office.text).toContain('<pre class="letter">');
    expect(office.text).toContain(name);
    expect(office.text).toContain('@media print');
    const supervised = await page('office.supervisor');
    expect(supervised.status).toBe(200);
    expect(supervised.text).toContain('<pre class="letter">');
    expect(supervised.text).not.toContain(name);
    expect((await page('civil.drafter')).status).toBe(403);
  });

  it('masks the name in the reply letter of the JSON detail too, for whoever may not see who applied', async () => {
    const asOffice = await client.request('GET', `/applications/${id}`, { as: 'office.publisher' });
    expect(asOffice.status).toBe(200);
    expect(asOffice.body.reply.letter).toContain(name);
    const asSupervisor = await client.request('GET', `/applications/${id}`, { as: 'office.supervisor' });
    expect(asSupervisor.status).toBe(200);
    expect(asSupervisor.body.applicant.masked).toBe(true);
    expect(asSupervisor.body.reply.letter).toEqual(expect.any(String));
    expect(asSupervisor.body.reply.letter).not.toContain(name);
    expect(asSupervisor.body.reply.letter).toContain(asSupervisor.body.applicant.name);
  });
});
