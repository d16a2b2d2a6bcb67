/**
 * `npm run catalog:import -- FILE... [--label NAME] [--as USERNAME] [--activate]`
 * Imports published catalogs (.xlsx/.csv) as one new draft catalog version, all or nothing, with
 * progress and a summary. Uses DATABASE_URL, or the embedded PostgreSQL of `npm start` (started for
 * the import if it is not running).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '@zwgk/config';
import { activateCatalogVersion, connectAndMigrate, createDataSource, importCatalogFiles, UserEntity, type CatalogImportProgress } from '@zwgk/db';
import { isRole, mayManageCatalog } from '@zwgk/domain';
import { isPortFree, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@zwgk/embedded';

const USAGE = 'usage: npm run catalog:import -- FILE.xlsx|FILE.csv ... [--label NAME] [--as USERNAME] [--activate]';

function parseArguments(argv: string[]) {
  const files: string[] = [];
  let label: string | undefined;
  let username = 'admin';
  let activate = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--label') label = argv[++i];
    else if (arg === '--as') username = argv[++i];
    else if (arg === '--activate') activate = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new Error(`no file given\n${USAGE}`);
  if (!username) throw new Error(`--as needs a username\n${USAGE}`);
  return { files, label, username, activate };
}

function showProgress(progress: CatalogImportProgress): void {
  switch (progress.step) {
    case 'reading':
      process.stdout.write(`[${progress.index}/${progress.total}] reading ${progress.file} ... `);
      break;
    case 'read':
      process.stdout.write(`${progress.items} items, ${progress.warnings} warnings\n`);
      break;
    case 'storing':
      process.stdout.write(`storing ${progress.items} items as a new draft version ...\n`);
      break;
  }
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const files = args.files.map((file) => {
    const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
    if (!existsSync(resolved)) throw new Error(`${file}: no such file`);
    return { name: path.basename(resolved), content: readFileSync(resolved) };
  });
  const config = loadConfig();
  let postgres: EmbeddedPostgresHandle | undefined;
  let url = config.databaseUrl;
  if (!url) {
    if (await isPortFree(config.embeddedPostgresPort)) {
      if (!existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION'))) throw new Error('No database yet: run `npm start` once, or set DATABASE_URL.');
      postgres = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPostgresPort, database: 'zwgk' });
      url = postgres.url;
    } else {
      url = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/zwgk`;
    }
  }
  const dataSource = createDataSource(url, { applicationName: 'zwgk-catalog-import' });
  try {
    await connectAndMigrate(dataSource);
    const operator = { username: args.username, via: 'cli' as const };
    // The CLI acts as the user named by --as, under the same access policy as the API.
    const user = await dataSource.getRepository(UserEntity).findOneBy({ username: operator.username });
    if (!user || !user.active) throw new Error(`unknown user "${operator.username}"`);
    if (!mayManageCatalog({ roles: user.roles.filter(isRole) })) throw new Error('only admins import and activate catalogs');
    const report = await importCatalogFiles(dataSource, files, operator, { label: args.label, onProgress: showProgress });
    console.log(`\nImported ${report.itemCount} items from ${report.files.length} file(s) as draft version ${report.versionId}`);
    for (const file of report.files) {
      console.log(`  ${file.name}: ${file.area}, ${file.itemCount} items, ${file.warningCount} warnings`);
      for (const sheet of file.sheets) if (sheet.sheet !== undefined) console.log(`    sheet ${sheet.sheet}: ${sheet.area}, ${sheet.itemCount} items, ${sheet.warningCount} warnings`);
      for (const skipped of file.skippedSheets) console.log(`    sheet ${skipped.sheet}: skipped, not a catalog (${skipped.reason})`);
    }
    if (report.warnings.length) {
      console.log(`Warnings (${report.warnings.length}):`);
      for (const w of report.warnings) console.log(`  ${w.file} row ${w.row}${w.column ? ` [${w.column}]` : ''}: ${w.message}`);
    }
    if (report.manualRules.length) {
      console.log(`Items that need a time-limit rule set by hand (${report.manualRules.length}):`);
      for (const m of report.manualRules) console.log(`  ${m.code} (${m.file} row ${m.row}): "${m.text}"`);
    }
    if (args.activate) {
      const activated = await activateCatalogVersion(dataSource, report.versionId, operator);
      console.log(`Activated ${activated.versionId}${activated.supersededVersionId ? `; ${activated.supersededVersionId} is superseded` : ''}`);
    } else {
      console.log(`Activate it with POST /api/catalog/versions/${report.versionId}/activate, or re-run with --activate.`);
    }
  } finally {
    await dataSource.destroy();
    await postgres?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\ncatalog import failed, nothing was stored: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
