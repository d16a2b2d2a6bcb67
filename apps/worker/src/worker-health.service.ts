import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TemporalWorkerService } from './temporal-worker.service';

/**
 * Liveness and readiness of a worker, for an orchestrator (compose healthchecks, Kubernetes probes), on
 * WORKER_HEALTH_PORT (off when unset; loopback unless WORKER_HEALTH_HOST says otherwise):
 *   GET /health/live   200 while the process can answer at all;
 *   GET /health/ready  200 while the Temporal worker polls and the database answers, else 503 saying which.
 * A worker has no other HTTP surface, so this is a bare node:http server, not Nest's.
 */
@Injectable()
export class WorkerHealthService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WorkerHealth');
  private server?: Server;

  constructor(
    @Inject(TemporalWorkerService) private readonly worker: TemporalWorkerService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const raw = process.env.WORKER_HEALTH_PORT;
    if (!raw) return;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`WORKER_HEALTH_PORT: expected a TCP port between 1 and 65535, got "${raw}"`);
    const host = process.env.WORKER_HEALTH_HOST ?? '127.0.0.1';
    this.server = createServer((request, response) => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url === '/health/live') return reply(200, { status: 'ok' });
      if (request.url !== '/health/ready') return reply(404, { error: 'not-found' });
      void this.readiness().then((ready) => reply(ready.ok ? 200 : 503, ready));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
    this.logger.log(`Health on http://${host}:${port}/health/ready and /health/live`);
  }

  private async readiness(): Promise<{ ok: boolean; worker: string; db: { ok: boolean; error?: string } }> {
    const worker = this.worker.state();
    const db = await Promise.race([
      this.dataSource.query('SELECT 1').then(() => ({ ok: true })),
      new Promise<{ ok: false; error: string }>((resolve) => setTimeout(() => resolve({ ok: false, error: 'timed out after 3 s' }), 3_000).unref()),
    ]).catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    return { ok: worker === 'RUNNING' && db.ok, worker, db };
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
