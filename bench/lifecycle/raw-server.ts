/**
 * The read path's target: a bare node:http server answering `GET /api/tasks` and `GET /api/public/items`
 * with the same work the API does minus the framework. It verifies the bearer token with the API's own
 * AuthService (HS256 and the cached account-status check), builds the page with the API's own services
 * (TasksService.inbox: inbox-query.ts and the holders' names; PublicService.list: public-query.ts and the
 * same mapping), over a plain pg pool of the same size as the API's, and writes the JSON. No Nest, no
 * Express, no guards, pipes, interceptors or middleware: what remains is the cost of the work itself.
 * A child process of the lifecycle benchmark, like the API it is compared with.
 */
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@zwgk/config';
import { AccountStatusCache } from '../../apps/api/src/auth/account-status';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import type { OidcProvisioningService } from '../../apps/api/src/auth/oidc-provisioning.service';
import { ApiError, httpStatusOf } from '../../apps/api/src/common/api-error';
import type { DisclosureWorkflowClient } from '../../apps/api/src/temporal/disclosure-workflow.client';
import { PublicService } from '../../apps/api/src/public/public.service';
import { TasksService } from '../../apps/api/src/tasks/tasks.service';

const config = loadConfig();
// createDataSource's default pool is 10: the same here.
const pool = new Pool({ connectionString: config.databaseUrl, max: 10, application_name: 'bench-raw-server' });
/** The one method of DataSource these services call on the read path, over the plain pool. */
const dataSource = { query: async (text: string, values?: unknown[]) => (await pool.query(text, values)).rows } as unknown as DataSource;
const auth = new AuthService(config, dataSource, undefined as unknown as OidcProvisioningService, new AccountStatusCache(dataSource));
const tasks = new TasksService(dataSource, undefined as unknown as DisclosureWorkflowClient);
const portal = new PublicService(dataSource, config);

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://raw');
  const query = Object.fromEntries(url.searchParams);
  if (request.method === 'GET' && url.pathname === '/api/tasks') {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new ApiError('unauthenticated', 'a bearer token is required');
    const actor = await auth.authenticate(match[1]!);
    return send(response, 200, await tasks.inbox(actor, query));
  }
  if (request.method === 'GET' && url.pathname === '/api/public/items') {
    return send(response, 200, await portal.list({ ...query, ...(query.limit ? { limit: Number(query.limit) } : {}) }));
  }
  send(response, 404, { statusCode: 404, code: 'not-found', message: 'not found' });
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    if (error instanceof ApiError) return send(response, httpStatusOf(error.code), { code: error.code, message: error.message });
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    send(response, 500, { code: 'internal' });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(config.port, '127.0.0.1', () => process.stdout.write(`raw server listening on ${config.port}\n`));
const parent = Number(process.env.ZWGK_PARENT_PID);
const stop = () => {
  server.close();
  void pool.end();
  setTimeout(() => process.exit(0), 500).unref();
};
process.once('SIGTERM', stop);
setInterval(() => {
  try {
    if (parent) process.kill(parent, 0);
  } catch {
    stop();
  }
}, 2000).unref();
