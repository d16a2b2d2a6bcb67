import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigurationError, loadConfig, projectRoot, temporalConnectionSettings } from './app-config';

describe('loadConfig', () => {
  it('runs on embedded defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: path.join(projectRoot, '.data'),
      databaseUrl: undefined,
      temporal: { address: undefined, namespace: 'default', taskQueue: 'disclosure', devServerPort: 7233, devUiPort: 8233 },
      auth: { mode: 'dev' },
    });
  });

  it('points at production servers when told to', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/zwgk',
      TEMPORAL_ADDRESS: 'temporal.prod:7233',
      TEMPORAL_NAMESPACE: 'county',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://sso.example.gov.cn',
      OIDC_AUDIENCE: 'zwgk',
      RATING_CLIENT_SALT: 'a-county-secret',
    });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/zwgk');
    expect(config.temporal).toMatchObject({ address: 'temporal.prod:7233', namespace: 'county' });
    expect(config.auth.mode).toBe('oidc');
  });

  it('bounds the worker\'s workflow cache: 500 by default, a whole number from 1 when set', () => {
    expect(loadConfig({}).temporal.maxCachedWorkflows).toBe(500);
    expect(loadConfig({ TEMPORAL_WORKER_CACHED_WORKFLOWS: '2000' }).temporal.maxCachedWorkflows).toBe(2000);
    expect(() => loadConfig({ TEMPORAL_WORKER_CACHED_WORKFLOWS: '0' })).toThrow(/TEMPORAL_WORKER_CACHED_WORKFLOWS/);
    expect(() => loadConfig({ TEMPORAL_WORKER_CACHED_WORKFLOWS: 'many' })).toThrow(/TEMPORAL_WORKER_CACHED_WORKFLOWS/);
  });

  it('starts items with the operators\' search attributes unless TEMPORAL_SEARCH_ATTRIBUTES=off', () => {
    expect(loadConfig({}).temporal.operatorSearchAttributes).toBe(true);
    expect(loadConfig({ TEMPORAL_SEARCH_ATTRIBUTES: 'off' }).temporal.operatorSearchAttributes).toBe(false);
    expect(() => loadConfig({ TEMPORAL_SEARCH_ATTRIBUTES: 'no' })).toThrow(/TEMPORAL_SEARCH_ATTRIBUTES/);
  });

  it('reads the OIDC web login and claim settings, with defaults', () => {
    expect(loadConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://sso.example.gov.cn', OIDC_CLIENT_ID: 'zwgk-web', RATING_CLIENT_SALT: 's' }).auth).toMatchObject({
      oidcScopes: 'openid profile',
      oidcBearerToken: 'id_token',
      oidcClaims: { username: 'preferred_username', department: 'department', roles: 'roles', name: 'name' },
      oidcRoleMap: {},
    });
    const auth = loadConfig({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://sso.example.gov.cn',
      RATING_CLIENT_SALT: 's',
      OIDC_CLIENT_ID: 'zwgk-web',
      OIDC_AUDIENCE: 'zwgk-api',
      OIDC_SCOPES: 'profile email',
      OIDC_REDIRECT_URI: 'https://gk.example.gov.cn/',
      OIDC_BEARER_TOKEN: 'access_token',
      OIDC_DEPARTMENT_CLAIM: 'org_unit',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_NAME_CLAIM: 'cn',
      OIDC_ROLE_MAP: 'gov-reviewer=reviewer, gov-head=reviewer,gov-head=leader',
    }).auth;
    expect(auth).toMatchObject({
      oidcClientId: 'zwgk-web',
      oidcScopes: 'openid profile email',
      oidcRedirectUri: 'https://gk.example.gov.cn/',
      oidcBearerToken: 'access_token',
      oidcClaims: { username: 'preferred_username', department: 'org_unit', roles: 'realm_access.roles', name: 'cn' },
      oidcRoleMap: { 'gov-reviewer': ['reviewer'], 'gov-head': ['reviewer', 'leader'] },
    });
  });

  it.each([
    [{ OIDC_ROLE_MAP: 'gov-reviewer' }, 'OIDC_ROLE_MAP'],
    [{ OIDC_BEARER_TOKEN: 'refresh_token' }, 'OIDC_BEARER_TOKEN'],
    [{ OIDC_REDIRECT_URI: 'gk.example.gov.cn' }, 'OIDC_REDIRECT_URI'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ AUTH_MODE: 'password' }, 'AUTH_MODE'],
    [{ AUTH_MODE: 'oidc' }, 'OIDC_ISSUER'],
    [{ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://sso.example.gov.cn', OIDC_AUDIENCE: 'zwgk' }, 'RATING_CLIENT_SALT'],
    [{ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://sso.example.gov.cn', RATING_CLIENT_SALT: 's' }, 'OIDC_AUDIENCE'],
    [{ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://sso.example.gov.cn', RATING_CLIENT_SALT: 's', OIDC_CLIENT_ID: 'web', OIDC_BEARER_TOKEN: 'access_token' }, 'OIDC_AUDIENCE'],
    [{ RATING_RATE_LIMIT_MAX: '0' }, 'RATING_RATE_LIMIT_MAX'],
    [{ TRUST_PROXY: 'the proxy' }, 'TRUST_PROXY'],
    [{ CONCERN_RATE_LIMIT_WINDOW_SECONDS: 'ten' }, 'CONCERN_RATE_LIMIT_WINDOW_SECONDS'],
    [{ DATABASE_URL: 'postgres://u:p@db:5432/zwgk' }, 'AUTH_MODE'],
    [{ DATABASE_URL: 'postgres://u:p@10.0.0.5/zwgk', AUTH_MODE: 'dev' }, 'AUTH_MODE'],
  ])('names the variable at fault: %p', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });
});

describe('loadConfig: dev login only on the embedded database', () => {
  it('allows dev auth with no DATABASE_URL or one on loopback, the embedded server\'s address', () => {
    expect(loadConfig({}).auth.mode).toBe('dev');
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5433/zwgk' }).auth.mode).toBe('dev');
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres:postgres@localhost:5433/zwgk', AUTH_MODE: 'dev' }).auth.mode).toBe('dev');
    expect(loadConfig({ DATABASE_URL: 'postgresql://p:p@[::1]:5433/zwgk' }).auth.mode).toBe('dev');
  });

  it('refuses to start with dev auth on any other database, saying what to set', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://zwgk:secret@postgres:5432/zwgk' })).toThrow(/^AUTH_MODE: unset, which means dev .* DATABASE_URL points at postgres: set AUTH_MODE=oidc/);
    expect(loadConfig({ DATABASE_URL: 'postgres://zwgk:secret@postgres:5432/zwgk', AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://sso', OIDC_AUDIENCE: 'a', RATING_CLIENT_SALT: 's' }).auth.mode).toBe('oidc');
  });
});

describe('loadConfig: trust proxy', () => {
  it('is off by default, and takes true, a hop count or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });
});

describe('loadConfig: public submissions', () => {
  it('limits questions and ratings per client address, with a dev salt only outside production', () => {
    expect(loadConfig({}).publicSubmissions).toEqual({
      concernRateLimit: { maxRequests: 5, windowSeconds: 600 },
      ratingRateLimit: { maxRequests: 20, windowSeconds: 600 },
      ratingClientSalt: 'zwgk-embedded-rating-salt-not-for-production',
    });
    const set = loadConfig({ CONCERN_RATE_LIMIT_MAX: '3', RATING_RATE_LIMIT_WINDOW_SECONDS: '60', RATING_CLIENT_SALT: 'county' }).publicSubmissions;
    expect(set).toEqual({ concernRateLimit: { maxRequests: 3, windowSeconds: 600 }, ratingRateLimit: { maxRequests: 20, windowSeconds: 60 }, ratingClientSalt: 'county' });
  });
});

describe('loadConfig: attachments', () => {
  it('keeps attachments under the data dir, 20 MB and 10 files per item by default', () => {
    expect(loadConfig({ ZWGK_DATA_DIR: '/srv/zwgk' }).attachments).toEqual({ dir: path.resolve('/srv/zwgk/attachments'), maxFileBytes: 20 * 1024 * 1024, maxFilesPerItem: 10 });
    expect(loadConfig({ ATTACHMENT_DIR: '/mnt/files', ATTACHMENT_MAX_FILE_BYTES: '1048576', ATTACHMENT_MAX_FILES: '3' }).attachments).toEqual({ dir: path.resolve('/mnt/files'), maxFileBytes: 1048576, maxFilesPerItem: 3 });
  });

  it('refuses limits it cannot use, naming the variable', () => {
    expect(() => loadConfig({ ATTACHMENT_MAX_FILE_BYTES: '20MB' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ ATTACHMENT_MAX_FILES: '0' })).toThrow(/ATTACHMENT_MAX_FILES/);
  });
});

describe('loadConfig: public portal', () => {
  it('ranks portal searches of up to 1000 matches by default, and refuses a limit it cannot use', () => {
    expect(loadConfig({}).publicPortal).toEqual({ searchRankLimit: 1000 });
    expect(loadConfig({ PUBLIC_SEARCH_RANK_LIMIT: '200' }).publicPortal.searchRankLimit).toBe(200);
    expect(() => loadConfig({ PUBLIC_SEARCH_RANK_LIMIT: '0' })).toThrow(/PUBLIC_SEARCH_RANK_LIMIT/);
    expect(() => loadConfig({ PUBLIC_SEARCH_RANK_LIMIT: 'many' })).toThrow(ConfigurationError);
  });
});

describe('loadConfig: observability', () => {
  it('logs pretty by default and JSON in production, with no metrics token and no worker metrics', () => {
    expect(loadConfig({}).observability).toEqual({ logFormat: 'pretty', logLevel: 'info', accessLog: true, metricsToken: undefined, workerMetricsAddress: undefined });
    expect(loadConfig({ NODE_ENV: 'production' }).observability.logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json', ACCESS_LOG: 'off', METRICS_TOKEN: 'a-long-enough-token', WORKER_METRICS_ADDRESS: '0.0.0.0:9465' }).observability)
      .toEqual({ logFormat: 'json', logLevel: 'info', accessLog: false, metricsToken: 'a-long-enough-token', workerMetricsAddress: '0.0.0.0:9465' });
  });

  it('refuses a setting it cannot honour, naming it', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ WORKER_METRICS_ADDRESS: '9465' })).toThrow(/WORKER_METRICS_ADDRESS/);
  });
});

describe('loadConfig: Temporal TLS and API key', () => {
  let dir: string;
  let pem: { ca: string; cert: string; key: string };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zwgk-tls-config-'));
    pem = { ca: path.join(dir, 'ca.pem'), cert: path.join(dir, 'client.pem'), key: path.join(dir, 'client.key') };
    writeFileSync(pem.ca, 'CA PEM');
    writeFileSync(pem.cert, 'CERT PEM');
    writeFileSync(pem.key, 'KEY PEM');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return error as ConfigurationError;
    }
    throw new Error('expected a ConfigurationError');
  };

  it('connects in plaintext when nothing is set, and says so to every connection', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233' });
    expect(config.temporal.tls).toBeUndefined();
    expect(config.temporal.apiKey).toBeUndefined();
    expect(temporalConnectionSettings(config)).toEqual({ address: 'temporal:7233' });
    expect(temporalConnectionSettings(loadConfig({}))).toEqual({ address: '127.0.0.1:7233' });
  });

  it('turns TLS on with mutual TLS files and a server name, and hands the PEM bytes to the connection', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: '10.0.0.5:7233', TEMPORAL_TLS_SERVER_NAME: 'temporal.county.internal', TEMPORAL_TLS_CA_FILE: pem.ca, TEMPORAL_TLS_CERT_FILE: pem.cert, TEMPORAL_TLS_KEY_FILE: pem.key });
    expect(config.temporal.tls).toEqual({ serverName: 'temporal.county.internal', caFile: pem.ca, certFile: pem.cert, keyFile: pem.key });
    const settings = temporalConnectionSettings(config);
    expect(settings.address).toBe('10.0.0.5:7233');
    expect(settings.tls?.serverNameOverride).toBe('temporal.county.internal');
    expect(settings.tls?.serverRootCACertificate?.toString()).toBe('CA PEM');
    expect(settings.tls?.clientCertPair?.crt.toString()).toBe('CERT PEM');
    expect(settings.tls?.clientCertPair?.key.toString()).toBe('KEY PEM');
    expect(settings.apiKey).toBeUndefined();
  });

  it('turns TLS on (system CAs) for an API key alone, and with TEMPORAL_TLS=on alone', () => {
    const cloud = temporalConnectionSettings(loadConfig({ TEMPORAL_ADDRESS: 'county.a1b2c.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key-123' }));
    expect(cloud).toEqual({ address: 'county.a1b2c.tmprl.cloud:7233', tls: {}, apiKey: 'key-123' });
    expect(temporalConnectionSettings(loadConfig({ TEMPORAL_TLS: 'on' })).tls).toEqual({});
  });

  it('refuses a client certificate without its key, and a key without its certificate, in Chinese and English', () => {
    const certOnly = refusal({ TEMPORAL_TLS_CERT_FILE: pem.cert });
    expect(certOnly).toBeInstanceOf(ConfigurationError);
    expect(certOnly.variable).toBe('TEMPORAL_TLS_KEY_FILE');
    expect(certOnly.message).toMatch(/缺少其私钥/);
    expect(certOnly.message).toMatch(/needs its private key: set TEMPORAL_TLS_KEY_FILE/);
    const keyOnly = refusal({ TEMPORAL_TLS_KEY_FILE: pem.key });
    expect(keyOnly.variable).toBe('TEMPORAL_TLS_CERT_FILE');
    expect(keyOnly.message).toMatch(/缺少客户端证书.*set TEMPORAL_TLS_CERT_FILE too/);
  });

  it('refuses a missing PEM file, an API key or TLS files with TLS off, and an unknown switch value', () => {
    const missing = refusal({ TEMPORAL_TLS_CA_FILE: path.join(dir, 'nope.pem') });
    expect(missing.variable).toBe('TEMPORAL_TLS_CA_FILE');
    expect(missing.message).toMatch(/文件不存在 \/ no such file: .*nope\.pem/);
    expect(refusal({ TEMPORAL_TLS: 'off', TEMPORAL_API_KEY: 'key-123' }).message).toMatch(/^TEMPORAL_TLS: .*plaintext/);
    expect(refusal({ TEMPORAL_TLS: 'off', TEMPORAL_TLS_CA_FILE: pem.ca }).variable).toBe('TEMPORAL_TLS');
    expect(refusal({ TEMPORAL_TLS: 'yes' }).message).toBe('TEMPORAL_TLS: expected "on" or "off", got "yes"');
  });
});
