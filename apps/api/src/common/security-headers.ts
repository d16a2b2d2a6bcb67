import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of every response. The web UI is a Vite build of module scripts from this
 * origin; inline styles are allowed because the Swagger UI and the printable annual report carry a
 * <style> block (scripts stay same-origin only). Blob and data images are the downloads and the icons.
 * In OIDC mode the UI calls the issuer's discovery and token endpoints, so its origin is a connect source.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectOrigins].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The origin of a URL, for the CSP; undefined for anything that is not http(s). */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Security headers on every response, the API's JSON, errors, downloads and the web UI alike: no framing
 * (clickjacking of the review inbox), no MIME sniffing, no full URLs in Referer (item ids in paths), and
 * a CSP that lets only this origin's scripts run.
 */
export function securityHeaders(connectOrigins: readonly string[] = []) {
  const csp = contentSecurityPolicy(connectOrigins);
  return (_request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  };
}
