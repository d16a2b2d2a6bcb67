import { randomUUID } from 'node:crypto';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar, workingDaysLate } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * Applications for disclosure past their reply limit on the supervisors' overdue list and dashboard, beside
 * the items. The rows are written as the application workflow's read model would hold them (the reply timer
 * itself is covered by application-deadlines); other files share the database, so assertions look only at
 * this file's applications (in 2026, a year no suite counts table 三 for), and the dashboard is compared on a due-time window only they occupy.
 */
describe('overdue applications on the supervisors overdue list', () => {
  let system: RunningSystem;
  let client: ApiClient;
  const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
  const ids = { open: randomUUID(), answeredLate: randomUUID(), notDue: randomUUID(), onTime: randomUUID() };
  const lateDue = '2026-11-02T15:59:59.999Z'; // the end of Monday 2026-11-02, China time
  const answeredDue = '2026-10-15T15:59:59.999Z';
  const answeredAt = '2026-10-20T02:00:00.000Z';

  async function insert(id: string, fields: { state: string; handling: string | null; dueAt: string; overdue: boolean; late: boolean | null; closedOn?: string }) {
    await system.db.query(
      `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type,
         applicant_name, id_document, description, delivery_form, submitted_on, state, handling_department_code, due_at, due_date, overdue, late, closed_on, outcome, clock_stopped)
       VALUES ($1, $2, 'x', $3, 'office', 'in-person', 'naturalPerson', '督办测试申请人', $4, '某项目批复文件', '纸质', '2026-09-01', $5, $6, $7, ($7::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, $8, $9, $10, $11, false)`,
      [id, `YSQ-S${id.slice(0, 8)}`, `disclosure-application-${id}`, `ID-S-${id.slice(0, 6)}`, fields.state, fields.handling, fields.dueAt, fields.overdue, fields.late, fields.closedOn ?? null, fields.state === 'closed' ? 'granted' : null],
    );
  }

  beforeAll(async () => {
    system = await startSystem('supervision-applications');
    ({ client } = system);
    await insert(ids.open, { state: 'accepted', handling: 'edu', dueAt: lateDue, overdue: true, late: null });
    await insert(ids.answeredLate, { state: 'closed', handling: 'edu', dueAt: answeredDue, overdue: true, late: true, closedOn: '2026-10-20' });
    await system.db.query(
      `INSERT INTO audit_events (event_key, actor, action, department_code, occurred_at, detail) VALUES ($1, 'office.publisher', 'application.closed', 'office', $2, $3)`,
      [`supervision-applications-test:${ids.answeredLate}`, answeredAt, JSON.stringify({ applicationId: ids.answeredLate, outcome: 'granted', late: true })],
    );
    await insert(ids.notDue, { state: 'accepted', handling: 'edu', dueAt: '2095-01-10T15:59:59.999Z', overdue: false, late: null });
    await insert(ids.onTime, { state: 'closed', handling: 'edu', dueAt: '2026-10-15T15:59:59.999Z', overdue: false, late: false, closedOn: '2026-10-14' });
  }, 120_000);

  afterAll(() => system?.stop());

  type Row = { applicationId: string } & Record<string, unknown>;
  const mine = (rows: Row[]) => rows.filter((row) => (Object.values(ids) as string[]).includes(row.applicationId));
  const overdue = (query = '') => client.request('GET', `/supervision/overdue${query}`, { as: 'office.supervisor' });

  it('lists an unanswered application past its reply limit and one answered late, beside the items, without personal data', async () => {
    const response = await overdue('?departmentCode=edu');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ counts: expect.objectContaining({ statutory: expect.any(Number), sla: expect.any(Number) }), items: expect.any(Array) }));
    const rows = mine(response.body.applications.items);
    expect(rows).toEqual([
      {
        applicationId: ids.open, queryNumber: `YSQ-S${ids.open.slice(0, 8)}`, departmentCode: 'edu', departmentName: expect.any(String), state: 'accepted', stateLabel: expect.any(String),
        dueAt: lateDue, dueDate: '2026-11-02', finishedAt: null, stillOverdue: true,
        workingDaysLate: workingDaysLate(calendar, new Date(lateDue), new Date(response.body.generatedAt)), demand: null,
      },
      {
        applicationId: ids.answeredLate, queryNumber: `YSQ-S${ids.answeredLate.slice(0, 8)}`, departmentCode: 'edu', departmentName: expect.any(String), state: 'closed', stateLabel: expect.any(String),
        dueAt: answeredDue, dueDate: '2026-10-15', finishedAt: answeredAt, stillOverdue: false,
        workingDaysLate: workingDaysLate(calendar, new Date(answeredDue), new Date(answeredAt)), demand: null,
      },
    ].sort((a, b) => b.workingDaysLate - a.workingDaysLate));
    expect(workingDaysLate(calendar, new Date(answeredDue), new Date(answeredAt))).toBe(3); // Fri 10/16, Mon 10/19, Tue 10/20
    expect(JSON.stringify(response.body.applications)).not.toContain('督办测试申请人');
    expect(response.body.applications.counts.overdue).toBeGreaterThanOrEqual(2);
  });

  it('applies the list filters that mean something for an application', async () => {
    const inOctober = await overdue('?to=2026-10-31');
    expect(mine(inOctober.body.applications.items).map((row) => row.applicationId)).toEqual([ids.answeredLate]);
    for (const query of ['?kind=sla', '?departmentCode=civil', `?area=${encodeURIComponent('义务教育')}`, '?stage=confidentiality-review']) {
      const response = await overdue(query);
      expect(response.status).toBe(200);
      expect(mine(response.body.applications.items)).toEqual([]);
    }
    expect(mine((await overdue('?kind=statutory')).body.applications.items)).toHaveLength(2);
  });

  it('counts them on the dashboard for the same filters', async () => {
    const window = `?from=${encodeURIComponent(answeredDue)}&to=${encodeURIComponent(answeredDue)}`;
    const dashboard = await client.request('GET', `/supervision/dashboard${window}`, { as: 'office.supervisor' });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.applications).toEqual({ overdue: 1, stillOverdue: 0 });
    expect(dashboard.body.counts).toEqual(expect.objectContaining({ statutory: expect.any(Number), sla: expect.any(Number) }));
  });
});
