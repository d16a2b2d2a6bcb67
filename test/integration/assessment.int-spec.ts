import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar, endOfChinaDay, workingDaysLate } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The assessment (考核评估) of 县教育局 for 2017-Q2, a period no other test file writes to. Items are drafted
 * through the API; their deadlines, releases, returns, interpretation releases and concern answers are then
 * dated into 2017 in the read models and the audit trail, as the workflows would have written them then.
 */
describe('the assessment', () => {
  let system: RunningSystem;
  let client: ApiClient;
  const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
  const unreleasedDue = endOfChinaDay('2017-06-20');

  async function draft(title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body: '……', formedAt: '2026-11-20', ...extra } });
    expect(created.status).toBe(201);
    return created.body.id;
  }
  const dated = (id: string, releaseDueAt: Date, releasedAt: string | null, state?: string) =>
    system.db.query('UPDATE disclosure_items SET release_due_at = $2, released_at = $3, state = COALESCE($4, state) WHERE id = $1', [id, releaseDueAt, releasedAt, state ?? null]);
  const audit = (itemId: string, action: string, occurredAt: string, detail: object = {}) =>
    system.db.query(
      `INSERT INTO audit_events (event_key, item_id, actor, action, department_code, detail, occurred_at) VALUES ($1, $2, 'system', $3, 'edu', $4, $5)`,
      [`assessment-test:${randomUUID()}`, itemId, action, JSON.stringify(detail), occurredAt],
    );
  async function answeredConcern(itemId: string, publishedAt: string, overdue: boolean) {
    const id = randomUUID();
    await system.db.query(
      `INSERT INTO concerns (id, item_id, item_department_code, kind, content, received_at, state) VALUES ($1, $2, 'edu', 'message', '问题', $3, 'PUBLISHED')`,
      [id, itemId, '2017-04-03T10:00:00+08:00'],
    );
    await system.db.query(
      `INSERT INTO concern_deadlines (concern_id, milestone, due_at, explanation, overdue_at, met_at) VALUES ($1, 'response', $2, '7个工作日', $3, $4)`,
      [id, '2017-04-12T15:59:59.999Z', overdue ? '2017-04-12T16:00:00Z' : null, publishedAt],
    );
    await system.db.query(
      `INSERT INTO concern_responses (concern_id, item_id, question, response, department_code, approved_by, published_at) VALUES ($1, $2, '问题', '答复', 'edu', 'edu.leader', $3)`,
      [id, itemId, publishedAt],
    );
  }

  beforeAll(async () => {
    system = await startSystem('assessment');
    ({ client } = system);
    // On time, with its interpretation: a policy document covered.
    const onTime = await draft('按时公开', { normativeDocument: true, interpretation: '政策解读' });
    await dated(onTime, endOfChinaDay('2017-04-14'), '2017-04-10T10:00:00+08:00');
    // Released on Friday 2017-06-09, 4 working days after Monday 06-05; a policy document without interpretation.
    const late = await draft('逾期公开', { normativeDocument: true });
    await dated(late, endOfChinaDay('2017-06-05'), '2017-06-09T10:00:00+08:00');
    // Never released: late up to now.
    const unreleased = await draft('逾期未公开');
    await dated(unreleased, unreleasedDue, null);
    // Owes nothing (rejected), and due outside the period: neither counts.
    await dated(await draft('已驳回'), endOfChinaDay('2017-05-10'), null, 'REJECTED');
    await dated(await draft('下季度'), endOfChinaDay('2017-07-03'), null);

    await audit(onTime, 'task.return', '2017-04-05T10:00:00+08:00');
    await audit(late, 'task.return', '2017-05-20T10:00:00+08:00');
    await audit(late, 'task.return', '2017-05-25T10:00:00+08:00');
    await audit(onTime, 'interpretation.released', '2017-04-10T10:00:00+08:00', { edition: 1, together: true, late: false });
    await audit(late, 'interpretation.released', '2017-06-20T10:00:00+08:00', { edition: 2, together: false, late: true });
    await audit(late, 'interpretation.released', '2016-06-20T10:00:00+08:00', { edition: 1, together: false, late: true }); // another period
    await answeredConcern(onTime, '2017-04-11T10:00:00+08:00', false);
    await answeredConcern(late, '2017-04-20T10:00:00+08:00', true);
  }, 120_000);

  afterAll(() => system?.stop());

  const assessment = (query: string, as = 'office.supervisor') => client.request('GET', `/reports/assessment${query}`, { as });

  it('computes on-time rate, delays, interpretation, concern timeliness and returns per department', async () => {
    const response = await assessment('?from=2017-04-01&to=2017-06-30&departmentCode=edu');
    expect(response.status).toBe(200);
    expect(response.body.from).toBe('2017-03-31T16:00:00.000Z');
    const unreleasedDelay = workingDaysLate(calendar, unreleasedDue, new Date(response.body.generatedAt));
    expect(unreleasedDelay).toBeGreaterThan(1000);
    expect(response.body.departments).toEqual([{
      departmentCode: 'edu', departmentName: '县教育局',
      // Delays 0, 4 and the unreleased one: the median is 4, the nearest-rank p90 the largest.
      release: { due: 3, onTime: 1, onTimeRate: 1 / 3, medianDelayWorkingDays: 4, p90DelayWorkingDays: unreleasedDelay },
      interpretation: { policyItems: 2, withInterpretation: 1, coverage: 0.5, released: 2, late: 1, timelinessRate: 0.5 },
      concerns: { answered: 2, onTime: 1, timelinessRate: 0.5 },
      returns: { returns: 3, items: 3, perItem: 1 },
      // Nobody rated anything in 2017 (satisfaction-ratings.int-spec covers the ratings).
      satisfaction: { items: { ratings: 0, average: null }, responses: { ratings: 0, average: null } },
    }]);
  });

  it('takes a quarter instead of from/to, and lists every department, with no rate where nothing was owed', async () => {
    const response = await assessment('?quarter=2017-Q2');
    expect(response.status).toBe(200);
    const codes = response.body.departments.map((row: { departmentCode: string }) => row.departmentCode);
    expect(codes).toEqual(expect.arrayContaining(['edu', 'civil']));
    expect(codes).not.toContain('county');
    const civil = response.body.departments.find((row: { departmentCode: string }) => row.departmentCode === 'civil');
    expect(civil.release).toEqual({ due: 0, onTime: 0, onTimeRate: null, medianDelayWorkingDays: null, p90DelayWorkingDays: null });
    expect(civil.concerns.timelinessRate).toBeNull();
    expect(response.body.departments.find((row: { departmentCode: string }) => row.departmentCode === 'edu').release.due).toBe(3);
  });

  it('exports the quarterly report (季度报送) as .xlsx', async () => {
    const xlsx = await fetch(`${client.baseUrl}/reports/assessment.xlsx?quarter=2017-Q2&departmentCode=edu`, { headers: { authorization: `Bearer ${await client.token('office.supervisor')}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('考核评估')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('考核评估（2017-04-01 至 2017-06-30）');
    expect(sheet.getRow(2).getCell(1).value).toBe('部门');
    expect(sheet.getRow(2).getCell(4).value).toBe('按时公开率');
    expect((sheet.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['县教育局', 3, 1, 1 / 3]);
  });

  it('answers 400 naming bad or missing periods and departments, and 403 to department staff', async () => {
    const fieldOf = async (query: string) => {
      const response = await assessment(query);
      expect(response.status).toBe(400);
      return response.body.fields.map((field: { field: string }) => field.field);
    };
    expect(await fieldOf('')).toEqual(['from']);
    expect(await fieldOf('?from=2017-04-01')).toEqual(['to']);
    expect(await fieldOf('?from=2017-06-01&to=2017-04-01')).toEqual(['to']);
    expect(await fieldOf('?from=yesterday&to=2017-04-01')).toEqual(['from']);
    expect(await fieldOf('?quarter=2017-Q5')).toEqual(['quarter']);
    expect(await fieldOf('?quarter=2017-Q2&from=2017-04-01')).toEqual(['quarter']);
    expect(await fieldOf('?quarter=2017-Q2&departmentCode=nope')).toEqual(['departmentCode']);
    expect((await assessment('?quarter=2017-Q2', 'edu.leader')).status).toBe(403);
    expect((await assessment('?quarter=2017-Q2', 'admin')).status).toBe(200);
    expect((await assessment('?quarter=2017-Q2', 'office.publisher')).status).toBe(200);
  });
});
