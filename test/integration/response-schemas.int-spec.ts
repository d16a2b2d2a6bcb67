import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { projectRoot } from '@zwgk/config';
import { catalogWorkbook, STANDARD_HEADER, STANDARD_SUB_HEADER } from '../support/catalog-workbook';
import { createOwnDatabase } from '../support/own-database';
import { randomUUID } from 'node:crypto';
import { PUBLIC_CONSULTATION_WORKFLOW_TYPE, publicConsultationWorkflowId, type PublicConsultationInput } from '@zwgk/contracts';
import { chinaDateOf } from '@zwgk/domain';
import { buildPng } from '../support/sample-files';
import type { ApiClient } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/** The part of an OpenAPI 3.0 schema the API's response views use. */
interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } | undefined>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Where an answer differs from its documented schema: a missing required field, a field of another type, a
 * value outside the enum, or a field the schema does not name (so that a field the service adds cannot reach
 * the web app untyped). Empty when it conforms.
 */
function differences(value: unknown, schema: Schema, document: OpenApiDocument, at: string): string[] {
  // Checked before following a reference: `nullable` stands beside the `$ref` (or `allOf`) it qualifies.
  if (value === null) return schema.nullable ? [] : [`${at}: null, not nullable`];
  if (schema.$ref) return differences(value, document.components.schemas[schema.$ref.split('/').pop()!]!, document, at);
  if (schema.allOf) return schema.allOf.flatMap((part) => differences(value, part, document, at));
  if (schema.oneOf) return schema.oneOf.some((part) => differences(value, part, document, at).length === 0) ? [] : [`${at}: ${JSON.stringify(value)} matches none of its ${schema.oneOf.length} forms`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: ${typeof value}, not a string`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: ${typeof value}, not a boolean`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: ${typeof value}, not a number`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: ${JSON.stringify(value)}, not an integer`];
    case 'array':
      return Array.isArray(value) ? value.flatMap((entry, index) => differences(entry, schema.items!, document, `${at}[${index}]`)) : [`${at}: not an array`];
    case 'object':
    case undefined: {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      if (!schema.properties && schema.additionalProperties) return [];
      return [
        ...(schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`),
        ...Object.entries(record).flatMap(([key, field]) =>
          properties[key] ? (field === undefined ? [] : differences(field, properties[key], document, `${at}.${key}`)) : [`${at}.${key}: not documented`],
        ),
      ];
    }
    default:
      return [`${at}: unknown schema type ${schema.type}`];
  }
}

/**
 * The response schemas the web app's types are generated from (GET /api/tasks, /api/items, /api/items/:id,
 * /api/applications, /api/applications/:id, the supervision routes) describe what the API really answers: every field, its type and
 * /api/applications, /api/applications/:id, the staff's and the portal's consultations) describe what the API really answers: every field, its type and
 * whether it may be null, on a released item (tasks decided, ledger written), an item in review and an
 * application in hand.
 */
describe('the documented response schemas', () => {
  let system: RunningSystem;
  let client: ApiClient;
  let document: OpenApiDocument;

  beforeAll(async () => {
    system = await startSystem('response-schemas');
    ({ client } = system);
    document = (await client.request('GET', '/docs-json')).body as OpenApiDocument;
  }, 120_000);
  afterAll(() => system?.stop());

  const conformance = async (route: string, path: string, as: string) => {
    const schema = document.paths[route]?.get?.responses['200']?.content?.['application/json']?.schema;
    const response = await client.request('GET', path, { as });
    expect(response.status).toBe(200);
    return { route, as, documented: !!schema?.$ref, differences: schema ? differences(response.body, schema, document, 'body') : [] };
  };
  const conforms = (route: string, as: string) => ({ route, as, documented: true, differences: [] });
  /** An answer already in hand (a POST's), against the schema of its route, method and status. */
  const sentAnswerConforms = (route: string, method: 'post' | 'delete', status: string, body: unknown) => {
    const schema = document.paths[route]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    return { route, documented: !!schema?.$ref, differences: schema ? differences(body, schema, document, 'body') : [] };
  };
  const draft = (title: string) => ({ catalogItemCode: 'EDU-001', title, body: '为做好2026年秋季义务教育招生入学工作，现将有关事项公布如下。', formedAt: '2026-02-10' });

  it('describe the items and the inbox', async () => {
    const released = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('2026年秋季义务教育招生入学办法') })).body.id as string;
    expect((await client.request('POST', `/items/${released}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await releaseThroughReview(client, released);
    const inReview = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('2026年中小学校招生划片范围') })).body.id as string;
    expect((await client.request('POST', `/items/${inReview}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks?state=open', { as: 'edu.reviewer' });
      return (inbox.body.items as { itemId: string }[]).some((task) => task.itemId === inReview) || undefined;
    }, 'the 初审 task in the inbox');

    expect(await conformance('/api/items/{id}', `/items/${released}`, 'edu.drafter')).toEqual(conforms('/api/items/{id}', 'edu.drafter'));
    expect(await conformance('/api/items/{id}', `/items/${inReview}`, 'edu.reviewer')).toEqual(conforms('/api/items/{id}', 'edu.reviewer'));
    expect(await conformance('/api/items', '/items', 'edu.drafter')).toEqual(conforms('/api/items', 'edu.drafter'));
    expect(await conformance('/api/tasks', '/tasks?state=open', 'edu.reviewer')).toEqual(conforms('/api/tasks', 'edu.reviewer'));
    expect(await conformance('/api/tasks', '/tasks?state=completed', 'edu.leader')).toEqual(conforms('/api/tasks', 'edu.leader'));
    expect(await conformance('/api/tasks/counts', '/tasks/counts', 'edu.reviewer')).toEqual(conforms('/api/tasks/counts', 'edu.reviewer'));
  }, 240_000);

  it('describe the revisions, their diff, the personal-information findings and the public interpretations', async () => {
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { ...draft('2026年秋季转学办理须知'), body: '联系人身份证号330106198503120415，请按时办理。' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // A second revision (稿) comes from a return: submitted, returned by 初审, revised.
    expect((await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const task = await client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks?state=open', { as: 'edu.reviewer' });
      return (inbox.body.items as { id: string; itemId: string }[]).find((candidate) => candidate.itemId === id);
    }, 'the 初审 task');
    expect((await client.request('POST', `/tasks/${task.id}/complete`, { as: 'edu.reviewer', body: { decision: 'return', comment: '请写明办理时间' } })).status).toBe(200);
    await client.eventually(async () => ((await client.request('GET', `/items/${id}`, { as: 'edu.drafter' })).body.state === 'RETURNED' ? true : undefined), 'the returned item');
    expect((await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { title: '2026年秋季转学办理须知（修订）' } })).status).toBe(200);
    expect(await conformance('/api/items/{id}/revisions', `/items/${id}/revisions`, 'edu.drafter')).toEqual(conforms('/api/items/{id}/revisions', 'edu.drafter'));
    expect(await conformance('/api/items/{id}/revisions/{from}/diff/{to}', `/items/${id}/revisions/1/diff/2`, 'edu.drafter')).toEqual(conforms('/api/items/{id}/revisions/{from}/diff/{to}', 'edu.drafter'));
    expect(await conformance('/api/items/{id}/personal-information', `/items/${id}/personal-information`, 'edu.drafter')).toEqual(conforms('/api/items/{id}/personal-information', 'edu.drafter'));
    const findings = await client.request('GET', `/items/${id}/personal-information`, { as: 'edu.drafter' });
    const open = (findings.body.items as { id: string; status: string }[]).find((finding) => finding.status === 'open')!;
    expect(open).toBeDefined();
    // A mask answers with the findings afterwards, in the same documented shape.
    const masked = await client.request('POST', `/items/${id}/personal-information/${open.id}/mask`, { as: 'edu.drafter' });
    expect(masked.status).toBe(200);
    const maskSchema = document.paths['/api/items/{id}/personal-information/{findingId}/mask']?.post?.responses['200']?.content?.['application/json']?.schema;
    expect(maskSchema?.$ref).toBeDefined();
    expect(differences(masked.body, maskSchema!, document, 'body')).toEqual([]);

    const qa = { form: 'qa', interpreterKind: 'drafting-department', interpreterName: '县教育局', title: '转学问答', questions: [{ question: '需要哪些材料？', answer: '学籍证明。' }] };
    expect((await client.request('POST', `/items/${id}/interpretations`, { as: 'edu.drafter', body: qa })).status).toBe(201);
    await releaseThroughReview(client, id, undefined, { submitAs: 'edu.drafter' });
    expect(await conformance('/api/public/items/{id}/interpretations', `/public/items/${id}/interpretations`, 'edu.drafter')).toEqual(conforms('/api/public/items/{id}/interpretations', 'edu.drafter'));
  }, 240_000);
  it('describe the release ledger\'s photo', async () => {
    const itemId = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('2026年冬季学期课后服务安排') })).body.id as string;
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(buildPng(3, 2, [40, 40, 200]))], { type: 'image/png' }), '公示栏.png');
    const response = await fetch(`${client.baseUrl}/items/${itemId}/ledger/${encodeURIComponent('政府网站')}/photos`, { method: 'POST', headers: { authorization: `Bearer ${await client.token('edu.drafter')}` }, body: form });
    expect(response.status).toBe(201);
    const route = '/api/items/{id}/ledger/{channel}/photos';
    expect(sentAnswerConforms(route, 'post', '201', await response.json())).toEqual({ route, documented: true, differences: [] });
  }, 60_000);

  it('describe the periodic obligations, their open tasks and what may fulfil one', async () => {
    // 县民政局 and 年报: a pair no other suite registers (one active obligation per row and unit county-wide).
    const registered = await client.request('POST', '/obligations', { as: 'admin', body: { catalogItemCode: 'GENERAL-001', departmentCode: 'civil' } });
    expect(registered.status).toBe(201);
    expect(sentAnswerConforms('/api/obligations', 'post', '201', registered.body)).toEqual({ route: '/api/obligations', documented: true, differences: [] });
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      await new TemporalClient({ connection }).schedule.getHandle(registered.body.scheduleId).trigger();
    } finally {
      await connection.close();
    }
    const task = await client.eventually(async () => {
      const tasks = await client.request('GET', '/obligations/tasks', { as: 'civil.drafter' });
      return (tasks.body.items as { id: string; obligationId: string }[]).find((entry) => entry.obligationId === registered.body.id);
    }, 'the period\'s drafting task');
    expect(await conformance('/api/obligations', '/obligations', 'admin')).toEqual(conforms('/api/obligations', 'admin'));
    expect(await conformance('/api/obligations', '/obligations', 'civil.drafter')).toEqual(conforms('/api/obligations', 'civil.drafter'));
    expect(await conformance('/api/obligations/tasks', '/obligations/tasks', 'civil.drafter')).toEqual(conforms('/api/obligations/tasks', 'civil.drafter'));
    const candidates = '/api/obligations/tasks/{id}/candidates';
    expect(await conformance(candidates, `/obligations/tasks/${task.id}/candidates`, 'civil.drafter')).toEqual(conforms(candidates, 'civil.drafter'));
    const stopped = await client.request('DELETE', `/obligations/${registered.body.id}`, { as: 'admin' });
    expect(sentAnswerConforms('/api/obligations/{id}', 'delete', '200', stopped.body)).toEqual({ route: '/api/obligations/{id}', documented: true, differences: [] });
  }, 120_000);

  it('describe the applications, with the applicant masked or not', async () => {
    const submitted = await client.request('POST', '/public/applications', {
      body: { applicantType: 'naturalPerson', applicantName: '张测试', idDocument: '110101199001011234', phone: '13800138000', description: '某校2026年秋季招生计划的批复文件', deliveryForm: '电子邮件' },
    });
    expect(submitted.status).toBe(201);
    const listed = await client.request('GET', '/applications?state=submitted', { as: 'office.publisher' });
    const id = (listed.body.items as { id: string; queryNumber: string }[]).find((entry) => entry.queryNumber === submitted.body.queryNumber)!.id;
    expect((await client.request('POST', `/applications/${id}/steps`, { as: 'office.publisher', body: { step: 'sign' } })).status).toBe(200);
    expect((await client.request('POST', `/applications/${id}/steps`, { as: 'office.publisher', body: { step: 'accept', departmentCode: 'edu' } })).status).toBe(200);
    expect((await client.request('POST', `/applications/${id}/steps`, { as: 'edu.drafter', body: { step: 'draft-reply', outcome: 'granted' } })).status).toBe(200);

    for (const as of ['office.publisher', 'office.supervisor']) {
      expect(await conformance('/api/applications', '/applications', as)).toEqual(conforms('/api/applications', as));
      expect(await conformance('/api/applications/{id}', `/applications/${id}`, as)).toEqual(conforms('/api/applications/{id}', as));
    }
  }, 120_000);

  /** Where a POST's answer differs from the schema documented for its success status. */
  const postConformance = async (route: string, path: string, status: number, as: string, body: unknown) => {
    const schema = document.paths[route]?.post?.responses[String(status)]?.content?.['application/json']?.schema;
    const response = await client.request('POST', path, { as, body });
    expect(response.status).toBe(status);
    return { route, as, documented: !!schema?.$ref, differences: schema ? differences(response.body, schema, document, 'body') : [] };
  };

  it('describe the supervision dashboard, the overdue list and the demands', async () => {
    // A draft formed in February and never released: past its statutory limit, with a comment and a demand on it.
    const late = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('2026年春季学期课后服务收费标准') })).body.id as string;
    expect(await postConformance('/api/supervision/items/{id}/comments', `/supervision/items/${late}/comments`, 201, 'office.supervisor', { comment: '请说明逾期原因。' })).toEqual(
      conforms('/api/supervision/items/{id}/comments', 'office.supervisor'),
    );
    const demand = await postConformance('/api/supervision/demands', '/supervision/demands', 201, 'office.supervisor', { itemId: late, reason: '已超过法定公开时限，请尽快公开。', dueWorkingDays: 2 });
    expect(demand).toEqual(conforms('/api/supervision/demands', 'office.supervisor'));
    const { rows } = await system.db.query(`SELECT id FROM supervision_demands WHERE item_id = $1`, [late]);
    const demandId = rows[0].id as string;
    // An application past its reply limit with a 督办 on it, as its workflow's read model would hold it.
    const applicationId = (await system.db.query(`SELECT gen_random_uuid()::text AS id`)).rows[0].id as string;
    await system.db.query(
      `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type,
         applicant_name, description, delivery_form, submitted_on, state, handling_department_code, due_at, due_date, overdue)
       VALUES ($1, $2, 'x', $3, 'office', 'in-person', 'naturalPerson', '文档核对申请人', '某学校建设项目批复', '纸质', '2026-09-01', 'accepted', 'edu',
               '2026-11-02T15:59:59.999Z', '2026-11-02', true)`,
      [applicationId, `YSQ-S${applicationId.slice(0, 8)}`, `disclosure-application-${applicationId}`],
    );
    expect((await client.request('POST', `/applications/${applicationId}/demands`, { as: 'office.supervisor', body: { reason: '请说明逾期原因。', dueDate: '2099-06-30' } })).status).toBe(201);

    for (const as of ['office.supervisor', 'admin']) {
      expect(await conformance('/api/supervision/overdue', '/supervision/overdue', as)).toEqual(conforms('/api/supervision/overdue', as));
      expect(await conformance('/api/supervision/dashboard', '/supervision/dashboard', as)).toEqual(conforms('/api/supervision/dashboard', as));
      expect(await conformance('/api/supervision/filters', '/supervision/filters', as)).toEqual(conforms('/api/supervision/filters', as));
      expect(await conformance('/api/supervision/demands', '/supervision/demands', as)).toEqual(conforms('/api/supervision/demands', as));
    }
    expect(await conformance('/api/supervision/overdue', '/supervision/overdue?kind=statutory&departmentCode=edu', 'office.supervisor')).toEqual(conforms('/api/supervision/overdue', 'office.supervisor'));
    for (const unit of ['quarter', 'month']) {
      expect(await conformance('/api/supervision/trend', `/supervision/trend?unit=${unit}`, 'office.supervisor')).toEqual(conforms('/api/supervision/trend', 'office.supervisor'));
    }
    const overdue = await client.request('GET', '/supervision/overdue', { as: 'office.supervisor' });
    // The checks above saw the fields that matter: a row with its comment and demand, an application with its demand.
    expect(overdue.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ itemId: late, comments: [expect.anything()], demands: [expect.anything()] })]));
    expect(overdue.body.applications.items).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId, demand: expect.objectContaining({ state: 'open' }) })]));

    expect(await conformance('/api/supervision/demands/{id}', `/supervision/demands/${demandId}`, 'edu.reviewer')).toEqual(conforms('/api/supervision/demands/{id}', 'edu.reviewer'));
    expect(await postConformance('/api/supervision/demands/{id}/respond', `/supervision/demands/${demandId}/respond`, 200, 'edu.reviewer', { response: '已安排本周内公开。' })).toEqual(
      conforms('/api/supervision/demands/{id}/respond', 'edu.reviewer'),
    );
    expect(await conformance('/api/supervision/demands/{id}', `/supervision/demands/${demandId}`, 'office.supervisor')).toEqual(conforms('/api/supervision/demands/{id}', 'office.supervisor'));
    expect(await conformance('/api/supervision/demands', '/supervision/demands?state=answered', 'edu.reviewer')).toEqual(conforms('/api/supervision/demands', 'edu.reviewer'));
  }, 180_000);
  /** An answer of any method and status against what the API documents for it. */
  const answerConforms = (route: string, method: string, status: number, body: unknown) => {
    const schema = document.paths[route]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
    return { route, method, documented: !!schema?.$ref, differences: schema ? differences(body, schema, document, 'body') : [] };
  };
  const documented = (route: string, method: string) => ({ route, method, documented: true, differences: [] });

  it('describe what the portal and the sign-in screen read: an item, its ratings, the catalog, the sign-in answers', async () => {
    const id = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('2026年义务教育课后服务收费标准') })).body.id as string;
    expect((await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await releaseThroughReview(client, id);

    const item = await client.request('GET', `/public/items/${id}`);
    expect(item.status).toBe(200);
    expect(answerConforms('/api/public/items/{id}', 'get', 200, item.body)).toEqual(documented('/api/public/items/{id}', 'get'));
    const unrated = await client.request('GET', `/public/items/${id}/ratings`);
    expect(unrated.body).toMatchObject({ count: 0, average: null, ratedByYou: false });
    expect(answerConforms('/api/public/items/{id}/ratings', 'get', 200, unrated.body)).toEqual(documented('/api/public/items/{id}/ratings', 'get'));
    const rated = await client.request('POST', `/public/items/${id}/ratings`, { body: { score: 4, comment: '信息清楚' } });
    expect(rated.status).toBe(201);
    expect(answerConforms('/api/public/items/{id}/ratings', 'post', 201, rated.body)).toEqual(documented('/api/public/items/{id}/ratings', 'post'));
    expect(answerConforms('/api/public/items/{id}/ratings', 'get', 200, rated.body.summary)).toEqual(documented('/api/public/items/{id}/ratings', 'get'));

    for (const path of ['/public/catalog', `/public/catalog?area=${encodeURIComponent('义务教育')}&department=edu`]) {
      const catalog = await client.request('GET', path);
      expect(catalog.status).toBe(200);
      expect(catalog.body.rows.length).toBeGreaterThan(0);
      expect(answerConforms('/api/public/catalog', 'get', 200, catalog.body)).toEqual(documented('/api/public/catalog', 'get'));
    }

    const config = await client.request('GET', '/auth/config');
    expect(answerConforms('/api/auth/config', 'get', 200, config.body)).toEqual(documented('/api/auth/config', 'get'));
    const login = await client.request('POST', '/auth/dev-login', { body: { username: 'edu.drafter' } });
    expect(login.status).toBe(200);
    expect(answerConforms('/api/auth/dev-login', 'post', 200, login.body)).toEqual(documented('/api/auth/dev-login', 'post'));
    const me = await client.request('GET', '/auth/me', { as: 'edu.drafter' });
    expect(answerConforms('/api/auth/me', 'get', 200, me.body)).toEqual(documented('/api/auth/me', 'get'));

    // 考核评估 over fixed periods, by quarter, for one department, and by dates: the same schema whatever they hold.
    for (const query of ['quarter=2026-Q4', 'quarter=2026-Q4&departmentCode=edu', 'from=2026-01-01&to=2026-12-31']) {
      expect(await conformance('/api/reports/assessment', `/reports/assessment?${query}`, 'office.supervisor')).toEqual(conforms('/api/reports/assessment', 'office.supervisor'));
    }
  }, 240_000);
  it('describe the audit trail: a search, an item chain check and an object chain check', async () => {
    const itemId = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('审计响应结构') })).body.id as string;
    const checks: [string, string][] = [
      ['/api/audit', `/audit?itemId=${itemId}`],
      ['/api/audit', '/audit?scope=departments&key=edu'],
      ['/api/items/{id}/audit/verify', `/items/${itemId}/audit/verify`],
      ['/api/audit/{scope}/{key}/verify', '/audit/departments/edu/verify'],
    ];
    for (const [route, path] of checks) expect(await conformance(route, path, 'office.supervisor')).toEqual(conforms(route, 'office.supervisor'));
  }, 60_000);
  it('describe the consultations, for staff with the contact and on the portal without', async () => {
    const opened = await client.request('POST', '/consultations', {
      as: 'edu.drafter',
      body: { kind: 'normative-document', title: '响应结构：县城公共停车收费管理办法（征求意见稿）', draftText: '第一条 为规范停车秩序，制定本办法。', explanation: '起草说明', closesOn: '2099-12-31' },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    const comment = (content: string) => client.request('POST', `/public/consultations/${id}/comments`, { body: { content, clause: '第一条', name: '李女士', contact: '13700003333' } });
    expect((await comment('建议夜间停车改为包月，方便周边居民。')).status).toBe(201);
    expect((await comment('建议增设充电车位，方便新能源车主。')).status).toBe(201);
    const shown = (await client.request('GET', `/consultations/${id}`, { as: 'edu.reviewer' })).body.comments[0].id as string;
    expect((await client.request('POST', `/consultations/${id}/comments/${shown}/moderation`, { as: 'edu.reviewer', body: { decision: 'approve' } })).status).toBe(200);

    for (const as of ['edu.drafter', 'edu.reviewer']) {
      expect(await conformance('/api/consultations', '/consultations', as)).toEqual(conforms('/api/consultations', as));
      expect(await conformance('/api/consultations/{id}', `/consultations/${id}`, as)).toEqual(conforms('/api/consultations/{id}', as));
    }
    const anonymous = async (route: string, path: string) => {
      const schema = document.paths[route]?.get?.responses['200']?.content?.['application/json']?.schema;
      const response = await client.request('GET', path);
      expect(response.status).toBe(200);
      return { route, documented: !!schema?.$ref, differences: schema ? differences(response.body, schema, document, 'body') : [] };
    };
    expect(await anonymous('/api/public/consultations', '/public/consultations?status=open&limit=100')).toEqual({ route: '/api/public/consultations', documented: true, differences: [] });
    expect(await anonymous('/api/public/consultations/{id}', `/public/consultations/${id}`)).toEqual({ route: '/api/public/consultations/{id}', documented: true, differences: [] });
  }, 120_000);

  it('describe the catalog compilation rounds, with a proposal submitted and returned', async () => {
    const opened = await client.request('POST', '/catalog-compilation/rounds', { as: 'office.publisher', body: { year: 2097, areas: ['义务教育'], departmentCodes: ['edu'], dueDate: '2097-06-30' } });
    expect(opened.status).toBe(201);
    const id = opened.body.roundId as string;
    const row = {
      area: '义务教育', level1: '学生资助', level2: '资助名单', content: '●受助学生名单', basis: '《学生资助资金管理办法》', timeLimitText: '信息形成之日起20个工作日内', subject: '县教育局',
      departmentCodes: ['edu'], channels: ['政府网站'], audience: 'public', mode: 'proactive', levels: ['county'], category: 'execution',
    };
    const submitted = await client.requestPatiently('POST', `/catalog-compilation/rounds/${id}/proposals/edu`, { as: 'edu.drafter', body: { rows: [{ action: 'add', code: 'EDU-971', row, source: { kind: 'power-list', reference: '教育-021' } }] } });
    expect(submitted.status).toBeLessThan(300);
    const reviewed = await client.requestPatiently('POST', `/catalog-compilation/rounds/${id}/proposals/edu/review`, { as: 'office.publisher', body: { reviews: [{ code: 'EDU-971', decision: 'return', comment: '请补充公开依据的条款' }] } });
    expect(reviewed.status).toBeLessThan(300);
    await client.eventually(async () => ((await client.request('GET', `/catalog-compilation/rounds/${id}`, { as: 'edu.drafter' })).body.proposals[0]?.state === 'returned' ? true : undefined), 'the proposal returned');

    for (const as of ['office.publisher', 'edu.drafter']) {
      expect(await conformance('/api/catalog-compilation/rounds', '/catalog-compilation/rounds', as)).toEqual(conforms('/api/catalog-compilation/rounds', as));
      expect(await conformance('/api/catalog-compilation/rounds/{id}', `/catalog-compilation/rounds/${id}`, as)).toEqual(conforms('/api/catalog-compilation/rounds/{id}', as));
    }
  }, 120_000);

  it('describe the concerns, the notifications, the task steps and the review chains', async () => {
    const run = Date.now().toString(36);
    // The task steps, on an item in review: its 初审 task claimed in bulk, released, claimed and approved; its 保密审查
    // task delegated to the department's second secrecy reviewer (a seeded one: a reviewer added to edu here would be
    // notified of other suites' escalations), who decides.
    const inReview = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft(`响应结构：2026年寒假托管服务安排 ${run}`) })).body.id as string;
    expect((await client.request('POST', `/items/${inReview}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    const openTask = (as: string) =>
      client.eventually(async () => {
        const inbox = await client.request('GET', '/tasks?state=open&limit=200', { as });
        return (inbox.body.items as { id: string; itemId: string }[]).find((task) => task.itemId === inReview)?.id;
      }, `the task of ${as}`);
    const taskId = await openTask('edu.reviewer');
    expect(await conformance('/api/tasks/{id}', `/tasks/${taskId}`, 'edu.reviewer')).toEqual(conforms('/api/tasks/{id}', 'edu.reviewer'));
    const steps: [string, string, unknown][] = [
      ['/api/tasks/claims', '/tasks/claims', { taskIds: [taskId, '00000000-0000-4000-8000-00000000abcd'] }],
      ['/api/tasks/{id}/unclaim', `/tasks/${taskId}/unclaim`, undefined],
      ['/api/tasks/{id}/claim', `/tasks/${taskId}/claim`, undefined],
      ['/api/tasks/{id}/complete', `/tasks/${taskId}/complete`, { decision: 'approve' }],
    ];
    for (const [route, path, body] of steps) expect(await postConformance(route, path, 200, 'edu.reviewer', body)).toEqual(conforms(route, 'edu.reviewer'));
    const secrecyTask = await openTask('edu.secrecy');
    const deputy = 'edu.secrecy2';
    expect(await conformance('/api/tasks/{id}/delegates', `/tasks/${secrecyTask}/delegates`, 'edu.secrecy')).toEqual(conforms('/api/tasks/{id}/delegates', 'edu.secrecy'));
    expect(await postConformance('/api/tasks/{id}/delegate', `/tasks/${secrecyTask}/delegate`, 200, 'edu.secrecy', { to: deputy, comment: '请代为保密审查' })).toEqual(
      conforms('/api/tasks/{id}/delegate', 'edu.secrecy'),
    );
    expect(await postConformance('/api/tasks/{id}/complete', `/tasks/${secrecyTask}/complete`, 200, deputy, { decision: 'return', comment: '请补充托管时段' })).toEqual(
      conforms('/api/tasks/{id}/complete', deputy),
    );

    // The delegation notified the deputy: the list, then reading one.
    const notice = await client.eventually(async () => {
      const notices = await client.request('GET', '/notifications', { as: deputy });
      return (notices.body.items as { id: string; kind: string; taskId?: string | null }[]).find((entry) => entry.kind === 'task-delegated' && (entry.taskId === undefined || entry.taskId === secrecyTask));
    }, 'the delegation notice');
    expect(await conformance('/api/notifications', '/notifications', deputy)).toEqual(conforms('/api/notifications', deputy));
    expect(await postConformance('/api/notifications/{id}/read', `/notifications/${notice.id}/read`, 200, deputy, undefined)).toEqual(conforms('/api/notifications/{id}/read', deputy));
    expect(await conformance('/api/notifications', '/notifications', deputy)).toEqual(conforms('/api/notifications', deputy));

    // A question from the public on a released item, through every step of a message; a major emergency for the press conference.
    const released = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft(`响应结构：2026年义务教育招生咨询 ${run}`) })).body.id as string;
    expect((await client.request('POST', `/items/${released}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await releaseThroughReview(client, released);
    const asked = await client.request('POST', `/public/items/${released}/concerns`, { body: { content: '请问随迁子女入学需要哪些材料？', contact: '13800138000' } });
    expect(asked.status).toBe(201);
    expect(answerConforms('/api/public/items/{id}/concerns', 'post', 201, asked.body)).toEqual(documented('/api/public/items/{id}/concerns', 'post'));
    const concernId = asked.body.id as string;
    const concernRoutes = (as: string) => [
      ['/api/concerns', '/concerns?state=all&limit=200'],
      ['/api/concerns/{id}', `/concerns/${concernId}`],
    ].map(async ([route, path]) => expect(await conformance(route!, path!, as)).toEqual(conforms(route!, as)));
    await Promise.all(concernRoutes('office.publisher'));
    const concernSteps: [string, string, string, unknown][] = [
      ['/api/concerns/{id}/extension', 'extension', 'office.publisher', { reason: '涉及多部门会商，情况复杂' }],
      ['/api/concerns/{id}/triage', 'triage', 'office.publisher', { classification: 'inquiry', assignDepartmentCode: 'edu' }],
      ['/api/concerns/{id}/response', 'response', 'edu.drafter', { draft: '需提交户口簿。' }],
      ['/api/concerns/{id}/review', 'review', 'edu.leader', { decision: 'return', comment: '请写明办理地点' }],
      ['/api/concerns/{id}/response', 'response', 'edu.drafter', { draft: '需提交户口簿和居住证，到县教育局一楼窗口办理。' }],
      ['/api/concerns/{id}/review', 'review', 'edu.leader', { decision: 'approve' }],
    ];
    for (const [route, step, as, body] of concernSteps) expect(await postConformance(route, `/concerns/${concernId}/${step}`, 200, as, body)).toEqual(conforms(route, as));
    await Promise.all([...concernRoutes('office.publisher'), ...concernRoutes('edu.leader')]);
    const incident = await client.request('POST', `/items/${released}/incidents`, { as: 'office.publisher', body: { summary: '网传招生违规，转发量较大', severity: 'major-emergency' } });
    expect(incident.status).toBe(201);
    expect(answerConforms('/api/items/{id}/incidents', 'post', 201, incident.body)).toEqual(documented('/api/items/{id}/incidents', 'post'));
    expect(await postConformance('/api/concerns/{id}/press-conference', `/concerns/${incident.body.id}/press-conference`, 200, 'office.publisher', { summary: '县政府新闻办召开新闻发布会' })).toEqual(
      conforms('/api/concerns/{id}/press-conference', 'office.publisher'),
    );
    expect(await conformance('/api/concerns/{id}', `/concerns/${incident.body.id}`, 'office.publisher')).toEqual(conforms('/api/concerns/{id}', 'office.publisher'));

    // The review chains, with a policy for a catalog item no other test submits.
    const put = await client.request('PUT', '/review-chains', { as: 'admin', body: { catalogItemCode: `SCHEMA-A-${run}`, stages: ['confidentiality-review', 'sign-off'] } });
    expect(put.status).toBe(200);
    expect(answerConforms('/api/review-chains', 'put', 200, put.body)).toEqual(documented('/api/review-chains', 'put'));
    expect(await conformance('/api/review-chains', '/review-chains', 'admin')).toEqual(conforms('/api/review-chains', 'admin'));
  }, 240_000);
  it('describe the calendar, the catalog administration, the organisation and the steps of a catalog compilation round', async () => {
    // A year load, a catalog activation and a round's activation change what every other suite reads: a database of its own.
    const ownDatabase = await createOwnDatabase('response-schemas-b');
    const own = await startSystem('response-schemas-b', { own: ownDatabase });
    try {
      const api = own.client;
      const answered = async (route: string, method: 'get' | 'post' | 'patch', path: string, status: number, as?: string, body?: unknown) => {
        const response = await api.requestPatiently(method.toUpperCase(), path, { as, body });
        expect({ path, status: response.status }).toEqual({ path, status });
        return { answer: response.body, conformance: answerConforms(route, method, status, response.body) };
      };
      const upload = async (path: string, field: string, files: { name: string; content: Buffer }[], as: string) => {
        const form = new FormData();
        for (const file of files) form.append(field, new Blob([new Uint8Array(file.content)]), file.name);
        const response = await fetch(`${api.baseUrl}${path}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await api.token(as)}` } });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      const checks: [string, string, { conformance: unknown }][] = [];
      const check = (route: string, method: string, result: { conformance: unknown }) => checks.push([route, method, result]);

      // 工作日历: a day's count, the years, a year loaded and its recalculation batch.
      check('/api/calendar/working-days', 'get', await answered('/api/calendar/working-days', 'get', '/calendar/working-days?from=2026-09-28&count=10', 200));
      check('/api/calendar/working-days', 'get', await answered('/api/calendar/working-days', 'get', '/calendar/working-days?from=2093-01-05&count=3', 200));
      const holidays = { year: 2093, source: '测试用：2093年部分节假日安排（模拟通知）', holidays: [{ name: '元旦', days: ['2093-01-01', '2093-01-02'] }], makeUpWorkingDays: ['2093-01-03'] };
      const loaded = await answered('/api/calendar/years', 'post', '/calendar/years', 201, 'admin', holidays);
      check('/api/calendar/years', 'post', loaded);
      check('/api/calendar/years', 'get', await answered('/api/calendar/years', 'get', '/calendar/years', 200));
      const batch = `/calendar/recalculations/${(loaded.answer as { recalculationBatchId: string }).recalculationBatchId}`;
      check('/api/calendar/recalculations/{batchId}', 'get', await answered('/api/calendar/recalculations/{batchId}', 'get', batch, 200, 'admin'));
      await api.eventually(async () => ((await api.request('GET', batch, { as: 'admin' })).body.state === 'DONE' ? true : undefined), 'the recalculation batch done');
      check('/api/calendar/recalculations/{batchId}', 'get', await answered('/api/calendar/recalculations/{batchId}', 'get', batch, 200, 'office.supervisor'));

      // 目录管理: the search, a new version imported, corrected, compared with the active one and activated.
      check('/api/catalog/items', 'get', await answered('/api/catalog/items', 'get', '/catalog/items?forDrafting=true', 200, 'edu.drafter'));
      check('/api/catalog/items', 'get', await answered('/api/catalog/items', 'get', `/catalog/items?q=${encodeURIComponent('救助')}`, 200, 'admin'));
      const catalogDir = path.join(projectRoot, 'data', 'catalogs');
      const files: { name: string; content: Buffer }[] = readdirSync(catalogDir)
        .filter((name) => name.endsWith('.csv') && name !== 'work-safety.csv')
        .map((name) => {
          const text = readFileSync(path.join(catalogDir, name), 'utf8');
          return { name, content: Buffer.from(name === 'social-assistance.csv' ? text.replace('制定或获取信息之日起10个工作日内', '制定或获取信息之日起15个工作日内') : text, 'utf8') };
        });
      files.push({
        name: '养老服务.xlsx',
        content: await catalogWorkbook({
          title: '养老服务领域基层政务公开标准目录', header: STANDARD_HEADER, subHeader: STANDARD_SUB_HEADER,
          rows: [['1', '养老服务', '补贴政策', '高龄津贴标准', '《条例》', '信息形成之日起20个工作日内', '县民政局', '■政府网站', '√', '', '√', '', '√', '']],
        }),
      });
      const imported = await upload('/catalog/imports', 'files', files, 'admin');
      expect(imported.status).toBe(201);
      check('/api/catalog/imports', 'post', { conformance: answerConforms('/api/catalog/imports', 'post', 201, imported.body) });
      const draftId = imported.body.versionId as string;
      const versions = await answered('/api/catalog/versions', 'get', '/catalog/versions', 200, 'admin');
      check('/api/catalog/versions', 'get', versions);
      const active = (versions.answer as { items: { id: string; state: string }[] }).items.find((version) => version.state === 'active')!;
      check('/api/catalog/versions/{id}/items/{code}', 'patch', await answered('/api/catalog/versions/{id}/items/{code}', 'patch', `/catalog/versions/${draftId}/items/ASSIST-001`, 200, 'admin', { category: 'result', needsInterpretation: true }));
      for (const id of [active.id, draftId]) check('/api/catalog/versions/{id}', 'get', await answered('/api/catalog/versions/{id}', 'get', `/catalog/versions/${id}`, 200, 'admin'));
      const diff = await answered('/api/catalog/versions/{a}/diff/{b}', 'get', `/catalog/versions/${active.id}/diff/${draftId}`, 200, 'admin');
      check('/api/catalog/versions/{a}/diff/{b}', 'get', diff);
      const { added, removed, changed } = diff.answer as { added: unknown[]; removed: unknown[]; changed: { changes: { field: string }[] }[] };
      expect({ added: added.length > 0, removed: removed.length > 0, fields: [...new Set(changed.flatMap((row) => row.changes.map((change) => change.field)))].sort() })
        .toEqual({ added: true, removed: true, fields: expect.arrayContaining(['category', 'needsInterpretation', 'timeLimit']) });
      check('/api/catalog/versions/{id}/activate', 'post', await answered('/api/catalog/versions/{id}/activate', 'post', `/catalog/versions/${draftId}/activate`, 200, 'admin'));

      // 组织机构: a unit and a user created, changed, listed, and their history.
      const county = (await api.request('GET', '/org/departments', { as: 'admin' })).body.items.find((unit: { kind: string }) => unit.kind === 'county').code as string;
      check('/api/org/departments', 'post', await answered('/api/org/departments', 'post', '/org/departments', 201, 'admin', { code: 'rsb-audit', name: '县审计局', kind: 'department', parentCode: county }));
      check('/api/org/departments/{code}', 'patch', await answered('/api/org/departments/{code}', 'patch', '/org/departments/rsb-audit', 200, 'admin', { name: '县审计局（更名）' }));
      check('/api/org/users', 'post', await answered('/api/org/users', 'post', '/org/users', 201, 'admin', { username: 'rsb.auditor', displayName: '审计起草人', departmentCode: 'rsb-audit', roles: ['drafter'], email: 'rsb@example.gov.cn' }));
      check('/api/org/users/{username}', 'patch', await answered('/api/org/users/{username}', 'patch', '/org/users/rsb.auditor', 200, 'admin', { displayName: '审计起草人（改）' }));
      check('/api/org/users', 'post', await answered('/api/org/users', 'post', '/org/users', 201, 'admin', { username: 'office.leader', displayName: '公开办负责人', departmentCode: 'office', roles: ['leader'] }));
      check('/api/org/departments', 'get', await answered('/api/org/departments', 'get', '/org/departments', 200, 'edu.drafter'));
      check('/api/org/users', 'get', await answered('/api/org/users', 'get', '/org/users', 200, 'admin'));
      check('/api/org/departments/{code}/history', 'get', await answered('/api/org/departments/{code}/history', 'get', '/org/departments/rsb-audit/history', 200, 'admin'));
      check('/api/org/users/{username}/history', 'get', await answered('/api/org/users/{username}/history', 'get', '/org/users/rsb.auditor/history', 200, 'admin'));

      // 目录编制: a round opened, a sheet read, a proposal submitted and accepted, approved and activated.
      const opened = await answered('/api/catalog-compilation/rounds', 'post', '/catalog-compilation/rounds', 201, 'office.publisher', { year: 2096, areas: ['义务教育'], departmentCodes: ['edu'], dueDate: '2096-06-30' });
      check('/api/catalog-compilation/rounds', 'post', opened);
      const round = `/catalog-compilation/rounds/${(opened.answer as { roundId: string }).roundId}`;
      const sheet = await upload(`${round}/proposals/edu/import`, 'file', [files.find((file) => file.name === 'compulsory-education.csv')!], 'edu.drafter');
      expect(sheet.status).toBe(200);
      check('/api/catalog-compilation/rounds/{id}/proposals/{departmentCode}/import', 'post', { conformance: answerConforms('/api/catalog-compilation/rounds/{id}/proposals/{departmentCode}/import', 'post', 200, sheet.body) });
      const row = {
        area: '义务教育', level1: '学生资助', level2: '资助名单', content: '●受助学生名单', basis: '《学生资助资金管理办法》', timeLimitText: '信息形成之日起20个工作日内', subject: '县教育局',
        departmentCodes: ['edu'], channels: ['政府网站'], audience: 'public', mode: 'proactive', levels: ['county'], category: 'result',
      };
      const steps: [string, string, string, unknown][] = [
        ['/api/catalog-compilation/rounds/{id}/proposals/{departmentCode}', `${round}/proposals/edu`, 'edu.drafter', { rows: [{ action: 'add', code: 'EDU-961', row, source: { kind: 'power-list', reference: '教育-031' } }] }],
        ['/api/catalog-compilation/rounds/{id}/proposals/{departmentCode}/review', `${round}/proposals/edu/review`, 'office.publisher', { reviews: [{ code: 'EDU-961', decision: 'accept' }] }],
        ['/api/catalog-compilation/rounds/{id}/decisions', `${round}/decisions`, 'office.leader', { stage: 'leader-approval', decision: 'approve', comment: '同意' }],
        ['/api/catalog-compilation/rounds/{id}/activate', `${round}/activate`, 'office.publisher', undefined],
      ];
      for (const [route, stepPath, as, body] of steps) check(route, 'post', await answered(route, 'post', stepPath, 200, as, body));
      expect((await api.request('GET', round, { as: 'office.publisher' })).body.state).toBe('ACTIVATED');

      expect(checks.map(([, , { conformance }]) => conformance)).toEqual(checks.map(([route, method]) => documented(route, method)));
    } finally {
      await own.stop();
      await ownDatabase.drop();
    }
  }, 300_000);

  it('describe the item actions, attachments, interpretations, applications with their demands, the annual report, the catalog gaps, the sweeps and the consultation steps', async () => {
    const NOTICE_BOARD = '社区/企事业单位/村公示栏（电子屏）';
    const WEBSITE = '政府网站';
    const expectDocumented = (route: string, method: string, status: number, response: { status: number; body: unknown }) => {
      // The route beside the status, and the error's message when it is one, so that a refusal says which step it was.
      expect({ route, status: response.status, message: response.status === status ? undefined : (response.body as { message?: string }).message }).toEqual({ route, status, message: undefined });
      expect(answerConforms(route, method, status, response.body)).toEqual(documented(route, method));
    };
    const upload = async (itemId: string, files: [string, Buffer][]) => {
      const form = new FormData();
      for (const [name, content] of files) form.append('files', new Blob([new Uint8Array(content)], { type: 'image/png' }), name);
      const response = await fetch(`${client.baseUrl}/items/${itemId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await client.token('edu.drafter')}` }, body: form });
      return { status: response.status, body: (await response.json()) as { items: { id: string }[] } };
    };

    // An item drafted, edited, given files and an interpretation plan, submitted and released.
    const created = await client.request('POST', '/items', { as: 'edu.drafter', body: { ...draft('2026年秋季学期校车线路安排'), channels: [WEBSITE, NOTICE_BOARD] } });
    expectDocumented('/api/items', 'post', 201, created);
    const id = created.body.id as string;
    expectDocumented('/api/items/{id}', 'patch', 200, await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { title: '2026年秋季学期校车线路及站点安排' } }));
    expect(await conformance('/api/attachments/limits', '/attachments/limits', 'edu.drafter')).toEqual(conforms('/api/attachments/limits', 'edu.drafter'));
    const uploaded = await upload(id, [['线路图.png', buildPng(3, 2, [10, 120, 40])], ['站点表.png', buildPng(2, 2, [200, 10, 10])]]);
    expectDocumented('/api/items/{id}/attachments', 'post', 201, uploaded);
    const [kept, dropped] = uploaded.body.items;
    expectDocumented('/api/items/{id}/attachments/{attachmentId}', 'delete', 200, await client.request('DELETE', `/items/${id}/attachments/${dropped!.id}`, { as: 'edu.drafter' }));
    expect(await conformance('/api/items/{id}/attachments', `/items/${id}/attachments`, 'edu.drafter')).toEqual(conforms('/api/items/{id}/attachments', 'edu.drafter'));
    const plan = { entries: [{ form: 'qa', interpreterKind: 'drafting-department' }] };
    expectDocumented('/api/items/{id}/interpretation-plan', 'put', 200, await client.request('PUT', `/items/${id}/interpretation-plan`, { as: 'edu.drafter', body: plan }));
    const qa = { form: 'qa', interpreterKind: 'drafting-department', interpreterName: '县教育局', title: '校车问答', questions: [{ question: '如何乘车？', answer: '按站点候车。' }], attachmentIds: [kept!.id] };
    expectDocumented('/api/items/{id}/interpretations', 'post', 201, await client.request('POST', `/items/${id}/interpretations`, { as: 'edu.drafter', body: qa }));
    expect(await conformance('/api/items/{id}/interpretations', `/items/${id}/interpretations`, 'edu.drafter')).toEqual(conforms('/api/items/{id}/interpretations', 'edu.drafter'));
    expectDocumented('/api/items/{id}/submit', 'post', 200, await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' }));
    await releaseThroughReview(client, id);
    expectDocumented('/api/public/items/{id}/attachments', 'get', 200, await client.request('GET', `/public/items/${id}/attachments`));

    // The release ledger: a manual channel confirmed posted, and a channel whose release failed (as the ledger would hold it) released again.
    const ledger = (channel: string, what: string) => `/items/${id}/ledger/${encodeURIComponent(channel)}/${what}`;
    expectDocumented('/api/items/{id}/ledger/{channel}/confirmations', 'post', 200, await client.request('POST', ledger(NOTICE_BOARD, 'confirmations'), { as: 'edu.drafter', body: { action: 'posted', note: '已在校门口公示栏张贴' } }));
    await system.db.query(`UPDATE publications SET status = 'failed' WHERE item_id = $1 AND channel = $2 AND action = 'publish'`, [id, WEBSITE]);
    expectDocumented('/api/items/{id}/ledger/{channel}/retry', 'post', 200, await client.request('POST', ledger(WEBSITE, 'retry'), { as: 'edu.drafter' }));

    // A consultation open for comments, one moderated.
    const consultation = await client.request('POST', '/consultations', {
      as: 'edu.drafter',
      body: { kind: 'normative-document', title: '响应结构：县域校车安全管理办法（征求意见稿）', draftText: '第一条 为保障校车安全，制定本办法。', explanation: '起草说明', closesOn: '2099-12-31' },
    });
    expectDocumented('/api/consultations', 'post', 201, consultation);
    const consultationId = consultation.body.id as string;
    const comment = await client.request('POST', `/public/consultations/${consultationId}/comments`, { body: { content: '建议增加随车照管员。', clause: '第一条', name: '赵先生', contact: '13700004444' } });
    expectDocumented('/api/public/consultations/{id}/comments', 'post', 201, comment);
    const moderated = await client.request('POST', `/consultations/${consultationId}/comments/${comment.body.id}/moderation`, { as: 'edu.reviewer', body: { decision: 'approve' } });
    expectDocumented('/api/consultations/{id}/comments/{commentId}/moderation', 'post', 200, moderated);
    // Another consultation whose period ended a minute ago (its workflow started so): its timer closes it, the
    // department records its feedback, and links the released item as its decision.
    const closedId = randomUUID();
    const input: PublicConsultationInput = {
      consultationId: closedId,
      departmentCode: 'edu',
      kind: 'plan',
      title: `响应结构：县域校车站点规划（征求意见稿）${closedId.slice(0, 8)}`,
      draftText: '第三条 站点布局……',
      explanation: '起草说明……',
      affectsMarketEntities: false,
      minimumBasis: '一般不少于30日',
      openedAt: new Date(Date.now() - 31 * 86_400_000).toISOString(),
      closesOn: chinaDateOf(new Date(Date.now() - 60_000)),
      closesAt: new Date(Date.now() - 60_000).toISOString(),
      feedbackWorkingDays: 15,
      openedBy: { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] },
    };
    const connection = await Connection.connect({ address: testServers().temporalAddress });
    try {
      await new TemporalClient({ connection }).workflow.start(PUBLIC_CONSULTATION_WORKFLOW_TYPE, { workflowId: publicConsultationWorkflowId(closedId), taskQueue: system.taskQueue, args: [input] });
    } finally {
      await connection.close();
    }
    await client.eventually(async () => ((await client.request('GET', `/consultations/${closedId}`, { as: 'edu.drafter' })).body.state === 'CLOSED' ? true : undefined), 'closed by its timer');
    const feedback = await client.request('POST', `/consultations/${closedId}/feedback`, { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', summary: '征求意见期间未收到意见。', opinions: [] } });
    expectDocumented('/api/consultations/{id}/feedback', 'post', 200, feedback);
    expectDocumented('/api/consultations/{id}/decision', 'post', 200, await client.request('POST', `/consultations/${closedId}/decision`, { as: 'edu.drafter', body: { itemId: id } }));
    expectDocumented('/api/public/items/{id}/consultation', 'get', 200, await client.request('GET', `/public/items/${id}/consultation`));

    // A change (变更) to the released item; a draft's release deadline extended.
    expectDocumented('/api/items/{id}/editions', 'post', 200, await client.request('POST', `/items/${id}/editions`, { as: 'edu.drafter', body: { reason: '站点调整', title: '2026年秋季学期校车线路及站点安排（调整）' } }));
    // A change in progress is not withdrawn (the item is under review again): another released item is.
    const withdrawn = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('2026年春季学期校车线路安排') })).body.id as string;
    await releaseThroughReview(client, withdrawn, undefined, { submitAs: 'edu.drafter' });
    expectDocumented('/api/items/{id}/withdraw', 'post', 200, await client.request('POST', `/items/${withdrawn}/withdraw`, { as: 'edu.drafter', body: { reason: '线路重新规划' } }));
    const draftId = (await client.request('POST', '/items', { as: 'edu.drafter', body: draft('2026年冬季学期校车线路安排') })).body.id as string;
    expectDocumented('/api/items/{id}/extensions', 'post', 200, await client.request('POST', `/items/${draftId}/extensions`, { as: 'office.supervisor', body: { target: 'release', workingDays: 5, reason: '线路需与交通部门会商' } }));

    // Applications: one registered by the office, one submitted online and looked up, a step, and a 督办 answered and closed.
    const applicant = { applicantType: 'naturalPerson', applicantName: '钱测试', idDocument: '110101199001012345', phone: '13800138001', description: '校车线路的审批文件', deliveryForm: '电子邮件' };
    const registered = await client.request('POST', '/applications', { as: 'office.publisher', body: { ...applicant, channel: 'in-person', submittedOn: '2026-11-02' } });
    expectDocumented('/api/applications', 'post', 201, registered);
    const online = await postConformance('/api/public/applications', '/public/applications', 201, 'edu.drafter', applicant);
    expect(online).toEqual(conforms('/api/public/applications', 'edu.drafter'));
    const receipt = await client.request('POST', '/public/applications', { body: { ...applicant, description: '校车站点设置的依据' } });
    expectDocumented('/api/public/applications/lookup', 'post', 200, await client.request('POST', '/public/applications/lookup', { body: { queryNumber: receipt.body.queryNumber, verificationCode: receipt.body.verificationCode } }));
    const applicationId = registered.body.id as string;
    for (const step of [{ step: 'sign' }, { step: 'accept', departmentCode: 'edu' }]) {
      expectDocumented('/api/applications/{id}/steps', 'post', 200, await client.request('POST', `/applications/${applicationId}/steps`, { as: 'office.publisher', body: step }));
    }
    const demand = await client.request('POST', `/applications/${applicationId}/demands`, { as: 'office.supervisor', body: { reason: '请加快办理。', dueDate: '2099-06-30' } });
    expectDocumented('/api/applications/{id}/demands', 'post', 201, demand);
    const demandPath = `/applications/${applicationId}/demands/${demand.body.id}`;
    const answer = await client.requestPatiently('POST', `${demandPath}/answer`, { as: 'edu.reviewer', body: { situation: '已安排专人办理。', measures: '本周内答复。' } });
    expectDocumented('/api/applications/{id}/demands/{demandId}/answer', 'post', 200, answer);
    expectDocumented('/api/applications/{id}/demands/{demandId}/close', 'post', 200, await client.requestPatiently('POST', `${demandPath}/close`, { as: 'office.supervisor', body: { remark: '已答复。' } }));
    expect(await conformance('/api/applications/{id}/demands', `/applications/${applicationId}/demands`, 'office.supervisor')).toEqual(conforms('/api/applications/{id}/demands', 'office.supervisor'));

    // The annual report of a year no other suite writes, before and after its inputs; the catalog gaps; the personal-information sweep.
    expect(await conformance('/api/reports/annual', '/reports/annual?year=2011', 'office.supervisor')).toEqual(conforms('/api/reports/annual', 'office.supervisor'));
    const inputs = { overview: '2011年政务公开工作概述。', rules: { issued: 1, repealed: 0, inForce: 3 }, licensingDecisions: 12, feesTenThousandYuan: 1.5 };
    expectDocumented('/api/reports/annual/{year}/inputs', 'put', 200, await client.request('PUT', '/reports/annual/2011/inputs', { as: 'office.publisher', body: inputs }));
    expect(await conformance('/api/reports/annual', '/reports/annual?year=2011', 'office.publisher')).toEqual(conforms('/api/reports/annual', 'office.publisher'));
    expect(await conformance('/api/supervision/catalog-gaps', '/supervision/catalog-gaps', 'office.supervisor')).toEqual(conforms('/api/supervision/catalog-gaps', 'office.supervisor'));
    const sweep = await client.request('POST', '/personal-information/sweeps', { as: 'office.supervisor' });
    expectDocumented('/api/personal-information/sweeps', 'post', 201, sweep);
    await client.eventually(async () => ((await client.request('GET', `/personal-information/sweeps/${sweep.body.sweepId}`, { as: 'office.supervisor' })).status === 200 ? true : undefined), 'the sweep running');
    expect(await conformance('/api/personal-information/sweeps/{id}', `/personal-information/sweeps/${sweep.body.sweepId}`, 'office.supervisor')).toEqual(conforms('/api/personal-information/sweeps/{id}', 'office.supervisor'));
    expect(await conformance('/api/personal-information/released-findings', '/personal-information/released-findings', 'office.supervisor')).toEqual(
      conforms('/api/personal-information/released-findings', 'office.supervisor'),
    );
  }, 300_000);
});
