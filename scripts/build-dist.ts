/**
 * `npm run build:dist`: what the production images run, built once so that they need no dev dependencies.
 * Compiles the TypeScript of the API, the worker, the libraries, the activities and the scripts to
 * CommonJS under dist/ (same tree, `@zwgk/*` imports rewritten to relative paths, decorator metadata kept
 * for Nest), and writes the prebuilt workflow bundle to dist/workflow-bundle.js. dist/ then stands as the
 * project root: the images copy the web build to dist/apps/web/dist and data/ to dist/data.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { transformFileSync } from '@swc/core';
import { bundleWorkflowCode } from '@temporalio/worker';
import { projectRoot } from '@zwgk/config';
import { addTsconfigAliases, workflowInterceptorModules, workflowsPath } from '../apps/worker/src/workflow-bundle';

const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'activities/src', 'workflows/src', 'scripts'];
const SKIP = /(\.spec\.ts|\.d\.ts)$|\/node_modules\/|^libs\/[^/]+\/(?!src\/)/;
const outDir = path.join(projectRoot, 'dist');

function tsFiles(dir: string): string[] {
  const absolute = path.join(projectRoot, dir);
  return readdirSync(absolute).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(projectRoot, relative)).isDirectory()) return name === 'node_modules' ? [] : tsFiles(relative);
    return relative.endsWith('.ts') && !SKIP.test(relative) ? [relative] : [];
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  const tsconfig = JSON.parse(readFileSync(path.join(projectRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  const files = SOURCES.flatMap(tsFiles);
  for (const file of files) {
    const { code } = transformFileSync(path.join(projectRoot, file), {
      sourceMaps: false,
      module: { type: 'commonjs' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        baseUrl: projectRoot,
        paths: tsconfig.compilerOptions.paths,
      },
    });
    const target = path.join(outDir, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  // projectRoot (libs/config) resolves to dist/ in the build: the workflow sources are bundled from here.
  const bundle = await bundleWorkflowCode({ workflowsPath, webpackConfigHook: addTsconfigAliases });
  writeFileSync(path.join(outDir, 'workflow-bundle.js'), bundle.code);
  // The one a worker with TRACING=on runs (ZWGK_WORKFLOW_BUNDLE_TRACED): the same code with OpenTelemetry's interceptors.
  const traced = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, webpackConfigHook: addTsconfigAliases });
  writeFileSync(path.join(outDir, 'workflow-bundle-traced.js'), traced.code);
  process.stdout.write(`[build-dist] ${files.length} files compiled and the workflow bundles written to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[build-dist] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
