import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { startManagedProcess, waitForPort, type ManagedProcess } from './child-process';

/** A custom search attribute the project registers on the dev server. */
export interface SearchAttributeRegistration {
  readonly name: string;
  readonly type: 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';
}

export interface TemporalDevServerOptions {
  readonly cliPath: string;
  readonly dataDir: string;
  readonly port: number;
  readonly uiPort: number;
  readonly namespace: string;
  readonly searchAttributes: readonly SearchAttributeRegistration[];
  readonly log?: (line: string) => void;
  /** Server settings (`--dynamic-config-value key=JSON`), e.g. `{ 'system.enableActivityEagerExecution': true }`. */
  readonly dynamicConfig?: Readonly<Record<string, unknown>>;
}

/**
 * Starts `temporal server start-dev` persisted to a SQLite file under the data dir, so that
 * workflows and their timers survive a restart. WAL keeps readers from blocking the writer.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<ManagedProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(options.dataDir, 'temporal.db'),
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    ...options.searchAttributes.flatMap((attribute) => ['--search-attribute', `${attribute.name}=${attribute.type}`]),
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]),
  ];
  const server = startManagedProcess('temporal', options.cliPath, args, { log: options.log });
  await Promise.race([
    waitForPort(options.port, '127.0.0.1', 60_000),
    server.exited.then((code) => {
      throw new Error(`The Temporal dev server exited during start (${code}); is port ${options.port} in use?`);
    }),
  ]);
  return server;
}
