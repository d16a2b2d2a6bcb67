/**
 * OIDC sign-in for production mode: the Authorization Code flow with PKCE (S256) as a public client, against
 * the issuer's discovery document. The browser checks state (against a forged redirect) and the ID token's
 * nonce, issuer and audience (against a replayed token); the API verifies the token's signature on every call.
 */

export interface OidcLoginConfig {
  mode: 'oidc';
  issuer: string;
  clientId: string | null;
  scopes: string;
  redirectUri: string | null;
  bearerToken: 'id_token' | 'access_token';
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

/** What the browser keeps between leaving for the issuer and coming back (sessionStorage: this tab only). */
interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  returnTo: string;
}

const PENDING_KEY = 'zwgk.oidc.pending';

/** A failure of the sign-in flow, in words for the person signing in. */
export class OidcLoginError extends Error {
  override name = 'OidcLoginError';
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** The payload of a JWT, unverified (the API verifies it; the browser only reads nonce, aud and exp). */
export function jwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const text = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** When a bearer token expires (ms since the epoch), or null when it does not say. */
export function tokenExpiresAt(token: string): number | null {
  const exp = jwtPayload(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}

async function discover(issuer: string): Promise<Discovery> {
  let response: Response;
  try {
    response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
  } catch {
    throw new OidcLoginError('无法连接统一身份认证服务，请稍后重试或联系管理员。');
  }
  if (!response.ok) throw new OidcLoginError(`统一身份认证服务的配置无法读取（${response.status}）。`);
  const discovery = (await response.json()) as Partial<Discovery>;
  if (!discovery.authorization_endpoint || !discovery.token_endpoint) throw new OidcLoginError('统一身份认证服务的配置不完整（缺少授权或令牌地址）。');
  if (discovery.issuer?.replace(/\/+$/, '') !== issuer.replace(/\/+$/, '')) throw new OidcLoginError('统一身份认证服务的发行方与系统配置不一致。');
  return discovery as Discovery;
}

function redirectUriOf(config: OidcLoginConfig): string {
  return config.redirectUri ?? `${window.location.origin}/`;
}

/** Leaves for the issuer's login page. */
export async function beginOidcLogin(config: OidcLoginConfig): Promise<void> {
  if (!config.clientId) throw new OidcLoginError('系统未配置统一身份认证的客户端标识（OIDC_CLIENT_ID），请联系管理员。');
  const discovery = await discover(config.issuer);
  const pending: PendingLogin = { state: randomToken(), nonce: randomToken(), verifier: randomToken(48), redirectUri: redirectUriOf(config), returnTo: window.location.pathname === '/login' ? '' : `${window.location.pathname}${window.location.search}` };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', pending.redirectUri);
  url.searchParams.set('scope', config.scopes);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', await s256(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  window.location.assign(url.toString());
}

/** The issuer's answer in the address (`?code=&state=` or `?error=`), or null when this is not a return from it. */
export function oidcReturnParams(): URLSearchParams | null {
  const params = new URLSearchParams(window.location.search);
  return params.has('state') && (params.has('code') || params.has('error')) ? params : null;
}

/** Takes the answer out of the address bar, so a reload or a bookmark never replays a used code. */
function clearReturnParams(returnTo: string): void {
  window.history.replaceState(null, '', returnTo || window.location.pathname);
}

/**
 * Finishes the sign-in after the issuer sent the browser back: checks state, exchanges the code with the
 * PKCE verifier, checks the ID token's nonce, issuer and audience, and returns the bearer token for the API.
 */
export async function completeOidcLogin(config: OidcLoginConfig, params: URLSearchParams): Promise<{ token: string; returnTo: string }> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as PendingLogin) : null;
  clearReturnParams(pending?.returnTo ?? '');
  if (params.has('error')) {
    const description = params.get('error_description');
    throw new OidcLoginError(params.get('error') === 'access_denied' ? '统一身份认证登录已取消。' : `统一身份认证未完成：${description ?? params.get('error')}`);
  }
  if (!pending) throw new OidcLoginError('登录请求已失效（可能已完成或在其他窗口发起），请重新登录。');
  if (params.get('state') !== pending.state) throw new OidcLoginError('登录校验失败（state 不一致），为安全起见请重新登录。');
  if (!config.clientId) throw new OidcLoginError('系统未配置统一身份认证的客户端标识（OIDC_CLIENT_ID），请联系管理员。');
  const discovery = await discover(config.issuer);
  let response: Response;
  try {
    response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code') ?? '', redirect_uri: pending.redirectUri, client_id: config.clientId, code_verifier: pending.verifier }),
    });
  } catch {
    throw new OidcLoginError('无法连接统一身份认证服务换取令牌，请稍后重试。');
  }
  const answer = (await response.json().catch(() => ({}))) as { id_token?: string; access_token?: string; error?: string; error_description?: string };
  if (!response.ok) throw new OidcLoginError(`统一身份认证服务拒绝了登录：${answer.error_description ?? answer.error ?? response.status}`);
  const claims = answer.id_token ? jwtPayload(answer.id_token) : null;
  if (!claims) throw new OidcLoginError('统一身份认证服务未返回有效的身份令牌。');
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.nonce !== pending.nonce) throw new OidcLoginError('登录校验失败（nonce 不一致），为安全起见请重新登录。');
  if (claims.iss !== discovery.issuer || !audience.includes(config.clientId)) throw new OidcLoginError('身份令牌的发行方或受众与系统配置不一致。');
  const token = config.bearerToken === 'id_token' ? answer.id_token : answer.access_token;
  if (!token) throw new OidcLoginError(`统一身份认证服务未返回${config.bearerToken === 'id_token' ? '身份令牌' : '访问令牌'}。`);
  return { token, returnTo: pending.returnTo };
}
