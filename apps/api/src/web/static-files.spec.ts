import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { staticFilesMiddleware } from './static-files';

/** Runs the middleware on a fake request; resolves with what it served, or 'next' when it passed the request on. */
function serve(root: string, method: string, urlPath: string): Promise<{ served: 'next' } | { served: string; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    const body = new PassThrough();
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    const response = Object.assign(body, {
      setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    });
    body.on('end', () => resolve({ served: Buffer.concat(chunks).toString('utf8'), headers }));
    const next: NextFunction = (error?: unknown) => (error ? reject(error) : resolve({ served: 'next' }));
    staticFilesMiddleware(root)({ method, path: urlPath } as Request, response as unknown as Response, next);
  });
}

describe('staticFilesMiddleware', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-web-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    fs.writeFileSync(path.join(os.tmpdir(), 'zwgk-secret.txt'), 'secret');
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.join(os.tmpdir(), 'zwgk-secret.txt'), { force: true });
  });

  it('leaves /api and non-GET requests to the API', async () => {
    expect(await serve(root, 'GET', '/api/items')).toEqual({ served: 'next' });
    expect(await serve(root, 'GET', '/api')).toEqual({ served: 'next' });
    expect(await serve(root, 'POST', '/anything')).toEqual({ served: 'next' });
  });

  it('serves files, immutable for hashed assets', async () => {
    expect(await serve(root, 'GET', '/assets/index-abc.js')).toMatchObject({ served: 'console.log(1)', headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': expect.stringContaining('immutable') } });
  });

  it('answers app routes with index.html, never cached', async () => {
    expect(await serve(root, 'GET', '/')).toMatchObject({ served: expect.stringContaining('<title>app</title>'), headers: { 'cache-control': 'no-cache' } });
    expect(await serve(root, 'GET', '/public/items/1')).toMatchObject({ served: expect.stringContaining('<title>app</title>') });
  });

  it('passes on a missing asset and never leaves the bundle', async () => {
    expect(await serve(root, 'GET', '/assets/index-old.js')).toEqual({ served: 'next' });
    const escaped = await serve(root, 'GET', '/../zwgk-secret.txt');
    expect(escaped).not.toMatchObject({ served: 'secret' });
  });
});
