import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';

/**
 * The layer rules are lint rules (eslint.config.mjs); these probes prove that lint refuses a file that
 * breaks them. Each probe is a real file for the moment of the check (lint resolves its imports from where
 * it sits), and ESLint runs as its own process, as `npm run lint` does, once for all probes. The layer rules
 * read only the import statements, so the probes are linted without type information (loading the whole
 * TypeScript program took ~20 s, too slow for a unit test) and without the two rules that need more than
 * the probe itself: no-floating-promises (types) and import-x/no-cycle (the whole import graph). `npm run
 * lint` still applies both everywhere.
 */
const LAYER_RULES_ONLY = ['--parser-options', 'projectService:false', '--rule', '@typescript-eslint/no-floating-promises: off', '--rule', 'import-x/no-cycle: off'];
const PROBES = {
  apiImportsWorkflow: ['apps/api/src', '.ts', "import { disclosureItemWorkflow } from '@zwgk/workflows';\nexport const probe = disclosureItemWorkflow;\n"],
  apiImportsActivityType: ['apps/api/src', '.ts', "import type { DisclosureActivities } from '@zwgk/activities';\nexport type Probe = DisclosureActivities;\n"],
  apiImportsContracts: ['apps/api/src', '.ts', "import { disclosureItemWorkflowId } from '@zwgk/contracts';\nexport const probe = disclosureItemWorkflowId;\n"],
  webImportsLibrary: ['apps/web/src', '.tsx', "import { loadConfig } from '@zwgk/config';\nexport const probe = loadConfig;\n"],
  workflowImportsCalendar: ['workflows/src', '.ts', "import { WorkingDayCalendar } from '@zwgk/domain';\nexport const probe = WorkingDayCalendar;\n"],
  workflowImportsDeterministicDomain: ['workflows/src', '.ts', "import { chinaDateOf } from '@zwgk/domain/workflow';\nexport const probe = chinaDateOf;\n"],
  workflowImportsActivityValue: ['workflows/src', '.ts', "import { createActivities } from '@zwgk/activities';\nexport const probe = createActivities;\n"],
} as const;
type Probe = keyof typeof PROBES;

describe('the layer rules in lint', () => {
  const messages = new Map<Probe, string[]>();

  beforeAll(() => {
    const files = new Map<string, Probe>();
    const suffix = randomUUID().slice(0, 8);
    for (const [probe, [dir, extension, source]] of Object.entries(PROBES) as [Probe, (typeof PROBES)[Probe]][]) {
      const file = path.join(projectRoot, dir, `lint-probe-${probe}-${suffix}${extension}`);
      writeFileSync(file, source);
      files.set(file, probe);
    }
    try {
      const run = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...LAYER_RULES_ONLY, ...files.keys()], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
      for (const result of results) messages.set(files.get(result.filePath)!, result.messages.map((message) => `${message.ruleId}: ${message.message}`));
    } finally {
      for (const file of files.keys()) rmSync(file, { force: true });
    }
  }, 120_000);

  it('refuses an import of workflow code into the API', () => {
    expect(messages.get('apiImportsWorkflow')).toEqual([expect.stringMatching(/no-restricted-imports: .*The API may not import workflow, activity or worker code/)]);
  });

  it('refuses an import of activity code into the API, even as a type', () => {
    expect(messages.get('apiImportsActivityType')).toEqual([expect.stringMatching(/The API may not import workflow, activity or worker code/)]);
  });

  it('lets the API use the shared contracts', () => {
    expect(messages.get('apiImportsContracts')).toEqual([]);
  });

  it('refuses an import from outside apps/web into the web app', () => {
    expect(messages.get('webImportsLibrary')).toEqual([expect.stringMatching(/The web app may import nothing outside apps\/web/)]);
  });

  it('holds workflow code to the deterministic entry point of the domain library', () => {
    expect(messages.get('workflowImportsCalendar')).toEqual([expect.stringMatching(/deterministic entry point @zwgk\/domain\/workflow/)]);
    expect(messages.get('workflowImportsDeterministicDomain')).toEqual([]);
  });

  it('refuses a value import of activities into workflow code', () => {
    expect(messages.get('workflowImportsActivityValue')).toEqual([expect.stringMatching(/Import activities as types only/)]);
  });
});
