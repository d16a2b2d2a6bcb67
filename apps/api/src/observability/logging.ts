import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { prettyLogStream, type AppConfig } from '@zwgk/config';

type Request = IncomingMessage & { originalUrl?: string };

/**
 * The URL as the access log keeps it: the path, and the query's parameter names without their values
 * (`/api/public/search?q&page`). A query carries what citizens typed into the portal's search, which is theirs,
 * not the log's.
 */
export function loggedUrl(url: string | undefined): string {
  if (url === undefined) return '';
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const names = [...new Set([...new URLSearchParams(url.slice(mark + 1)).keys()])];
  return names.length ? `${url.slice(0, mark)}?${names.join('&')}` : url.slice(0, mark);
}

const urlOf = (request: Request) => loggedUrl(request.originalUrl ?? request.url);

/**
 * nestjs-pino's settings: every log line written while a request runs carries its `reqId` (the id the
 * request-id middleware put on the request, which is also the audit trail's), and each request ends with one
 * access-log line. Requests are logged as method, path (query parameter names, never values) and status only: headers carry bearer tokens and the
 * body carries citizens' details, neither belongs in a log.
 */
export function loggerParams(config: AppConfig): Params {
  const { logFormat, logLevel, accessLog } = config.observability;
  const options: Options = {
    level: logLevel,
    base: { service: 'api' },
    genReqId: (request) => {
      const id = request.headers['x-request-id'];
      return typeof id === 'string' ? id : randomUUID();
    },
    autoLogging: accessLog,
    // Only the access-log line carries the request; the other lines of a request carry its id.
    quietReqLogger: true,
    serializers: {
      req: (request: Request) => ({ method: request.method, url: urlOf(request) }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (request: Request, response, ms) => `${request.method} ${urlOf(request)} ${response.statusCode} ${Math.round(ms)}ms`,
    customErrorMessage: (request: Request, response) => `${request.method} ${urlOf(request)} ${response.statusCode} failed`,
    customAttributeKeys: { responseTime: 'ms' },
  };
  // JSON goes to pino's own stdout writer; pretty lines through the formatter.
  return { pinoHttp: logFormat === 'pretty' ? [options, prettyLogStream()] : options };
}
