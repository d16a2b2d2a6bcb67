import { findFreePort } from '@zwgk/embedded';
import { startWorker, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';

/** A worker's liveness and readiness endpoints (WORKER_HEALTH_PORT), as compose's healthcheck reads them. */
describe('worker health endpoints', () => {
  let worker: SpawnedProcess;
  let port: number;

  beforeAll(async () => {
    port = await findFreePort();
    worker = await startWorker(uniqueTaskQueue('worker-health'), { WORKER_HEALTH_PORT: String(port) });
  }, 120_000);

  afterAll(() => worker?.stop());

  it('is live, and ready while it polls Temporal and reaches the database', async () => {
    const live = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, worker: 'RUNNING', db: { ok: true } });
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
  });
});
