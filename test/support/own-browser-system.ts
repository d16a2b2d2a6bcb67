import type { BrowserContext } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from './browser';
import { createOwnDatabase, type OwnDatabase } from './own-database';
import { startSystem, type RunningSystem } from './running-system';

/** A browser, and an API and worker on a database and Temporal namespace of the suite's own. */
export interface OwnBrowserSystem {
  readonly database: OwnDatabase;
  readonly system: RunningSystem;
  /** Where the web app is served: the API's base URL without /api. */
  readonly origin: string;
  readonly chromium: LaunchedChromium;
  readonly context: BrowserContext;
  /** Closes the browser, stops the system and drops the database, whichever of them was started. */
  stop(): Promise<void>;
}

/**
 * For a browser suite whose changes every other suite would read (a catalog activated, a year's holidays
 * loaded, a chain set, the trail tampered with): `name` tags the browser, the system's task queue and the
 * database, so one suite's leftovers are told from another's. `prepare` changes the fresh database before the
 * system starts on it (a suite's own catalog rows, say).
 */
export async function startOwnBrowserSystem(name: string, prepare?: (database: OwnDatabase) => Promise<void>): Promise<OwnBrowserSystem> {
  const chromium = await launchChromium(`${name}-browser`);
  let database: OwnDatabase | undefined;
  let system: RunningSystem | undefined;
  const stop = async () => {
    await chromium.close();
    await system?.stop();
    await database?.drop();
  };
  try {
    database = await createOwnDatabase(name);
    await prepare?.(database);
    system = await startSystem(`${name}-browser`, { own: database });
  } catch (error) {
    await stop();
    throw error;
  }
  return { database, system, origin: system.api.baseUrl.replace(/\/api$/, ''), chromium, context: chromium.context, stop };
}
