import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '@zwgk/config';

/**
 * No Docker engine runs here, so the deployment files are checked statically: the compose file parses,
 * its services and their dependencies exist, the Dockerfiles copy real paths and start real entry
 * points, and every variable given to the api and the worker is one the configuration reads.
 */
const dockerDir = path.join(projectRoot, 'docker');
const compose = parse(readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8')) as {
  services: Record<string, { build?: { context: string; dockerfile: string }; depends_on?: string[] | Record<string, unknown>; environment?: Record<string, string>; deploy?: { replicas: unknown }; volumes?: string[] }>;
  volumes?: Record<string, unknown>;
};

/** Every environment variable name libs/config reads. */
function configVariables(): Set<string> {
  const source = readFileSync(path.join(projectRoot, 'libs', 'config', 'src', 'app-config.ts'), 'utf8');
  return new Set([...source.matchAll(/\(env, '([A-Z_]+)'/g)].map((match) => match[1]));
}

describe('docker/ deployment files', () => {
  it('has Temporal on PostgreSQL, the Temporal UI, PostgreSQL, the api and N workers', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgresql', 'temporal', 'temporal-ui', 'api', 'worker']));
    expect(compose.services.temporal.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql' });
    expect(String(compose.services.worker.deploy?.replicas)).toMatch(/WORKER_REPLICAS/);
  });

  it('only depends on services that exist, and mounts files and volumes that exist', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies) expect([name, dependency, dependency in compose.services]).toEqual([name, dependency, true]);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('./')) expect(existsSync(path.join(dockerDir, source))).toBe(true);
        else expect(Object.keys(compose.volumes ?? {})).toContain(source);
      }
    }
  });

  it('gives the api and the worker only variables the configuration reads, including the required ones', () => {
    const known = configVariables();
    // The reader itself must work: were it to find nothing, the check below would have nothing to hold to.
    expect([...known]).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_TASK_QUEUE', 'AUTH_MODE']));
    for (const name of ['api', 'worker']) {
      const variables = Object.keys(compose.services[name].environment ?? {});
      expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS']));
      for (const variable of variables) expect([name, variable, known.has(variable)]).toEqual([name, variable, true]);
    }
  });

  it.each(['api', 'worker'])('builds the %s from a Dockerfile that copies real paths and starts a real entry point', (name) => {
    const build = compose.services[name].build!;
    const dockerfile = path.resolve(dockerDir, build.context, build.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    const lines = readFileSync(dockerfile, 'utf8').split('\n');
    const copies = lines.filter((line) => line.startsWith('COPY ')).map((line) => line.slice(5).trim().split(/\s+/).slice(0, -1)).flat();
    expect(copies.length).toBeGreaterThan(0);
    for (const source of copies) expect([source, existsSync(path.join(projectRoot, source))]).toEqual([source, true]);
    const cmd = lines.find((line) => line.startsWith('CMD '))!;
    const entry = (JSON.parse(cmd.slice(4)) as string[]).at(-1)!;
    expect(entry).toBe(`apps/${name}/src/main.ts`);
    expect(existsSync(path.join(projectRoot, entry))).toBe(true);
  });
});
