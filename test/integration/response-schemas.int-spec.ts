import type { ApiClient } from '../support/api-client';
import { releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';

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
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
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
});
