import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * 依申请公开 through the real API, worker and workflow: a citizen applies on the portal without an account,
 * the office signs and assigns it, the department drafts, reviews and signs the reply, the office delivers
 * it, and the citizen reads it with the 查询号 and code. Personal data is shown to the office and the
 * handling department only. Other files share the database: every assertion looks at this file's rows.
 */
describe('an application for disclosure (依申请公开) through the API', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    system = await startSystem('applications');
    ({ client } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const applicant = {
    applicantType: 'naturalPerson',
    applicantName: '张测试',
    idDocument: '110101199001011234',
    phone: '13800138000',
    description: '某校2026年秋季招生计划的批复文件',
    deliveryForm: '电子邮件',
  };
  const step = (id: string, as: string, body: Record<string, unknown>) => client.request('POST', `/applications/${id}/steps`, { as, body });

  it('refuses a bad public application with 400 naming the field, and a wrong code as one 404', async () => {
    const bad = await client.request('POST', '/public/applications', { body: { ...applicant, applicantType: 'alien', description: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['applicantType', 'description']);
    const wrong = await client.request('POST', '/public/applications/lookup', { body: { queryNumber: 'YSQ00000000NOPE00', verificationCode: '000000' } });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('application.lookup-failed');
  });

  it('is applied for on the portal, handled by staff, and read back with the 查询号 and code', async () => {
    const submitted = await client.request('POST', '/public/applications', { body: applicant });
    expect(submitted.status).toBe(201);
    const { queryNumber, verificationCode } = submitted.body as { queryNumber: string; verificationCode: string };
    expect(queryNumber).toMatch(/^YSQ\d{8}[0-9A-F]{6}$/);
    expect(verificationCode).toMatch(/^\d{6}$/);
    expect(JSON.stringify(submitted.body)).not.toContain('张测试');

    const lookup = () => client.request('POST', '/public/applications/lookup', { body: { queryNumber, verificationCode } });
    const first = await lookup();
    expect(first.status).toBe(200);
    expect(first.body).toEqual(expect.objectContaining({ queryNumber, state: 'submitted', stateLabel: '待签收', receivedOn: null }));
    for (const secret of ['张测试', '110101199001011234', '13800138000']) expect(JSON.stringify(first.body)).not.toContain(secret);
    expect((await client.request('POST', '/public/applications/lookup', { body: { queryNumber, verificationCode: verificationCode === '000000' ? '000001' : '000000' } })).status).toBe(404);

    const listed = await client.request('GET', '/applications?state=submitted', { as: 'office.publisher' });
    expect(listed).toEqual(expect.objectContaining({ status: 200 }));
    const mine = listed.body.items.find((entry: { queryNumber: string }) => entry.queryNumber === queryNumber);
    expect(mine).toEqual(expect.objectContaining({ channel: 'online', state: 'submitted', applicant: expect.objectContaining({ name: '张测试', phone: '13800138000' }) }));
    const id = mine.id as string;

    // 签收 by the office only; then 受理 to 县教育局.
    expect((await step(id, 'edu.drafter', { step: 'sign' })).status).toBe(403);
    const signed = await step(id, 'office.publisher', { step: 'sign' });
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual(expect.objectContaining({ state: 'received', receivedOn: expect.any(String), dueDate: expect.any(String), dueExplanation: expect.stringContaining('20个工作日') }));
    expect((await step(id, 'office.publisher', { step: 'accept' })).body.fields).toEqual([expect.objectContaining({ field: 'departmentCode' })]);
    expect((await step(id, 'office.publisher', { step: 'accept', departmentCode: 'edu' })).body.state).toBe('accepted');

    // Personal data: the office and the handling department see it; a supervisor sees it masked; 民政局 not at all.
    expect((await client.request('GET', `/applications/${id}`, { as: 'edu.drafter' })).body.applicant.idDocument).toBe('110101199001011234');
    const supervised = await client.request('GET', `/applications/${id}`, { as: 'office.supervisor' });
    expect(supervised.body.applicant).toEqual(expect.objectContaining({ masked: true, idDocument: null, phone: null }));
    expect(supervised.body.applicant.name).not.toBe('张测试');
    expect((await client.request('GET', `/applications/${id}`, { as: 'civil.drafter' })).status).toBe(403);
    expect((await client.request('GET', '/applications', { as: 'civil.drafter' })).body.items.map((entry: { id: string }) => entry.id)).not.toContain(id);

    // Rules of the workflow reach the client as 400/409 naming the field.
    expect((await step(id, 'office.publisher', { step: 'request-correction', periodWorkingDays: 5 })).body.fields).toEqual([expect.objectContaining({ field: 'missing' })]);
    expect((await step(id, 'office.supervisor', { step: 'decide-extension', approve: true })).status).toBe(409);

    const drafted = await step(id, 'edu.drafter', { step: 'draft-reply', outcome: 'granted' });
    expect(drafted.status).toBe(200);
    expect(drafted.body.reply.letter).toContain('张测试');
    expect((await step(id, 'edu.secrecy', { step: 'review-reply', approve: true })).body.state).toBe('reply-sign-off');
    expect((await step(id, 'edu.leader', { step: 'sign-off-reply', approve: true })).body.state).toBe('reply-ready');
    const delivered = await step(id, 'office.publisher', { step: 'deliver-reply', method: '电子邮件' });
    expect(delivered.body).toEqual(expect.objectContaining({ state: 'closed', late: false, result: expect.objectContaining({ outcome: 'granted', category: '予以公开' }) }));

    const read = await lookup();
    expect(read.body).toEqual(expect.objectContaining({ state: 'closed', result: expect.objectContaining({ category: '予以公开' }), replyLetter: expect.stringContaining('予以公开') }));
    expect(read.body.timeline.map((event: { action: string }) => event.action)).toEqual(['已提交', '已签收', '已受理', '已办结']);

    const detail = await client.request('GET', `/applications/${id}`, { as: 'office.publisher' });
    expect(detail.body.timeline.map((event: { action: string }) => event.action)).toEqual([
      'application.submitted', 'application.signed', 'application.applicant-not-notified', 'application.accepted', 'application.reply-drafted', 'application.reply-reviewed',
      'application.reply-signed-off', 'application.closed', 'application.applicant-not-notified', // no SMS/e-mail gateway in this suite: staff are told to tell the applicant
    ]);
  });

  it('registers a letter signed for by post, with the receipt date of its signature (条例第三十一条)', async () => {
    const registered = await client.request('POST', '/applications', { as: 'office.publisher', body: { ...applicant, channel: 'registered-post', submittedOn: '2026-03-02', signedForOn: '2026-03-02' } });
    expect(registered.status).toBe(201);
    expect(registered.body.verificationCode).toMatch(/^\d{6}$/);
    const signed = await step(registered.body.id, 'office.publisher', { step: 'sign' });
    expect(signed.body).toEqual(expect.objectContaining({ receivedOn: '2026-03-02', dueDate: '2026-03-30' }));
    for (const submittedOn of ['2026-02-30', '1999-03-02']) {
      expect((await client.request('POST', '/applications', { as: 'office.publisher', body: { ...applicant, channel: 'in-person', submittedOn } })).body.fields).toEqual([expect.objectContaining({ field: 'submittedOn' })]);
    }
    expect((await client.request('POST', '/applications', { as: 'edu.drafter', body: { ...applicant, channel: 'in-person', submittedOn: '2026-03-02' } })).status).toBe(403);
    expect((await client.request('POST', '/applications', { as: 'office.publisher', body: { ...applicant, channel: 'fax', submittedOn: '2026-03-02', signedForOn: '2026-03-02' } })).body.fields).toEqual([expect.objectContaining({ field: 'signedForOn' })]);
  });
});

describe('table 三 of the annual report, counted from the applications', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    system = await startSystem('application-table');
    ({ client } = system);
    // Rows as the application workflows leave them, in 2018–2019, years no other suite counts applications in.
    const insert = (type: string, receivedOn: string, closedOn: string | null, outcome: string | null, state: string) =>
      system.db.query(
        `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type, applicant_name,
           description, delivery_form, submitted_on, received_on, closed_on, outcome, state)
         VALUES (gen_random_uuid(), 'T3-' || substr(md5(random()::text), 1, 12), 'x', 'none', 'office', 'in-person', $1, '表三测试', '表三测试申请', '纸质', $2, $2, $3, $4, $5)`,
        [type, receivedOn, closedOn, outcome, state],
      );
    await insert('naturalPerson', '2018-12-20', '2019-01-10', 'granted', 'closed');
    await insert('commercialEnterprise', '2019-05-01', '2019-05-20', 'otherUnpaidFee', 'closed');
    await insert('naturalPerson', '2019-12-25', null, null, 'accepted');
  }, 120_000);

  afterAll(() => system?.stop());

  const cell = (body: { sections: { applications: { rows: { key: string; cells: Record<string, unknown>; total: unknown }[] } } }, row: string, column: string) =>
    body.sections.applications.rows.find((entry) => entry.key === row)!.cells[column];

  it('counts new, carried over, results by category and carried forward, an open application in both years', async () => {
    const y2019 = (await client.request('GET', '/reports/annual?year=2019', { as: 'office.publisher' })).body;
    expect(y2019.sections.applications.source).toBe('system');
    expect(cell(y2019, 'newlyReceived', 'naturalPerson')).toEqual({ value: 1, source: 'system' });
    expect(cell(y2019, 'carriedOver', 'naturalPerson')).toEqual({ value: 1, source: 'system' });
    expect(cell(y2019, 'granted', 'naturalPerson')).toEqual({ value: 1, source: 'system' });
    expect(cell(y2019, 'otherUnpaidFee', 'commercialEnterprise')).toEqual({ value: 1, source: 'system' });
    expect(cell(y2019, 'resultsTotal', 'commercialEnterprise')).toEqual({ value: 1, source: 'system' });
    expect(cell(y2019, 'carriedForward', 'naturalPerson')).toEqual({ value: 1, source: 'system' });
    const y2018 = (await client.request('GET', '/reports/annual?year=2018', { as: 'office.publisher' })).body;
    expect(cell(y2018, 'newlyReceived', 'naturalPerson')).toEqual({ value: 1, source: 'system' });
    expect(cell(y2018, 'carriedForward', 'naturalPerson')).toEqual({ value: 1, source: 'system' });
  });

  it('adds what the office enters for applications handled outside the system, and the table checks still hold', async () => {
    const table = Object.fromEntries(
      ['newlyReceived', 'carriedOver', 'granted', 'partiallyGranted', 'refusedStateSecret', 'refusedProhibitedByLaw', 'refusedThreeSecurities', 'refusedThirdParty', 'refusedInternalAffairs',
        'refusedProcessInformation', 'refusedEnforcementFile', 'refusedQueryMatter', 'unableNotHeld', 'unableNeedsCreation', 'unableStillUnclear', 'notProcessedPetition', 'notProcessedRepeated',
        'notProcessedPublication', 'notProcessedMassRepeated', 'notProcessedConfirmation', 'otherNoCorrection', 'otherUnpaidFee', 'otherOther', 'resultsTotal', 'carriedForward',
      ].map((row) => [row, { naturalPerson: 0, commercialEnterprise: 0, researchInstitution: 0, socialWelfareOrganisation: 0, legalServiceAgency: 0, otherOrganisation: 0 }]),
    ) as Record<string, Record<string, number>>;
    table.newlyReceived.naturalPerson = 2;
    table.granted.naturalPerson = 2;
    table.resultsTotal.naturalPerson = 2;
    expect((await client.request('PUT', '/reports/annual/2019/inputs', { as: 'office.publisher', body: { applications: table } })).status).toBe(200);
    const y2019 = (await client.request('GET', '/reports/annual?year=2019', { as: 'office.publisher' })).body;
    expect(cell(y2019, 'newlyReceived', 'naturalPerson')).toEqual({ value: 3, source: 'system' });
    expect(cell(y2019, 'granted', 'naturalPerson')).toEqual({ value: 3, source: 'system' });
    const row = y2019.sections.applications.rows.find((entry: { key: string }) => entry.key === 'granted');
    expect(row.enteredCells.naturalPerson).toEqual({ value: 2, source: 'input' });
    const total = (key: string) => y2019.sections.applications.rows.find((entry: { key: string }) => entry.key === key).total.value as number;
    expect(total('newlyReceived') + total('carriedOver')).toBe(total('resultsTotal') + total('carriedForward'));
  });
});
