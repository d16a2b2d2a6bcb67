import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import { projectRoot } from '@zwgk/config';

type WebpackConfigHook = NonNullable<BundleOptions['webpackConfigHook']>;

/**
 * The `@zwgk/*` aliases of tsconfig.json, each an exact match (webpack's `$`) for its entry file, so that
 * `@zwgk/domain` and its deterministic entry `@zwgk/domain/workflow` stay two different modules.
 */
export function tsconfigAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(path.join(projectRoot, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [`${alias}$`, path.join(projectRoot, target!)]),
  );
}

/** Webpack ignores tsconfig `paths`; this hook teaches the workflow bundle the same aliases. */
export const addTsconfigAliases: WebpackConfigHook = (config) => {
  const resolve = config.resolve ?? {};
  const existing = resolve.alias && !Array.isArray(resolve.alias) ? resolve.alias : {};
  config.resolve = { ...resolve, alias: { ...existing, ...tsconfigAliases() } };
  return config;
};

/** Where the workflow code starts. */
export const workflowsPath = path.join(projectRoot, 'workflows', 'src', 'index.ts');

/**
 * OpenTelemetry's workflow interceptors, which carry a request's trace into the workflow and on to its
 * activities. Only a traced bundle has them (a worker with TRACING=on bundles them itself, and build-dist
 * writes dist/workflow-bundle-traced.js beside the plain one): they emit their spans through a sink that every
 * worker running the bundle must register. They add no commands to a history, so histories recorded without
 * them replay with them (test/integration/tracing.int-spec.ts replays the recorded histories through one).
 */
export const workflowInterceptorModules: string[] = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];
