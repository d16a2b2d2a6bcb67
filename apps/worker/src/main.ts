import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { exitWhenParentDies, loadConfig, startTracing } from '@zwgk/config';
import { createWorkerLogger, nestLogger, temporalLogger } from './logging';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createWorkerLogger(config);
  // Before the worker exists: its activity interceptors and workflow span sink use this process's tracer.
  startTracing('zwgk-worker', config);
  const metricsAddress = config.observability.workerMetricsAddress;
  // Nest owns shutdown: the Temporal runtime must not install its own signal handlers.
  Runtime.install({
    shutdownSignals: [],
    logger: temporalLogger(logger),
    // The SDK core's own lines (polling, connection) reach the same logger; WARN keeps its chatter out.
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} },
      // The SDK's worker metrics (task slots, poll latencies, sticky cache, activity and workflow task counts).
      ...(metricsAddress ? { metrics: { prometheus: { bindAddress: metricsAddress } } } : {}),
    },
  });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nestLogger(logger) });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.init();
  logger.info({ context: 'Worker', ...(metricsAddress ? { metrics: `http://${metricsAddress}/metrics` } : {}) }, 'Worker started');
  exitWhenParentDies(() => app.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
