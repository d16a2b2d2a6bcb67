import type { Request } from 'express';

/**
 * The address a public submission is limited by. Express's `request.ip` is the peer address unless the
 * app is told to trust a proxy (`TRUST_PROXY`), which a deployment behind a reverse proxy must set.
 * An IPv4 peer on a dual-stack socket (::ffff:127.0.0.1) counts as its IPv4 address.
 */
export function clientAddressOf(request: Request): string {
  const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
