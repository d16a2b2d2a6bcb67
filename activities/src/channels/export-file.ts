import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '@zwgk/contracts';

/** Where a channel's export files go, and the folder their ledger references are relative to. */
export interface ExportLocation {
  readonly dataDir: string;
  readonly exportsDir: string;
}

/**
 * Writes a file so that a reader (the gazette's editors, a print job) never sees half of it: the content goes
 * to a temporary file in the same folder, is flushed to disk, then renamed over the target in one step.
 * Writing the same content again (a retried activity) leaves the same file.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The ledger's reference to an export file: relative to the data dir, with forward slashes; absolute when outside it. */
export function exportReference(location: ExportLocation, file: string): string {
  const relative = path.relative(location.dataDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

/**
 * The file name stem of an edition, e.g. `<item id>-r2`. The item id becomes part of a path, so anything but
 * a plain id is refused.
 * @throws ApplicationFailure (InvalidInput) when the item id or revision could escape the exports folder.
 */
export function editionFileStem(itemId: string, revision: number): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(itemId)) {
    throw ApplicationFailure.nonRetryable(`itemId: "${itemId}" is not a plain id and cannot name an export file`, FailureType.InvalidInput, { fields: ['itemId'] });
  }
  if (!Number.isInteger(revision) || revision < 1) {
    throw ApplicationFailure.nonRetryable(`revision: expected a positive integer, got ${revision}`, FailureType.InvalidInput, { fields: ['revision'] });
  }
  return `${itemId}-r${revision}`;
}
