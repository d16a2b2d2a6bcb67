import { webcrypto } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DataSource } from 'typeorm';
import { ConfigurationError } from '@zwgk/config';
import { DepartmentEntity, UserEntity } from '@zwgk/db';
import { isRole, ROLES, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { AccountStatusCache } from './account-status';
import { identityFromClaims, MissingClaimError } from './oidc-claims';
import { IssuerKeys, OidcDiscoveryError } from './oidc-discovery';
import { OidcProvisioningService } from './oidc-provisioning.service';

const DEV_ISSUER = 'zwgk-dev';
const DEV_TOKEN_LIFETIME = '8h';

/** What the web UI needs to know to sign people in (`GET /api/auth/config`, public). */
export type AuthUiConfig =
  | { mode: 'dev' }
  | { mode: 'oidc'; issuer: string; clientId: string | null; scopes: string; redirectUri: string | null; bearerToken: 'id_token' | 'access_token' };

/**
 * Issues dev tokens (embedded mode only) and verifies bearer tokens. In OIDC mode the identity, the
 * department and the roles come from the token's claims (names configurable, `preferred_username`,
 * `department`, `roles`, `name` by default), and the user is provisioned in the users table on the way in.
 */
@Injectable()
export class AuthService {
  /**
   * The dev secret as a CryptoKey, imported once: given raw bytes, jose imports a key on every sign and
   * verify, which was the largest single cost of an authenticated read (GET /api/tasks).
   */
  private devKeyImport?: Promise<webcrypto.CryptoKey>;
  private readonly issuerKeys?: IssuerKeys;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OidcProvisioningService) private readonly provisioning: OidcProvisioningService,
    @Inject(AccountStatusCache) private readonly accounts: AccountStatusCache,
  ) {
    for (const [name, roles] of Object.entries(config.auth.oidcRoleMap)) {
      const unknown = roles.filter((role) => !isRole(role));
      if (unknown.length) throw new ConfigurationError('OIDC_ROLE_MAP', `"${name}" maps to ${unknown.join(', ')}, which is not a role (roles: ${ROLES.join(', ')})`);
    }
    if (config.auth.mode === 'oidc') {
      // The key set's address comes from the issuer's discovery document, unless OIDC_JWKS_URL overrides it.
      this.issuerKeys = new IssuerKeys(config.auth.oidcIssuer!, config.auth.oidcJwksUrl);
    }
  }

  private get devKey(): Promise<webcrypto.CryptoKey> {
    return (this.devKeyImport ??= webcrypto.subtle.importKey('raw', new TextEncoder().encode(this.config.auth.devSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
  }

  /** How the web UI signs people in: the dev-user buttons, or the issuer's Authorization Code flow with PKCE. */
  uiConfig(): AuthUiConfig {
    const auth = this.config.auth;
    if (auth.mode === 'dev') return { mode: 'dev' };
    return { mode: 'oidc', issuer: auth.oidcIssuer!, clientId: auth.oidcClientId ?? null, scopes: auth.oidcScopes, redirectUri: auth.oidcRedirectUri ?? null, bearerToken: auth.oidcBearerToken };
  }

  /** The audience a token must carry: OIDC_AUDIENCE, else the web client's id when the UI sends ID tokens (their audience). */
  private audience(): string | undefined {
    const auth = this.config.auth;
    return auth.oidcAudience ?? (auth.oidcBearerToken === 'id_token' ? auth.oidcClientId : undefined);
  }

  /** Signs in a seeded user without a password. Exists only in the embedded dev auth mode. */
  async devLogin(username: string): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number; actor: Actor }> {
    if (this.config.auth.mode !== 'dev') throw ApiError.notFound('开发登录仅在内置开发认证模式下可用');
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    if (!user || !user.active) throw new ApiError('unauthenticated', `用户“${username}”不存在或已停用`);
    const department = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ code: user.departmentCode });
    if (!department?.active) {
      throw ApiError.forbidden(`用户 ${username} 所在单位“${department?.name ?? user.departmentCode}”已停用，请联系管理员调整`);
    }
    const actor: Actor = { username: user.username, displayName: user.displayName, departmentCode: user.departmentCode, roles: user.roles.filter(isRole) };
    const accessToken = await new SignJWT({ name: actor.displayName, department: actor.departmentCode, roles: actor.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.username)
      .setIssuer(DEV_ISSUER)
      .setIssuedAt()
      .setExpirationTime(DEV_TOKEN_LIFETIME)
      .sign(await this.devKey);
    return { accessToken, tokenType: 'Bearer', expiresIn: 8 * 3600, actor };
  }

  /**
   * Verifies a bearer token and returns who it is; throws 401 when it is missing, expired or forged. In OIDC
   * mode the user is provisioned or updated from the claims first (403 for an unknown department).
   */
  async authenticate(token: string, requestId?: string): Promise<Actor> {
    let payload: JWTPayload;
    let keys: Awaited<ReturnType<IssuerKeys['get']>> | undefined;
    if (this.issuerKeys) {
      try {
        keys = await this.issuerKeys.get();
      } catch (error) {
        // The identity provider is down or misconfigured: not the caller's fault, and worth retrying.
        if (error instanceof OidcDiscoveryError) throw new ApiError('unavailable', `暂时无法连接身份认证服务：${error.message}`, undefined, 5);
        throw error;
      }
    }
    try {
      payload =
        this.config.auth.mode === 'dev'
          ? (await jwtVerify(token, await this.devKey, { issuer: DEV_ISSUER, algorithms: ['HS256'] })).payload
          : (await jwtVerify(token, keys!, { issuer: this.config.auth.oidcIssuer, audience: this.audience() })).payload;
    } catch (error) {
      throw new ApiError('unauthenticated', `访问令牌无效，请重新登录（${error instanceof Error ? error.message : '无法解析'}）`);
    }
    if (this.config.auth.mode === 'oidc') {
      try {
        const identity = identityFromClaims(payload, { claims: this.config.auth.oidcClaims, roleMap: this.config.auth.oidcRoleMap });
        return await this.provisioning.provision(identity, requestId);
      } catch (error) {
        if (error instanceof MissingClaimError) throw new ApiError('unauthenticated', error.message);
        throw error;
      }
    }
    const username = (payload.preferred_username as string | undefined) ?? payload.sub;
    const departmentCode = payload.department;
    if (typeof username !== 'string' || typeof departmentCode !== 'string') {
      throw new ApiError('unauthenticated', '访问令牌缺少用户标识或所属部门，请联系系统管理员');
    }
    // A validly signed token outlives a deactivation: the user and the unit must still be active now.
    await this.accounts.assertActive(username);
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const displayName = typeof payload.name === 'string' ? payload.name : username;
    return { username, displayName, departmentCode, roles };
  }
}
