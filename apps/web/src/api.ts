/** The HTTP client of the web app: the bearer token from sessionStorage, and errors with their fields. */

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

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** A non-2xx answer: the status, the server's message, and the fields it named (400). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** This failure without one field's problems (the user just changed it), or null when nothing is left. */
  without(field: string): ApiFailure | null {
    const rest = this.fields.filter((f) => f.field !== field);
    if (rest.length === this.fields.length) return this;
    return rest.length ? new ApiFailure(this.status, this.message, rest) : null;
  }

  /** The problems of one field, joined for display under it. */
  fieldMessage(field: string): string | undefined {
    const found = this.fields.filter((f) => f.field === field).flatMap((f) => f.problems);
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
  if (!response.ok) {
    const error = (parsed ?? {}) as { message?: string; fields?: FieldProblem[] };
    throw new ApiFailure(response.status, error.message ?? `请求失败（${response.status}）`, error.fields ?? []);
  }
  return parsed as T;
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
