/**
 * The baseline worker of the lifecycle benchmark, a child process of it: the bare item workflow and the two
 * timer workflows (bare-workflows.ts) with their activities, on the task queue BENCH_BARE_TASK_QUEUE.
 * Its own process, so that its CPU and memory are counted apart from the project's worker.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { createBareActivities } from './bare-activities';

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS!;
  const taskQueue = process.env.BENCH_BARE_TASK_QUEUE!;
  // The project's worker opens a pool of 10 (createDataSource's default): the same here.
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'bench-bare-worker' });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowsPath: require.resolve('./bare-workflows'),
    activities: createBareActivities(pool),
  });
  const stop = () => worker.shutdown();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The benchmark is the parent: if it dies, so does this worker.
  const parent = Number(process.env.ZWGK_PARENT_PID);
  const watch = setInterval(() => {
    try {
      if (parent) process.kill(parent, 0);
    } catch {
      stop();
    }
  }, 2000);
  process.stdout.write(`bare worker polling task queue "${taskQueue}"\n`);
  await worker.run();
  clearInterval(watch);
  await connection.close();
  await pool.end();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
