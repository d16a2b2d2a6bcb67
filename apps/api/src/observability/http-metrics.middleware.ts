import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/**
 * Times every request and records it when the response is sent, labelled by the route pattern Express
 * matched (`/api/items/:id`), or `unmatched` for a 404 no route claimed.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observe(request.method, typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched', response.statusCode, seconds);
    });
    next();
  }
}
