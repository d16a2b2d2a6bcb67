import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { parse, stringify } from 'yaml';
import { loadConfig, projectRoot, temporalConnectionSettings } from '@zwgk/config';
import {
  findFreeMembershipPort,
  findFreePort,
  resolveTemporalServer,
  setUpTemporalSchema,
  startTemporalServer,
  TEMPORAL_SERVER_VERSION,
  writeTemporalServerConfig,
  type ManagedProcess,
} from '@zwgk/embedded';
import { testServers } from '../support/test-environment';

/**
 * Temporal over mutual TLS, for real: the Temporal server built from its Go module (the one `npm run
 * test:cluster` uses; the CLI dev server has no TLS) with a frontend that asks for a client certificate, and
 * certificates made here with openssl. The client connection (API, scripts) and the native connection (worker)
 * get their options from the configuration alone. Skipped only when that server has not been built into the
 * tools folder (ZWGK_TOOLS_DIR, default .tools; `npm run test:cluster` builds it once; building it here would take
 * minutes of a test run).
 */
const serverDir = process.env.TEMPORAL_SERVER_DIR ?? path.join(loadConfig().toolsDir, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
const built = existsSync(path.join(serverDir, 'bin', 'temporal-server'));
const SERVER_NAME = 'temporal.county.test';

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA, a server certificate for SERVER_NAME, and a client certificate, all signed by that CA; and a stranger CA. */
function makeCertificates(dir: string): void {
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=zwgk test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=another CA', '-keyout', 'other-ca.key', '-out', 'other-ca.pem');
  writeFileSync(path.join(dir, 'server.ext'), `subjectAltName=DNS:${SERVER_NAME}\nextendedKeyUsage=serverAuth,clientAuth\n`);
  writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [['server', `/CN=${SERVER_NAME}`], ['client', '/CN=zwgk-worker']] as const) {
    openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.csr`);
    openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
  }
}

(built ? describe : describe.skip)('Temporal over mutual TLS (the Go server, certificates made with openssl)', () => {
  const suffix = `${process.pid}`;
  const databases = { user: 'temporal_tls', password: 'temporal-tls-secret', database: `temporal_tls_${suffix}`, visibilityDatabase: `temporal_tls_vis_${suffix}` };
  let dir: string;
  let server: ManagedProcess | undefined;
  let address: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zwgk-temporal-tls-'));
    makeCertificates(dir);
    const admin = new URL(testServers().databaseUrl);
    const installation = await resolveTemporalServer(path.join(projectRoot, '.tools'), { env: { ...process.env, TEMPORAL_SERVER_DIR: serverDir } });
    await setUpTemporalSchema(installation, admin.toString(), { ...databases, host: admin.hostname, port: Number(admin.port) });
    const membership = new Set<number>();
    const membershipPort = async () => {
      const port = await findFreeMembershipPort(membership);
      membership.add(port);
      return port;
    };
    const ports = {
      frontend: await findFreePort(), frontendHttp: await findFreePort(), frontendMembership: await membershipPort(),
      history: await findFreePort(), historyMembership: await membershipPort(),
      matching: await findFreePort(), matchingMembership: await membershipPort(),
      worker: await findFreePort(), workerMembership: await membershipPort(),
      metrics: await findFreePort(),
    };
    const configFile = writeTemporalServerConfig(installation, file('server-config'), { ...databases, host: admin.hostname, port: Number(admin.port) }, ports, 'warn');
    // The frontend serves TLS and asks every client for a certificate signed by the CA; the server's own system
    // worker is one of those clients.
    const config = parse(readFileSync(configFile, 'utf8')) as Record<string, any>;
    const client = { serverName: SERVER_NAME, rootCaFiles: [file('ca.pem')] };
    config.global.tls = {
      frontend: { server: { certFile: file('server.pem'), keyFile: file('server.key'), requireClientAuth: true, clientCaFiles: [file('ca.pem')] }, client },
      systemWorker: { certFile: file('client.pem'), keyFile: file('client.key'), client },
    };
    writeFileSync(configFile, stringify(config));
    server = await startTemporalServer(installation, configFile, ports.frontend);
    address = `127.0.0.1:${ports.frontend}`;
  }, 300_000);

  afterAll(async () => {
    await server?.stop(10_000);
    const admin = new PgClient({ connectionString: testServers().databaseUrl });
    await admin.connect();
    for (const database of [databases.database, databases.visibilityDatabase]) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const settings = (env: Record<string, string>) => temporalConnectionSettings(loadConfig({ TEMPORAL_ADDRESS: address, ...env }));
  const mutualTls = () => ({ TEMPORAL_TLS_SERVER_NAME: SERVER_NAME, TEMPORAL_TLS_CA_FILE: file('ca.pem'), TEMPORAL_TLS_CERT_FILE: file('client.pem'), TEMPORAL_TLS_KEY_FILE: file('client.key') });

  it('connects the API client and the worker with the configured CA, server name and client certificate', async () => {
    const client = await Connection.connect({ ...settings(mutualTls()), connectTimeout: 20_000 });
    try {
      const info = await client.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBe(TEMPORAL_SERVER_VERSION);
    } finally {
      await client.close();
    }
    // The worker's connection (Rust core) checks the server the same way, at connect.
    const worker = await NativeConnection.connect(settings(mutualTls()));
    await worker.close();
  }, 60_000);

  it('is refused without a client certificate, with a CA that did not sign the server, and in plaintext', async () => {
    const attempt = async (env: Record<string, string>) => {
      const connection = await NativeConnection.connect(settings(env)).then(
        (opened) => opened,
        (error: unknown) => error as Error,
      );
      if (connection instanceof NativeConnection) {
        await connection.close();
        return 'connected';
      }
      return connection.message;
    };
    // TLS 1.3 finishes the client's side of the handshake before the server asks for a certificate, so the
    // refusal reaches the client either as the server's alert or, when the server closes first, as the close.
    expect(await attempt({ TEMPORAL_TLS_SERVER_NAME: SERVER_NAME, TEMPORAL_TLS_CA_FILE: file('ca.pem') })).toMatch(/CertificateRequired|connection closed/);
    expect(await attempt({ ...mutualTls(), TEMPORAL_TLS_CA_FILE: file('other-ca.pem') })).toMatch(/UnknownIssuer/);
    // Plaintext HTTP/2 to a TLS port: the server drops it, seen as a transport error or as the closed connection.
    expect(await attempt({})).toMatch(/transport error|connection closed/);
  }, 120_000);
});
