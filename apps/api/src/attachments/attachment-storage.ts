import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live. Keys are content addresses (the sha256 of the bytes), so putting the same
 * bytes twice stores them once. One interface, so that an object store can replace the local directory.
 */
export interface AttachmentStorage {
  /** Stores the bytes under the key; a key already stored is left as it is. */
  put(key: string, content: Buffer): Promise<void>;
  /** The stored bytes; throws when the key is not stored. */
  open(key: string): Promise<{ stream: Readable; size: number }>;
  /** Forgets the bytes; a key not stored is not an error. */
  remove(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** The embedded mode's store: a directory (`<data dir>/attachments`), one file per key in two levels of fan-out. */
export class LocalDirectoryAttachmentStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // A key is only ever a sha256: nothing else can reach outside the directory.
    if (!KEY_PATTERN.test(key)) throw new Error(`not an attachment storage key: ${key}`);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await exists(target)) return;
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file, and two writers of the same bytes both succeed.
    const partial = `${target}.${randomUUID()}.partial`;
    await writeFile(partial, content, { flag: 'wx' });
    await rename(partial, target);
  }

  async open(key: string): Promise<{ stream: Readable; size: number }> {
    const target = this.pathOf(key);
    const { size } = await stat(target);
    return { stream: createReadStream(target), size };
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
