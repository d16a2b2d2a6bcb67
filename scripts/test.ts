/**
 * `npm test`: lint, type check, then every Jest test (unit tests, and integration tests against a real
 * PostgreSQL and a real Temporal server that Jest's global setup starts). Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { projectRoot } from '@zwgk/config';

const steps: { name: string; command: string; args: string[] }[] = [
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  { name: 'type check', command: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'tests', command: 'npx', args: ['jest', ...process.argv.slice(2)] },
];

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
