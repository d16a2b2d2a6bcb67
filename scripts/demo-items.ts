/**
 * Demo disclosure items for `npm start`, made the way people make them: through the running API and the
 * item workflows (dev logins, drafts, submissions, sign-offs), never by writing rows. Two items are
 * released on the portal with a citizen's question waiting, one waits in 保密审查, and one was formed six
 * weeks ago and still sits at 初审, so its statutory limit has passed and the supervisor's dashboard shows it.
 * Idempotency keys make every step safe to repeat: a restart finds the same items and only finishes
 * what is missing.
 */

interface DemoItem {
  key: string;
  catalogItemCode: string;
  title: string;
  body: string;
  interpretation?: string;
  formedDaysAgo: number;
  /** Approve stages until the item is released, or until this stage's task is open. */
  stopAt: 'released' | 'confidentiality-review' | 'preliminary-review';
  question?: string;
}

const DEMO_ITEMS: readonly DemoItem[] = [
  {
    key: 'demo-item-enrolment',
    catalogItemCode: 'EDU-001',
    title: '2026年县域义务教育阶段学校招生入学工作实施方案',
    body:
      '各乡镇人民政府、县直各学校：\n为做好2026年义务教育阶段学校招生入学工作，现将有关事项通知如下：\n' +
      '一、坚持免试就近入学，公办学校按划定学区招生。\n二、随迁子女凭居住证明和就业证明申请入学，由县教育局统筹安排学位。\n' +
      '三、网上报名时间为7月1日至7月10日，现场审核时间为7月12日至7月15日。',
    interpretation: '本方案明确了随迁子女入学的申请材料和办理时限，家长可通过县政府网站、政务服务中心和学校公示栏了解详细流程。',
    formedDaysAgo: 3,
    stopAt: 'released',
    question: '随迁子女申请入学，居住证明需要满多长时间？',
  },
  {
    key: 'demo-item-school-districts',
    catalogItemCode: 'EDU-002',
    title: '2026年城区公办小学学区划分方案',
    body: '一、第一实验小学学区：城东街道、滨河社区。\n二、第二实验小学学区：城西街道、新华社区。\n三、学区交界处住户可在报名时选择相邻学区学校。',
    formedDaysAgo: 3,
    stopAt: 'released',
  },
  {
    key: 'demo-item-after-school',
    catalogItemCode: 'EDU-001',
    title: '关于做好2026年秋季学期中小学课后服务工作的通知',
    body: '各中小学校：\n一、课后服务时间为每个上课日下午放学后至17:30。\n二、服务内容以作业辅导、文体活动和科普阅读为主，家长自愿申请。',
    interpretation: '课后服务坚持家长自愿原则，学校不得强制或变相强制学生参加。',
    formedDaysAgo: 2,
    stopAt: 'confidentiality-review',
  },
  {
    key: 'demo-item-subsidies',
    catalogItemCode: 'EDU-002',
    title: '2026年家庭经济困难学生资助名单公示',
    body: '根据学生资助政策，经学校评议、公示，现将2026年度家庭经济困难学生资助名单予以公示。',
    formedDaysAgo: 45,
    stopAt: 'preliminary-review',
  },
];

const DECIDERS = ['edu.reviewer', 'edu.secrecy', 'edu.legal', 'edu.leader'];

interface Reply {
  status: number;
  body: any;
}

class DemoClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async call(method: string, path: string, as: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const allHeaders: Record<string, string> = { ...headers };
    if (as) allHeaders.authorization = `Bearer ${await this.token(as)}`;
    if (body !== undefined) allHeaders['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  private async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const reply = await this.call('POST', '/auth/dev-login', null, { username });
      if (reply.status !== 200) throw new Error(`dev login of ${username} answered ${reply.status}`);
      token = reply.body.accessToken as string;
      this.tokens.set(username, token);
    }
    return token;
  }
}

function chinaDate(daysAgo: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

function expect(reply: Reply, allowed: number[], doing: string): Reply {
  if (!allowed.includes(reply.status)) throw new Error(`${doing} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

/** The item's open review task and who may decide it, polling briefly while the workflow opens it. */
async function openTask(client: DemoClient, itemId: string): Promise<{ id: string; kind: string; username: string } | 'released' | null> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const item = await client.call('GET', `/items/${itemId}`, 'edu.drafter');
    if (item.body?.state === 'RELEASED') return 'released';
    for (const username of DECIDERS) {
      const inbox = await client.call('GET', '/tasks?state=open&limit=200', username);
      const task = (inbox.body?.items as { id: string; itemId: string; kind: string }[] | undefined)?.find((t) => t.itemId === itemId);
      if (task) return { id: task.id, kind: task.kind, username };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}

async function advance(client: DemoClient, demo: DemoItem): Promise<string> {
  const created = expect(
    await client.call(
      'POST',
      '/items',
      'edu.drafter',
      { catalogItemCode: demo.catalogItemCode, title: demo.title, body: demo.body, formedAt: chinaDate(demo.formedDaysAgo), ...(demo.interpretation ? { interpretation: demo.interpretation } : {}) },
      { 'Idempotency-Key': demo.key },
    ),
    [200, 201],
    `creating "${demo.title}"`,
  );
  const itemId = created.body.id as string;
  if (created.body.state === 'DRAFT') {
    expect(await client.call('POST', `/items/${itemId}/submit`, 'edu.drafter', undefined, { 'Idempotency-Key': `${demo.key}-submit` }), [200], `submitting "${demo.title}"`);
  }
  for (;;) {
    const task = await openTask(client, itemId);
    if (task === 'released') return itemId;
    if (task === null) throw new Error(`"${demo.title}" has no open task and is not released`);
    if (task.kind === demo.stopAt) return itemId;
    expect(
      await client.call('POST', `/tasks/${task.id}/complete`, task.username, { decision: 'approve', comment: '同意。' }, { 'Idempotency-Key': `${demo.key}-${task.kind}` }),
      [200],
      `approving ${task.kind} of "${demo.title}"`,
    );
  }
}

/** Makes (or finishes) the demo items; returns one line per item for the start log. */
export async function ensureDemoItems(apiBaseUrl: string, say: (line: string) => void): Promise<void> {
  const client = new DemoClient(apiBaseUrl);
  const probe = await client.call('POST', '/auth/dev-login', null, { username: 'edu.drafter' });
  if (probe.status !== 200) {
    say('Demo items skipped: dev login is off (AUTH_MODE=oidc)');
    return;
  }
  const started = Date.now();
  for (const demo of DEMO_ITEMS) {
    const itemId = await advance(client, demo);
    if (demo.question) {
      const concerns = await client.call('GET', '/concerns?state=all&limit=200', 'office.publisher');
      const asked = (concerns.body?.items as { itemId: string }[] | undefined)?.some((concern) => concern.itemId === itemId);
      if (concerns.status === 200 && !asked) {
        await client.call('POST', `/public/items/${itemId}/concerns`, null, { content: demo.question });
      }
    }
  }
  say(`Demo items ready in ${((Date.now() - started) / 1000).toFixed(1)} s: 2 released (one with a citizen's question), 1 waiting in 保密审查, 1 past its statutory limit at 初审`);
}
