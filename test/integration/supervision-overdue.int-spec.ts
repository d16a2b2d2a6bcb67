import { Workbook } from 'exceljs';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar, workingDaysLate } from '@zwgk/domain';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * The supervisors' overdue audit over real items and tasks. Due times are moved into the past in the read
 * models (the workflows' own timers are covered elsewhere), and other test files share the database, so
 * every assertion looks only at this file's items.
 */
describe('the overdue audit', () => {
  let system: RunningSystem;
  let client: ApiClient;
  const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
  let lateDraft: { id: string; releaseDueAt: string };
  let inReview: string;
  let lateTask: { id: string; stage: string; dueAt: string };

  beforeAll(async () => {
    system = await startSystem('supervision');
    ({ client } = system);

    // Formed in September and never released: its statutory 20 working days are long gone.
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '逾期未公开', body: '……', formedAt: '2026-09-01' } });
    expect(created.status).toBe(201);
    lateDraft = { id: created.body.id, releaseDueAt: created.body.releaseDueAt };

    const second = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '审查逾期', body: '……', formedAt: '2026-11-20' } });
    inReview = second.body.id;
    const submitted = await client.request('POST', `/items/${inReview}/submit`, { as: 'edu.drafter' });
    expect(submitted.status).toBe(200);
    const task = await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT id, stage FROM review_tasks WHERE item_id = $1 AND state = 'open'`, [inReview]);
      return rows[0] as { id: string; stage: string } | undefined;
    }, 'the first review task');
    lateTask = { ...task, dueAt: '2026-11-02T15:59:59.999Z' }; // the end of Monday 2026-11-02 in China
    await system.db.query('UPDATE review_tasks SET due_at = $2 WHERE id = $1', [task.id, lateTask.dueAt]);
    // What the workflow writes when the due timer fires (the timer itself is not what this file tests).
    await system.db.query(
      `INSERT INTO audit_events (event_key, item_id, task_id, actor, action, department_code, detail) VALUES ($1, $2, $3, 'system', 'task.escalated', 'edu', $4)`,
      [`supervision-test:escalated:${task.id}`, inReview, task.id, JSON.stringify({ stage: task.stage, to: 'reviewer' })],
    );
  }, 120_000);

  afterAll(() => system?.stop());

  const overdue = (query = '', as = 'office.supervisor') => client.request('GET', `/supervision/overdue${query}`, { as });
  /** The fields of an overdue row these filters look at. */
  type Row = { itemId: string; kind: string; taskId: string | null };
  const mine = (rows: Row[]) => rows.filter((row) => row.itemId === lateDraft.id || row.itemId === inReview);

  it('lists an unreleased item past its legal limit as statutory, late in working days, owned by its drafter', async () => {
    const response = await overdue('?departmentCode=edu');
    expect(response.status).toBe(200);
    const row = response.body.items.find((item: { itemId: string; kind: string }) => item.itemId === lateDraft.id && item.kind === 'statutory');
    const expected = workingDaysLate(calendar, new Date(lateDraft.releaseDueAt), new Date(response.body.generatedAt));
    expect(expected).toBeGreaterThan(30);
    expect(row).toEqual(expect.objectContaining({
      title: '逾期未公开', departmentCode: 'edu', departmentName: expect.any(String), area: expect.any(String), itemState: 'DRAFT',
      dueAt: new Date(lateDraft.releaseDueAt).toISOString(), finishedAt: null, stillOverdue: true, workingDaysLate: expected,
      responsible: { basis: 'drafter', usernames: ['edu.drafter'] }, escalations: [], extensions: [],
    }));
  });

  it('lists an item its release deadline timer recorded overdue, whatever the clock says, and the item page shows it', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title: '计时器记为逾期', body: '……', formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    const itemId: string = created.body.id;
    const page = async () => (await client.request('GET', `/items/${itemId}`, { as: 'edu.drafter' })).body.deadlines.find((deadline: { kind: string }) => deadline.kind === 'release');
    // A due instant no clock has reached, and then what the item's timer writes at its due instant (the
    // timer itself is tested on the time-skipping server): only the recorded flag can list it.
    await system.db.query(`UPDATE disclosure_items SET release_due_at = '2099-06-30T15:59:59.999Z' WHERE id = $1`, [itemId]);
    const listed = async () => (await overdue('?kind=statutory&departmentCode=edu')).body.items.find((row: { itemId: string }) => row.itemId === itemId);
    expect(await listed()).toBeUndefined();
    expect(await page()).toMatchObject({ overdue: false });
    await system.db.query(`UPDATE disclosure_items SET release_overdue = true, release_overdue_at = now() WHERE id = $1`, [itemId]);
    expect(await listed()).toMatchObject({ kind: 'statutory', dueAt: '2099-06-30T15:59:59.999Z', stillOverdue: true, finishedAt: null });
    expect(await page()).toMatchObject({ overdue: true });
  });

  it('lists an open task past its due time as internal SLA, with the stage role holders and its escalation', async () => {
    const response = await overdue('?kind=sla');
    const rows = mine(response.body.items);
    expect(rows.every((row) => row.kind === 'sla')).toBe(true);
    const row = rows.find((item) => item.taskId === lateTask.id);
    expect(row).toEqual(expect.objectContaining({
      itemId: inReview, stage: lateTask.stage, stageLabel: expect.any(String), dueAt: lateTask.dueAt, stillOverdue: true,
      workingDaysLate: workingDaysLate(calendar, new Date(lateTask.dueAt), new Date(response.body.generatedAt)),
      responsible: { basis: 'role-holders', usernames: expect.arrayContaining(['edu.reviewer']) },
      escalations: [expect.objectContaining({ action: 'task.escalated', taskId: lateTask.id })],
    }));
    expect(mine((await overdue('?kind=statutory')).body.items).every((item) => item.kind === 'statutory')).toBe(true);
  });

  it('keeps a task decided late, with the extensions granted since, and the supervisor comments', async () => {
    const decided = await client.request('POST', `/tasks/${lateTask.id}/complete`, { as: 'edu.reviewer', body: { decision: 'approve' } });
    expect(decided.status).toBe(200);
    const next = await client.eventually(async () => {
      const { rows } = await system.db.query(`SELECT id FROM review_tasks WHERE item_id = $1 AND state = 'open'`, [inReview]);
      return rows[0] as { id: string } | undefined;
    }, 'the next review task');
    const extended = await client.request('POST', `/items/${inReview}/extensions`, { as: 'office.supervisor', body: { target: next.id, workingDays: 2, reason: '需补充材料' } });
    expect(extended.status).toBe(200);
    const commented = await client.request('POST', `/supervision/items/${inReview}/comments`, { as: 'office.supervisor', body: { comment: '请加快办理' } });
    expect(commented.status).toBe(201);
    expect(commented.body).toEqual(expect.objectContaining({ itemId: inReview, actor: 'office.supervisor', comment: '请加快办理' }));

    const row = await client.eventually(async () => {
      const found = (await overdue(`?stage=${lateTask.stage}`)).body.items.find((item: { taskId: string }) => item.taskId === lateTask.id);
      return found?.extensions.length ? found : undefined;
    }, 'the extension in the overdue row');
    expect(row).toEqual(expect.objectContaining({
      stillOverdue: false, finishedAt: expect.any(String), workingDaysLate: workingDaysLate(calendar, new Date(lateTask.dueAt), new Date(row.finishedAt)),
      responsible: { basis: expect.stringMatching(/claimed|decided/), usernames: ['edu.reviewer'] },
      extensions: [expect.objectContaining({ action: 'deadline.extended', actor: 'office.supervisor', reason: '需补充材料' })],
      comments: [expect.objectContaining({ action: 'supervision.commented', detail: { comment: '请加快办理' } })],
    }));
    const trail = await client.request('GET', `/audit?itemId=${inReview}&action=supervision.commented`, { as: 'office.supervisor' });
    expect(trail.body.items).toEqual([expect.objectContaining({ actor: 'office.supervisor', detail: { comment: '请加快办理' } })]);

    expect((await client.request('POST', `/supervision/items/${inReview}/comments`, { as: 'edu.leader', body: { comment: 'x' } })).status).toBe(403);
    const empty = await client.request('POST', `/supervision/items/${inReview}/comments`, { as: 'office.supervisor', body: { comment: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual([expect.objectContaining({ field: 'comment' })]);
  });

  it('filters by department, area, stage and period', async () => {
    const area = (await overdue()).body.items.find((item: { itemId: string }) => item.itemId === lateDraft.id).area as string;
    expect(mine((await overdue(`?area=${encodeURIComponent(area)}`)).body.items).length).toBeGreaterThan(0);
    expect(mine((await overdue('?departmentCode=civil')).body.items)).toEqual([]);
    // The draft waits in no stage, so a stage filter leaves it out.
    expect(mine((await overdue(`?stage=${lateTask.stage}`)).body.items).map((row) => row.itemId)).not.toContain(lateDraft.id);
    expect(mine((await overdue('?from=2026-11-02&to=2026-11-02')).body.items).map((row) => row.taskId)).toEqual([lateTask.id]);
  });

  it('answers 400 naming bad filters and 403 to anyone but supervisors and admins', async () => {
    const bad = await overdue('?kind=late&stage=lunch&from=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['from', 'kind', 'stage']);
    for (const [query, field] of [['?departmentCode=nowhere', 'departmentCode'], ['?area=月球', 'area'], ['?from=2026-05-02&to=2026-05-01', 'to']]) {
      const response = await overdue(query);
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field })]);
    }
    expect((await overdue('', 'edu.leader')).status).toBe(403);
    expect((await overdue('', 'office.publisher')).status).toBe(403);
    expect((await overdue('', 'admin')).status).toBe(200);
    expect((await client.request('GET', '/supervision/overdue.csv', { as: 'edu.drafter' })).status).toBe(403);
  });

  it('exports the same rows as CSV (with a BOM for Excel) and as .xlsx', async () => {
    const csv = await fetch(`${client.baseUrl}/supervision/overdue.csv?departmentCode=edu`, { headers: { authorization: `Bearer ${await client.token('office.supervisor')}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toMatch(/^\uFEFF逾期类型,事项编号,标题/);
    expect(text).toContain(`法定时限,${lateDraft.id},逾期未公开`);

    const xlsx = await fetch(`${client.baseUrl}/supervision/overdue.xlsx?departmentCode=edu`, { headers: { authorization: `Bearer ${await client.token('office.supervisor')}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('逾期督查')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('逾期类型');
    const ids: unknown[] = [];
    sheet.eachRow((row) => ids.push(row.getCell(2).value));
    expect(ids).toContain(lateDraft.id);
  });
});
