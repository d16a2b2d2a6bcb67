/** A small HTTP client for the API under test: real requests over loopback. */
export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { as?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /**
   * A request as a patient client sends it: with one Idempotency-Key, sent again while the API answers
   * 503 `still-processing` (its Update outlived the bound, e.g. while a worker restarts), as the API asks.
   */
  async requestPatiently<T = any>(method: string, path: string, options: { as?: string; body?: unknown } = {}, timeoutMs = 90_000): Promise<ApiResponse<T>> {
    const headers = { 'idempotency-key': `patient-${Date.now()}-${Math.random().toString(36).slice(2)}` };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await this.request<T>(method, path, { ...options, headers });
      const stillProcessing = response.status === 503 && (response.body as { error?: string } | undefined)?.error === 'still-processing';
      if (!stillProcessing || Date.now() > deadline) return response;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** A bearer token for a seeded user, through the dev login endpoint. */
  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const response = await fetch(`${this.baseUrl}/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    if (response.status !== 200) throw new Error(`dev login for ${username} failed: ${response.status} ${await response.text()}`);
    const { accessToken } = (await response.json()) as { accessToken: string };
    this.tokens.set(username, accessToken);
    return accessToken;
  }

  /** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
  async eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
