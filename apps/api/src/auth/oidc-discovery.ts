import { createRemoteJWKSet } from 'jose';

/** The issuer's signing keys, as jose verifies against them. */
export type IssuerKeySet = ReturnType<typeof createRemoteJWKSet>;

/** Thrown when the issuer's discovery document cannot be read or does not describe this issuer. */
export class OidcDiscoveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcDiscoveryError';
  }
}

/**
 * Reads `<issuer>/.well-known/openid-configuration` and returns its `jwks_uri`: where the keys really are
 * (Keycloak serves them at /realms/<realm>/protocol/openid-connect/certs, others elsewhere), instead of a
 * guessed path. The document must name the same issuer, as OpenID Connect Discovery requires, so that a
 * misconfigured OIDC_ISSUER is found here rather than as every token refused.
 */
export async function discoverJwksUri(issuer: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const base = issuer.replace(/\/+$/, '');
  const url = `${base}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new OidcDiscoveryError(`cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new OidcDiscoveryError(`${url} answered ${response.status}`);
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    document = (await response.json()) as typeof document;
  } catch {
    throw new OidcDiscoveryError(`${url} is not JSON`);
  }
  if (typeof document.issuer !== 'string' || document.issuer.replace(/\/+$/, '') !== base) {
    throw new OidcDiscoveryError(`${url} names the issuer ${JSON.stringify(document.issuer)}, not ${issuer} (check OIDC_ISSUER)`);
  }
  if (typeof document.jwks_uri !== 'string') throw new OidcDiscoveryError(`${url} has no jwks_uri`);
  try {
    return new URL(document.jwks_uri).toString();
  } catch {
    throw new OidcDiscoveryError(`${url} has an invalid jwks_uri ${JSON.stringify(document.jwks_uri)}`);
  }
}

/**
 * The issuer's key set, found once through discovery (or at OIDC_JWKS_URL when an operator sets it) and
 * then cached with jose's own key refresh. A failed discovery is not remembered: the identity provider may
 * simply start after the API, and the next sign-in tries again.
 */
export class IssuerKeys {
  private keySet?: Promise<IssuerKeySet>;

  constructor(
    private readonly issuer: string,
    private readonly explicitJwksUrl?: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get(): Promise<IssuerKeySet> {
    this.keySet ??= (async () => {
      const jwksUri = this.explicitJwksUrl ?? (await discoverJwksUri(this.issuer, this.fetchImpl));
      return createRemoteJWKSet(new URL(jwksUri));
    })();
    this.keySet.catch(() => (this.keySet = undefined));
    return this.keySet;
  }
}
