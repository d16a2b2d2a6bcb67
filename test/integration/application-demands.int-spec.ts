import { randomUUID } from 'node:crypto';
import {
  answerApplicationDemandUpdate,
  APPLICATION_DEMAND_WORKFLOW_TYPE,
  applicationDemandOpenedUpdate,
  applicationDemandWorkflowId,
  closeApplicationDemandUpdate,
  type ActorRef,
  type ApplicationDemandInput,
} from '@zwgk/contracts';
import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/** An application as its workflow's read model would hold it (the reply timer itself is application-deadlines' subject). */
async function insertApplication(query: Query, id: string, fields: { state: string; handling: string | null; dueAt: string; overdue: boolean; late?: boolean; closedOn?: string }) {
  await query(
    `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type,
       applicant_name, description, delivery_form, submitted_on, state, handling_department_code, due_at, due_date, overdue, late, closed_on, outcome)
     VALUES ($1, $2, 'x', $3, 'office', 'in-person', 'naturalPerson', '督办申请人', '某项目批复文件', '纸质', '2026-09-01', $4, $5, $6, ($6::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, $7, $8, $9, $10)`,
    [id, `YSQ-D${id.slice(0, 8)}`, `disclosure-application-${id}`, fields.state, fields.handling, fields.dueAt, fields.overdue, fields.late ?? null, fields.closedOn ?? null, fields.closedOn ? 'granted' : null],
  );
}

/**
 * 督办 on an application, on the time-skipping server: issued with a response date, the department reminded a
 * working day before, overdue at the end of the date, answered late (说明情况, 整改措施), closed by the
 * supervisor. The server's clock starts at Tuesday 2096-11-13 09:00 China time, a week without holidays, so
 * no date here depends on today's.
 */
describe('a 督办 on an application, on durable timers', () => {
  let harness: TimeSkippingHarness;

  beforeAll(async () => {
    harness = await startTimeSkippingHarness('application-demand-timer', undefined, { startAt: '2096-11-13T01:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };
  const head: ActorRef = { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] };
  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };

  it('is issued, reminds, falls overdue, is answered late and is closed by the supervisor', async () => {
    const { env, dataSource, taskQueue } = harness;
    const applicationId = randomUUID();
    await insertApplication((sql, params) => dataSource.query(sql, params), applicationId, { state: 'accepted', handling: 'edu', dueAt: '2096-11-12T15:59:59.999Z', overdue: true });
    const demandId = randomUUID();
    // Due by the end of Friday 11/16, China time.
    const input: ApplicationDemandInput = {
      demandId, applicationId, queryNumber: `YSQ-D${applicationId.slice(0, 8)}`, departmentCode: 'edu', officeDepartmentCode: 'office',
      reason: '答复已逾期，请说明原因并提出整改措施', dueDate: '2096-11-16', dueAt: '2096-11-16T15:59:59.999Z', demandedBy: supervisor,
    };
    const handle = await env.client.workflow.start(APPLICATION_DEMAND_WORKFLOW_TYPE, { workflowId: applicationDemandWorkflowId(demandId), taskQueue, args: [input] });
    const opened = await handle.executeUpdate(applicationDemandOpenedUpdate);
    expect(opened).toEqual(expect.objectContaining({ state: 'OPEN', reminded: false, overdue: false, dueAt: input.dueAt }));
    const row = async () => (await dataSource.query(`SELECT state, reminded_at, overdue_at, situation, measures, responder, closed_by FROM application_demands WHERE id = $1`, [demandId]))[0];
    const actions = async () => (await dataSource.query(`SELECT action FROM audit_events WHERE detail->>'demandId' = $1 ORDER BY id`, [demandId])).map((entry: { action: string }) => entry.action);
    const told = async (kind: string) => (await dataSource.query(`SELECT recipient FROM notifications WHERE notification_key LIKE $1 AND kind = $2`, [`application-demand-${demandId}:%`, kind])).map((entry: { recipient: string }) => entry.recipient);
    // A notice is sent by an activity after the step it follows has answered: wait for it, on a busy machine too.
    const toldEventually = async (kind: string) => {
      for (let attempt = 0; attempt < 300; attempt++) {
        const recipients = await told(kind);
        if (recipients.length > 0) return recipients;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return told(kind);
    };
    expect((await row()).state).toBe('open');
    expect(await toldEventually('application-demand')).toContain('edu.reviewer');
    // On the application's timeline: the audit rows carry its id.
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE detail->>'applicationId' = $1 AND action = 'application-demand.issued'`, [applicationId]))[0].n).toBe(1);

    // Closing before an answer and answers from the wrong people are refused before anything reaches history.
    await expect(handle.executeUpdate(closeApplicationDemandUpdate, { args: [{ demandId, actor: supervisor }] })).rejects.toMatchObject({ cause: { type: 'Conflict' } });
    await expect(handle.executeUpdate(answerApplicationDemandUpdate, { args: [{ demandId, actor: drafter, situation: '情况', measures: '措施' }] })).rejects.toMatchObject({ cause: { type: 'Forbidden', message: expect.stringContaining('负责人') } });
    await expect(handle.executeUpdate(answerApplicationDemandUpdate, { args: [{ demandId, actor: { ...head, departmentCode: 'civil' }, situation: '情况', measures: '措施' }] })).rejects.toMatchObject({ cause: { type: 'Forbidden' } });
    await expect(handle.executeUpdate(answerApplicationDemandUpdate, { args: [{ demandId, actor: head, situation: '情况', measures: '  ' }] })).rejects.toMatchObject({ cause: { type: 'InvalidInput', message: expect.stringContaining('整改措施') } });

    // The reminder at the end of Thursday 11/15 (the working day before the due day).
    await harness.sleepUntil('2096-11-15T15:59:00Z');
    expect((await row()).reminded_at).toBeNull();
    await harness.sleepUntil('2096-11-15T16:01:00Z');
    expect((await row()).reminded_at).not.toBeNull();
    expect(await toldEventually('application-demand-reminder')).toContain('edu.reviewer');
    expect(await handle.query('applicationDemandView')).toEqual(expect.objectContaining({ state: 'OPEN', reminded: true }));

    // A second before the due instant it is open; just after, the workflow has marked it overdue and told the supervisors.
    await harness.sleepUntil('2096-11-16T15:59:58Z');
    expect((await row()).state).toBe('open');
    await harness.sleepUntil('2096-11-16T16:01:00Z');
    expect((await row()).state).toBe('overdue');
    expect(await toldEventually('application-demand-overdue')).toContain('office.supervisor');

    // The head's late answer, then the supervisor's closing; the workflow completes.
    const answered = await handle.executeUpdate(answerApplicationDemandUpdate, { args: [{ demandId, actor: head, situation: ' 承办人员病休，交接延误 ', measures: '已指定专人，三日内答复' }] });
    expect(answered).toEqual(expect.objectContaining({ state: 'ANSWERED', overdue: true, answer: expect.objectContaining({ situation: '承办人员病休，交接延误', measures: '已指定专人，三日内答复', responder: 'edu.reviewer', late: true }) }));
    await expect(handle.executeUpdate(answerApplicationDemandUpdate, { args: [{ demandId, actor: head, situation: '再答', measures: '再答' }] })).rejects.toMatchObject({ cause: { type: 'Conflict' } });
    expect(await toldEventually('application-demand-answered')).toEqual(['office.supervisor']);
    await expect(handle.executeUpdate(closeApplicationDemandUpdate, { args: [{ demandId, actor: head }] })).rejects.toMatchObject({ cause: { type: 'Forbidden' } });
    const closed = await handle.executeUpdate(closeApplicationDemandUpdate, { args: [{ demandId, actor: supervisor, remark: '整改措施可行，予以办结' }] });
    expect(closed).toEqual(expect.objectContaining({ state: 'CLOSED', closing: expect.objectContaining({ closedBy: 'office.supervisor', remark: '整改措施可行，予以办结' }) }));
    expect(await handle.result()).toEqual(expect.objectContaining({ state: 'CLOSED' }));
    expect(await row()).toEqual(expect.objectContaining({ state: 'closed', situation: '承办人员病休，交接延误', measures: '已指定专人，三日内答复', responder: 'edu.reviewer', closed_by: 'office.supervisor' }));
    expect(await actions()).toEqual(['application-demand.issued', 'application-demand.reminded', 'application-demand.overdue', 'application-demand.answered', 'application-demand.closed']);
  });
});

/**
 * The same through the real API and worker: the supervisor issues a 督办 from the overdue list, the handling
 * department sees it on its application list and answers on the application, the supervisor closes it.
 * Other files share the database: assertions look only at this file's applications.
 */
describe('督办 on an application through the API', () => {
  let system: RunningSystem;
  let client: ApiClient;
  const handled = randomUUID();
  const atOffice = randomUUID();
  const onTime = randomUUID();
  // A response date no real date overtakes before 2099; the timers are the first describe's subject.
  const dueDate = '2099-06-30';

  beforeAll(async () => {
    system = await startSystem('application-demands');
    ({ client } = system);
    const query: Query = (sql, params) => system.db.query(sql, params);
    await insertApplication(query, handled, { state: 'accepted', handling: 'edu', dueAt: '2026-11-02T15:59:59.999Z', overdue: true });
    await insertApplication(query, atOffice, { state: 'received', handling: null, dueAt: '2026-11-03T15:59:59.999Z', overdue: true });
    await insertApplication(query, onTime, { state: 'closed', handling: 'edu', dueAt: '2026-10-15T15:59:59.999Z', overdue: false, late: false, closedOn: '2026-10-14' });
  }, 120_000);

  afterAll(() => system?.stop());

  const issue = (applicationId: string, body: unknown, as = 'office.supervisor', key?: string) =>
    client.request('POST', `/applications/${applicationId}/demands`, { as, body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });
  const answer = (applicationId: string, demandId: string, body: unknown, as: string, key?: string) =>
    client.request('POST', `/applications/${applicationId}/demands/${demandId}/answer`, { as, body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });
  const close = (applicationId: string, demandId: string, body: unknown, as = 'office.supervisor') => client.request('POST', `/applications/${applicationId}/demands/${demandId}/close`, { as, body });

  it('refuses anyone but a supervisor, a blank reason, a bad or past date, an unknown application and one answered on time', async () => {
    expect((await issue(handled, { reason: '请说明', dueDate }, 'edu.reviewer')).status).toBe(403);
    expect((await issue(handled, { reason: '请说明', dueDate }, 'admin')).status).toBe(403);
    const blank = await issue(handled, { reason: '  ', dueDate });
    expect(blank.status).toBe(400);
    expect(blank.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    const nul = await issue(handled, { reason: '请说明\u0000', dueDate });
    expect(nul.status).toBe(400);
    expect(nul.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    for (const bad of ['2099-02-30', '30/06/2099', '2020-01-06']) {
      const response = await issue(handled, { reason: '请说明', dueDate: bad });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([expect.objectContaining({ field: 'dueDate' })]);
    }
    expect((await issue(randomUUID(), { reason: '请说明', dueDate })).status).toBe(404);
    expect((await issue(onTime, { reason: '请说明', dueDate })).status).toBe(409);
  });

  it('is issued once per key to the handling department, shows on the overdue list and on the department list', async () => {
    const key = `app-demand-${handled}`;
    const first = await issue(handled, { reason: '答复已逾期，请说明原因', dueDate }, 'office.supervisor', key);
    expect(first.status).toBe(201);
    expect(first.body).toEqual(expect.objectContaining({ applicationId: handled, departmentCode: 'edu', answeringRole: 'reviewer', state: 'open', dueDate, dueAt: '2099-06-30T15:59:59.999Z', demandedBy: 'office.supervisor' }));
    const again = await issue(handled, { reason: '答复已逾期，请说明原因', dueDate }, 'office.supervisor', key);
    expect(again.body.id).toBe(first.body.id);
    const second = await issue(handled, { reason: '再督办', dueDate }, 'office.supervisor', `${key}-2`);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('application-demand.already-open');

    const overdue = await client.request('GET', '/supervision/overdue?departmentCode=edu', { as: 'office.supervisor' });
    const row = overdue.body.applications.items.find((entry: { applicationId: string }) => entry.applicationId === handled);
    expect(row.demand).toEqual({ id: first.body.id, state: 'open', stateLabel: '待答复', dueDate });
    const list = await client.request('GET', '/applications', { as: 'edu.reviewer' });
    expect(list.body.items.find((entry: { id: string }) => entry.id === handled).demand).toEqual(expect.objectContaining({ id: first.body.id, state: 'open' }));
    const demands = await client.request('GET', `/applications/${handled}/demands`, { as: 'edu.reviewer' });
    expect(demands.body.items.map((entry: { id: string }) => entry.id)).toEqual([first.body.id]);
    expect((await client.request('GET', `/applications/${handled}/demands`, { as: 'civil.leader' })).status).toBe(403);
  });

  it('is answered by the department head, idempotently, and closed by the supervisor, all on the timeline', async () => {
    const { body: demand } = await client.request('GET', `/applications/${handled}/demands`, { as: 'office.supervisor' }).then((response) => ({ body: response.body.items[0] }));
    const notAnswered = await close(handled, demand.id, {});
    expect(notAnswered.status).toBe(409);
    expect(notAnswered.body.code).toBe('application-demand.not-answered');
    expect((await answer(handled, demand.id, { situation: '情况', measures: '措施' }, 'edu.drafter')).status).toBe(403);
    expect((await answer(handled, demand.id, { situation: '情况', measures: '措施' }, 'office.publisher')).status).toBe(403);
    const missing = await answer(handled, demand.id, { situation: '情况' }, 'edu.reviewer');
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([expect.objectContaining({ field: 'measures' })]);
    expect((await answer(handled, randomUUID(), { situation: '情况', measures: '措施' }, 'edu.reviewer')).status).toBe(404);

    const body = { situation: '承办科室人员调整', measures: '已指定专人，本周内答复' };
    const answered = await answer(handled, demand.id, body, 'edu.reviewer', 'answer-1');
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual(expect.objectContaining({ state: 'answered', ...body, responder: 'edu.reviewer', late: false }));
    expect((await answer(handled, demand.id, body, 'edu.reviewer', 'answer-1')).body).toEqual(answered.body);
    expect((await answer(handled, demand.id, body, 'edu.reviewer', 'answer-2')).body).toEqual(answered.body);
    expect((await answer(handled, demand.id, { ...body, measures: '另一答复' }, 'edu.reviewer')).status).toBe(409);

    expect((await close(handled, demand.id, {}, 'edu.reviewer')).status).toBe(403);
    const closed = await close(handled, demand.id, { remark: '予以办结' });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual(expect.objectContaining({ state: 'closed', closedBy: 'office.supervisor', closingRemark: '予以办结' }));
    expect((await close(handled, demand.id, {})).body.state).toBe('closed');

    const page = await client.request('GET', `/applications/${handled}`, { as: 'edu.reviewer' });
    expect(page.body.timeline.map((entry: { action: string }) => entry.action).filter((action: string) => action.startsWith('application-demand.'))).toEqual([
      'application-demand.issued',
      'application-demand.answered',
      'application-demand.closed',
    ]);
    const overdue = await client.request('GET', '/supervision/overdue?departmentCode=edu', { as: 'office.supervisor' });
    expect(overdue.body.applications.items.find((entry: { applicationId: string }) => entry.applicationId === handled).demand).toBeNull();
  });

  it('goes to the office disclosure staff while the office holds the application', async () => {
    const issued = await issue(atOffice, { reason: '逾期未受理，请说明', dueDate });
    expect(issued.body).toEqual(expect.objectContaining({ departmentCode: 'office', answeringRole: 'disclosure-office' }));
    expect((await answer(atOffice, issued.body.id, { situation: '情况', measures: '措施' }, 'edu.reviewer')).status).toBe(403);
    const answered = await answer(atOffice, issued.body.id, { situation: '登记遗漏', measures: '今日受理' }, 'office.publisher');
    expect(answered.body).toEqual(expect.objectContaining({ state: 'answered', responder: 'office.publisher' }));
  });
});
