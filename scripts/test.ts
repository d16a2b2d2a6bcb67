/**
 * `npm test`: lint, type check, then every Jest test (unit tests, and integration tests against a real
 * PostgreSQL and a real Temporal server that Jest's global setup starts). Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectRoot } from '@zwgk/config';

const steps: { name: string; command: string; args: string[] }[] = [
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  { name: 'type check', command: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'type check (web)', command: 'npx', args: ['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit'] },
  { name: 'tests', command: 'npx', args: ['jest', ...process.argv.slice(2)] },
];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** Chromium's zh-CN pack: without it, date inputs in the screenshots read mm/dd/yyyy instead of yyyy/mm/dd. */
const CHROMIUM_ZH_CN_PACK = '/usr/lib/chromium/locales/zh-CN.pak';

/**
 * The browser journey (test/browser) drives Debian's Chromium. On a fresh machine it is not there: as
 * root, install it with apt-get (plus a CJK font, so that the Chinese UI renders in screenshots rather
 * than as empty boxes, and the zh-CN locale pack). Anything else fails here with a clear message instead
 * of skipping the journey.
 */
function ensureChromium(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    ensureChromiumChinese(chromium);
    return;
  }
  if (!isRoot) {
    process.stderr.write(`[test] ${chromium} is missing and this is not root: install it with \`sudo apt-get install -y chromium chromium-l10n fonts-wqy-microhei\` (the browser tests need it)\n`);
    process.exit(1);
  }
  const stepStarted = Date.now();
  for (const args of [['update'], ['install', '-y', 'chromium', 'chromium-l10n', 'fonts-wqy-microhei']]) {
    process.stdout.write(`[test] chromium: apt-get ${args.join(' ')} ...\n`);
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      process.stderr.write(`[test] could not install Chromium: apt-get ${args[0]} exited ${result.status ?? result.signal}; the browser tests need ${chromium}\n`);
      process.exit(1);
    }
    if (args[0] === 'install' && !existsSync(chromium)) {
      process.stderr.write(`[test] apt-get installed chromium, but ${chromium} does not exist (is CHROMIUM_PATH right?); the browser tests need it\n`);
      process.exit(1);
    }
  }
  process.stdout.write(`[test] chromium installed in ${((Date.now() - stepStarted) / 1000).toFixed(1)} s\n`);
}

/** A Chromium installed without its locale packs still runs the tests; as root, add zh-CN, and only warn if that fails. */
function ensureChromiumChinese(chromium: string): void {
  if (chromium !== '/usr/bin/chromium' || existsSync(CHROMIUM_ZH_CN_PACK) || !isRoot) return;
  process.stdout.write('[test] chromium: adding its zh-CN locale pack (apt-get install chromium-l10n) ...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let result = spawnSync('apt-get', ['install', '-y', 'chromium-l10n'], { stdio: 'inherit', env });
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    result = spawnSync('apt-get', ['install', '-y', 'chromium-l10n'], { stdio: 'inherit', env });
  }
  if (result.status !== 0) process.stdout.write('[test] chromium-l10n could not be installed; screenshots will show date inputs as mm/dd/yyyy\n');
}

ensureChromium();
const started = Date.now();
for (const step of steps) {
  const stepStarted = Date.now();
  process.stdout.write(`\n[test] ${step.name} ...\n`);
  const result = spawnSync(step.command, step.args, { cwd: projectRoot, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`[test] ${step.name} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`[test] ${step.name} passed in ${seconds} s\n`);
}
process.stdout.write(`[test] all steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
