import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built web app: a file of `root` when the path names one, otherwise index.html (the app
 * routes on the client). /api and anything but GET/HEAD pass through untouched, so the API's own
 * routes and its JSON 404 stay as they are.
 */
export function staticFilesMiddleware(root: string) {
  const resolvedRoot = path.resolve(root);
  const index = path.join(resolvedRoot, 'index.html');
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path === '/api' || request.path.startsWith('/api/')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(request.path);
    } catch {
      return next();
    }
    const candidate = path.resolve(resolvedRoot, `.${relative}`);
    // Never outside the bundle, whatever `..` the path carries.
    const inside = candidate === resolvedRoot || candidate.startsWith(`${resolvedRoot}${path.sep}`);
    const file = inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : null;
    // A missing asset is a 404, not the app: a stale index.html asking for an old bundle must fail visibly.
    if (!file && relative.startsWith('/assets/')) return next();
    const served = file ?? index;
    if (!fs.existsSync(served)) return next();
    response.setHeader('Content-Type', CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream');
    // Vite puts a content hash in every asset name, so assets are immutable; index.html must always be fresh.
    response.setHeader('Cache-Control', served.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.method === 'HEAD') {
      response.setHeader('Content-Length', String(fs.statSync(served).size));
      response.end();
      return;
    }
    fs.createReadStream(served).on('error', next).pipe(response);
  };
}
