/** The HTTP client of the web app: the bearer token from sessionStorage, and errors with their fields. */
import { failureTitle, fieldProblemText } from './errors/error-text';
import type { components } from './openapi/schema';

export interface Actor {
  username: string;
  displayName: string;
  departmentCode: string;
  roles: string[];
}

export interface Session {
  token: string;
  actor: Actor;
}

/** A request field at fault: `code` (with `params`) is what the screens word; `problems` is the API's text. */
export interface FieldProblem {
  field: string;
  problems: string[];
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * A non-2xx answer: the status, the API's stable error `code` (what screens branch on; never parse the
 * message), the server's message, and the fields it named (400).
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly code?: string,
  ) {
    super(message);
  }

  /** This failure without one field's problems (the user just changed it), or null when nothing is left. */
  without(field: string): ApiFailure | null {
    const rest = this.fields.filter((f) => f.field !== field);
    if (rest.length === this.fields.length) return this;
    return rest.length ? new ApiFailure(this.status, this.message, rest, this.code) : null;
  }

  /** The Chinese of the failure's code (or of its status when it has none), for a banner. */
  get title(): string {
    return failureTitle(this.status, this.code);
  }

  /** The problems of one field in Chinese (worded from their codes), joined for display under it. */
  fieldMessage(field: string): string | undefined {
    const found = this.fields.filter((f) => f.field === field).map(fieldProblemText);
    return found.length ? found.join('；') : undefined;
  }
}

// sessionStorage: a token ends with the tab, so a shared office computer does not keep people signed in.
const SESSION_KEY = 'zwgk.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

/** Drops a field's error once the user edits it, so that a stale message never sits under a corrected field. */
export function clearField(error: unknown, field: string): unknown {
  return error instanceof ApiFailure ? error.without(field) : error;
}

export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const session = loadSession();
  const response = await fetch(`/api${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw apiFailureOf(response.status, parsed, !!session && !headers.authorization);
  return parsed as T;
}

/**
 * A non-2xx answer as the screens show it, from its status and parsed body; a 401 to a request made with the
 * session's token ends the session.
 */
export function apiFailureOf(status: number, body: unknown, withSessionToken: boolean): ApiFailure {
  if (status === 401 && withSessionToken) sessionExpired();
  const error = (body ?? {}) as { code?: string; message?: string; fields?: FieldProblem[] };
  return new ApiFailure(status, error.message ?? `请求失败（${status}）`, error.fields ?? [], error.code);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

/** Downloads a file that needs the bearer token (a plain link would be refused with 401). */
export async function download(path: string, filename: string): Promise<void> {
  const session = loadSession();
  const response = await fetch(`/api${path}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) throw new ApiFailure(response.status, `导出失败（${response.status}）`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A fresh Idempotency-Key per user action, so a double click or a retry never acts twice. */
export function idempotencyKey(): Record<string, string> {
  return { 'Idempotency-Key': crypto.randomUUID() };
}

// ── Satisfaction ratings, organisation and reports (issue 6) ──────────────────────────────────────────

/** What the public rates: a released item, or a published response to a concern. */
export type RatingTarget = { kind: 'item'; itemId: string } | { kind: 'response'; concernId: string };

export interface RatingSummary {
  count: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  ratedByYou: boolean;
}

/** A refused rating: 409 (already rated), 429 with how many seconds to wait, or 400 naming `score`/`comment`. */
export class RatingFailure extends ApiFailure {
  constructor(status: number, message: string, fields: FieldProblem[], readonly retryAfterSeconds: number | null, code?: string) {
    super(status, message, fields, code);
  }
}

function ratingPath(target: RatingTarget): string {
  return target.kind === 'item' ? `/public/items/${encodeURIComponent(target.itemId)}/ratings` : `/public/concerns/${encodeURIComponent(target.concernId)}/ratings`;
}

export function loadRatingSummary(target: RatingTarget): Promise<RatingSummary> {
  return api<RatingSummary>('GET', ratingPath(target));
}

/** Rates once; the API's HttpOnly cookie (sent by the browser, never read here) tells this browser apart. */
export async function submitRating(target: RatingTarget, body: { score: number; comment?: string }): Promise<{ summary: RatingSummary }> {
  const response = await fetch(`/api${ratingPath(target)}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json().catch(() => ({}))) as { code?: string; message?: string; fields?: FieldProblem[]; summary?: RatingSummary };
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new RatingFailure(response.status, parsed.message ?? `请求失败（${response.status}）`, parsed.fields ?? [], Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null, parsed.code);
  }
  return parsed as { summary: RatingSummary };
}

/** The organisation's answers, as the API documents them (organisation.views.ts). */
export type DepartmentKind = components['schemas']['OrgDepartmentView']['kind'];
export type Department = Pick<components['schemas']['OrgDepartmentView'], 'code' | 'name' | 'parentCode' | 'kind'>;
export type OrgUser = components['schemas']['OrgUserView'];
export type OrgHistoryEntry = components['schemas']['OrgHistoryEntryView'];

// ── Inbox actions and identity (issues 5 and 6): bulk claim, claim / release / delegate, sign-in config ──

/** One task of a bulk claim (批量认领), with the status a single claim would have answered (apps/api/src/tasks/task.views.ts). */
export type ClaimOutcome = components['schemas']['ClaimOutcomeView'];
export type BulkClaimAnswer = components['schemas']['BulkClaimView'];

/** The API takes at most this many tasks per bulk claim. */
export const BULK_CLAIM_MAX = 50;

export function claimTasks(taskIds: string[]): Promise<BulkClaimAnswer> {
  return api<BulkClaimAnswer>('POST', '/tasks/claims', { taskIds }, idempotencyKey());
}

/** GET /api/tasks/:id: one task with who holds it. */
export type TaskView = components['schemas']['TaskView'];

export function loadTask(taskId: string): Promise<TaskView> {
  return api<TaskView>('GET', `/tasks/${taskId}`);
}

export function claimTask(taskId: string): Promise<unknown> {
  return api('POST', `/tasks/${taskId}/claim`, undefined, idempotencyKey());
}

export function unclaimTask(taskId: string): Promise<unknown> {
  return api('POST', `/tasks/${taskId}/unclaim`, undefined, idempotencyKey());
}

export function delegateTask(taskId: string, to: string, comment?: string): Promise<unknown> {
  return api('POST', `/tasks/${taskId}/delegate`, { to, ...(comment ? { comment } : {}) }, idempotencyKey());
}

/** GET /api/tasks/:id/delegates: whom the task may be delegated to. */
export type Delegates = components['schemas']['TaskDelegatesView'];

export function loadDelegates(taskId: string): Promise<Delegates> {
  return api<Delegates>('GET', `/tasks/${taskId}/delegates`);
}

/** GET /api/auth/config: the dev-user buttons, or OIDC with the issuer's details. */
export type AuthConfig = { mode: 'dev' } | { mode: 'oidc'; issuer: string; clientId: string | null; scopes: string; redirectUri: string | null; bearerToken: 'id_token' | 'access_token' };

let sessionExpiredHandler: (() => void) | null = null;

/** Called when a signed-in request is answered 401 (the token expired or was revoked): the app signs out. */
export function onSessionExpired(handler: (() => void) | null): void {
  sessionExpiredHandler = handler;
}

function sessionExpired(): void {
  sessionExpiredHandler?.();
}

// ── Supervision dashboard and demands for action (督查督办, issues 5 and 6) ──────────────────────────

/** The overdue list's filters; the same query string drives the list, the charts and the exports. */
export interface OverdueFilters {
  departmentCode?: string;
  area?: string;
  stage?: string;
  kind?: 'statutory' | 'sla';
  leader?: string;
  from?: string;
  to?: string;
}

export interface SupervisionDemand {
  id: string;
  itemId: string;
  itemTitle: string;
  departmentCode: string;
  departmentName: string;
  reason: string;
  demandedBy: string;
  demandedByName: string;
  dueWorkingDays: number;
  dueAt: string;
  dueExplanation: string | null;
  createdAt: string;
  state: 'open' | 'overdue' | 'answered';
  overdueAt: string | null;
  respondedAt: string | null;
  response: string | null;
  responder: string | null;
  late: boolean;
}

export interface SupervisionEventView {
  action: string;
  taskId: string | null;
  actor: string;
  reason: string | null;
  detail: unknown;
  occurredAt: string;
}

export interface OverdueRowView {
  kind: 'statutory' | 'sla';
  itemId: string;
  title: string;
  departmentCode: string;
  departmentName: string;
  area: string;
  itemState: string;
  taskId: string | null;
  stage: string | null;
  stageLabel: string | null;
  dueAt: string;
  finishedAt: string | null;
  stillOverdue: boolean;
  workingDaysLate: number;
  responsible: { basis: string; usernames: string[] };
  escalations: SupervisionEventView[];
  extensions: SupervisionEventView[];
  comments: SupervisionEventView[];
  leaders: { basis: 'sign-off' | 'department-leaders'; usernames: string[] };
  demands: SupervisionDemand[];
}

export interface OverdueBar {
  key: string;
  label: string;
  statutory: number;
  sla: number;
  stillOverdue: number;
}

export interface AnnualReportDeadline {
  year: number;
  title: string;
  dueAt: string;
  dueDate: string;
  daysLeft: number;
  overdue: boolean;
  inputsSavedAt: string | null;
  inputsSavedBy: string | null;
  links: { html: string; xlsx: string };
}

export interface TrendPoint {
  period: string;
  due: number;
  onTime: number;
  onTimeRate: number | null;
  overdue: number;
}

export interface SupervisionTrend {
  unit: 'quarter' | 'month';
  periods: { key: string; label: string; from: string; to: string }[];
  departments: { departmentCode: string; departmentName: string; series: TrendPoint[] }[];
  totals: TrendPoint[];
}

/** Opens a page that needs the bearer token (the annual report's printable HTML) in a new tab. */
export async function openAuthenticated(path: string): Promise<void> {
  const opened = window.open('', '_blank');
  const session = loadSession();
  const response = await fetch(`/api${path}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) {
    opened?.close();
    throw new ApiFailure(response.status, `打开失败（${response.status}）`);
  }
  const url = URL.createObjectURL(await response.blob());
  if (opened) opened.location.href = url;
  else window.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ── Drafting: attachments (issue 5) ───────────────────────────────────────────────────────────────────

/** Sends files as multipart (field `files`) with the bearer token; errors come back like api()'s, fields included. */
export async function uploadAttachments<T>(itemId: string, files: File[]): Promise<T> {
  const session = loadSession();
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const response = await fetch(`/api/items/${encodeURIComponent(itemId)}/attachments`, {
    method: 'POST',
    headers: { accept: 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}), ...idempotencyKey() },
    body: form,
  });
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (parsed ?? {}) as { message?: string; fields?: FieldProblem[] };
    throw new ApiFailure(response.status, error.message ?? `上传失败（${response.status}）`, error.fields ?? []);
  }
  return parsed as T;
}

/** Saves an attachment under its own name (the download needs the bearer token, so a plain link would not do). */
export async function downloadAttachment(downloadPath: string, fileName: string): Promise<void> {
  await download(downloadPath.replace(/^\/api/, ''), fileName);
}

// --- Department deactivation (停用/启用单位) ---

/** A unit as GET /org/departments lists it: inactive (停用) units stay listed, marked, so history stays readable. */
export type OrgDepartment = components['schemas']['OrgDepartmentView'];
