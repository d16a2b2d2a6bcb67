/**
 * Backup and restore of the application's database and attachment store (docs/operations.md, "Backup and restore").
 *
 *   npm run backup -- <folder>      saves the database (one snapshot) and the attachments into a new folder
 *   npm run restore -- <folder>     restores them into an empty database and the attachment folder
 *
 * DATABASE_URL names the database (the embedded one of `npm start` when unset); ATTACHMENT_DIR the store.
 * Restore connects as a role that may set session_replication_role (the superuser, or zwgk_owner in compose).
 */
import { loadConfig } from '@zwgk/config';
import { backupDatabaseAndAttachments, connectAndMigrate, createDataSource, restoreDatabaseAndAttachments } from '@zwgk/db';

const USAGE = 'usage: npm run backup -- <new folder> | npm run restore -- <backup folder>';

async function main(): Promise<number> {
  const [command, folder] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !folder) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const databaseUrl = config.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/zwgk`;
  if (command === 'backup') {
    const manifest = await backupDatabaseAndAttachments({ databaseUrl, attachmentDir: config.attachments.dir, target: folder });
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
    process.stdout.write(`Saved ${rows} rows of ${Object.keys(manifest.tables).length} tables and ${manifest.attachments} attachments to ${folder}\n`);
    return 0;
  }
  const manifest = await restoreDatabaseAndAttachments({
    databaseUrl,
    attachmentDir: config.attachments.dir,
    source: folder,
    migrate: async () => {
      const dataSource = createDataSource(databaseUrl, { applicationName: 'zwgk-restore-migrate', poolSize: 2 });
      try {
        await connectAndMigrate(dataSource);
      } finally {
        await dataSource.destroy();
      }
    },
  });
  process.stdout.write(`Restored the backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables, ${manifest.attachments} attachments\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${process.argv[2] ?? 'backup'} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
