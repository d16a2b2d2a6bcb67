import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The claims the IdP puts in a user's tokens (besides iss, aud, iat, exp, nonce). */
export type IdpClaims = Record<string, unknown> & { sub: string };

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  username: string;
}

/**
 * A local HTTP server standing in for the county's identity provider (统一身份认证平台): discovery, JWKS, an
 * authorize endpoint (a tiny "login as" page, or straight back with a code for `login_hint=<user>`), and a
 * token endpoint for public clients that insists on PKCE S256. RS256 tokens; the users' claims can change
 * between sign-ins, as a real directory's do.
 */
export class LocalOidcIssuer {
  readonly users = new Map<string, IdpClaims>();
  private server?: Server;
  private readonly keyId = randomUUID();
  private readonly privateKey: KeyObject;
  private readonly jwk: Record<string, unknown>;
  private readonly codes = new Map<string, PendingCode>();
  url = '';
  /** How long the tokens it issues are good for. */
  tokenLifetimeSeconds = 600;
  /** Whether the token endpoint hands out refresh tokens (what a web client's silent renew uses). */
  refreshTokens = false;
  /** Refresh-token exchanges it answered, oldest first. */
  readonly refreshes: { username: string; at: number }[] = [];
  /** Requests to its end_session_endpoint, oldest first. */
  readonly logouts: { idTokenHint: string | null; postLogoutRedirectUri: string | null }[] = [];
  private readonly refreshTokensIssued = new Map<string, string>();

  constructor(
    readonly clientId: string,
    private readonly accessTokenAudience = 'zwgk-api',
  ) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: this.keyId, alg: 'RS256', use: 'sig' };
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** A signed RS256 JWT from this issuer; `overrides` may change any claim, including iss, aud and exp. */
  token(claims: Record<string, unknown>, overrides: Record<string, unknown> = {}): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const input = `${encode({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })}.${encode({ iss: this.url, aud: this.clientId, iat: now, exp: now + this.tokenLifetimeSeconds, ...claims, ...overrides })}`;
    return `${input}.${sign('RSA-SHA256', Buffer.from(input), this.privateKey).toString('base64url')}`;
  }

  /** The whole Authorization Code + PKCE flow from Node, as the web UI runs it: returns the token endpoint's answer. */
  async signIn(username: string, redirectUri: string): Promise<{ id_token: string; access_token: string; nonce: string }> {
    const verifier = randomBytes(48).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const authorize = new URL(`${this.url}/authorize`);
    for (const [key, value] of Object.entries({
      response_type: 'code', client_id: this.clientId, redirect_uri: redirectUri, scope: 'openid profile', state, nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256', login_hint: username,
    })) authorize.searchParams.set(key, value);
    const redirect = await fetch(authorize, { redirect: 'manual' });
    if (redirect.status !== 302) throw new Error(`authorize answered ${redirect.status}: ${await redirect.text()}`);
    const back = new URL(redirect.headers.get('location')!);
    if (back.searchParams.get('state') !== state) throw new Error('state was not returned');
    const answer = await fetch(`${this.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: redirectUri, client_id: this.clientId, code_verifier: verifier }),
    });
    if (answer.status !== 200) throw new Error(`token endpoint answered ${answer.status}: ${await answer.text()}`);
    return { ...((await answer.json()) as { id_token: string; access_token: string }), nonce };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    // The web UI reads discovery and calls the token endpoint from another origin.
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-headers', 'content-type, accept');
    if (request.method === 'OPTIONS') return void response.end();
    const json = (status: number, body: unknown) => {
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(body));
    };
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return json(200, {
          issuer: this.url,
          authorization_endpoint: `${this.url}/authorize`,
          token_endpoint: `${this.url}/token`,
          end_session_endpoint: `${this.url}/logout`,
          jwks_uri: `${this.url}/.well-known/jwks.json`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['none'],
        });
      case '/.well-known/jwks.json':
        return json(200, { keys: [this.jwk] });
      case '/authorize':
        return this.authorize(request.method === 'POST' ? new URLSearchParams(await readBody(request)) : url.searchParams, response);
      case '/token':
        if (request.method !== 'POST') return json(405, { error: 'invalid_request' });
        return this.exchange(new URLSearchParams(await readBody(request)), json);
      case '/logout': {
        // RP-initiated logout: ends the (pretend) session and sends the browser back where the client asked.
        const back = url.searchParams.get('post_logout_redirect_uri');
        this.logouts.push({ idTokenHint: url.searchParams.get('id_token_hint'), postLogoutRedirectUri: back });
        if (!back) return void response.end('signed out');
        response.statusCode = 302;
        response.setHeader('location', back);
        return void response.end();
      }
      default:
        response.statusCode = 404;
        response.end();
    }
  }

  private authorize(params: URLSearchParams, response: ServerResponse): void {
    const fail = (status: number, text: string) => {
      response.statusCode = status;
      response.end(text);
    };
    const redirectUri = params.get('redirect_uri') ?? '';
    if (params.get('client_id') !== this.clientId || !redirectUri) return fail(400, 'unknown client or no redirect_uri');
    if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
      return fail(400, 'this issuer requires response_type=code with PKCE S256');
    }
    const username = params.get('login_hint');
    if (!username || !this.users.has(username)) return this.loginPage(params, response);
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { clientId: this.clientId, redirectUri, codeChallenge: params.get('code_challenge')!, nonce: params.get('nonce') ?? undefined, username });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', params.get('state') ?? '');
    response.statusCode = 302;
    response.setHeader('location', back.toString());
    response.end();
  }

  /** The "login as" page: one button per user, posting the authorize parameters back with a login_hint. */
  private loginPage(params: URLSearchParams, response: ServerResponse): void {
    const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const hidden = [...params].filter(([key]) => key !== 'login_hint').map(([key, value]) => `<input type="hidden" name="${escape(key)}" value="${escape(value)}">`).join('');
    const buttons = [...this.users.entries()]
      .map(([username, claims]) => `<button name="login_hint" value="${escape(username)}">${escape(String(claims.name ?? claims.display_name ?? username))}（${escape(username)}）</button>`)
      .join('');
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>县统一身份认证平台</title>
<body style="font-family: sans-serif; max-width: 420px; margin: 60px auto"><h1>县统一身份认证平台</h1><p>请选择登录账号（测试身份提供方）</p>
<form method="post" action="/authorize" style="display: grid; gap: 8px">${hidden}${buttons}</form></body></html>`);
  }

  private exchange(params: URLSearchParams, json: (status: number, body: unknown) => void): void {
    if (params.get('grant_type') === 'refresh_token') return this.refresh(params, json);
    const code = this.codes.get(params.get('code') ?? '');
    this.codes.delete(params.get('code') ?? ''); // a code is good once
    if (!code) return json(400, { error: 'invalid_grant', error_description: 'unknown or used code' });
    if (params.get('grant_type') !== 'authorization_code' || params.get('client_id') !== code.clientId || params.get('redirect_uri') !== code.redirectUri) {
      return json(400, { error: 'invalid_grant', error_description: 'client or redirect_uri does not match' });
    }
    if (createHash('sha256').update(params.get('code_verifier') ?? '').digest('base64url') !== code.codeChallenge) {
      return json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
    }
    const claims = this.users.get(code.username)!;
    json(200, this.tokensFor(code.username, claims, code.nonce));
  }

  private tokensFor(username: string, claims: IdpClaims, nonce?: string): Record<string, unknown> {
    let refreshToken: string | undefined;
    if (this.refreshTokens) {
      refreshToken = randomBytes(24).toString('base64url');
      this.refreshTokensIssued.set(refreshToken, username);
    }
    return {
      token_type: 'Bearer',
      expires_in: this.tokenLifetimeSeconds,
      id_token: this.token({ ...claims, ...(nonce ? { nonce } : {}) }),
      access_token: this.token({ ...claims, scope: 'openid profile' }, { aud: this.accessTokenAudience }),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    };
  }

  /** A refresh token is good once (rotation); the answer carries a new one. */
  private refresh(params: URLSearchParams, json: (status: number, body: unknown) => void): void {
    const presented = params.get('refresh_token') ?? '';
    const username = this.refreshTokensIssued.get(presented);
    this.refreshTokensIssued.delete(presented);
    if (!username || params.get('client_id') !== this.clientId) return json(400, { error: 'invalid_grant', error_description: 'unknown or used refresh token' });
    this.refreshes.push({ username, at: Date.now() });
    json(200, this.tokensFor(username, this.users.get(username)!));
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
