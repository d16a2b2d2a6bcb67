import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/**
 * OIDC sign-in for production mode, through oidc-client-ts: the Authorization Code flow with PKCE (S256) as a
 * public client, against the issuer's discovery document, with silent renew by refresh token and sign-out at the
 * issuer. The browser checks state (against a forged redirect) and the ID token's nonce, issuer and audience
 * (against a replayed token); the API verifies the token's signature on every call.
 */

export interface OidcLoginConfig {
  mode: 'oidc';
  issuer: string;
  clientId: string | null;
  scopes: string;
  redirectUri: string | null;
  bearerToken: 'id_token' | 'access_token';
}

/** A failure of the sign-in flow, in words for the person signing in. */
export class OidcLoginError extends Error {
  override name = 'OidcLoginError';
}

let manager: { key: string; value: UserManager } | undefined;

function redirectUriOf(config: OidcLoginConfig): string {
  return config.redirectUri ?? `${window.location.origin}/`;
}

/**
 * The oidc-client-ts UserManager of this issuer and client: Authorization Code with PKCE, the user (its tokens,
 * its refresh token) in sessionStorage like the session itself, and automatic silent renew, which asks the token
 * endpoint for new tokens with the refresh token a minute before they expire. One per page.
 */
function userManager(config: OidcLoginConfig): UserManager {
  if (!config.clientId) throw new OidcLoginError('系统未配置统一身份认证的客户端标识（OIDC_CLIENT_ID），请联系管理员。');
  const key = `${config.issuer} ${config.clientId} ${config.scopes}`;
  if (manager?.key !== key) {
    manager = {
      key,
      value: new UserManager({
        authority: config.issuer,
        client_id: config.clientId,
        redirect_uri: redirectUriOf(config),
        post_logout_redirect_uri: `${window.location.origin}/login`,
        scope: config.scopes,
        response_type: 'code',
        loadUserInfo: false,
        automaticSilentRenew: true,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      }),
    };
  }
  return manager.value;
}

/** What the library's errors mean to the person signing in. */
function loginErrorOf(error: unknown): OidcLoginError {
  if (error instanceof OidcLoginError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/no matching state/i.test(message)) return new OidcLoginError('登录请求已失效（可能已完成或在其他窗口发起），请重新登录。');
  if (/state/i.test(message)) return new OidcLoginError('登录校验失败（state 不一致），为安全起见请重新登录。');
  if (/nonce/i.test(message)) return new OidcLoginError('登录校验失败（nonce 不一致），为安全起见请重新登录。');
  if (/failed to fetch|network/i.test(message)) return new OidcLoginError('无法连接统一身份认证服务，请稍后重试或联系管理员。');
  return new OidcLoginError(`统一身份认证未完成：${message}`);
}

function bearerOf(config: OidcLoginConfig, user: User): string {
  const token = config.bearerToken === 'id_token' ? user.id_token : user.access_token;
  if (!token) throw new OidcLoginError(`统一身份认证服务未返回${config.bearerToken === 'id_token' ? '身份令牌' : '访问令牌'}。`);
  return token;
}

/** Leaves for the issuer's login page. */
export async function beginOidcLogin(config: OidcLoginConfig): Promise<void> {
  const returnTo = window.location.pathname === '/login' ? '' : `${window.location.pathname}${window.location.search}`;
  try {
    await userManager(config).signinRedirect({ state: { returnTo } });
  } catch (error) {
    throw loginErrorOf(error);
  }
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
 * Finishes the sign-in after the issuer sent the browser back: oidc-client-ts checks state, exchanges the code
 * with the PKCE verifier and checks the ID token's nonce; the issuer and audience are checked here too. Returns
 * the bearer token for the API.
 */
export async function completeOidcLogin(config: OidcLoginConfig, params: URLSearchParams): Promise<{ token: string; returnTo: string }> {
  const url = window.location.href;
  if (params.has('error')) {
    clearReturnParams('');
    const description = params.get('error_description');
    throw new OidcLoginError(params.get('error') === 'access_denied' ? '统一身份认证登录已取消。' : `统一身份认证未完成：${description ?? params.get('error')}`);
  }
  let user: User;
  try {
    user = await userManager(config).signinRedirectCallback(url);
  } catch (error) {
    clearReturnParams('');
    throw loginErrorOf(error);
  }
  const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo ?? '';
  clearReturnParams(returnTo);
  const claims = user.id_token ? jwtPayload(user.id_token) : null;
  if (!claims) throw new OidcLoginError('统一身份认证服务未返回有效的身份令牌。');
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (String(claims.iss).replace(/\/+$/, '') !== config.issuer.replace(/\/+$/, '') || !audience.includes(config.clientId)) {
    throw new OidcLoginError('身份令牌的发行方或受众与系统配置不一致。');
  }
  return { token: bearerOf(config, user), returnTo };
}

/**
 * While signed in through the issuer: calls `onToken` with each token the silent renew brings (the refresh
 * token exchanged a minute before expiry, in the background, without leaving the page). Returns the unsubscribe.
 * A renew that fails (no refresh token, the issuer's session ended) changes nothing: the token expires as before.
 */
export function watchOidcRenewal(config: OidcLoginConfig, onToken: (token: string) => void): () => void {
  const manager = userManager(config);
  const loaded = (user: User) => {
    const token = config.bearerToken === 'id_token' ? user.id_token : user.access_token;
    if (token) onToken(token);
  };
  manager.events.addUserLoaded(loaded);
  // Arms the renew timers for a user kept across a reload.
  void manager.getUser();
  return () => manager.events.removeUserLoaded(loaded);
}

/**
 * Signs out at the issuer too (its end_session_endpoint, with the ID token as the hint), so that the next
 * sign-in asks for the password again on a shared office computer; the issuer sends the browser back to /login.
 * Resolves without leaving when the issuer has no such endpoint or nobody is signed in through it.
 */
export async function endOidcSession(config: OidcLoginConfig): Promise<void> {
  const manager = userManager(config);
  const user = await manager.getUser().catch(() => null);
  if (!user) return;
  await manager.removeUser();
  try {
    await manager.signoutRedirect({ id_token_hint: user.id_token });
  } catch {
    // No end_session_endpoint: the local sign-out is all there is.
  }
}
