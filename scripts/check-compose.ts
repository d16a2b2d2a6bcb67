/**
 * `npm run check:compose`: validates docker/compose.yaml with `.env.example` the way `docker compose config`
 * does, without a Docker engine. The checker (docker/compose-check) is a few lines of Go around compose-go,
 * the loader Docker Compose v2 itself uses: it interpolates the env file, applies the Compose Specification's
 * JSON schema and prints the normalised project. It is built once into the tools folder with `go build`.
 * Secrets that `.env.example` leaves empty (and compose requires with `:?`) get placeholder values here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig, projectRoot } from '@zwgk/config';

const SECRET = /^([A-Z0-9_]*(PASSWORD|SECRET|TOKEN|SALT)[A-Z0-9_]*)=$/;

function buildChecker(toolsDir: string): string {
  const source = path.join(projectRoot, 'docker', 'compose-check');
  const goMod = readFileSync(path.join(source, 'go.mod'), 'utf8');
  const version = /compose-go\/v2 (v[\d.]+)/.exec(goMod)?.[1] ?? 'unknown';
  const binary = path.join(toolsDir, `compose-check-${version}`, 'compose-check');
  if (existsSync(binary)) return binary;
  mkdirSync(path.dirname(binary), { recursive: true });
  console.log(`[compose] building the checker (compose-go ${version}) into ${path.dirname(binary)} …`);
  execFileSync('go', ['build', '-buildvcs=false', '-o', binary, '.'], { cwd: source, stdio: 'inherit' });
  return binary;
}

function main(): void {
  const config = loadConfig();
  const checker = buildChecker(config.toolsDir);
  const dockerDir = path.join(projectRoot, 'docker');
  const example = readFileSync(path.join(dockerDir, '.env.example'), 'utf8');
  const filled = example
    .split('\n')
    .map((line) => line.replace(SECRET, '$1=placeholder-for-the-check'))
    .join('\n');
  const workDir = mkdtempSync(path.join(tmpdir(), 'zwgk-compose-'));
  try {
    const envFile = path.join(workDir, '.env');
    writeFileSync(envFile, filled);
    const normalised = execFileSync(checker, [path.join(dockerDir, 'compose.yaml'), envFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const servicesSection = /^services:\n([\s\S]*?)(?=^\S)/m.exec(normalised)?.[1] ?? '';
    const services = [...servicesSection.matchAll(/^ {2}([a-z][a-z0-9-]*):$/gm)].map((match) => match[1]);
    console.log(`[compose] docker/compose.yaml is valid with .env.example: ${services.join(', ')}`);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim();
    console.error(`[compose] docker/compose.yaml is not valid: ${stderr || (error instanceof Error ? error.message : String(error))}`);
    process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
