import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';
import type { FuzzReport } from '../../scripts/fuzz';
import { testServers } from '../support/test-environment';

const REPORT_DIR = path.join('test-output', 'fuzz-smoke');

/**
 * A short `npm run test:fuzz` (scripts/fuzz.ts as it is): schemathesis against a fresh system on its own
 * PostgreSQL, Temporal and data dir (the fuzzing admin creates units, users and calendar years, which must
 * not reach the suites that share the test servers), as anonymous, edu.drafter and admin. Few examples and
 * no coverage phase, so it stays short; the full run is `npm run test:fuzz`. No 5xx, and every check holds.
 */
describe('the API under a short fuzz run', () => {
  it('answers no 5xx and conforms to its OpenAPI document, for no token, a drafter and an admin', async () => {
    const output: string[] = [];
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/fuzz.ts'], {
        cwd: projectRoot,
        env: {
          ...process.env,
          ZWGK_FUZZ_EXAMPLES: '3',
          ZWGK_FUZZ_PHASES: 'examples,fuzzing',
          ZWGK_FUZZ_REPORT: REPORT_DIR,
          // The bundle the global setup built: the fuzzed system's worker need not bundle again.
          ZWGK_WORKFLOW_BUNDLE: testServers().workflowBundlePath,
          ZWGK_PARENT_PID: String(process.pid),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
    if (exitCode !== 0) throw new Error(`npm run test:fuzz exited ${exitCode}:\n${output.join('').slice(-6000)}`);

    const report = JSON.parse(readFileSync(path.join(projectRoot, REPORT_DIR, 'report.json'), 'utf8')) as FuzzReport;
    expect(report.principals.map((p) => p.principal)).toEqual(['anonymous', 'drafter', 'admin']);
    expect(report.total5xx).toBe(0);
    for (const principal of report.principals) {
      expect({ principal: principal.principal, exitCode: principal.exitCode, serverErrors: principal.serverErrors }).toEqual({ principal: principal.principal, exitCode: 0, serverErrors: [] });
      // Every one of the ~94 operations is called more than once: the document was read and fuzzed, not skipped.
      expect(principal.requests).toBeGreaterThan(200);
    }
    // The drafter and the admin got past authentication: some of their requests succeeded.
    for (const principal of report.principals.slice(1)) {
      expect(Object.entries(principal.statuses).some(([status, count]) => status.startsWith('2') && count > 0)).toBe(true);
    }
  }, 300_000);
});
