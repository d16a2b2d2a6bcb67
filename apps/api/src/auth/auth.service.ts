import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DataSource } from 'typeorm';
import { UserEntity } from '@zwgk/db';
import { isRole, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

const DEV_ISSUER = 'zwgk-dev';
const DEV_TOKEN_LIFETIME = '8h';

/**
 * Issues dev tokens (embedded mode only) and verifies bearer tokens. In OIDC mode the identity, the
 * department and the roles come from the token's claims (`preferred_username`, `department`, `roles`).
 */
@Injectable()
export class AuthService {
  private readonly devKey: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.devKey = new TextEncoder().encode(config.auth.devSecret);
    if (config.auth.mode === 'oidc') {
      const jwksUrl = config.auth.oidcJwksUrl ?? `${config.auth.oidcIssuer!.replace(/\/$/, '')}/.well-known/jwks.json`;
      this.jwks = createRemoteJWKSet(new URL(jwksUrl));
    }
  }

  /** Signs in a seeded user without a password. Exists only in the embedded dev auth mode. */
  async devLogin(username: string): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number; actor: Actor }> {
    if (this.config.auth.mode !== 'dev') throw ApiError.notFound('dev login is only available in the embedded dev auth mode');
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    if (!user || !user.active) throw new ApiError('unauthenticated', `unknown user "${username}"`);
    const actor: Actor = { username: user.username, displayName: user.displayName, departmentCode: user.departmentCode, roles: user.roles.filter(isRole) };
    const accessToken = await new SignJWT({ name: actor.displayName, department: actor.departmentCode, roles: actor.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.username)
      .setIssuer(DEV_ISSUER)
      .setIssuedAt()
      .setExpirationTime(DEV_TOKEN_LIFETIME)
      .sign(this.devKey);
    return { accessToken, tokenType: 'Bearer', expiresIn: 8 * 3600, actor };
  }

  /** Verifies a bearer token and returns who it is; throws 401 when it is missing, expired or forged. */
  async authenticate(token: string): Promise<Actor> {
    let payload: JWTPayload;
    try {
      payload =
        this.config.auth.mode === 'dev'
          ? (await jwtVerify(token, this.devKey, { issuer: DEV_ISSUER, algorithms: ['HS256'] })).payload
          : (await jwtVerify(token, this.jwks!, { issuer: this.config.auth.oidcIssuer, audience: this.config.auth.oidcAudience })).payload;
    } catch (error) {
      throw new ApiError('unauthenticated', `invalid bearer token: ${error instanceof Error ? error.message : 'unreadable'}`);
    }
    const username = (payload.preferred_username as string | undefined) ?? payload.sub;
    const departmentCode = payload.department;
    if (typeof username !== 'string' || typeof departmentCode !== 'string') {
      throw new ApiError('unauthenticated', 'the token has no subject or no department claim');
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const displayName = typeof payload.name === 'string' ? payload.name : username;
    return { username, displayName, departmentCode, roles };
  }
}
