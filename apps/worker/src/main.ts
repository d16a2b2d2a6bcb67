import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { exitWhenParentDies } from '@zwgk/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // Nest owns shutdown: the Temporal runtime must not install its own signal handlers.
  Runtime.install({ shutdownSignals: [] });
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.init();
  new Logger('Worker').log('Worker started');
  exitWhenParentDies(() => app.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
