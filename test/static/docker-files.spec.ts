import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '@zwgk/config';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@zwgk/contracts';
import { CLUSTER_TOPOLOGY } from '../../scripts/cluster/topology';

/**
 * No Docker engine runs here, so the deployment files are checked statically: the compose file parses,
 * its services and their dependencies exist, the Dockerfiles copy real paths and start real entry
 * points, every variable given to the api and the worker is one they read, and the topology is the one
 * `npm run test:cluster` runs (Temporal private, API replicas behind the proxy, worker replicas, separate
 * database roles, one-shot setup jobs that fail loudly).
 */
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  depends_on?: string[] | Record<string, { condition: string }>;
  environment?: Record<string, string>;
  deploy?: { replicas: unknown };
  volumes?: string[];
  ports?: string[];
  restart?: string;
  healthcheck?: { test: unknown };
  command?: unknown;
  entrypoint?: unknown;
  profiles?: string[];
}
const dockerDir = path.join(projectRoot, 'docker');
const compose = parse(readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const services = compose.services;
const dependencies = (service: Service) => (Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((name) => [name, { condition: 'service_started' }])) : (service.depends_on ?? {}));
const ONE_SHOT = ['temporal-schema', 'temporal-namespace', 'migrate'];

/** Every environment variable the configuration, the API and the worker read. */
function knownVariables(): Set<string> {
  const sources = [
    path.join(projectRoot, 'libs', 'config', 'src', 'app-config.ts'),
    path.join(projectRoot, 'apps', 'worker', 'src', 'temporal-worker.service.ts'),
    path.join(projectRoot, 'apps', 'worker', 'src', 'worker-health.service.ts'),
  ].map((file) => readFileSync(file, 'utf8'));
  return new Set(sources.flatMap((source) => [...source.matchAll(/\(env, '([A-Z_]+)'|process\.env\.([A-Z_]+)/g)].map((match) => match[1] ?? match[2]!)));
}

/** `${NAME:-default}` → default. */
const defaultOf = (value: unknown) => /\$\{[A-Z_]+:-([^}]*)\}/.exec(String(value))?.[1];

describe('docker/ deployment files', () => {
  it('has Temporal on PostgreSQL, its setup jobs, PostgreSQL, the api, the workers and the proxy', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgresql', 'temporal-schema', 'temporal', 'temporal-namespace', 'temporal-ui', 'migrate', 'api', 'worker', 'proxy']));
    expect(services.temporal!.image).toMatch(/^temporalio\/server:/);
    expect(services['temporal-schema']!.image).toMatch(/^temporalio\/admin-tools:/);
    expect(services['temporal-namespace']!.image).toMatch(/^temporalio\/admin-tools:/);
    expect(services.temporal!.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql', POSTGRES_USER: 'temporal' });
    expect(Object.values(services).some((service) => service.image?.includes('auto-setup'))).toBe(false);
  });

  it('runs the topology of the cluster test: its API replicas, its workers, its namespace', () => {
    expect(defaultOf(services.api!.deploy?.replicas)).toBe(String(CLUSTER_TOPOLOGY.apiReplicas));
    expect(defaultOf(services.worker!.deploy?.replicas)).toBe(String(CLUSTER_TOPOLOGY.workers));
    for (const name of ['api', 'worker']) {
      expect(defaultOf(services[name]!.environment!.TEMPORAL_NAMESPACE)).toBe(CLUSTER_TOPOLOGY.namespace);
      expect(services[name]!.environment!.TEMPORAL_TASK_QUEUE).toBe(CLUSTER_TOPOLOGY.taskQueue);
    }
  });

  it('publishes only the proxy; Temporal, its UI and PostgreSQL stay private (the UI on the host loopback at most)', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'proxy') continue;
      for (const port of service.ports ?? []) expect([name, port]).toEqual([name, expect.stringMatching(/^127\.0\.0\.1:/)]);
    }
    expect(services.api!.ports ?? []).toEqual([]);
    expect(services.temporal!.ports ?? []).toEqual([]);
    expect(services.proxy!.ports).toEqual(expect.arrayContaining([expect.stringMatching(/:443$/)]));
    expect(readFileSync(path.join(dockerDir, 'nginx.conf'), 'utf8')).toMatch(/listen 443 ssl;[\s\S]*proxy_pass http:\/\/zwgk_api;/);
  });

  it('connects the app as a role that owns nothing, and migrates as the schema owner', () => {
    expect(services.api!.environment!.DATABASE_URL).toMatch(/^postgres:\/\/zwgk_app:/);
    expect(services.worker!.environment!.DATABASE_URL).toMatch(/^postgres:\/\/zwgk_app:/);
    expect(services.migrate!.environment!.DATABASE_URL).toMatch(/^postgres:\/\/zwgk_owner:/);
    const roles = readFileSync(path.join(dockerDir, 'postgres-roles.sql'), 'utf8');
    expect(roles).toMatch(/CREATE DATABASE zwgk OWNER zwgk_owner;/);
    expect(roles).toMatch(/GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zwgk_app;/);
    expect(roles).not.toMatch(/SUPERUSER|zwgk_app.*OWNER|OWNER TO zwgk_app/);
  });

  it('runs the setup as one-shot jobs that fail loudly, and starts the api and workers only after them', () => {
    for (const name of ONE_SHOT) {
      expect([name, services[name]!.restart]).toEqual([name, 'no']);
      expect([name, JSON.stringify(services[name]!.command ?? '')]).toEqual([name, expect.not.stringContaining('|| true')]);
    }
    for (const name of ['temporal-schema', 'temporal-namespace']) expect(services[name]!.entrypoint).toEqual(['/bin/sh', '-euc']);
    // The namespace job registers every search attribute the workflows set.
    const namespaceJob = JSON.stringify(services['temporal-namespace']!.command);
    for (const attribute of CUSTOM_SEARCH_ATTRIBUTES) expect(namespaceJob).toContain(`${attribute.name}=${attribute.type}`);
    expect(dependencies(services.temporal!)['temporal-schema']).toEqual({ condition: 'service_completed_successfully' });
    for (const name of ['api', 'worker']) {
      expect(dependencies(services[name]!)).toMatchObject({ migrate: { condition: 'service_completed_successfully' }, 'temporal-namespace': { condition: 'service_completed_successfully' } });
    }
  });

  it('restarts and health-checks every long-running service', () => {
    for (const [name, service] of Object.entries(services)) {
      if (ONE_SHOT.includes(name) || service.profiles?.includes('tools')) continue;
      expect([name, service.restart]).toEqual([name, 'unless-stopped']);
      if (name !== 'temporal-ui') expect([name, service.healthcheck !== undefined]).toEqual([name, true]);
    }
  });

  it('checks the api replicas by readiness, passes them the metrics token, and keeps /api/metrics off the proxy', () => {
    expect(JSON.stringify(services.api!.healthcheck!.test)).toContain('/api/health/ready');
    expect(services.api!.environment!.METRICS_TOKEN).toBe('${METRICS_TOKEN:-}');
    expect(readFileSync(path.join(dockerDir, 'nginx.conf'), 'utf8')).toMatch(/location = \/api\/metrics \{\s*return 404;/);
  });

  it('only depends on services that exist, and mounts files and volumes that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys(dependencies(service))) expect([name, dependency, dependency in services]).toEqual([name, dependency, true]);
      for (const volume of service.volumes ?? []) {
        const source = volume.startsWith('${') ? volume.slice(0, volume.indexOf('}') + 1) : volume.split(':')[0]!;
        if (source.startsWith('./')) expect([name, source, existsSync(path.join(dockerDir, source))]).toEqual([name, source, true]);
        else if (source.startsWith('${')) expect(source).toMatch(/^\$\{[A-Z_]+(:[-?][^}]*)?\}$/); // a bind mount the operator names in .env
        else expect(Object.keys(compose.volumes ?? {})).toContain(source);
      }
    }
  });

  it('gives the api and the worker only variables they read, and .env.example names every variable compose asks for', () => {
    const known = knownVariables();
    expect([...known]).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_TASK_QUEUE', 'AUTH_MODE', 'ZWGK_WORKFLOW_BUNDLE']));
    for (const name of ['api', 'worker']) {
      const variables = Object.keys(services[name]!.environment ?? {});
      expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS']));
      for (const variable of variables) expect([name, variable, known.has(variable)]).toEqual([name, variable, true]);
    }
    const composeText = readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8');
    const example = readFileSync(path.join(dockerDir, '.env.example'), 'utf8');
    const asked = new Set([...composeText.matchAll(/\$\{([A-Z_]+)[:}]/g)].map((match) => match[1]!));
    for (const variable of asked) expect([variable, new RegExp(`^${variable}=`, 'm').test(example)]).toEqual([variable, true]);
  });

  it.each(['api', 'worker'])('builds the %s in two Node 24 stages, the last without dev dependencies, starting a compiled entry point', (name) => {
    const build = services[name]!.build!;
    const dockerfile = path.resolve(dockerDir, build.context, build.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    const lines = readFileSync(dockerfile, 'utf8').split('\n');
    expect(lines.filter((line) => line.startsWith('FROM '))).toEqual(['FROM node:24-bookworm-slim AS build', 'FROM node:24-bookworm-slim AS runtime']);
    const runtime = lines.slice(lines.findIndex((line) => line.includes('AS runtime')));
    expect(runtime.some((line) => /npm ci .*--omit=dev/.test(line))).toBe(true);
    const copies = lines.filter((line) => line.startsWith('COPY ') && !line.startsWith('COPY --from')).map((line) => line.slice(5).trim().split(/\s+/).slice(0, -1)).flat();
    expect(copies.length).toBeGreaterThan(0);
    for (const source of copies) expect([source, existsSync(path.join(projectRoot, source))]).toEqual([source, true]);
    const cmd = lines.find((line) => line.startsWith('CMD '))!;
    const entry = (JSON.parse(cmd.slice(4)) as string[]).at(-1)!;
    expect(entry).toBe(`dist/apps/${name}/src/main.js`);
    expect(existsSync(path.join(projectRoot, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });
});
