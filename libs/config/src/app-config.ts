import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** How bearer tokens are issued and checked. */
export type AuthMode = 'dev' | 'oidc';

/** The token of an OIDC code exchange that the web UI sends to the API. */
export type OidcBearerToken = 'id_token' | 'access_token';

export interface AppConfig {
  /** HTTP port of the API (and, later, the web UI). */
  readonly port: number;
  /**
   * Express's `trust proxy`: which reverse proxies' X-Forwarded-For to believe, so that public rate limits and
   * rating clients see the citizen's address rather than the proxy's. Off unless TRUST_PROXY is set.
   */
  readonly trustProxy: boolean | number | string;
  /** Where embedded Postgres, the Temporal SQLite file and attachments live. */
  readonly dataDir: string;
  /** Where downloaded tool binaries (Temporal CLI, test server) are cached. */
  readonly toolsDir: string;
  /** External Postgres; when absent the embedded server is used. */
  readonly databaseUrl?: string;
  readonly embeddedPostgresPort: number;
  readonly temporal: {
    /** External cluster; when absent `npm start` runs the Temporal CLI dev server. */
    readonly address?: string;
    readonly namespace: string;
    readonly taskQueue: string;
    readonly devServerPort: number;
    readonly devUiPort: number;
    /** API: how long an HTTP request waits for a workflow to answer an Update before it answers 503. */
    readonly updateTimeoutSeconds: number;
    /**
     * Worker: how many workflow executions it keeps in memory between their tasks. An evicted one replays its
     * history on its next task (a few dozen events for an item in progress); the bound keeps the worker's memory
     * flat however many items are open (see bench/README.md, "Scale").
     */
    readonly maxCachedWorkflows: number;
    /**
     * API: whether an item's workflow is started with the operators' search attributes (DisclosureState,
     * DepartmentId, …), which the workflow then keeps current once per state change. They serve searches in the
     * Temporal UI only (the app's own screens read the database); each upsert is a visibility write that the
     * lifecycle benchmark measured at about a tenth of the CPU per item. Items started without them have none.
     */
    readonly operatorSearchAttributes: boolean;
    /** TLS to the cluster's frontend; absent means plaintext (the dev server, a cluster on a private network). */
    readonly tls?: TemporalTls;
    /** Sent as `Authorization: Bearer …` on every call (Temporal Cloud, a cluster with an authorizer); implies TLS. */
    readonly apiKey?: string;
  };
  readonly auth: {
    readonly mode: AuthMode;
    /** HMAC secret for dev tokens. Only used in dev mode. */
    readonly devSecret: string;
    readonly oidcIssuer?: string;
    readonly oidcAudience?: string;
    readonly oidcJwksUrl?: string;
    /** The web UI's client id at the issuer (a public client: Authorization Code with PKCE, no secret). */
    readonly oidcClientId?: string;
    /** Scopes the web UI asks for; always includes `openid`. */
    readonly oidcScopes: string;
    /** Where the issuer sends the browser back; when absent the UI uses its own origin + `/`. */
    readonly oidcRedirectUri?: string;
    /** Which token of the code exchange the web UI sends as its bearer token. */
    readonly oidcBearerToken: OidcBearerToken;
    /** Token claim names; a dotted name (`realm_access.roles`) reaches into a nested claim. */
    readonly oidcClaims: { readonly username: string; readonly department: string; readonly roles: string; readonly name: string };
    /** IdP group or role names mapped to this system's roles (`gov-reviewer` → `reviewer`); when set, only these names grant roles. */
    readonly oidcRoleMap: Readonly<Record<string, readonly string[]>>;
  };
  /** Email and SMS gateways for notifications; the in-app list is always on. */
  readonly notifications: {
    readonly emailGatewayUrl?: string;
    readonly smsGatewayUrl?: string;
    /** Sent as a bearer token to the gateways. */
    readonly gatewayToken?: string;
  };
  /** Limits on what the public may submit without signing in (concerns, satisfaction ratings). */
  readonly publicSubmissions: {
    /** CONCERN_RATE_LIMIT_MAX questions per CONCERN_RATE_LIMIT_WINDOW_SECONDS per client address. */
    readonly concernRateLimit: { readonly maxRequests: number; readonly windowSeconds: number };
    /** RATING_RATE_LIMIT_MAX ratings per RATING_RATE_LIMIT_WINDOW_SECONDS per client address, across items and responses. */
    readonly ratingRateLimit: { readonly maxRequests: number; readonly windowSeconds: number };
    /** The secret that salts the hashed client of a rating, so a leaked table cannot be matched against addresses. */
    readonly ratingClientSalt: string;
  };
  /** Policies a county sets for itself. */
  readonly policies: {
    /** How many working days after its policy an interpretation (解读) may be released; 0 = together. */
    readonly interpretationLagWorkingDays: number;
    /** How many working days before an item's statutory release deadline its drafter and department head are reminded. */
    readonly releaseReminderWorkingDays: number;
  };
  /** Release channels beyond the government website (政务新媒体, 政府公报, 公示栏). */
  readonly channels: {
    /** The new-media platform's webhook; when absent, new-media channels are recorded as needing manual publication. */
    readonly newMediaWebhookUrl?: string;
    /** Where gazette exports and printable notices are written. */
    readonly exportsDir: string;
    /** The public portal's origin (https://…), so that notices and pushes carry a full link; otherwise a path. */
    readonly publicBaseUrl?: string;
  };
  /** The public portal (政务公开专栏). */
  readonly publicPortal: {
    /** A search with more matches than this is listed newest first instead of ranked by relevance (PUBLIC_SEARCH_RANK_LIMIT). */
    readonly searchRankLimit: number;
  };
  /** Attachments of disclosure items (PDFs and images): where their bytes live and how big they may be. */
  /** Logs, metrics and tracing (docs/operations.md, "Observability"). */
  readonly observability: {
    /** `json` (one object a line, for a log collector) or `pretty` (one short line, for a terminal and tests). */
    readonly logFormat: 'json' | 'pretty';
    readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
    /** Whether every HTTP request gets an access-log line. */
    readonly accessLog: boolean;
    /**
     * Bearer token that /api/metrics asks for. Without it, /api/metrics is open in dev mode (embedded database)
     * and answers 404 in OIDC mode, so that production never exposes it by accident.
     */
    readonly metricsToken?: string;
    /** Worker: where the Temporal SDK's own Prometheus metrics are served (`host:port`); off when absent. */
    readonly workerMetricsAddress?: string;
    /** OpenTelemetry tracing (TRACING=on): where spans are sent, as OTLP over HTTP; off when absent. */
    readonly tracing?: { readonly endpoint: string };
  };
  readonly attachments: {
    /** The local directory of the content-addressed store (embedded mode). */
    readonly dir: string;
    /** The largest file accepted, in bytes. */
    readonly maxFileBytes: number;
    /** How many attachments one item may carry at once. */
    readonly maxFilesPerItem: number;
  };
}

/** How every Temporal connection (API client, worker, scripts) verifies the cluster and, for mTLS, proves itself. */
export interface TemporalTls {
  /** The name the server's certificate must carry, when it is not the host of TEMPORAL_ADDRESS. */
  readonly serverName?: string;
  /** PEM file of the CA that signed the server's certificate; without it, the system's trusted CAs. */
  readonly caFile?: string;
  /** PEM files of this client's certificate and its private key (mutual TLS); both or neither. */
  readonly certFile?: string;
  readonly keyFile?: string;
}

/** Thrown when an environment variable has a value the app cannot use; names the variable. */
export class ConfigurationError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigurationError';
  }
}

type Env = Record<string, string | undefined>;

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigurationError(name, `expected a TCP port between 1 and 65535, got "${raw}"`);
  }
  return port;
}

function readWholeNumber(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ConfigurationError(name, `expected a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

function readPositive(env: Env, name: string, fallback: number, max: number): number {
  const value = readWholeNumber(env, name, fallback, max);
  if (value === 0) throw new ConfigurationError(name, `expected a whole number from 1 to ${max}, got "0"`);
  return value;
}

function readOnOff(env: Env, name: string, fallback: 'on' | 'off'): boolean {
  const value = nonEmpty(env, name) ?? fallback;
  if (value !== 'on' && value !== 'off') throw new ConfigurationError(name, `expected "on" or "off", got "${value}"`);
  return value === 'on';
}

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(name, `expected an http:// or https:// URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(name, `expected an http:// or https:// URL, got "${raw}"`);
  }
  return raw;
}

/**
 * OIDC_ROLE_MAP: `idp-name=role` pairs separated by commas (`gov-reviewer=reviewer,gov-leader=leader`); a name
 * given twice maps to both roles. Whether each role exists is checked by the API, which knows the roles.
 */
/** `true`, a number of hops, or addresses/subnets (`loopback, 10.0.0.0/8`), as Express reads them; unset means off. */
function readTrustProxy(env: Env, name: string): boolean | number | string {
  const raw = nonEmpty(env, name);
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((part) => part.trim());
  const known = (part: string) => /^(loopback|linklocal|uniquelocal)$/.test(part) || /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(part);
  if (!parts.every(known)) throw new ConfigurationError(name, `expected true, a number of proxies, or addresses and subnets separated by commas, got "${raw}"`);
  return parts.join(', ');
}

/** The embedded default is fine on a laptop; a production deployment (OIDC) must bring its own secret. */
function ratingClientSalt(env: Env, mode: AuthMode): string {
  const salt = nonEmpty(env, 'RATING_CLIENT_SALT');
  if (salt) return salt;
  if (mode === 'oidc') throw new ConfigurationError('RATING_CLIENT_SALT', 'required when AUTH_MODE=oidc: a random secret that salts the hashed clients of public ratings');
  return 'zwgk-embedded-rating-salt-not-for-production';
}

function readRoleMap(env: Env, name: string): Record<string, string[]> {
  const raw = nonEmpty(env, name);
  const map: Record<string, string[]> = {};
  if (raw === undefined) return map;
  for (const pair of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*([a-z-]+)$/.exec(pair);
    if (!match) throw new ConfigurationError(name, `expected idp-name=role pairs separated by commas, got "${pair}"`);
    map[match[1]!] = [...new Set([...(map[match[1]!] ?? []), match[2]!])];
  }
  return map;
}

function readBearerToken(env: Env): OidcBearerToken {
  const raw = nonEmpty(env, 'OIDC_BEARER_TOKEN') ?? 'id_token';
  if (raw !== 'id_token' && raw !== 'access_token') throw new ConfigurationError('OIDC_BEARER_TOKEN', `expected "id_token" or "access_token", got "${raw}"`);
  return raw;
}

/**
 * Dev login hands out any seeded account without a password: it exists for the embedded database on this
 * machine (DATABASE_URL unset, or the loopback address `npm start` and the tests give the embedded server).
 * A deployment whose database is elsewhere and that forgot AUTH_MODE must not start with it.
 */
function refuseDevAuthOffEmbedded(mode: AuthMode, databaseUrl: string | undefined, defaulted: boolean): void {
  if (mode !== 'dev' || databaseUrl === undefined) return;
  let host: string;
  try {
    host = new URL(databaseUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    throw new ConfigurationError('DATABASE_URL', 'expected a postgres:// or postgresql:// URL');
  }
  if (host === 'localhost' || host === '::1' || /^127\./.test(host)) return;
  throw new ConfigurationError(
    'AUTH_MODE',
    `${defaulted ? 'unset, which means dev' : '"dev"'} (password-less dev login) is only allowed on the embedded database, but DATABASE_URL points at ${host}: set AUTH_MODE=oidc with OIDC_ISSUER`,
  );
}

/** The project root: two levels above this file (libs/config/src). */
export const projectRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Reads the configuration from the environment. Every setting has an embedded default, so a fresh
 * clone runs with no environment at all; production sets DATABASE_URL, TEMPORAL_ADDRESS and AUTH_MODE=oidc.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const dataDir = path.resolve(nonEmpty(env, 'ZWGK_DATA_DIR') ?? path.join(projectRoot, '.data'));
  const toolsDir = path.resolve(nonEmpty(env, 'ZWGK_TOOLS_DIR') ?? path.join(projectRoot, '.tools'));
  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigurationError('DATABASE_URL', 'expected a postgres:// or postgresql:// URL');
  }
  const authModeRaw = nonEmpty(env, 'AUTH_MODE') ?? 'dev';
  if (authModeRaw !== 'dev' && authModeRaw !== 'oidc') {
    throw new ConfigurationError('AUTH_MODE', `expected "dev" or "oidc", got "${authModeRaw}"`);
  }
  const auth = {
    mode: authModeRaw,
    devSecret: nonEmpty(env, 'AUTH_DEV_SECRET') ?? 'zwgk-embedded-dev-secret-not-for-production',
    oidcIssuer: nonEmpty(env, 'OIDC_ISSUER'),
    oidcAudience: nonEmpty(env, 'OIDC_AUDIENCE'),
    oidcJwksUrl: nonEmpty(env, 'OIDC_JWKS_URL'),
    oidcClientId: nonEmpty(env, 'OIDC_CLIENT_ID'),
    oidcScopes: [...new Set(['openid', ...(nonEmpty(env, 'OIDC_SCOPES') ?? 'openid profile').split(/\s+/)])].join(' '),
    oidcRedirectUri: httpUrl(env, 'OIDC_REDIRECT_URI'),
    oidcBearerToken: readBearerToken(env),
    oidcClaims: {
      username: nonEmpty(env, 'OIDC_USERNAME_CLAIM') ?? 'preferred_username',
      department: nonEmpty(env, 'OIDC_DEPARTMENT_CLAIM') ?? 'department',
      roles: nonEmpty(env, 'OIDC_ROLES_CLAIM') ?? 'roles',
      name: nonEmpty(env, 'OIDC_NAME_CLAIM') ?? 'name',
    },
    oidcRoleMap: readRoleMap(env, 'OIDC_ROLE_MAP'),
  } as const;
  refuseDevAuthOffEmbedded(auth.mode, databaseUrl, nonEmpty(env, 'AUTH_MODE') === undefined);
  if (auth.mode === 'oidc' && !auth.oidcIssuer) {
    throw new ConfigurationError('OIDC_ISSUER', 'required when AUTH_MODE=oidc');
  }
  // Without an audience, a token the county's IdP issued to any other application would be accepted here.
  if (auth.mode === 'oidc' && !auth.oidcAudience && (auth.oidcBearerToken === 'access_token' || !auth.oidcClientId)) {
    throw new ConfigurationError('OIDC_AUDIENCE', `required when AUTH_MODE=oidc${auth.oidcBearerToken === 'access_token' ? ' and OIDC_BEARER_TOKEN=access_token' : ' unless OIDC_CLIENT_ID is set (ID tokens are checked against it)'}`);
  }
  return {
    port: readPort(env, 'PORT', 3000),
    trustProxy: readTrustProxy(env, 'TRUST_PROXY'),
    dataDir,
    toolsDir,
    databaseUrl,
    embeddedPostgresPort: readPort(env, 'EMBEDDED_POSTGRES_PORT', 5433),
    temporal: {
      address: nonEmpty(env, 'TEMPORAL_ADDRESS'),
      namespace: nonEmpty(env, 'TEMPORAL_NAMESPACE') ?? 'default',
      taskQueue: nonEmpty(env, 'TEMPORAL_TASK_QUEUE') ?? 'disclosure',
      devServerPort: readPort(env, 'TEMPORAL_DEV_PORT', 7233),
      devUiPort: readPort(env, 'TEMPORAL_UI_PORT', 8233),
      updateTimeoutSeconds: readPositive(env, 'TEMPORAL_UPDATE_TIMEOUT_SECONDS', 20, 600),
      maxCachedWorkflows: readPositive(env, 'TEMPORAL_WORKER_CACHED_WORKFLOWS', 500, 100_000),
      operatorSearchAttributes: readOnOff(env, 'TEMPORAL_SEARCH_ATTRIBUTES', 'on'),
      ...readTemporalSecurity(env),
    },
    auth,
    notifications: {
      emailGatewayUrl: httpUrl(env, 'NOTIFY_EMAIL_GATEWAY_URL'),
      smsGatewayUrl: httpUrl(env, 'NOTIFY_SMS_GATEWAY_URL'),
      gatewayToken: nonEmpty(env, 'NOTIFY_GATEWAY_TOKEN'),
    },
    publicSubmissions: {
      concernRateLimit: {
        maxRequests: readPositive(env, 'CONCERN_RATE_LIMIT_MAX', 5, 10_000),
        windowSeconds: readPositive(env, 'CONCERN_RATE_LIMIT_WINDOW_SECONDS', 600, 86_400),
      },
      ratingRateLimit: {
        maxRequests: readPositive(env, 'RATING_RATE_LIMIT_MAX', 20, 10_000),
        windowSeconds: readPositive(env, 'RATING_RATE_LIMIT_WINDOW_SECONDS', 600, 86_400),
      },
      ratingClientSalt: ratingClientSalt(env, auth.mode),
    },
    policies: {
      interpretationLagWorkingDays: readWholeNumber(env, 'INTERPRETATION_LAG_WORKING_DAYS', 0, 10),
      releaseReminderWorkingDays: readPositive(env, 'RELEASE_REMINDER_WORKING_DAYS', 1, 20),
    },
    channels: {
      newMediaWebhookUrl: httpUrl(env, 'CHANNEL_NEW_MEDIA_WEBHOOK_URL'),
      exportsDir: path.resolve(nonEmpty(env, 'CHANNEL_EXPORTS_DIR') ?? path.join(dataDir, 'exports')),
      publicBaseUrl: httpUrl(env, 'CHANNEL_PUBLIC_BASE_URL')?.replace(/\/+$/, ''),
    },
    publicPortal: {
      searchRankLimit: readPositive(env, 'PUBLIC_SEARCH_RANK_LIMIT', 1000, 100_000),
    },
    observability: readObservability(env),
    attachments: {
      dir: path.resolve(nonEmpty(env, 'ATTACHMENT_DIR') ?? path.join(dataDir, 'attachments')),
      maxFileBytes: readPositive(env, 'ATTACHMENT_MAX_FILE_BYTES', 20 * 1024 * 1024, 200 * 1024 * 1024),
      maxFilesPerItem: readPositive(env, 'ATTACHMENT_MAX_FILES', 10, 100),
    },
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

function readObservability(env: Env): AppConfig['observability'] {
  const logFormat = nonEmpty(env, 'LOG_FORMAT') ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (logFormat !== 'json' && logFormat !== 'pretty') throw new ConfigurationError('LOG_FORMAT', `expected "json" or "pretty", got "${logFormat}"`);
  const logLevel = nonEmpty(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigurationError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const accessLog = nonEmpty(env, 'ACCESS_LOG') ?? 'on';
  if (accessLog !== 'on' && accessLog !== 'off') throw new ConfigurationError('ACCESS_LOG', `expected "on" or "off", got "${accessLog}"`);
  const metricsToken = nonEmpty(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) throw new ConfigurationError('METRICS_TOKEN', 'expected at least 16 characters');
  const workerMetricsAddress = nonEmpty(env, 'WORKER_METRICS_ADDRESS');
  if (workerMetricsAddress !== undefined && !/^[\w.:[\]-]+:\d{1,5}$/.test(workerMetricsAddress)) {
    throw new ConfigurationError('WORKER_METRICS_ADDRESS', `expected host:port such as 0.0.0.0:9464, got "${workerMetricsAddress}"`);
  }
  const tracing = nonEmpty(env, 'TRACING') ?? 'off';
  if (tracing !== 'on' && tracing !== 'off') throw new ConfigurationError('TRACING', `expected "on" or "off", got "${tracing}"`);
  // The OpenTelemetry variable names, so that a collector's usual settings apply; the traces endpoint wins.
  const tracesEndpoint =
    httpUrl(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ??
    (httpUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT')?.replace(/\/+$/, '') ?? 'http://localhost:4318') + '/v1/traces';
  return {
    ...(tracing === 'on' ? { tracing: { endpoint: tracesEndpoint } } : {}),
    logFormat,
    logLevel: logLevel as AppConfig['observability']['logLevel'],
    accessLog: accessLog === 'on',
    metricsToken,
    workerMetricsAddress,
  };
}

/** A PEM file named by a setting: it must exist when the process starts, not at the first connection attempt. */
function readableFile(env: Env, name: string): string | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  const file = path.resolve(raw);
  if (!existsSync(file)) throw new ConfigurationError(name, `文件不存在 / no such file: ${file}`);
  return file;
}

/**
 * TEMPORAL_TLS (`on`/`off`; on by default as soon as any TLS setting or the API key is given), the PEM files and
 * the API key. Half a client certificate, or an API key over plaintext, is refused at start-up rather than left
 * to fail as an opaque handshake or permission error on the first workflow call.
 */
function readTemporalSecurity(env: Env): { tls?: TemporalTls; apiKey?: string } {
  const tls: TemporalTls = {
    serverName: nonEmpty(env, 'TEMPORAL_TLS_SERVER_NAME'),
    caFile: readableFile(env, 'TEMPORAL_TLS_CA_FILE'),
    certFile: readableFile(env, 'TEMPORAL_TLS_CERT_FILE'),
    keyFile: readableFile(env, 'TEMPORAL_TLS_KEY_FILE'),
  };
  const apiKey = nonEmpty(env, 'TEMPORAL_API_KEY');
  if (tls.certFile && !tls.keyFile) {
    throw new ConfigurationError('TEMPORAL_TLS_KEY_FILE', '设置了客户端证书 TEMPORAL_TLS_CERT_FILE 但缺少其私钥 / a client certificate (TEMPORAL_TLS_CERT_FILE) needs its private key: set TEMPORAL_TLS_KEY_FILE too');
  }
  if (tls.keyFile && !tls.certFile) {
    throw new ConfigurationError('TEMPORAL_TLS_CERT_FILE', '设置了私钥 TEMPORAL_TLS_KEY_FILE 但缺少客户端证书 / a private key (TEMPORAL_TLS_KEY_FILE) needs its client certificate: set TEMPORAL_TLS_CERT_FILE too');
  }
  const anyTlsSetting = Object.values(tls).some((value) => value !== undefined);
  const switchRaw = nonEmpty(env, 'TEMPORAL_TLS');
  if (switchRaw !== undefined && switchRaw !== 'on' && switchRaw !== 'off') throw new ConfigurationError('TEMPORAL_TLS', `expected "on" or "off", got "${switchRaw}"`);
  if (switchRaw === 'off' && (anyTlsSetting || apiKey)) {
    throw new ConfigurationError('TEMPORAL_TLS', `已关闭 TLS，却设置了 ${anyTlsSetting ? 'TLS 文件或服务器名' : 'API 密钥'} / is "off" but ${anyTlsSetting ? 'TLS files or a server name are set' : 'TEMPORAL_API_KEY is set, which must not travel in plaintext'}`);
  }
  const on = switchRaw === 'on' || (switchRaw === undefined && (anyTlsSetting || apiKey !== undefined));
  if (!on) return {};
  return { tls: Object.fromEntries(Object.entries(tls).filter(([, value]) => value !== undefined)) as TemporalTls, ...(apiKey ? { apiKey } : {}) };
}

/** What `Connection.connect` (client) and `NativeConnection.connect` (worker) take from the configuration. */
export interface TemporalConnectionSettings {
  readonly address: string;
  readonly tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  readonly apiKey?: string;
}

/**
 * The connection options of every Temporal connection this system opens, so that the API, the worker and the
 * scripts cannot disagree about TLS. The PEM files are read here, at each connection, so that a renewed
 * certificate is picked up by a restart without changing a setting.
 */
export function temporalConnectionSettings(config: Pick<AppConfig, 'temporal'>): TemporalConnectionSettings {
  const { temporal } = config;
  const address = temporal.address ?? `127.0.0.1:${temporal.devServerPort}`;
  const tls = temporal.tls;
  return {
    address,
    ...(tls
      ? {
          tls: {
            ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
            ...(tls.caFile ? { serverRootCACertificate: readFileSync(tls.caFile) } : {}),
            ...(tls.certFile && tls.keyFile ? { clientCertPair: { crt: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {}),
          },
        }
      : {}),
    ...(temporal.apiKey ? { apiKey: temporal.apiKey } : {}),
  };
}
