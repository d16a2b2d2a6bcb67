import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client as PgClient } from 'pg';
import { loadConfig, projectRoot } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { connectAndMigrate, createDataSource, seedDemoData } from '@zwgk/db';
import { ensureTemporalNamespace, resolveToolBinary, TEMPORAL_CLI } from '@zwgk/embedded';
import { testServers } from './test-environment';

/** A database of a suite's own, migrated and seeded with the demo county like the shared one, and its own Temporal namespace. */
export interface OwnDatabase {
  readonly url: string;
  /**
   * Workflow ids come from the database's keys (a holiday table's id names its recalculation batch), so a
   * second database on the shared namespace would meet the shared database's workflows under the same ids.
   */
  readonly namespace: string;
  drop(): Promise<void>;
}

/**
 * For a suite that changes what every other suite reads (activating a catalog version, loading a year's
 * holidays, setting a chain): it runs its API and worker on a database of its own, on the shared server, and
 * on a Temporal namespace of its own on the shared Temporal server.
 */
export async function createOwnDatabase(prefix: string): Promise<OwnDatabase> {
  const shared = new URL(testServers().databaseUrl);
  const name = `zwgk_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new PgClient({ connectionString: shared.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const own = new URL(shared.toString());
  own.pathname = `/${name}`;
  const dataSource = createDataSource(own.toString());
  try {
    await connectAndMigrate(dataSource);
    await seedDemoData(dataSource, path.join(projectRoot, 'data', 'catalogs'));
  } finally {
    await dataSource.destroy();
  }
  const cli = await resolveToolBinary(TEMPORAL_CLI, loadConfig().toolsDir);
  await ensureTemporalNamespace(cli, testServers().temporalAddress, name.replace(/_/g, '-'), CUSTOM_SEARCH_ATTRIBUTES);
  return {
    url: own.toString(),
    namespace: name.replace(/_/g, '-'),
    async drop() {
      const dropper = new PgClient({ connectionString: shared.toString() });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
