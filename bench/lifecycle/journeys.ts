/**
 * One item's journey, twice: through the project (HTTP to the API, as the web UI does it) and through the
 * bare baseline (Temporal Updates from a client, as the API would send them). Both record each decision's
 * round trip by stage, so the benchmark can set one against the other.
 */
import { type Client as TemporalClient, WithStartWorkflowOperation } from '@temporalio/client';
import { bareCompleteTaskUpdate, bareDraftRecordedUpdate, bareSubmitUpdate, type BareItemInput, type BareItemView } from './bare-workflows';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The round trip of one decision, by stage; `visibleMs` when the next task's appearance in its inbox was timed. */
export interface DecisionSample {
  readonly stage: string;
  readonly final: boolean;
  readonly ms: number;
  readonly visibleMs?: number;
}

export interface Journey {
  /** From the draft's create to the item released. */
  readonly ms: number;
  readonly decisions: DecisionSample[];
}

export class ApiCaller {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const reply = await this.call('POST', '/auth/dev-login', null, { username }, [200]);
      token = (reply as { accessToken: string }).accessToken;
      this.tokens.set(username, token);
    }
    return token;
  }

  /** Requests answered 503 "still processing" (the Update outlived the API's timeout) and sent again with the same key. */
  retried = 0;
  /** Of those, the retries refused 409 while the first attempt was still running. */
  conflictsAfterTimeout = 0;
  /** Requests sent again after the connection failed before an answer. */
  networkRetries = 0;

  /**
   * One request. With an Idempotency-Key, a 503 (on a loaded machine an Update can outlive the API's timeout)
   * is sent again with the same key, as the web UI would, and answered with the first result: the time
   * measured is the whole wait, retries included.
   */
  async call(method: string, path: string, as: string | null, body: unknown, expected: readonly number[], idempotencyKey?: string): Promise<any> {
    const headers: Record<string, string> = {};
    if (as) headers.authorization = `Bearer ${await this.token(as)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let timedOut = false;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      } catch (error) {
        // A kept-alive connection the server closed as the request went out (undici's "fetch failed"), which a
        // machine at load 30 makes likely: a read or a request with its Idempotency-Key is safe to send again.
        if ((method === 'GET' || idempotencyKey) && attempt < 5) {
          this.networkRetries++;
          await sleep(200);
          continue;
        }
        throw error;
      }
      const text = await response.text();
      // After a 503 the first attempt may still be running: its retry can be refused as a conflict ("already
      // being submitted") until it finishes, and then answered with its result.
      if ((response.status === 503 || (timedOut && response.status === 409)) && idempotencyKey && attempt < 30) {
        if (response.status === 503) timedOut = true;
        if (response.status === 409) this.conflictsAfterTimeout++;
        this.retried++;
        await sleep(1000);
        continue;
      }
      if (!expected.includes(response.status)) throw new Error(`${method} ${path} as ${as ?? 'anonymous'} answered ${response.status}: ${text.slice(0, 500)}`);
      return text ? JSON.parse(text) : undefined;
    }
  }
}

export interface ProjectJourneyOptions {
  readonly api: ApiCaller;
  readonly drafter: string;
  /** Who decides each role's tasks in the drafter's department. */
  readonly deciderOf: (role: string) => string;
  readonly catalogItemCode: string;
  readonly formedAt: string;
  /** Time "next task visible in GET /api/tasks" after each non-final decision (polls the next decider's inbox). */
  readonly timeVisibility?: boolean;
  /** Stop after submitting (an item in progress, waiting at the first stage). */
  readonly stopAfterSubmit?: boolean;
}

interface ProjectView {
  state: string;
  openTask?: { taskId: string; stage: string; role: string };
  reviewChain?: string[];
}

/** The item's journey through the API: create, submit, every stage approved by its decider, until released. */
export async function projectJourney(index: number, options: ProjectJourneyOptions): Promise<Journey & { itemId: string; reviewChain?: string[] }> {
  const { api } = options;
  const started = now();
  const created = await api.call(
    'POST',
    '/items',
    options.drafter,
    { catalogItemCode: options.catalogItemCode, title: `基准测试事项 ${index}`, body: `基准测试正文 ${index}：现将有关事项通知如下。`, formedAt: options.formedAt, interpretation: '基准测试解读材料。' },
    [201, 200],
    `bench-${index}-create`,
  );
  const itemId = created.id as string;
  let view = (await api.call('POST', `/items/${itemId}/submit`, options.drafter, undefined, [200], `bench-${index}-submit`)) as ProjectView;
  const reviewChain = view.reviewChain;
  const decisions: DecisionSample[] = [];
  if (options.stopAfterSubmit) return { itemId, ms: now() - started, decisions, ...(reviewChain ? { reviewChain } : {}) };
  while (view.state !== 'RELEASED') {
    const task = view.openTask;
    if (!task) {
      // Between steps (a release in progress): read the item until it says where it is.
      await sleep(20);
      view = await api.call('GET', `/items/${itemId}`, options.drafter, undefined, [200]);
      continue;
    }
    const t0 = now();
    const answer = await api.call('POST', `/tasks/${task.taskId}/complete`, options.deciderOf(task.role), { decision: 'approve', comment: '同意' }, [200], `bench-${index}-${task.taskId}`);
    const ms = now() - t0;
    view = answer.item as ProjectView;
    const next = view.openTask;
    let visibleMs: number | undefined;
    if (options.timeVisibility && next && next.taskId !== task.taskId) {
      const decider = options.deciderOf(next.role);
      for (;;) {
        const inbox = await api.call('GET', `/tasks?state=open&kind=${encodeURIComponent(next.stage)}&limit=200`, decider, undefined, [200]);
        if ((inbox.items as { id: string }[]).some((row) => row.id === next.taskId)) break;
        await sleep(5);
      }
      visibleMs = now() - t0;
    }
    decisions.push({ stage: task.stage, final: next === undefined, ms, ...(visibleMs !== undefined ? { visibleMs } : {}) });
  }
  return { itemId, ms: now() - started, decisions, ...(reviewChain ? { reviewChain } : {}) };
}

export interface BareJourneyOptions {
  readonly client: TemporalClient;
  readonly taskQueue: string;
  readonly stages: readonly string[];
  readonly runId: string;
  readonly stopAfterSubmit?: boolean;
}

/** The same journey on the bare workflow: update-with-start, submit, one Update per stage until released. */
export async function bareJourney(index: number, options: BareJourneyOptions): Promise<Journey> {
  const { client } = options;
  const itemId = `bare-${options.runId}-${index}`;
  const workflowId = `bench-bare-item-${itemId}`;
  const started = now();
  const input: BareItemInput = { itemId, stages: options.stages };
  await client.workflow.executeUpdateWithStart(bareDraftRecordedUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation('bareItemWorkflow', {
      workflowId,
      taskQueue: options.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  });
  const handle = client.workflow.getHandle(workflowId);
  let view: BareItemView = await handle.executeUpdate(bareSubmitUpdate, { args: [{ actor: 'drafter' }] });
  const decisions: DecisionSample[] = [];
  if (options.stopAfterSubmit) return { ms: now() - started, decisions };
  while (view.state !== 'RELEASED') {
    const task = view.openTask!;
    const t0 = now();
    view = await handle.executeUpdate(bareCompleteTaskUpdate, { args: [{ taskId: task.taskId, actor: `decider-${task.stage}`, decision: 'approve' }] });
    decisions.push({ stage: task.stage, final: view.state === 'RELEASED', ms: now() - t0 });
  }
  return { ms: now() - started, decisions };
}

/** Runs `count` journeys with `lanes` in flight; returns them in completion order. */
export async function inFlight<T>(count: number, lanes: number, journey: (index: number) => Promise<T>, firstIndex = 0): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < count; index = next++) results.push(await journey(firstIndex + index));
  };
  await Promise.all(Array.from({ length: Math.min(lanes, count) }, lane));
  return results;
}
