import type { JWTPayload } from 'jose';
import { isRole, type Role } from '@zwgk/domain';

/** Where the identity sits in the issuer's tokens, and how its group names map to our roles (from libs/config). */
export interface OidcClaimSettings {
  readonly claims: { readonly username: string; readonly department: string; readonly roles: string; readonly name: string };
  readonly roleMap: Readonly<Record<string, readonly string[]>>;
}

/** Who the token says the user is, before the user is looked up or provisioned. */
export interface ClaimedIdentity {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: Role[];
  /** Role values of the token that are neither mapped nor one of our roles: ignored, and logged. */
  readonly ignoredRoles: string[];
}

/** Why a token cannot be turned into an identity; names the claim. */
export class MissingClaimError extends Error {
  constructor(readonly claim: string, problem: string) {
    super(`登录令牌的 ${claim} 声明${problem}，请联系系统管理员`);
    this.name = 'MissingClaimError';
  }
}

/** A claim by name; a dotted name that is not a top-level claim reaches into nested objects (Keycloak's `realm_access.roles`). */
export function readClaim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim holding one string: a string, or a list of exactly one (some issuers send every group claim as a list). */
function singleString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' && value[0].trim()) return value[0].trim();
  return undefined;
}

/** Role values: a list, or a string separated by spaces or commas. */
function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Maps a verified token's claims to an identity: the username (configured claim, else `sub`), the department
 * code, the display name (else the username) and the roles: the IdP names mapped through the role map when
 * there is one, else the claim's values that are our role names.
 * @throws MissingClaimError when there is no username or no single department.
 */
export function identityFromClaims(payload: JWTPayload, settings: OidcClaimSettings): ClaimedIdentity {
  const username = singleString(readClaim(payload, settings.claims.username)) ?? singleString(payload.sub);
  if (!username) throw new MissingClaimError(settings.claims.username, '缺失（也没有 sub）');
  // The users table keeps 100 characters of a username: a longer one is refused, never cut into someone else's.
  if (username.length > 100) throw new MissingClaimError(settings.claims.username, '超过 100 个字符');
  const departmentCode = singleString(readClaim(payload, settings.claims.department));
  if (!departmentCode) throw new MissingClaimError(settings.claims.department, '须指明唯一的所属部门');
  const roles = new Set<Role>();
  const ignoredRoles: string[] = [];
  // With a role map, only its names grant roles: an IdP's own group that happens to be called `admin` must not
  // make someone an admin here. Without one, the claim carries our role names.
  const mapping = Object.keys(settings.roleMap).length > 0;
  for (const value of stringList(readClaim(payload, settings.claims.roles))) {
    const mapped = mapping ? settings.roleMap[value] : isRole(value) ? [value] : undefined;
    if (mapped) mapped.filter(isRole).forEach((role) => roles.add(role));
    else ignoredRoles.push(value);
  }
  const displayName = (singleString(readClaim(payload, settings.claims.name)) ?? username).slice(0, 200);
  return { username, displayName, departmentCode, roles: [...roles].sort(), ignoredRoles };
}
