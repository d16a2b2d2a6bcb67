import { UPSTREAM_HEADER } from './reverse-proxy';

/** One answer with status 500 or above, kept to be judged against the outages afterwards. */
export interface ServerErrorAnswer {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly code?: string;
  readonly upstream?: string;
  readonly sentAt: number;
  readonly answeredAt: number;
}

/** The stage of a review task and who decides it in the seeded edu department. */
const DECIDER_OF_STAGE: Readonly<Record<string, string>> = {
  'preliminary-review': 'edu.reviewer',
  'confidentiality-review': 'edu.secrecy',
  'legal-review': 'edu.legal',
  'sign-off': 'edu.leader',
};

interface Answer {
  status: number;
  body: any;
}

/**
 * Drives items through the lifecycle the way a patient client does: every write carries an
 * Idempotency-Key and is sent again, with the same key, after a network error or a 5xx. Every 5xx is kept
 * with who answered it and when, for the test to judge; every request is counted.
 */
export class LifecycleDriver {
  readonly serverErrors: ServerErrorAnswer[] = [];
  readonly networkErrors: { path: string; at: number; message: string }[] = [];
  requests = 0;
  /** Writes answered 409 because an earlier attempt of the same write, unanswered or answered 503, was under way or done. */
  inFlightConflicts = 0;
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly runKey: string,
  ) {}

  /** One request, resent until it gets an answer below 500 (or the deadline passes). */
  async call(method: string, path: string, as: string | null, body?: unknown, idempotencyKey?: string, deadlineMs = 180_000): Promise<Answer> {
    const giveUpAt = Date.now() + deadlineMs;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {};
      if (as) headers.authorization = `Bearer ${await this.token(as)}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      const sentAt = Date.now();
      this.requests++;
      try {
        const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(120_000) });
        const text = await response.text();
        let parsed: any = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON
        }
        if (response.status < 500) return { status: response.status, body: parsed };
        this.serverErrors.push({ method, path, status: response.status, code: parsed?.error ?? parsed?.code, upstream: response.headers.get(UPSTREAM_HEADER) ?? undefined, sentAt, answeredAt: Date.now() });
      } catch (error) {
        this.networkErrors.push({ path, at: Date.now(), message: error instanceof Error ? error.message : String(error) });
      }
      if (Date.now() > giveUpAt) throw new Error(`${method} ${path} got no answer below 500 within ${deadlineMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 2_000)));
    }
  }

  private async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const reply = await this.call('POST', '/auth/dev-login', null, { username });
    if (reply.status !== 200) throw new Error(`dev login of ${username} answered ${reply.status}`);
    this.tokens.set(username, reply.body.accessToken as string);
    return reply.body.accessToken as string;
  }

  /** Creates item `index`, submits it, and approves each open task until it is released; returns its id. */
  async release(index: number, formedAt: string): Promise<string> {
    const key = `${this.runKey}-${index}`;
    const created = await this.call(
      'POST',
      '/items',
      'edu.drafter',
      {
        catalogItemCode: index % 2 === 0 ? 'EDU-001' : 'EDU-002',
        title: `集群演练事项第${index + 1}号：义务教育招生入学工作安排`,
        body: `各学校：现将第${index + 1}号集群演练事项的招生入学安排通知如下，请按划定学区做好报名、审核和录取工作。`,
        formedAt,
      },
      key,
    );
    if (created.status !== 201 && created.status !== 200) throw new Error(`creating item ${index} answered ${created.status}: ${JSON.stringify(created.body)}`);
    const itemId = created.body.id as string;
    // A submission the API answered 503 still-processing goes on in the workflow; sent again meanwhile, it is
    // answered 409 "already being submitted". Either way the item leaves DRAFT: that is what counts.
    for (let attempt = 0; ; attempt++) {
      const submitted = await this.call('POST', `/items/${itemId}/submit`, 'edu.drafter', undefined, `${key}-submit`);
      if (submitted.status === 200) break;
      if (submitted.status !== 409 || attempt > 120) throw new Error(`submitting item ${index} answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
      this.inFlightConflicts++;
      if ((await this.state(itemId)) !== 'DRAFT') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const giveUpAt = Date.now() + 300_000;
    for (;;) {
      if (Date.now() > giveUpAt) throw new Error(`item ${index} (${itemId}) was not released within 300 s`);
      const item = await this.call('GET', `/items/${itemId}`, 'edu.drafter');
      if (item.status !== 200) throw new Error(`reading item ${index} answered ${item.status}`);
      if (item.body.state === 'RELEASED') return itemId;
      const open = (item.body.tasks as { id: string; stage: string; state: string }[]).find((task) => task.state === 'open');
      if (open) {
        const decider = DECIDER_OF_STAGE[open.stage];
        if (!decider) throw new Error(`item ${index} waits at a stage nobody here decides: ${open.stage}`);
        const decided = await this.call('POST', `/tasks/${open.id}/complete`, decider, { decision: 'approve', comment: '同意。' }, `${key}-${open.id}`);
        // 409: an earlier attempt (answered 503, or lost with its API process) decided it or is deciding it;
        // the next read of the item shows which.
        if (decided.status === 409) this.inFlightConflicts++;
        else if (decided.status !== 200) throw new Error(`approving ${open.stage} of item ${index} answered ${decided.status}: ${JSON.stringify(decided.body)}`);
        if (decided.status === 409) await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  private async state(itemId: string): Promise<string> {
    return (await this.call('GET', `/items/${itemId}`, 'edu.drafter')).body.state as string;
  }
}
