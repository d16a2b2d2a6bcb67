import { rmSync } from 'node:fs';
import { takeStarted } from './started-servers';

/** Stops what the global setup started, once: a second call finds nothing left to stop. */
export default async function globalTeardown(): Promise<void> {
  const started = takeStarted();
  if (!started) return;
  const servers = await started;
  await servers.temporal.teardown();
  await servers.postgres.stop();
  rmSync(servers.dataDir, { recursive: true, force: true });
}
