import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { projectRoot } from '@zwgk/config';
import { staticFilesMiddleware } from './static-files';

/** Where the built web app is: ZWGK_WEB_DIST, or apps/web/dist of this checkout. */
export function webDistDir(): string {
  return process.env.ZWGK_WEB_DIST ?? path.join(projectRoot, 'apps', 'web', 'dist');
}

/**
 * Serves the web UI (apps/web/dist) from the API's own port when it has been built. Registered in
 * onModuleInit, which Nest runs after the controllers' routes and before its 404 handler: /api routes
 * match first, and anything else that is a GET falls through to the app.
 */
@Module({})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('Web');

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const dist = webDistDir();
    if (!fs.existsSync(path.join(dist, 'index.html'))) {
      this.logger.log(`No web UI at ${dist} (build it with: npm run build -w @zwgk/web); serving the API only`);
      return;
    }
    const app = this.adapterHost.httpAdapter.getInstance<{ use(handler: ReturnType<typeof staticFilesMiddleware>): void }>();
    app.use(staticFilesMiddleware(dist));
    this.logger.log(`Serving the web UI from ${dist}`);
  }
}
