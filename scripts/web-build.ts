/**
 * Builds the web UI (apps/web) with Vite when its bundle is missing or older than its sources, so that
 * `npm start` and the browser tests always serve what is in the tree, and skip the build when nothing changed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';

export const webRoot = path.join(projectRoot, 'apps', 'web');
export const webDist = path.join(webRoot, 'dist');

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Why a build is needed, or null when apps/web/dist is up to date. */
export function webBuildReason(): string | null {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return 'apps/web/dist is missing';
  const sources = Math.max(...['src', 'index.html', 'vite.config.ts', 'package.json'].map((name) => newestMtime(path.join(webRoot, name))));
  return sources > fs.statSync(index).mtimeMs ? 'the web sources changed since the last build' : null;
}

/** Runs `vite build` in apps/web if needed; `inherit` shows Vite's own progress. Throws when the build fails. */
export function ensureWebBuild(log: (line: string) => void, output: 'inherit' | 'capture' = 'inherit'): boolean {
  const reason = webBuildReason();
  if (!reason) return false;
  log(`Building the web UI (${reason}) ...`);
  const started = Date.now();
  // Build beside dist and swap it in, so that two runs building at once (parallel test runs) never serve
  // or leave a half-written dist.
  const staging = `${webDist}.build-${process.pid}`;
  const result = spawnSync('npx', ['vite', 'build', '--outDir', staging, '--emptyOutDir'], { cwd: webRoot, stdio: output === 'inherit' ? 'inherit' : 'pipe', encoding: 'utf8', env: process.env });
  if (result.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    const detail = output === 'capture' ? `\n${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new Error(`vite build failed in apps/web (exit ${result.status ?? result.signal})${detail}`);
  }
  const retired = `${webDist}.old-${process.pid}`;
  if (fs.existsSync(webDist)) fs.renameSync(webDist, retired);
  fs.renameSync(staging, webDist);
  fs.rmSync(retired, { recursive: true, force: true });
  log(`Web UI built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
