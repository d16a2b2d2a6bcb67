import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import type { AppConfig } from '@zwgk/config';
import { addTsconfigAliases, workflowsPath } from './workflow-bundle';
import { WORKER_CONFIG } from './worker.tokens';

/**
 * Owns the Temporal worker. `run()` starts on bootstrap and its promise is kept, never left floating;
 * shutdown asks the worker to drain, then awaits that same promise.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TemporalWorker');
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const address = this.config.temporal.address ?? `127.0.0.1:${this.config.temporal.devServerPort}`;
    this.connection = await NativeConnection.connect({ address });
    const bundlePath = process.env.ZWGK_WORKFLOW_BUNDLE;
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporal.namespace,
      taskQueue: this.config.temporal.taskQueue,
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath, bundlerOptions: { webpackConfigHook: addTsconfigAliases } }),
      activities: createActivities({ dataSource: this.dataSource, config: this.config }),
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`The worker stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`Polling task queue "${this.config.temporal.taskQueue}" on ${address} (namespace ${this.config.temporal.namespace})`);
  }

  /** The Temporal worker's state (RUNNING while it polls), or NOT-STARTED before bootstrap: for readiness. */
  state(): string {
    return this.worker?.getState() ?? 'NOT-STARTED';
  }

  async onModuleDestroy(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
