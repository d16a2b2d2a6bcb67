import { randomUUID } from 'node:crypto';
import { addDays, annualReportDueAt, chinaDateOf, endOfChinaDay } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The supervisor dashboard over real items: the leader filter (签发 holder, else the department's leaders),
 * the chart counts by department, area and stage, the trend from the assessment, and the annual report's
 * deadline. Other test files share the database, so item-level assertions look only at this file's items,
 * and totals are compared with the overdue list for the same filters.
 */
describe('the supervision dashboard', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let lateDraft: string;
  let atSignOff: string;
  let signOffTask: string;
  const viceLeader = `edu.vice-${randomUUID().slice(0, 8)}`;

  const openTask = (itemId: string, stage: string) =>
    client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT id FROM review_tasks WHERE item_id = $1 AND state = 'open' AND stage = $2`, [itemId, stage]);
      return rows[0]?.id as string | undefined;
    }, `the ${stage} task`, 60_000);

  beforeAll(async () => {
    system = await startSystem('dashboard');
    ({ client } = system);
    // A second leader of edu, so that "the leader who holds the 签发 task" differs from "every edu leader".
    const vice = await client.request('POST', '/org/users', { as: 'admin', body: { username: viceLeader, displayName: '副局长（教育局）', departmentCode: 'edu', roles: ['leader'] } });
    expect(vice.status).toBe(201);

    // This suite runs on the real dev server, whose clock is today's: its past dates are counted back from
    // today, so that they stay inside the dashboard's recent periods whatever today's date is.
    const today = chinaDateOf(new Date());
    const draft = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '看板：逾期草稿', body: '……', formedAt: addDays(today, -60) } });
    lateDraft = draft.body.id;

    const item = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '看板：签发逾期', body: '……', formedAt: today } });
    atSignOff = item.body.id;
    expect((await client.request('POST', `/items/${atSignOff}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    for (const [stage, as] of [['preliminary-review', 'edu.reviewer'], ['confidentiality-review', 'edu.secrecy']] as const) {
      const task = await openTask(atSignOff, stage);
      expect((await client.request('POST', `/tasks/${task}/complete`, { as, body: { decision: 'approve' } })).status).toBe(200);
    }
    signOffTask = await openTask(atSignOff, 'sign-off');
    expect((await client.request('POST', `/tasks/${signOffTask}/claim`, { as: 'edu.leader' })).status).toBe(200);
    await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT claimed_by FROM review_tasks WHERE id = $1`, [signOffTask]);
      return rows[0]?.claimed_by === 'edu.leader' ? true : undefined;
    }, 'the claim in the read model');
    await system.db.query(`UPDATE review_tasks SET due_at = $2 WHERE id = $1`, [signOffTask, endOfChinaDay(addDays(today, -30)).toISOString()]);
  }, 180_000);

  afterAll(() => system?.stop());

  const get = (path: string, as = 'office.supervisor') => client.request('GET', path, { as });

  /**
   * Runs a comparison of two answers until it holds, up to a few times: other test files write overdue items
   * into the same database, and one may land between the two requests. A real mismatch fails every time.
   */
  async function consistently(check: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await check();
        return;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }
  type Row = { itemId: string; kind: string; taskId: string | null; leaders: { basis: string; usernames: string[] } };
  const mine = (rows: Row[]) => rows.filter((row) => row.itemId === lateDraft || row.itemId === atSignOff);

  it('names the leader: the holder of the 签发 task, else every leader of the department', async () => {
    const rows = mine((await get('/supervision/overdue?departmentCode=edu')).body.items);
    expect(rows.find((row) => row.itemId === lateDraft)?.leaders).toEqual({ basis: 'department-leaders', usernames: expect.arrayContaining(['edu.leader', viceLeader]) });
    expect(rows.find((row) => row.taskId === signOffTask)?.leaders).toEqual({ basis: 'sign-off', usernames: ['edu.leader'] });
  });

  it('filters by leader in the list and the exports, and refuses an unknown user or one who is not a leader', async () => {
    const ids = async (leader: string) => mine((await get(`/supervision/overdue?leader=${encodeURIComponent(leader)}`)).body.items).map((row) => `${row.kind}:${row.itemId}`).sort();
    expect(await ids('edu.leader')).toEqual([`sla:${atSignOff}`, `statutory:${lateDraft}`].sort());
    // The vice leader answers for the unclaimed draft, not for the 签发 task edu.leader holds.
    expect(await ids(viceLeader)).toEqual([`statutory:${lateDraft}`]);
    expect(await ids('civil.leader')).toEqual([]);
    const csv = await get(`/supervision/overdue.csv?leader=${encodeURIComponent(viceLeader)}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(lateDraft);
    expect(String(csv.body)).not.toContain(atSignOff);
    for (const [leader, problem] of [['nobody-here', '用户“nobody-here”不存在'], ['edu.drafter', '用户“edu.drafter”不是领导（leader）']]) {
      const response = await get(`/supervision/overdue?leader=${leader}`);
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([{ field: 'leader', problems: [expect.stringContaining(problem)] }]);
    }
    expect((await get('/supervision/overdue.xlsx?leader=nobody-here')).status).toBe(400);
  });

  it('counts the overdue list by department, area and stage, statutory and SLA apart, for the same filters', () => consistently(async () => {
      const filters = '?departmentCode=edu';
      const [dashboard, list] = await Promise.all([get(`/supervision/dashboard${filters}`), get(`/supervision/overdue${filters}`)]);
      expect(dashboard.status).toBe(200);
      const rows = list.body.items as (Row & { area: string; stage: string | null; stillOverdue: boolean })[];
      const count = (predicate: (row: (typeof rows)[number]) => boolean, kind: string) => rows.filter((row) => row.kind === kind && predicate(row)).length;
      expect(dashboard.body.counts).toEqual({ statutory: list.body.counts.statutory, sla: list.body.counts.sla, stillOverdue: rows.filter((row) => row.stillOverdue).length });
      expect(dashboard.body.byDepartment).toEqual([expect.objectContaining({ key: 'edu', statutory: list.body.counts.statutory, sla: list.body.counts.sla })]);
      const area = rows.find((row) => row.itemId === lateDraft)!.area;
      expect(dashboard.body.byArea).toEqual(expect.arrayContaining([expect.objectContaining({ key: area, label: area, statutory: count((row) => row.area === area, 'statutory'), sla: count((row) => row.area === area, 'sla') })]));
      expect(dashboard.body.byStage).toEqual(expect.arrayContaining([
        expect.objectContaining({ key: 'sign-off', label: '签发', sla: count((row) => row.stage === 'sign-off', 'sla'), statutory: count((row) => row.stage === 'sign-off', 'statutory') }),
        expect.objectContaining({ key: 'outside-review', statutory: count((row) => row.stage === null, 'statutory') }),
      ]));
      const byStage = dashboard.body.byStage as { key: string; statutory: number; sla: number }[];
      expect(byStage.reduce((sum, bar) => sum + bar.statutory + bar.sla, 0)).toBe(rows.length);
      expect(dashboard.body.demands).toEqual({ open: expect.any(Number), overdue: expect.any(Number), answered: expect.any(Number) });

      // The leader filter narrows the charts exactly as it narrows the list.
      const narrowed = await get(`/supervision/dashboard?leader=${encodeURIComponent(viceLeader)}`);
      const narrowedList = await get(`/supervision/overdue?leader=${encodeURIComponent(viceLeader)}`);
      expect(narrowed.body.counts.statutory).toBe(narrowedList.body.counts.statutory);
      expect(narrowed.body.counts.sla).toBe(narrowedList.body.counts.sla);
  }));

  it("shows the annual report's own deadline: January 31 of the next year, in China days", async () => {
    const { body } = await get('/supervision/dashboard');
    const now = new Date();
    const year = Number(chinaDateOf(now).slice(0, 4));
    const expectedYear = now <= annualReportDueAt(year - 1) ? year - 1 : year;
    const dueAt = annualReportDueAt(expectedYear);
    const daysLeft = Math.round((Date.parse(`${chinaDateOf(dueAt)}T00:00:00Z`) - Date.parse(`${chinaDateOf(now)}T00:00:00Z`)) / 86_400_000);
    expect(body.annualReport).toEqual(expect.objectContaining({
      year: expectedYear, dueAt: dueAt.toISOString(), dueDate: `${expectedYear + 1}-01-31`, daysLeft, overdue: false,
      links: { html: `/api/reports/annual.html?year=${expectedYear}`, xlsx: `/api/reports/annual.xlsx?year=${expectedYear}` },
    }));
    // The same instant the annual report itself states.
    const report = await get(`/reports/annual?year=${expectedYear}`);
    expect(report.body.dueAt).toBe(body.annualReport.dueAt);
  });

  it('gives the trend per department from the assessment, with the overdue rows of each period', async () => {
    const today = chinaDateOf(new Date());
    await consistently(async () => {
      const trend = await get('/supervision/trend?unit=quarter');
      expect(trend.status).toBe(200);
      expect(trend.body.periods).toHaveLength(6);
      const last = trend.body.periods[5];
      expect(last.from <= today && today <= last.to).toBe(true);
      const edu = trend.body.departments.find((department: { departmentCode: string }) => department.departmentCode === 'edu');
      for (const [index, period] of (trend.body.periods as { key: string; from: string; to: string }[]).entries()) {
        const assessment = await get(`/reports/assessment?from=${period.from}&to=${period.to}&departmentCode=edu`);
        const release = assessment.body.departments[0].release;
        expect(edu.series[index]).toEqual(expect.objectContaining({ period: period.key, due: release.due, onTime: release.onTime, onTimeRate: release.onTimeRate }));
        const overdue = await get(`/supervision/overdue?departmentCode=edu&from=${period.from}&to=${period.to}`);
        expect(edu.series[index].overdue).toBe(overdue.body.items.length);
      }
      // The late draft's deadline (20 working days after 60 days ago) falls in one of the periods.
      expect(edu.series.reduce((sum: number, point: { overdue: number }) => sum + point.overdue, 0)).toBeGreaterThan(0);
    });

    const months = await get('/supervision/trend?unit=month&periods=12');
    expect(months.body.periods.map((period: { key: string }) => period.key)).toHaveLength(12);
    expect(months.body.periods[11].key).toBe(today.slice(0, 7));
    expect(months.body.periods[0]).toEqual(expect.objectContaining({ from: expect.stringMatching(/-01$/) }));
    const bad = await get('/supervision/trend?unit=year&periods=1');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['periods', 'unit']);
  });

  it('offers the filter values, and is for supervisors and admins only', async () => {
    const filters = await get('/supervision/filters');
    expect(filters.body.leaders).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'edu.leader', departmentCode: 'edu' }), expect.objectContaining({ username: viceLeader })]));
    expect(filters.body.departments).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'edu' })]));
    expect(filters.body.stages.map((stage: { label: string }) => stage.label)).toEqual(['初审', '保密审查', '合法性审查', '签发']);
    for (const path of ['/supervision/dashboard', '/supervision/trend', '/supervision/filters']) {
      expect((await get(path, 'edu.leader')).status).toBe(403);
      expect((await get(path, 'admin')).status).toBe(200);
    }
  });
});
