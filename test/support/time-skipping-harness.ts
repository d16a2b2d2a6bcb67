import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import type { AppConfig } from '@zwgk/config';
import { createDataSource } from '@zwgk/db';
import type { WorkingDayCalendar } from '@zwgk/domain';
import { testServers } from './test-environment';

/**
 * The time-skipping test server with an in-process worker running the real workflow bundle and the real
 * activities against the test database. Timers are skipped with `env.sleep` or `sleepUntil`.
 *
 * The server's clock starts at the machine's real time and only moves forward, so a test that asserts dates
 * gives `startAt`: a fixed instant decades ahead (the 2090s; the statutory holiday computation covers
 * 2008–2099), which no real date overtakes. The database is shared: suites on the calendar in force there
 * avoid the years other suites load into it (2091 calendar-correction, 2092 calendar), or pass a `calendar`.
 */
export interface TimeSkippingHarness {
  readonly env: TestWorkflowEnvironment;
  readonly dataSource: DataSource;
  readonly taskQueue: string;
  /** Skips time until the instant (ISO); does nothing if it has passed. */
  sleepUntil(instant: string): Promise<void>;
  stop(): Promise<void>;
}

export interface TimeSkippingHarnessOptions {
  /** A calendar the activities use instead of the database's (a test that changes the calendar under an item, or needs an official year). */
  readonly calendar?: WorkingDayCalendar;
  /** An instant (ISO) the server's clock is moved to before any workflow starts, so that the test's dates never depend on today's. */
  readonly startAt?: string;
  /** A database of the test's own (migrated and seeded by it) instead of the shared one: for a test that changes what every other suite reads, such as the active catalog. */
  readonly databaseUrl?: string;
  /** Settings the activities use instead of the environment's (a test with its own notification gateways). */
  readonly config?: AppConfig;
}

export async function startTimeSkippingHarness(name: string, prepare?: (dataSource: DataSource) => Promise<void>, options: TimeSkippingHarnessOptions = {}): Promise<TimeSkippingHarness> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServers().testServerPath } },
  });
  if (options.startAt !== undefined) {
    const serverNow = await env.currentTimeMs();
    const ms = Date.parse(options.startAt) - serverNow;
    if (!(ms > 0)) {
      await env.teardown();
      throw new Error(`startAt ${options.startAt} is not ahead of the test server's clock (${new Date(serverNow).toISOString()}): choose a later instant`);
    }
    await env.sleep(ms);
  }
  const dataSource = createDataSource(options.databaseUrl ?? testServers().databaseUrl, { applicationName: `zwgk-${name}` });
  await dataSource.initialize();
  await prepare?.(dataSource);
  const taskQueue = `${name}-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: testServers().workflowBundlePath },
    activities: createActivities({ dataSource, calendar: options.calendar, config: options.config }),
  });
  const running = worker.run();
  return {
    env,
    dataSource,
    taskQueue,
    async sleepUntil(instant) {
      const ms = Date.parse(instant) - (await env.currentTimeMs());
      if (ms > 0) await env.sleep(ms);
    },
    async stop() {
      worker.shutdown();
      await running;
      await dataSource.destroy();
      await env.teardown();
    },
  };
}
