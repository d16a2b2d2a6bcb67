import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@zwgk/activities';
import { createDataSource } from '@zwgk/db';
import type { WorkingDayCalendar } from '@zwgk/domain';
import { testServers } from './test-environment';

/**
 * The time-skipping test server with an in-process worker running the real workflow bundle and the real
 * activities against the test database. Timers are skipped with `env.sleep` or `sleepUntil`.
 */
export interface TimeSkippingHarness {
  readonly env: TestWorkflowEnvironment;
  readonly dataSource: DataSource;
  readonly taskQueue: string;
  /** Skips time until the instant (ISO); does nothing if it has passed. */
  sleepUntil(instant: string): Promise<void>;
  stop(): Promise<void>;
}

/** `calendar`: a calendar the activities use instead of the database's (a test that changes the calendar under an item). */
export async function startTimeSkippingHarness(name: string, prepare?: (dataSource: DataSource) => Promise<void>, options: { calendar?: WorkingDayCalendar } = {}): Promise<TimeSkippingHarness> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServers().testServerPath } },
  });
  const dataSource = createDataSource(testServers().databaseUrl, { applicationName: `zwgk-${name}` });
  await dataSource.initialize();
  await prepare?.(dataSource);
  const taskQueue = `${name}-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: testServers().workflowBundlePath },
    activities: createActivities({ dataSource, calendar: options.calendar }),
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
