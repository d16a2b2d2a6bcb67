import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';

/**
 * The audit trail is written in one place (libs/db/src/audit/audit-writer.ts): the hash chain, the
 * idempotency rule and the JSON rendering of `detail` stay the same for every writer only if there is one.
 * Tests and migrations may write rows of their own; application code may not.
 */
const SOURCE_DIRS = ['apps', 'activities', 'libs', 'workflows', 'scripts'];
const WRITER = 'libs/db/src/audit/audit-writer.ts';

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'migrations') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry) && !/\.spec\.ts$/.test(entry)) found.push(full);
  }
  return found;
}

describe('the audit writer', () => {
  it('is the only application code that inserts into audit_events', () => {
    const inserting = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(projectRoot, dir)))
      .filter((file) => /INSERT\s+INTO\s+audit_events\b/i.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(projectRoot, file).split(path.sep).join('/'));
    expect(inserting).toEqual([WRITER]);
  });
});
