import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { RequestHandler } from 'express';
import { projectRoot } from '@zwgk/config';
import { ConsultationsModule } from '../consultations/consultations.module';
import { PublicModule } from '../public/public.module';
import { PublicCatalogModule } from '../public-catalog/public-catalog.module';
import { PortalPagesService } from './portal-pages.service';
import { staticFilesMiddleware } from './static-files';

/** Where the built web app is: ZWGK_WEB_DIST, or apps/web/dist of this checkout. */
export function webDistDir(): string {
  return process.env.ZWGK_WEB_DIST ?? path.join(projectRoot, 'apps', 'web', 'dist');
}

interface ExpressApp {
  get(path: string, handler: RequestHandler): void;
  use(handler: RequestHandler): void;
}

/**
 * Serves the public portal's pages as HTML, and the web UI (apps/web/dist) when it has been built, from the
 * API's own port. Registered in onModuleInit, which Nest runs after the controllers' routes and before its
 * 404 handler: /api routes match first, then the portal's pages, and any other GET falls through to the app.
 */
@Module({ imports: [PublicModule, PublicCatalogModule, ConsultationsModule], providers: [PortalPagesService] })
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('Web');

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(PortalPagesService) private readonly pages: PortalPagesService,
  ) {}

  onModuleInit(): void {
    const dist = webDistDir();
    const app = this.adapterHost.httpAdapter.getInstance<ExpressApp>();
    // The portal's pages come with their content, whether or not the app is built: with it, the app's script
    // takes over the page; without, it is still complete.
    const pages = this.pages.handlers(dist);
    app.get('/public', pages.list);
    app.get('/public/area/:area', pages.area);
    app.get('/public/items/:id', pages.item);
    app.get('/public/catalog', pages.catalog);
    app.get('/public/consultations', pages.consultations);
    app.get('/public/consultations/:id', pages.consultation);
    app.get('/sitemap.xml', pages.sitemap);
    if (!fs.existsSync(path.join(dist, 'index.html'))) {
      this.logger.log(`No web UI at ${dist} (build it with: npm run build -w @zwgk/web); serving the API and the portal's pages only`);
      return;
    }
    app.use(staticFilesMiddleware(dist));
    this.logger.log(`Serving the web UI from ${dist}`);
  }
}
