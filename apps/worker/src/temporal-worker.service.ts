import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } from '@temporalio/interceptors-opentelemetry';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import { activeTracing, temporalConnectionSettings, type AppConfig } from '@zwgk/config';
import { addTsconfigAliases, workflowInterceptorModules, workflowsPath } from './workflow-bundle';
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
    const settings = temporalConnectionSettings(this.config);
    const address = settings.address;
    this.connection = await NativeConnection.connect(settings);
    const tracing = activeTracing();
    // With tracing on, the prebuilt bundle must be the traced one (the plain one has no workflow interceptors,
    // so a trace would stop at the workflow); a worker that bundles itself adds them.
    const bundlePath = tracing.enabled ? process.env.ZWGK_WORKFLOW_BUNDLE_TRACED : process.env.ZWGK_WORKFLOW_BUNDLE;
    if (tracing.enabled && !bundlePath && process.env.ZWGK_WORKFLOW_BUNDLE) {
      this.logger.warn('TRACING=on without ZWGK_WORKFLOW_BUNDLE_TRACED: bundling the workflow code with its tracing interceptors here');
    }
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporal.namespace,
      taskQueue: this.config.temporal.taskQueue,
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath, bundlerOptions: { webpackConfigHook: addTsconfigAliases } }),
      activities: createActivities({ dataSource: this.dataSource, config: this.config }),
      // Bounded (TEMPORAL_WORKER_CACHED_WORKFLOWS, 500): how the size was chosen is in bench/README.md, "Scale".
      maxCachedWorkflows: this.config.temporal.maxCachedWorkflows,
      ...(tracing.enabled
        ? {
            interceptors: {
              ...(bundlePath ? {} : { workflowModules: workflowInterceptorModules }),
              activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
            },
            // The workflow interceptors' spans leave the workflow sandbox through this sink.
            sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
          }
        : {}),
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`The worker stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`Polling task queue "${this.config.temporal.taskQueue}" on ${address} (namespace ${this.config.temporal.namespace}${settings.tls ? ', TLS' : ''})`);
  }

  /** The Temporal worker's state (RUNNING while it polls), or NOT-STARTED before bootstrap: for readiness. */
  state(): string {
    return this.worker?.getState() ?? 'NOT-STARTED';
  }

  async onModuleDestroy(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
    await activeTracing().shutdown();
  }
}
