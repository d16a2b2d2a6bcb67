import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { startApiOnOwnClientAddress, startSystem, type RunningSystem, type SpawnedProcess } from '../support/running-system';
import { buildPdf, buildPng } from '../support/sample-files';
import { matrixMarkdown, PERMISSION_MATRIX, PRINCIPALS, rowKey, type MatrixRow, type Principal } from './permission-matrix';

/**
 * Every route of the running API, called as every principal, against the explicit matrix in
 * permission-matrix.ts. The database is shared with suites running in parallel, so nothing here changes
 * anything but this file's own fixtures:
 * - where the role check is a guard (@Roles, which Nest runs before the validation pipe), an allowed principal
 *   sends an invalid body (an unknown field, refused by forbidNonWhitelisted) and gets 400: authorization passed,
 *   nothing changed;
 * - where the check is in the service or the workflow (the drafter of this item, the holder of this task, the
 *   department of this concern), every principal sends a valid request against real fixtures made in beforeAll
 *   through the API and the workflows; a denied one gets 403 before anything happens, and an allowed one either
 *   meets a state conflict that comes after the check (409 on a draft or a released item) or, for steps on this
 *   file's own task, concern or demand, really takes the step — those run one at a time after all other calls.
 */

/** An unknown field: the validation pipe (forbidNonWhitelisted) refuses it with 400 on every DTO route. */
const INVALID = { notAField: true };
/** A well-formed id nothing has. */
const MISSING_ID = '00000000-0000-4000-8000-00000000dead';
const CONCURRENCY = 8;

interface Fixtures {
  draftItem: string;
  draftAttachment: string;
  releasedItem: string;
  releasedAttachment: string;
  ledgerPhoto: string;
  reviewItem: string;
  openTask: string;
  demand: string;
  concernToTriage: string;
  concernToAnswer: string;
  concernToReview: string;
  concernMessage: string;
  concernPublished: string;
  catalogVersion: string;
  consultation: string;
  application: string;
  applicationDemand: string;
}

interface Probe {
  path: (fx: Fixtures) => string;
  body?: unknown;
  /** Statuses an allowed principal may get; by default 200 for GET, anything but 401/403/5xx otherwise. */
  allowed?: number[];
  /** The status that decides (a bulk claim answers 200 with one status per task). */
  statusOf?: (response: ApiResponse) => number;
  /** On list rows: whether this file's fixture is in the answer (A: it must be, S: it must not). */
  listed?: (fx: Fixtures, body: any) => boolean;
  /** An allowed call takes a real step on a fixture: run one at a time, after every other call. */
  mutates?: boolean;
}

const probes: Record<string, Probe> = {
  'GET /api/health': { path: () => '/health' },
  'GET /api/health/live': { path: () => '/health/live' },
  'GET /api/health/ready': { path: () => '/health/ready' },
  'GET /api/metrics': { path: () => '/metrics' },
  'GET /api/auth/config': { path: () => '/auth/config' },
  'POST /api/auth/dev-login': { path: () => '/auth/dev-login', body: INVALID, allowed: [400] },
  'GET /api/auth/me': { path: () => '/auth/me' },

  'GET /api/public/items?q= (released item listed)': { path: () => `/public/items?q=${encodeURIComponent('权限矩阵')}&limit=100`, listed: (fx, body) => hasId(body, fx.releasedItem) },
  'GET /api/public/facets': { path: () => '/public/facets' },
  'GET /api/public/feed.atom': { path: () => '/public/feed.atom' },
  'GET /api/public/items/:id': { path: (fx) => `/public/items/${fx.releasedItem}` },
  'GET /api/public/items/:id (draft)': { path: (fx) => `/public/items/${fx.draftItem}` },
  'GET /api/public/items/:id/attachments': { path: (fx) => `/public/items/${fx.releasedItem}/attachments` },
  'GET /api/public/items/:id/attachments/:attachmentId': { path: (fx) => `/public/items/${fx.releasedItem}/attachments/${fx.releasedAttachment}` },
  'GET /api/public/items/:id/attachments/:attachmentId (draft)': { path: (fx) => `/public/items/${fx.draftItem}/attachments/${fx.draftAttachment}` },
  // Invalid bodies: refused before the rate limiters count anything.
  'POST /api/public/items/:id/concerns': { path: (fx) => `/public/items/${fx.releasedItem}/concerns`, body: INVALID, allowed: [400] },
  'GET /api/public/items/:id/ratings': { path: (fx) => `/public/items/${fx.releasedItem}/ratings` },
  'GET /api/public/items/:id/ratings (draft)': { path: (fx) => `/public/items/${fx.draftItem}/ratings` },
  'POST /api/public/items/:id/ratings': { path: (fx) => `/public/items/${fx.releasedItem}/ratings`, body: INVALID, allowed: [400] },
  'GET /api/public/concerns/:concernId/ratings': { path: (fx) => `/public/concerns/${fx.concernPublished}/ratings` },
  'GET /api/public/concerns/:concernId/ratings (unpublished)': { path: (fx) => `/public/concerns/${fx.concernToAnswer}/ratings` },
  'POST /api/public/concerns/:concernId/ratings': { path: (fx) => `/public/concerns/${fx.concernPublished}/ratings`, body: INVALID, allowed: [400] },

  'GET /api/calendar/working-days': { path: () => '/calendar/working-days?from=2026-03-02&count=5' },
  'GET /api/calendar/years': { path: () => '/calendar/years' },
  'POST /api/calendar/years': { path: () => '/calendar/years', body: INVALID, allowed: [400] },
  // A batch that does not exist (404) proves the guard let the reader through.
  'GET /api/calendar/recalculations/:batchId': { path: () => '/calendar/recalculations/999999999', allowed: [404] },

  'GET /api/catalog/items': { path: () => '/catalog/items' },
  'GET /api/catalog/versions': { path: () => '/catalog/versions' },
  'GET /api/catalog/versions/:id': { path: (fx) => `/catalog/versions/${fx.catalogVersion}` },
  'GET /api/catalog/versions/:a/diff/:b': { path: (fx) => `/catalog/versions/${fx.catalogVersion}/diff/${fx.catalogVersion}` },
  'POST /api/catalog/imports': { path: () => '/catalog/imports', body: INVALID, allowed: [415] }, // a JSON body where the route takes multipart
  // No body to spoil: a version that does not exist (404) proves the guard let the admin through.
  'POST /api/catalog/versions/:id/activate': { path: () => `/catalog/versions/${MISSING_ID}/activate`, allowed: [404] },
  'PATCH /api/catalog/versions/:id/items/:code': { path: () => `/catalog/versions/${MISSING_ID}/items/EDU-001`, body: INVALID, allowed: [400] },
  'POST /api/catalog-compilation/rounds': { path: () => '/catalog-compilation/rounds', body: INVALID, allowed: [400] },
  'GET /api/catalog-compilation/rounds': { path: () => '/catalog-compilation/rounds' },
  'GET /api/catalog-compilation/rounds/:id': { path: () => `/catalog-compilation/rounds/${MISSING_ID}`, allowed: [404] },
  'POST /api/catalog-compilation/rounds/:id/proposals/:departmentCode': { path: () => `/catalog-compilation/rounds/${MISSING_ID}/proposals/edu`, body: INVALID, allowed: [400] },
  'POST /api/catalog-compilation/rounds/:id/proposals/:departmentCode/import': { path: () => `/catalog-compilation/rounds/${MISSING_ID}/proposals/edu/import`, allowed: [404] },
  'POST /api/catalog-compilation/rounds/:id/proposals/:departmentCode/review': { path: () => `/catalog-compilation/rounds/${MISSING_ID}/proposals/edu/review`, body: INVALID, allowed: [400] },
  'POST /api/catalog-compilation/rounds/:id/decisions': { path: () => `/catalog-compilation/rounds/${MISSING_ID}/decisions`, body: INVALID, allowed: [400] },
  'POST /api/catalog-compilation/rounds/:id/activate': { path: () => `/catalog-compilation/rounds/${MISSING_ID}/activate`, allowed: [404] },
  'GET /api/public/catalog': { path: () => '/public/catalog?department=edu' },
  'GET /api/public/catalog.xlsx': { path: () => '/public/catalog.xlsx?department=edu' },
  'GET /api/supervision/catalog-gaps': { path: () => '/supervision/catalog-gaps' },
  'GET /api/review-chains': { path: () => '/review-chains' },
  'PUT /api/review-chains': { path: () => '/review-chains', body: INVALID, allowed: [400] },

  'GET /api/org/departments': { path: () => '/org/departments' },
  'POST /api/org/departments': { path: () => '/org/departments', body: INVALID, allowed: [400] },
  'PATCH /api/org/departments/:code': { path: () => '/org/departments/edu', body: INVALID, allowed: [400] },
  'GET /api/org/departments/:code/history': { path: () => '/org/departments/edu/history' },
  'GET /api/org/users': { path: () => '/org/users' },
  'POST /api/org/users': { path: () => '/org/users', body: INVALID, allowed: [400] },
  'PATCH /api/org/users/:username': { path: () => '/org/users/edu.drafter', body: INVALID, allowed: [400] },
  'GET /api/org/users/:username/history': { path: () => '/org/users/edu.drafter/history' },

  'GET /api/items': { path: () => '/items?limit=100', listed: (fx, body) => hasId(body, fx.draftItem) },
  'GET /api/items?scope=department': { path: () => '/items?scope=department&limit=100', listed: (fx, body) => hasId(body, fx.draftItem) },
  'POST /api/items': { path: () => '/items', body: INVALID, allowed: [400] },
  'GET /api/items/:id': { path: (fx) => `/items/${fx.draftItem}` },
  // The drafter's own steps on the released item: checked (department, then drafter), then 409 (no longer a draft).
  'PATCH /api/items/:id': { path: (fx) => `/items/${fx.releasedItem}`, body: { title: '权限矩阵：不会生效的修改' }, allowed: [409] },
  'GET /api/items/:id/revisions': { path: (fx) => `/items/${fx.draftItem}/revisions` },
  'GET /api/items/:id/revisions/:from/diff/:to': { path: (fx) => `/items/${fx.draftItem}/revisions/1/diff/1` },
  'POST /api/items/:id/submit': { path: (fx) => `/items/${fx.releasedItem}/submit`, allowed: [409] },
  'POST /api/items/:id/editions': { path: (fx) => `/items/${fx.draftItem}/editions`, body: { title: '权限矩阵：新版本', reason: '核对权限' }, allowed: [409] },
  'POST /api/items/:id/extensions': { path: (fx) => `/items/${fx.draftItem}/extensions`, body: INVALID, allowed: [400] },
  // Who may withdraw is the workflow's first check; a draft cannot be withdrawn (409).
  // The draft has no ledger row yet: whoever may work the ledger is answered 409 (nothing to retry or confirm).
  'POST /api/items/:id/ledger/:channel/retry': { path: (fx) => `/items/${fx.draftItem}/ledger/${encodeURIComponent('政府网站')}/retry`, allowed: [409] },
  'POST /api/items/:id/ledger/:channel/confirmations': {
    path: (fx) => `/items/${fx.draftItem}/ledger/${encodeURIComponent('政府网站')}/confirmations`,
    body: { action: 'posted', note: '核对权限' },
    allowed: [409],
  },
  // A bare POST brings no photo: whoever may work the ledger is answered 400 (choose a photo).
  'POST /api/items/:id/ledger/:channel/photos': { path: (fx) => `/items/${fx.draftItem}/ledger/${encodeURIComponent('政府网站')}/photos`, allowed: [400] },
  'GET /api/items/:id/ledger/photos/:photoId': { path: (fx) => `/items/${fx.draftItem}/ledger/photos/${fx.ledgerPhoto}` },
  'POST /api/items/:id/withdraw': { path: (fx) => `/items/${fx.draftItem}/withdraw`, body: { reason: '核对权限' }, allowed: [409] },
  // Incidents are registered on released items only: after the check, a draft is 409.
  'POST /api/items/:id/incidents': { path: (fx) => `/items/${fx.draftItem}/incidents`, body: { severity: 'public-opinion', summary: '权限矩阵：不会登记的舆情' }, allowed: [409] },
  'GET /api/items/:id/audit/verify': { path: (fx) => `/items/${fx.draftItem}/audit/verify` },
  'GET /api/attachments/limits': { path: () => '/attachments/limits' },
  'GET /api/items/:id/attachments': { path: (fx) => `/items/${fx.draftItem}/attachments` },
  // No files on the released item: the drafter check comes first, then 409 (files change only on drafts).
  'POST /api/items/:id/attachments': { path: (fx) => `/items/${fx.releasedItem}/attachments`, allowed: [409] },
  'GET /api/items/:id/attachments/:attachmentId': { path: (fx) => `/items/${fx.draftItem}/attachments/${fx.draftAttachment}` },
  'DELETE /api/items/:id/attachments/:attachmentId': { path: (fx) => `/items/${fx.releasedItem}/attachments/${fx.releasedAttachment}`, allowed: [409] },
  'GET /api/items/:id/personal-information': { path: (fx) => `/items/${fx.draftItem}/personal-information` },
  // No such finding: whoever passes the checks gets 404, and nothing changes.
  'POST /api/items/:id/personal-information/:findingId/mask': { path: (fx) => `/items/${fx.draftItem}/personal-information/${MISSING_ID}/mask`, allowed: [404] },
  'POST /api/items/:id/personal-information/:findingId/justify': { path: (fx) => `/items/${fx.draftItem}/personal-information/${MISSING_ID}/justify`, body: { reason: '《社会救助暂行办法》规定公示须列明姓名' }, allowed: [404] },
  // A real sweep over what is released: harmless to the other rows (it only records findings).
  'POST /api/personal-information/sweeps': { path: () => '/personal-information/sweeps', allowed: [201] },
  'GET /api/personal-information/sweeps/:id': { path: () => `/personal-information/sweeps/${MISSING_ID}`, allowed: [404] },
  'GET /api/personal-information/released-findings': { path: () => '/personal-information/released-findings' },

  'GET /api/tasks': { path: () => '/tasks?limit=200', listed: (fx, body) => hasId(body, fx.openTask) },
  'GET /api/tasks/counts': { path: () => '/tasks/counts' },
  'POST /api/tasks/claims': {
    path: () => '/tasks/claims',
    body: (fx: Fixtures) => ({ taskIds: [fx.openTask] }),
    statusOf: (response) => (response.status === 200 ? (response.body.results[0].status as number) : response.status),
    mutates: true,
  },
  'GET /api/tasks/:id': { path: (fx) => `/tasks/${fx.openTask}` },
  'GET /api/tasks/:id/delegates': { path: (fx) => `/tasks/${fx.openTask}/delegates` },
  'POST /api/tasks/:id/claim': { path: (fx) => `/tasks/${fx.openTask}/claim`, allowed: [200], mutates: true },
  'POST /api/tasks/:id/unclaim': { path: (fx) => `/tasks/${fx.openTask}/unclaim`, allowed: [200], mutates: true },
  // edu.leader does not hold the 初审 role: after the holder check, the workflow refuses the delegate (400).
  'POST /api/tasks/:id/delegate': { path: (fx) => `/tasks/${fx.openTask}/delegate`, body: { to: 'edu.leader' }, allowed: [400], mutates: true },
  'POST /api/tasks/:id/complete': { path: (fx) => `/tasks/${fx.openTask}/complete`, body: { decision: 'approve', comment: '同意' }, allowed: [200], mutates: true },
  'GET /api/notifications': { path: () => '/notifications' },
  'POST /api/notifications/:id/read': { path: () => '/notifications/999999999999/read', allowed: [404] },

  'GET /api/concerns': { path: () => '/concerns?limit=200', listed: (fx, body) => hasId(body, fx.concernToTriage) },
  'GET /api/concerns/:id': { path: (fx) => `/concerns/${fx.concernToTriage}` },
  'POST /api/concerns/:id/triage': { path: (fx) => `/concerns/${fx.concernToTriage}/triage`, body: { classification: 'inquiry', assignDepartmentCode: 'edu' }, allowed: [200], mutates: true },
  'POST /api/concerns/:id/response': { path: (fx) => `/concerns/${fx.concernToAnswer}/response`, body: { draft: '权限矩阵：答复稿。' }, allowed: [200], mutates: true },
  'POST /api/concerns/:id/review': { path: (fx) => `/concerns/${fx.concernToReview}/review`, body: { decision: 'approve' }, allowed: [200], mutates: true },
  'POST /api/concerns/:id/extension': { path: (fx) => `/concerns/${fx.concernMessage}/extension`, body: { reason: '需会商相关部门' }, allowed: [200], mutates: true },
  // The first allowed principal records it (200); the second finds it recorded (409).
  'POST /api/concerns/:id/press-conference': { path: (fx) => `/concerns/${fx.concernToTriage}/press-conference`, body: { summary: '已召开新闻发布会' }, allowed: [200, 409], mutates: true },

  'GET /api/public/consultations': { path: () => '/public/consultations' },
  'GET /api/public/consultations/:id': { path: (fx) => `/public/consultations/${fx.consultation}` },
  'POST /api/public/consultations/:id/comments': { path: (fx) => `/public/consultations/${fx.consultation}/comments`, body: INVALID, allowed: [400] },
  'GET /api/public/items/:id/consultation (draft)': { path: (fx) => `/public/items/${fx.draftItem}/consultation` },
  'POST /api/consultations': { path: () => '/consultations', body: INVALID, allowed: [400] },
  'GET /api/consultations': { path: () => '/consultations', listed: (fx, body) => hasId(body, fx.consultation) },
  'GET /api/consultations/:id': { path: (fx) => `/consultations/${fx.consultation}` },
  // Checked in the service before the comment is looked up: an allowed principal meets 404 (no such comment), nothing changes.
  'POST /api/consultations/:id/comments/:commentId/moderation': { path: (fx) => `/consultations/${fx.consultation}/comments/${MISSING_ID}/moderation`, body: { decision: 'approve' }, allowed: [404] },
  // The fixture is still open: the department's drafter passes the check and meets 409.
  'POST /api/consultations/:id/feedback': { path: (fx) => `/consultations/${fx.consultation}/feedback`, body: { catalogItemCode: 'EDU-001', summary: '权限矩阵', opinions: [] }, allowed: [409] },
  'POST /api/consultations/:id/decision': { path: (fx) => `/consultations/${fx.consultation}/decision`, body: { itemId: MISSING_ID }, allowed: [409] },

  'GET /api/public/items/:id/interpretations': { path: (fx) => `/public/items/${fx.releasedItem}/interpretations` },
  'GET /api/items/:id/interpretations': { path: (fx) => `/items/${fx.draftItem}/interpretations` },
  'POST /api/items/:id/interpretations': { path: (fx) => `/items/${fx.draftItem}/interpretations`, body: { form: 'text', interpreterKind: 'drafting-department', interpreterName: '县教育局', title: '权限矩阵：解读', body: '解读正文' }, allowed: [201], mutates: true },
  'PUT /api/items/:id/interpretation-plan': { path: (fx) => `/items/${fx.draftItem}/interpretation-plan`, body: { entries: [{ form: 'text', interpreterKind: 'drafting-department' }] }, allowed: [200], mutates: true },

  'POST /api/obligations': { path: () => '/obligations', body: INVALID, allowed: [400] },
  'GET /api/obligations': { path: () => '/obligations' },
  'DELETE /api/obligations/:id': { path: () => `/obligations/${MISSING_ID}`, allowed: [404] },
  'GET /api/obligations/tasks': { path: () => '/obligations/tasks' },
  'POST /api/obligations/tasks/:id/fulfil': { path: () => `/obligations/tasks/${MISSING_ID}/fulfil`, body: INVALID, allowed: [400] },
  'GET /api/obligations/tasks/:id/candidates': { path: () => `/obligations/tasks/${MISSING_ID}/candidates`, allowed: [404] },

  'GET /api/supervision/overdue': { path: () => '/supervision/overdue' },
  'GET /api/supervision/overdue.csv': { path: () => '/supervision/overdue.csv' },
  'GET /api/supervision/overdue.xlsx': { path: () => '/supervision/overdue.xlsx' },
  'GET /api/supervision/dashboard': { path: () => '/supervision/dashboard' },
  'GET /api/supervision/trend': { path: () => '/supervision/trend' },
  'GET /api/supervision/filters': { path: () => '/supervision/filters' },
  'POST /api/supervision/items/:id/comments': { path: (fx) => `/supervision/items/${fx.draftItem}/comments`, body: INVALID, allowed: [400] },
  'POST /api/supervision/demands': { path: () => '/supervision/demands', body: INVALID, allowed: [400] },
  'GET /api/supervision/demands': { path: () => '/supervision/demands', listed: (fx, body) => hasId(body, fx.demand) },
  'GET /api/supervision/demands?department=civil': { path: () => '/supervision/demands?department=civil' },
  'GET /api/supervision/demands/:id': { path: (fx) => `/supervision/demands/${fx.demand}` },
  // Invalid bodies: refused before the rate limiters count anything.
  'POST /api/public/applications': { path: () => '/public/applications', body: INVALID, allowed: [400] },
  'POST /api/public/applications/lookup': { path: () => '/public/applications/lookup', body: INVALID, allowed: [400] },
  'POST /api/applications': { path: () => '/applications', body: INVALID, allowed: [400] },
  'GET /api/applications': { path: () => '/applications' },
  'GET /api/applications/:id': { path: (fx) => `/applications/${fx.application}` },
  'GET /api/applications/export.xlsx': { path: () => '/applications/export.xlsx' },
  'GET /api/applications/:id/reply.html': { path: (fx) => `/applications/${fx.application}/reply.html` },
  // No extension is pending: the office head passes the validator's actor check and meets the state (409); everyone else is refused first.
  'POST /api/applications/:id/steps': { path: (fx) => `/applications/${fx.application}/steps`, body: { step: 'decide-extension', approve: true }, allowed: [409] },
  'POST /api/applications/:id/demands': { path: (fx) => `/applications/${fx.application}/demands`, body: INVALID, allowed: [400] },
  'GET /api/applications/:id/demands': { path: (fx) => `/applications/${fx.application}/demands` },
  'POST /api/applications/:id/demands/:demandId/answer': { path: (fx) => `/applications/${fx.application}/demands/${fx.applicationDemand}/answer`, body: { situation: '权限矩阵：情况', measures: '权限矩阵：措施' }, allowed: [200], mutates: true },
  'POST /api/applications/:id/demands/:demandId/close': { path: (fx) => `/applications/${fx.application}/demands/${fx.applicationDemand}/close`, body: INVALID, allowed: [400] },
  'POST /api/supervision/demands/:id/respond': { path: (fx) => `/supervision/demands/${fx.demand}/respond`, body: { response: '已责成专人办理。' }, allowed: [200], mutates: true },
  'GET /api/audit': { path: () => '/audit' },
  'GET /api/audit/:scope/:key/verify': { path: (fx) => `/audit/applications/${fx.application}/verify` },

  'GET /api/reports/annual': { path: () => '/reports/annual?year=2025' },
  'GET /api/reports/annual.xlsx': { path: () => '/reports/annual.xlsx?year=2025' },
  'GET /api/reports/annual.html': { path: () => '/reports/annual.html?year=2025' },
  'PUT /api/reports/annual/:year/inputs': { path: () => '/reports/annual/2025/inputs', body: INVALID, allowed: [400] },
  'GET /api/reports/assessment': { path: () => '/reports/assessment?quarter=2026-Q1' },
  'GET /api/reports/assessment.xlsx': { path: () => '/reports/assessment.xlsx?quarter=2026-Q1' },
};

/** Whether a list answer (`{items: [{id}]}`) has this id. */
const hasId = (body: any, id: string): boolean => Array.isArray(body?.items) && (body.items as { id: string }[]).some((entry) => entry.id === id);

/** `METHOD /api/a/:b` for every handler in the controllers' source: what the OpenAPI document must list. */
function routesInSource(): Set<string> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.controller.ts')) files.push(full);
    }
  };
  walk(path.join(projectRoot, 'apps/api/src'));
  const routes = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const prefix = /@Controller\(\s*(?:'([^']*)')?\s*\)/.exec(source)?.[1] ?? '';
    for (const match of source.matchAll(/@(Get|Post|Put|Patch|Delete)\(\s*(?:'([^']*)')?\s*\)/g)) {
      const joined = ['api', prefix, match[2] ?? ''].filter(Boolean).join('/');
      routes.add(`${match[1]!.toUpperCase()} /${joined}`);
    }
  }
  return routes;
}

/** Runs `work` over the values, at most `limit` at a time. */
async function eachLimited<T>(values: readonly T[], limit: number, work: (value: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < values.length) await work(values[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, lane));
}

interface Call {
  row: MatrixRow;
  principal: Principal;
}

describe('the permission matrix: every route, every principal', () => {
  let system: RunningSystem;
  let questionApi: (SpawnedProcess & { baseUrl: string }) | undefined;
  let client: ApiClient;
  const fx = {} as Fixtures;
  let openApiRoutes: Set<string>;

  const as = (username: string) => ({ as: username });
  async function ok<T = any>(response: Promise<ApiResponse<T>>, status: number, what: string): Promise<ApiResponse<T>> {
    const answer = await response;
    if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  }

  async function upload(itemId: string, name: string, type: string, content: Buffer): Promise<string> {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(content)], { type }), name);
    const response = await fetch(`${client.baseUrl}/items/${itemId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await client.token('edu.drafter')}` }, body: form });
    const body = (await response.json()) as { items: { id: string }[] };
    if (response.status !== 201 && response.status !== 200) throw new Error(`upload: ${response.status} ${JSON.stringify(body)}`);
    return body.items[0]!.id;
  }

  async function uploadLedgerPhoto(itemId: string, channel: string, content: Buffer): Promise<string> {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(content)], { type: 'image/png' }), '公示栏照片.png');
    const response = await fetch(`${client.baseUrl}/items/${itemId}/ledger/${encodeURIComponent(channel)}/photos`, { method: 'POST', headers: { authorization: `Bearer ${await client.token('edu.drafter')}` }, body: form });
    const body = (await response.json()) as { id: string };
    if (response.status !== 201) throw new Error(`ledger photo: ${response.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  async function createDraft(title: string): Promise<string> {
    const created = await ok(client.request('POST', '/items', { as: 'edu.drafter', body: { catalogItemCode: 'EDU-001', title, body: '权限矩阵测试正文。', formedAt: '2026-02-10' } }), 201, 'create a draft');
    return created.body.id as string;
  }

  /** The open review task of an item, with the edu user who holds its role. */
  async function openTaskOf(itemId: string): Promise<{ taskId: string; username: string }> {
    const holders: Record<string, string> = { reviewer: 'edu.reviewer', 'secrecy-reviewer': 'edu.secrecy', 'legal-reviewer': 'edu.legal', leader: 'edu.leader' };
    return client.eventually(async () => {
      const item = await client.request('GET', `/items/${itemId}`, as('edu.drafter'));
      const open = (item.body.tasks as { id: string; state: string; stage: string }[]).find((task) => task.state === 'open');
      if (!open) return undefined;
      const task = await client.request('GET', `/tasks/${open.id}`, as('edu.reviewer'));
      const role = task.status === 200 ? (task.body.role as string) : undefined;
      for (const username of role ? [holders[role]!] : Object.values(holders)) {
        const found = await client.request('GET', `/tasks/${open.id}`, as(username));
        if (found.status === 200) return { taskId: open.id, username };
      }
      return undefined;
    }, `the open task of ${itemId}`);
  }

  /** submit → every stage approved by its holder → released. */
  async function release(itemId: string): Promise<void> {
    await ok(client.request('POST', `/items/${itemId}/submit`, as('edu.drafter')), 200, 'submit');
    for (let stage = 0; stage < 6; stage++) {
      const item = await client.request('GET', `/items/${itemId}`, as('edu.drafter'));
      if (item.body.state === 'RELEASED') return;
      const next = await client.eventually(async () => {
        const current = await client.request('GET', `/items/${itemId}`, as('edu.drafter'));
        if (current.body.state === 'RELEASED') return { released: true as const };
        const open = (current.body.tasks as { state: string }[]).some((task) => task.state === 'open');
        return open ? { released: false as const, ...(await openTaskOf(itemId)) } : undefined;
      }, `the next stage of ${itemId}`);
      if (next.released) return;
      await ok(client.request('POST', `/tasks/${next.taskId}/complete`, { as: next.username, body: { decision: 'approve', comment: '同意' } }), 200, 'approve');
    }
    await client.eventually(async () => ((await client.request('GET', `/items/${itemId}`, as('edu.drafter'))).body.state === 'RELEASED' ? true : undefined), `release of ${itemId}`);
  }

  async function incident(summary: string, severity: 'major-emergency' | 'public-opinion'): Promise<string> {
    const registered = await ok(client.request('POST', `/items/${fx.releasedItem}/incidents`, { as: 'office.publisher', body: { severity, summary } }), 201, 'register an incident');
    const id = registered.body.id as string;
    await client.eventually(async () => ((await client.request('GET', `/concerns/${id}`, as('office.publisher'))).status === 200 ? true : undefined), `concern ${id}`);
    return id;
  }

  const concernState = async (id: string) => (await client.request('GET', `/concerns/${id}`, as('office.publisher'))).body.state as string;
  async function triage(id: string): Promise<void> {
    await ok(client.request('POST', `/concerns/${id}/triage`, { as: 'office.publisher', body: { classification: 'inquiry', assignDepartmentCode: 'edu' } }), 200, 'triage');
  }
  async function draftResponse(id: string): Promise<void> {
    await ok(client.request('POST', `/concerns/${id}/response`, { as: 'edu.drafter', body: { draft: '您好，相关政策已在专栏公开。' } }), 200, 'draft a response');
  }

  beforeAll(async () => {
    system = await startSystem('permissions');
    ({ client } = system);
    await Promise.all(PRINCIPALS.filter((p) => p !== 'anonymous').map((username) => client.token(username)));
    const docs = await ok(client.request('GET', '/docs-json'), 200, 'the OpenAPI document');
    openApiRoutes = new Set(
      Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(([route, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${route.replace(/\{([^}]+)\}/g, ':$1')}`),
      ),
    );
    fx.catalogVersion = (await ok(client.request('GET', '/catalog/versions', as('admin')), 200, 'catalog versions')).body.items[0].id as string;

    // Items: a draft with a file, a released item with a file, an item waiting in 初审.
    const [draftItem, releasedItem, reviewItem] = await Promise.all([createDraft('权限矩阵：草稿'), createDraft('权限矩阵：已发布'), createDraft('权限矩阵：审核中')]);
    Object.assign(fx, { draftItem, releasedItem, reviewItem });
    fx.draftAttachment = await upload(draftItem, '草稿附件.png', 'image/png', buildPng(3, 2, [10, 120, 200]));
    fx.releasedAttachment = await upload(releasedItem, '发布附件.pdf', 'application/pdf', buildPdf('Permission matrix'));
    fx.ledgerPhoto = await uploadLedgerPhoto(draftItem, '政府网站', buildPng(2, 2, [30, 160, 60]));
    await ok(client.request('POST', `/items/${reviewItem}/submit`, as('edu.drafter')), 200, 'submit the review item');
    await Promise.all([release(releasedItem), (async () => (fx.openTask = (await openTaskOf(reviewItem)).taskId))()]);

    const consulted = await ok(client.request('POST', '/consultations', { as: 'edu.drafter', body: { kind: 'other', title: '权限矩阵：意见征集', draftText: '第一条 ……', explanation: '起草说明', closesOn: '2099-12-31' } }), 201, 'a consultation');
    fx.consultation = consulted.body.id as string;
    // A demand on the released item for the edu head; concerns in each state a step needs.
    const demanded = await ok(client.request('POST', '/supervision/demands', { as: 'office.supervisor', body: { itemId: releasedItem, reason: '权限矩阵：请说明办理情况' } }), 201, 'demand');
    fx.demand = demanded.body.id as string;
    // An application registered by the office and handled by 县教育局.
    const registered = await ok(client.request('POST', '/applications', { as: 'office.publisher', body: { applicantType: 'naturalPerson', applicantName: '权限矩阵申请人', idDocument: 'PM-0001', description: '权限矩阵：申请公开的信息', deliveryForm: '电子邮件', channel: 'in-person', submittedOn: '2026-03-02' } }), 201, 'an application');
    fx.application = registered.body.id as string;
    await ok(client.request('POST', `/applications/${fx.application}/steps`, { as: 'office.publisher', body: { step: 'sign' } }), 200, 'sign the application');
    await ok(client.request('POST', `/applications/${fx.application}/steps`, { as: 'office.publisher', body: { step: 'accept', departmentCode: 'edu' } }), 200, 'accept the application');
    const applicationDemand = await ok(client.request('POST', `/applications/${fx.application}/demands`, { as: 'office.supervisor', body: { reason: '权限矩阵：请说明办理情况', dueDate: '2099-06-30' } }), 201, 'a demand on the application');
    fx.applicationDemand = applicationDemand.body.id as string;
    const [toTriage, toAnswer, toReview, published] = await Promise.all([
      incident('权限矩阵：待分办的突发事件', 'major-emergency'),
      incident('权限矩阵：待答复的舆情', 'public-opinion'),
      incident('权限矩阵：待审核的舆情', 'public-opinion'),
      incident('权限矩阵：已公开答复的舆情', 'public-opinion'),
    ]);
    Object.assign(fx, { concernToTriage: toTriage, concernToAnswer: toAnswer, concernToReview: toReview, concernPublished: published });
    await Promise.all([triage(toAnswer), triage(toReview), triage(published)]);
    await Promise.all([draftResponse(toReview), draftResponse(published)]);
    await ok(client.request('POST', `/concerns/${published}/review`, { as: 'edu.leader', body: { decision: 'approve' } }), 200, 'approve a response');
    await client.eventually(async () => ((await concernState(published)) === 'PUBLISHED' ? true : undefined), 'the response published');
    // Only a public question (kind `message`) has an extendable limit. It is asked from a client address of
    // its own, so it neither meets nor fills the rate-limit window of the suites asking from 127.0.0.1.
    questionApi = await startApiOnOwnClientAddress(system.taskQueue);
    const asker = questionApi ? new ApiClient(questionApi.baseUrl) : client;
    const asked = await ok(asker.request('POST', `/public/items/${releasedItem}/concerns`, { body: { content: '权限矩阵：请问招生范围如何划定？' } }), 201, 'a public question');
    fx.concernMessage = asked.body.id as string;
    await client.eventually(async () => ((await client.request('GET', `/concerns/${fx.concernMessage}`, as('office.publisher'))).status === 200 ? true : undefined), 'the public question');
  }, 120_000);

  afterAll(async () => {
    await questionApi?.stop();
    await system?.stop();
  });

  it('lists every route of the API in the OpenAPI document (checked against the controllers\' decorators)', () => {
    expect([...openApiRoutes].sort()).toEqual([...routesInSource()].sort());
  });

  it('has a matrix row and a probe for every route, and no row for a route that does not exist', () => {
    const inMatrix = new Set(PERMISSION_MATRIX.map((row) => row.route));
    expect({ routesWithoutRow: [...openApiRoutes].filter((route) => !inMatrix.has(route)).sort() }).toEqual({ routesWithoutRow: [] });
    expect({ rowsWithoutRoute: [...inMatrix].filter((route) => !openApiRoutes.has(route)).sort() }).toEqual({ rowsWithoutRoute: [] });
    const keys = PERMISSION_MATRIX.map(rowKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect({ rowsWithoutProbe: keys.filter((key) => !probes[key]) }).toEqual({ rowsWithoutProbe: [] });
    expect({ probesWithoutRow: Object.keys(probes).filter((key) => !keys.includes(key)) }).toEqual({ probesWithoutRow: [] });
  });

  it('answers every route as the matrix says for every principal', async () => {
    const calls: Call[] = PERMISSION_MATRIX.flatMap((row) => PRINCIPALS.map((principal) => ({ row, principal })));
    const mismatches: string[] = [];
    const run = async ({ row, principal }: Call) => {
      const probe = probes[rowKey(row)]!;
      const method = row.route.split(' ')[0]!;
      const body = typeof probe.body === 'function' ? (probe.body as (f: Fixtures) => unknown)(fx) : probe.body;
      const response = await client.request(method, probe.path(fx), { ...(principal === 'anonymous' ? {} : { as: principal }), ...(body !== undefined ? { body } : {}) });
      const status = probe.statusOf ? probe.statusOf(response) : response.status;
      const expected = row.cells[principal];
      const listed = probe.listed && status === 200 ? probe.listed(fx, response.body) : undefined;
      const fits =
        expected === 'N' ? status === 404
        : expected === 'D' ? status === (principal === 'anonymous' ? 401 : 403)
        : expected === 'S' ? status === 200 && listed === false
        : status < 500 && status !== 401 && status !== 403 && (probe.allowed ?? (method === 'GET' ? [200] : [status])).includes(status) && listed !== false;
      if (!fits) {
        const want =
          expected === 'N' ? '404'
          : expected === 'D' ? (principal === 'anonymous' ? '401' : '403')
          : expected === 'S' ? '200 without the fixture'
          : `allowed (${(probe.allowed ?? (method === 'GET' ? [200] : ['not 401/403'])).join('/')})${probe.listed ? ' with the fixture listed' : ''}`;
        mismatches.push(`${rowKey(row)} as ${principal}: expected ${want}, got ${status} ${JSON.stringify(response.body).slice(0, 160)}`);
      }
    };
    // Denials and harmless calls first, in parallel; then the real steps on this file's fixtures, one at a time.
    const stepping = (call: Call) => probes[rowKey(call.row)]!.mutates === true && call.row.cells[call.principal] === 'A';
    await eachLimited(calls.filter((call) => !stepping(call)), CONCURRENCY, run);
    for (const call of calls.filter(stepping)) await run(call);

    mkdirSync(path.join(projectRoot, 'test-output'), { recursive: true });
    writeFileSync(
      path.join(projectRoot, 'test-output', 'permission-matrix.md'),
      `# Permission matrix\n\nGenerated by test/integration/permission-matrix.int-spec.ts from test/integration/permission-matrix.ts: ${PERMISSION_MATRIX.length} rows (${openApiRoutes.size} routes) × ${PRINCIPALS.length} principals = ${calls.length} calls, ${calls.length - mismatches.length} as the matrix says.\n\n✓ allowed (on list rows: with this run's 县教育局 fixture in the list) · ○ allowed, but the fixture is scoped out of the list · ✗ denied (401 anonymous, 403 signed in; another department's data is 403) · 404 hidden from everyone.\n\n${matrixMarkdown()}\n`,
    );
    expect(mismatches).toEqual([]);
  }, 60_000);
});
