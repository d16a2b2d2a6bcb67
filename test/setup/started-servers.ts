import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { EmbeddedPostgresHandle } from '@zwgk/embedded';

/** What the global setup started, for the teardown. */
export interface StartedTestServers {
  readonly postgres: EmbeddedPostgresHandle;
  readonly temporal: TestWorkflowEnvironment;
  readonly dataDir: string;
}

/**
 * Jest runs the global setup and teardown in its own process, where they share the global object (and
 * nothing else): the start in progress, then the started servers, are kept there.
 */
const KEY = '__ZWGK_TEST_SERVERS__';
const state = globalThis as Record<string, unknown>;

/** The servers of this Jest process: started by the first caller, awaited by any later one. */
export function startOnce(start: () => Promise<StartedTestServers>): Promise<StartedTestServers> {
  state[KEY] ??= start();
  return state[KEY] as Promise<StartedTestServers>;
}

/** Hands the started servers to the caller and forgets them, so that only one caller stops them. */
export function takeStarted(): Promise<StartedTestServers> | undefined {
  const started = state[KEY] as Promise<StartedTestServers> | undefined;
  delete state[KEY];
  return started;
}
