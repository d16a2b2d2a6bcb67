import { connect, createServer, type Server, type Socket } from 'node:net';
import { startApi, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * A TCP relay in front of a real server, so that a test can cut the API off from it (as a network partition or
 * a stopped database would) without stopping the server the other suites share.
 */
class Relay {
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  private constructor(target: { host: string; port: number }) {
    this.server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
  }

  static async start(target: { host: string; port: number }): Promise<{ relay: Relay; port: number }> {
    const relay = new Relay(target);
    await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
    const address = relay.server.address();
    if (address === null || typeof address === 'string') throw new Error('the relay has no port');
    return { relay, port: address.port };
  }

  /** Refuses new connections and drops the open ones. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

const METRICS_TOKEN = 'metrics-token-for-the-observability-suite';

describe('API observability: access log, /metrics, readiness', () => {
  let api: SpawnedProcess & { baseUrl: string };
  let database: Relay;
  let temporal: Relay;

  beforeAll(async () => {
    const servers = testServers();
    const databaseUrl = new URL(servers.databaseUrl);
    const [temporalHost, temporalPort] = servers.temporalAddress.split(':');
    const db = await Relay.start({ host: databaseUrl.hostname, port: Number(databaseUrl.port) });
    const tmp = await Relay.start({ host: temporalHost ?? '127.0.0.1', port: Number(temporalPort) });
    [database, temporal] = [db.relay, tmp.relay];
    databaseUrl.hostname = '127.0.0.1';
    databaseUrl.port = String(db.port);
    api = await startApi(uniqueTaskQueue('observability'), {
      DATABASE_URL: databaseUrl.toString(),
      TEMPORAL_ADDRESS: `127.0.0.1:${tmp.port}`,
      LOG_FORMAT: 'json',
      METRICS_TOKEN,
    });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await database?.cut();
    await temporal?.cut();
  });

  it('writes one JSON access-log line per request, carrying the request id', async () => {
    const requestId = 'obs-access-log-1';
    const response = await fetch(`${api.baseUrl}/health/live`, { headers: { 'x-request-id': requestId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    await api.waitForOutput(new RegExp(`"reqId":"${requestId}"`), 10_000);
    const lines = api.output.filter((line) => line.includes(`"reqId":"${requestId}"`)).map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, service: 'api', req: { method: 'GET', url: '/api/health/live' }, res: { statusCode: 200 }, msg: expect.stringMatching(/^GET \/api\/health\/live 200 \d+ms$/) });
    // Headers (bearer tokens) stay out of the log.
    expect(JSON.stringify(lines[0])).not.toMatch(/headers|authorization/i);
  });

  it('keeps the path and the query parameter names in the access log, never what a citizen searched for', async () => {
    const requestId = 'obs-access-log-query';
    const response = await fetch(`${api.baseUrl}/health/live?q=${encodeURIComponent('张三的低保名单')}&page=2`, { headers: { 'x-request-id': requestId } });
    expect(response.status).toBe(200);
    await api.waitForOutput(new RegExp(`"reqId":"${requestId}"`), 10_000);
    const line = api.output.find((entry) => entry.includes(`"reqId":"${requestId}"`))!;
    expect(JSON.parse(line.slice(line.indexOf('{')))).toMatchObject({ req: { url: '/api/health/live?q&page' }, msg: expect.stringMatching(/^GET \/api\/health\/live\?q&page 200 \d+ms$/) });
    expect(line).not.toMatch(/张三|%E5%BC%A0|低保|page=2/);
  });

  it('serves /metrics only with the token, counting requests by route pattern and status', async () => {
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-at-all' } })).status).toBe(401);
    const scrape = async () => {
      const response = await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      return response.text();
    };
    const counted = (text: string) => Number(/^zwgk_http_requests_total\{method="GET",route="\/api\/items\/:id",status="401"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = counted(await scrape());
    expect((await fetch(`${api.baseUrl}/items/00000000-0000-4000-8000-000000000001`)).status).toBe(401);
    const after = await scrape();
    expect(counted(after)).toBe(before + 1);
    expect(after).toMatch(/^zwgk_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/api\/items\/:id",status="401"\} \d+$/m);
    expect(after).toMatch(/^zwgk_review_tasks_open \d+$/m);
    expect(after).toMatch(/^zwgk_review_tasks_overdue \d+$/m);
    expect(after).toMatch(/^# TYPE zwgk_applications gauge$/m);
  });

  it('is ready while PostgreSQL and Temporal answer, and answers 503 naming the one that does not', async () => {
    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, db: { ok: true }, temporal: { ok: true } });

    await temporal.cut();
    const withoutTemporal = await fetch(`${api.baseUrl}/health/ready`);
    expect(withoutTemporal.status).toBe(503);
    expect(await withoutTemporal.json()).toMatchObject({ ok: false, db: { ok: true }, temporal: { ok: false } });

    await database.cut();
    const withoutDatabase = await fetch(`${api.baseUrl}/health/ready`);
    expect(withoutDatabase.status).toBe(503);
    expect(await withoutDatabase.json()).toMatchObject({ ok: false, db: { ok: false } });
    // Liveness does not depend on them: the process is fine and must not be restarted.
    expect((await fetch(`${api.baseUrl}/health/live`)).status).toBe(200);
  }, 30_000);
});
