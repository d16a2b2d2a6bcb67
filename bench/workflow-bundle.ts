/**
 * The size of the workflow bundle the worker loads, against a bare Temporal workflow bundle built in the
 * same run (one workflow, one activity proxy, nothing of ours), and whether anything of the calendar (the
 * lunar calendar behind the statutory holidays) slipped into it. Every worker loads this bundle into each
 * workflow's V8 context, so its size is paid per cached workflow.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { addTsconfigAliases, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { projectRoot } from '@zwgk/config';
import { runBenchmark } from './bench-support';

const silent = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (message: string) => process.stderr.write(`${message}\n`) };

async function bundleBytes(entry: string, hook?: typeof addTsconfigAliases): Promise<{ bytes: number; code: string }> {
  const bundle = await bundleWorkflowCode({ workflowsPath: entry, ...(hook ? { webpackConfigHook: hook } : {}), logger: silent as never });
  return { bytes: Buffer.byteLength(bundle.code), code: bundle.code };
}

async function main(): Promise<void> {
  // Inside the project, so that the bare bundle resolves @temporalio/workflow from its node_modules.
  mkdirSync(path.join(projectRoot, '.data'), { recursive: true });
  const bareDir = mkdtempSync(path.join(projectRoot, '.data', 'bench-bare-workflow-'));
  try {
    const bareEntry = path.join(bareDir, 'bare.workflow.ts');
    writeFileSync(bareEntry, [
      "import { proxyActivities } from '@temporalio/workflow';",
      "const { step } = proxyActivities<{ step(input: string): Promise<string> }>({ startToCloseTimeout: '30 seconds' });",
      'export async function bareWorkflow(input: string): Promise<string> { return step(input); }',
      '',
    ].join('\n'));
    const bare = await bundleBytes(bareEntry);
    const ours = await bundleBytes(workflowsPath, addTsconfigAliases);
    const calendarInside = /lunar-javascript|LunarUtil|statutoryHolidayTable/.test(ours.code);
    const rows = [
      '| bundle | bytes | ÷ bare |',
      '|---|---|---|',
      `| bare Temporal workflow | ${bare.bytes} | 1.00 |`,
      `| zwgk workflows | ${ours.bytes} | ${(ours.bytes / bare.bytes).toFixed(2)} |`,
      '',
      `calendar (lunar-javascript, statutory holiday tables) in the bundle: ${calendarInside ? 'YES — a workflow imports @zwgk/domain instead of @zwgk/domain/workflow' : 'no'}`,
    ];
    process.stdout.write(`${rows.join('\n')}\n`);
    const resultsDir = path.join(projectRoot, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'workflow-bundle-latest.md'), `# Workflow bundle size\n\n${rows.join('\n')}\n`);
    if (calendarInside) process.exitCode = 1;
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
