import { findFreePort } from '@zwgk/embedded';
import { startWorker, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';

/** The worker's JSON logs and the Temporal SDK's own Prometheus metrics (WORKER_METRICS_ADDRESS). */
describe('worker observability', () => {
  let worker: SpawnedProcess;
  let port: number;
  let taskQueue: string;

  beforeAll(async () => {
    port = await findFreePort();
    taskQueue = uniqueTaskQueue('worker-obs');
    worker = await startWorker(taskQueue, { LOG_FORMAT: 'json', WORKER_METRICS_ADDRESS: `127.0.0.1:${port}` });
  }, 120_000);

  afterAll(() => worker?.stop());

  it('logs JSON lines with their context', () => {
    const polling = worker.output.map((line) => line.slice(line.indexOf('{'))).find((line) => line.includes('Polling task queue'));
    expect(JSON.parse(polling ?? '{}')).toMatchObject({ level: 30, service: 'worker', context: 'TemporalWorker', msg: expect.stringContaining(taskQueue) });
  });

  it('serves the SDK worker metrics on the configured address', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    // Each poller reports its slots as soon as the worker polls.
    expect(await response.text()).toMatch(new RegExp(`^temporal_worker_task_slots_available\\{.*task_queue="${taskQueue}".*\\} \\d+$`, 'm'));
  });
});
