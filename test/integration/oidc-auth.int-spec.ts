import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../support/api-client';
import { projectRoot } from '@zwgk/config';
import { startManagedProcess } from '@zwgk/embedded';
import { startApi, systemEnv, uniqueTaskQueue, type SpawnedProcess } from '../support/running-system';

/**
 * Production auth mode: the API verifies RS256 bearer tokens against the issuer's JWKS, found through the
 * issuer's discovery document (served here by a local HTTP server standing in for the county's identity
 * provider, laid out as Keycloak lays out a realm: the keys are not at /.well-known/jwks.json), and dev
 * login does not exist.
 */
describe('OIDC auth mode', () => {
  let api: SpawnedProcess & { baseUrl: string };
  let issuer: Server;
  let issuerUrl: string;
  let privateKey: KeyObject;
  const keyId = randomUUID();
  const REALM = '/realms/county';
  let discoveryRequests = 0;

  function token(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const input = `${encode({ alg: 'RS256', kid: keyId, typ: 'JWT' })}.${encode({ iss: issuerUrl, aud: 'zwgk', iat: now, exp: now + 600, ...claims })}`;
    return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
  }

  beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey;
    const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: keyId, alg: 'RS256', use: 'sig' };
    issuer = createServer((request, response) => {
      discoveryRequests += request.url === `${REALM}/.well-known/openid-configuration` ? 1 : 0;
      if (request.url === `${REALM}/.well-known/openid-configuration`) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ issuer: issuerUrl, jwks_uri: `${issuerUrl}/protocol/openid-connect/certs`, authorization_endpoint: `${issuerUrl}/protocol/openid-connect/auth` }));
      } else if (request.url === `${REALM}/protocol/openid-connect/certs`) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: [jwk] }));
      } else {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
    issuerUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}${REALM}`;
    api = await startApi(uniqueTaskQueue('oidc'), { AUTH_MODE: 'oidc', OIDC_ISSUER: issuerUrl, OIDC_AUDIENCE: 'zwgk' });
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
    await new Promise((resolve) => issuer?.close(resolve));
  });

  it('has no dev login', async () => {
    const response = await new ApiClient(api.baseUrl).request('POST', '/auth/dev-login', { body: { username: 'edu.drafter' } });
    expect(response.status).toBe(404);
  });

  it('maps the identity, department and roles from a valid token', async () => {
    // The sign-in provisions zhang.san in the shared test database: a township no workflow test notifies, so
    // that no other file finds an extra role holder.
    const bearer = token({ sub: 'u-1', preferred_username: 'zhang.san', name: '张三', department: 'jiangshang', roles: ['secrecy-reviewer', 'not-a-role'] });
    const response = await new ApiClient(api.baseUrl).request('GET', '/auth/me', { headers: { authorization: `Bearer ${bearer}` } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ username: 'zhang.san', displayName: '张三', departmentCode: 'jiangshang', roles: ['secrecy-reviewer'] });
  });

  it('found the keys through the discovery document once, not per request', async () => {
    const bearer = token({ sub: 'u-2', preferred_username: 'zhang.san', name: '张三', department: 'jiangshang', roles: [] });
    for (let i = 0; i < 3; i++) {
      expect((await new ApiClient(api.baseUrl).request('GET', '/auth/me', { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(200);
    }
    expect(discoveryRequests).toBe(1);
  });

  it.each([
    ['signed by another key', () => token({ sub: 'x', department: 'edu' }, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['for another audience', () => token({ sub: 'x', department: 'edu', aud: 'someone-else' })],
    ['expired', () => token({ sub: 'x', department: 'edu', exp: Math.floor(Date.now() / 1000) - 60 })],
    ['without a department', () => token({ sub: 'x' })],
  ])('refuses a token %s with 401', async (_why, makeToken) => {
    const response = await new ApiClient(api.baseUrl).request('GET', '/auth/me', { headers: { authorization: `Bearer ${makeToken()}` } });
    expect(response.status).toBe(401);
  });
});

describe('OIDC discovery that fails', () => {
  it('answers 503 while the discovery document names another issuer, and never accepts the token', async () => {
    const liar = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ issuer: 'https://elsewhere.example', jwks_uri: 'https://elsewhere.example/certs' }));
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    const api = await startApi(uniqueTaskQueue('oidc-liar'), { AUTH_MODE: 'oidc', OIDC_ISSUER: `http://127.0.0.1:${(liar.address() as AddressInfo).port}/realms/x`, OIDC_AUDIENCE: 'zwgk' });
    try {
      const response = await new ApiClient(api.baseUrl).request('GET', '/auth/me', { headers: { authorization: 'Bearer a.b.c' } });
      expect(response.status).toBe(503);
      expect(response.body.message).toMatch(/names the issuer "https:\/\/elsewhere.example"/);
    } finally {
      await api.stop();
      await new Promise((resolve) => liar.close(resolve));
    }
  }, 60_000);
});

describe('dev auth outside the embedded database', () => {
  it('stops the API at start with an error naming AUTH_MODE', async () => {
    const api = startManagedProcess('api', process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, ...systemEnv(uniqueTaskQueue('dev-refused')), DATABASE_URL: 'postgres://zwgk:secret@db.county.internal:5432/zwgk', AUTH_MODE: 'dev' },
      quiet: true,
    });
    const output: string[] = [];
    api.child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    expect(await api.exited).toBe(1);
    expect(output.join('')).toMatch(/AUTH_MODE: "dev" \(password-less dev login\) is only allowed on the embedded database, but DATABASE_URL points at db.county.internal/);
  }, 60_000);
});
