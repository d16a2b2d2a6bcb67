import { rmSync } from 'node:fs';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { EmbeddedPostgresHandle } from '@zwgk/embedded';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as Record<string, unknown>).__ZWGK_TEST_SERVERS__ as
    | { postgres: EmbeddedPostgresHandle; temporal: TestWorkflowEnvironment; dataDir: string }
    | undefined;
  if (!servers) return;
  await servers.temporal.teardown();
  await servers.postgres.stop();
  rmSync(servers.dataDir, { recursive: true, force: true });
}
