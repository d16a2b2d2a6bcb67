import { createServer, request as forward, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One API replica behind the proxy. */
export interface Upstream {
  readonly name: string;
  readonly port: number;
}

/** Which replica answered, as a response header: the cluster test attributes every 5xx to a process. */
export const UPSTREAM_HEADER = 'x-zwgk-upstream';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function forwardedHeaders(headers: IncomingHttpHeaders, clientAddress: string | undefined): IncomingHttpHeaders {
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  const chain = [headers['x-forwarded-for'], clientAddress].filter(Boolean).join(', ');
  return { ...kept, 'x-forwarded-for': chain, 'x-forwarded-proto': 'http' };
}

/**
 * A small round-robin reverse proxy, doing what the compose file's nginx does: a replica that refuses the
 * connection is skipped (the request never reached it, so sending it to the next one is safe for any
 * method), and a replica that dies while answering gives the client a 502. Bodies are small JSON, so each
 * request is read whole before it is sent on.
 */
export class ReverseProxy {
  private server?: Server;
  private next = 0;

  constructor(private readonly upstreams: readonly Upstream[]) {}

  async listen(port = 0): Promise<number> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        const first = this.next++ % this.upstreams.length;
        const attempt = (tried: number) => {
          const upstream = this.upstreams[(first + tried) % this.upstreams.length]!;
          let answered = false;
          const outgoing = forward(
            { host: '127.0.0.1', port: upstream.port, agent: false, method: request.method, path: request.url, headers: forwardedHeaders(request.headers, request.socket.remoteAddress) },
            (upstreamResponse) => {
              answered = true;
              const headers = Object.fromEntries(Object.entries(upstreamResponse.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
              response.writeHead(upstreamResponse.statusCode ?? 502, { ...headers, [UPSTREAM_HEADER]: upstream.name });
              upstreamResponse.pipe(response);
              upstreamResponse.on('error', () => response.destroy());
            },
          );
          outgoing.on('error', (error: NodeJS.ErrnoException) => {
            if (answered) {
              response.destroy();
              return;
            }
            if (error.code === 'ECONNREFUSED' && tried + 1 < this.upstreams.length) {
              attempt(tried + 1);
              return;
            }
            response.writeHead(502, { 'content-type': 'application/json', [UPSTREAM_HEADER]: upstream.name });
            response.end(JSON.stringify({ error: 'bad-gateway', message: `${upstream.name}: ${error.code ?? error.message}` }));
          });
          outgoing.end(body);
        };
        attempt(0);
      });
    });
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
