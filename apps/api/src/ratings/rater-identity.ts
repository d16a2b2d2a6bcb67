import { createHmac, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { RateLimitSettings } from '../concerns/concern-rate-limiter';

/** The cookie that tells one browser from another behind the same address (an office, a school, a 4G carrier). */
export const CLIENT_COOKIE = 'zwgk_client';
const CLIENT_ID = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_MS = 365 * 24 * 3_600_000;

export const RATING_SETTINGS = Symbol('RATING_SETTINGS');

export interface RatingSettings {
  /** Ratings per client address per window, across every item and response. */
  readonly rateLimit: RateLimitSettings;
  /** The secret the client hash is salted with, so a leaked table cannot be matched against addresses. */
  readonly salt: string;
}

/** Who is rating, as far as the server can tell, without keeping their address. */
export interface RaterIdentity {
  /** Salted hash of the cookie's id and the address: "once per client" is once per this value. */
  readonly clientHash: string;
  /** Salted hash of the address alone: what the rate limit counts, across cookies. */
  readonly addressHash: string;
}

/**
 * The client of a public rating request. A browser without a valid `zwgk_client` cookie gets a new random
 * id (HttpOnly, SameSite=Lax, a year); clearing cookies makes a new client, which the address rate limit
 * still bounds.
 */
export function raterIdentityOf(request: Request, response: Response | undefined, address: string, salt: string): RaterIdentity {
  let clientId = readCookie(request, CLIENT_COOKIE);
  if (!clientId || !CLIENT_ID.test(clientId)) {
    clientId = randomBytes(16).toString('base64url');
    response?.cookie(CLIENT_COOKIE, clientId, { httpOnly: true, sameSite: 'lax', secure: request.secure, maxAge: ONE_YEAR_MS, path: '/api/public' });
  }
  const hash = (text: string) => createHmac('sha256', salt).update(text).digest('hex');
  return { clientHash: hash(`client\u0000${clientId}\u0000${address}`), addressHash: hash(`address\u0000${address}`) };
}

/** The known client of a read (no cookie is set by a GET), or undefined. */
export function knownRaterIdentityOf(request: Request, address: string, salt: string): RaterIdentity | undefined {
  const clientId = readCookie(request, CLIENT_COOKIE);
  return clientId && CLIENT_ID.test(clientId) ? raterIdentityOf(request, undefined, address, salt) : undefined;
}

function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
