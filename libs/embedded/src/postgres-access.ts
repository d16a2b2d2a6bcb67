/**
 * PostgreSQL refuses to run as root, so as root the server runs as a `postgres` OS user. That user must
 * reach the binaries and the data directory; a checkout under a private folder (root's home, a mode-700
 * `mktemp -d`) lets it reach neither. Rather than open up the user's folders, what the server must read
 * is staged in a runtime folder it can reach: the binaries are copied there once per version, and a
 * data directory it cannot reach is kept there instead, with a symbolic link at the requested place.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';

export interface OsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** Root-owned and readable by all: the default runtime folder when running as root. */
export const DEFAULT_POSTGRES_RUNTIME_DIR = '/var/lib/zwgk-embedded-postgres';

export const isRoot = () => process.getuid?.() === 0;

function lookupUser(name: string): OsUser | undefined {
  const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The `postgres` OS user, created (as a system user without a home) when the machine has none. */
export function postgresOsUser(log: (line: string) => void): OsUser {
  const found = lookupUser('postgres');
  if (found) return found;
  log('Creating the postgres OS user (PostgreSQL does not run as root)');
  try {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--no-create-home', '-g', 'postgres', 'postgres'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `PostgreSQL cannot run as root and there is no postgres OS user; creating one failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ` +
        'Create it (`useradd --system postgres`) or run as an ordinary user.',
    );
  }
  const created = lookupUser('postgres');
  if (!created) throw new Error('The postgres OS user was created but `id postgres` does not find it');
  return created;
}

/** True when `user` can execute (`-x`: for a folder, enter) or read (`-r`) `target`, asked of the OS as that user. */
export function userCan(user: OsUser, test: '-x' | '-r', target: string): boolean {
  return spawnSync('test', [test, target], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** Creates the runtime folder (or checks it): owned by root and writable by nobody else, since root runs what it holds. */
export function ensureRuntimeDir(runtimeDir: string): void {
  mkdirSync(runtimeDir, { recursive: true });
  const stat = lstatSync(runtimeDir);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new Error(`${runtimeDir} must be a folder owned by root and writable only by root, to hold the PostgreSQL binaries and data; fix it or set EMBEDDED_POSTGRES_RUNTIME_DIR`);
  }
  chmodSync(runtimeDir, 0o755);
}

/** Gives everyone read access (and execute where the owner has it), so that the postgres user can run the copy. */
function openForReading(target: string): void {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(target, 0o755);
    for (const entry of readdirSync(target)) openForReading(path.join(target, entry));
  } else {
    chmodSync(target, (stat.mode & 0o777) | 0o444 | ((stat.mode & 0o100) !== 0 ? 0o111 : 0));
  }
}

/**
 * A copy of the PostgreSQL installation (bin/, lib/, share/) in the runtime folder, made once per version.
 * The copy is made beside its place and renamed into it, so that a half-made copy is never used.
 */
export function stageInstallation(installDir: string, runtimeDir: string, version: string, log: (line: string) => void): string {
  ensureRuntimeDir(runtimeDir);
  const staged = path.join(runtimeDir, `postgresql-${version}`);
  if (existsSync(path.join(staged, 'bin', 'postgres'))) return staged;
  log(`Copying the PostgreSQL ${version} binaries to ${staged}, where the postgres user can read them`);
  const partial = `${staged}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(installDir, partial, { recursive: true, verbatimSymlinks: true });
  openForReading(partial);
  try {
    renameSync(partial, staged);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(path.join(staged, 'bin', 'postgres'))) throw error;
    // another process staged the same version first
  }
  return staged;
}

function readLinkOrUndefined(link: string): string | undefined {
  try {
    return readlinkSync(link);
  } catch {
    return undefined;
  }
}

function postmasterAlive(clusterDir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!pid) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes kept clusters whose link is gone (its data directory, or a folder above it, was deleted), so
 * that deleting a data directory deletes its data here too. A cluster whose server is running stays.
 */
export function removeOrphanClusters(clustersDir: string, log: (line: string) => void): void {
  if (!existsSync(clustersDir)) return;
  for (const entry of readdirSync(clustersDir)) {
    if (!entry.endsWith('.link')) continue;
    const clusterDir = path.join(clustersDir, entry.slice(0, -'.link'.length));
    const requested = readFileSync(path.join(clustersDir, entry), 'utf8');
    if (readLinkOrUndefined(requested) === clusterDir || postmasterAlive(clusterDir)) continue;
    log(`Removing ${clusterDir}: its data directory ${requested} is gone`);
    rmSync(clusterDir, { recursive: true, force: true });
    rmSync(path.join(clustersDir, entry), { force: true });
  }
}

/**
 * The folder that holds the cluster for `requestedDir`, when the postgres user cannot reach that place:
 * a folder in the runtime folder, named after the requested path (so `npm start` finds its data again),
 * with a symbolic link at the requested place that says where the data is.
 */
export function keepClusterReachable(requestedDir: string, runtimeDir: string, owner: OsUser, log: (line: string) => void): string {
  ensureRuntimeDir(runtimeDir);
  const clustersDir = path.join(runtimeDir, 'clusters');
  mkdirSync(clustersDir, { recursive: true });
  chmodSync(clustersDir, 0o755);
  removeOrphanClusters(clustersDir, log);
  const clusterDir = path.join(clustersDir, createHash('sha256').update(requestedDir).digest('hex').slice(0, 16));

  const existing = lstatSync(requestedDir, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) {
    if (readlinkSync(requestedDir) !== clusterDir) unlinkSync(requestedDir);
  } else if (existing?.isDirectory() && readdirSync(requestedDir).length === 0) {
    rmSync(requestedDir, { recursive: true }); // left by an earlier start that failed
  } else if (existing) {
    throw new Error(
      `${requestedDir} holds files, but the postgres OS user cannot reach it (a folder above it is private to root). ` +
        `Move it away or make its parent folders enterable (chmod o+x), or set ZWGK_DATA_DIR to a folder the postgres user can reach.`,
    );
  }
  if (!lstatSync(requestedDir, { throwIfNoEntry: false })) {
    log(`The postgres OS user cannot reach ${requestedDir}: keeping the cluster in ${clusterDir}, linked from there`);
    symlinkSync(clusterDir, requestedDir);
  }
  // The link first, then its record: a concurrent orphan sweep never sees a record without its link.
  writeFileSync(`${clusterDir}.link`, requestedDir);
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (statSync(clusterDir).uid !== owner.uid) chownSync(clusterDir, owner.uid, owner.gid);
  return clusterDir;
}
