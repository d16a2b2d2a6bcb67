import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { ApiErrorBody } from '../common/api-responses';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { MetricsService } from './metrics.service';

function sameToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus scrape endpoint. Not a user's route (no sign-in): with METRICS_TOKEN set it asks for that bearer
 * token; without it, it is open in dev mode and does not exist in OIDC mode, so a production deployment never
 * publishes its counts by forgetting a setting.
 */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiResponse({ status: 200, description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 401, description: 'METRICS_TOKEN is set and the request does not carry it', type: ApiErrorBody })
  @ApiResponse({ status: 404, description: 'OIDC mode without METRICS_TOKEN: the endpoint is off', type: ApiErrorBody })
  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    const token = this.config.observability.metricsToken;
    if (token === undefined && this.config.auth.mode !== 'dev') throw ApiError.notFound('/api/metrics is off: set METRICS_TOKEN to scrape it');
    if (token !== undefined && !sameToken(authorization?.replace(/^Bearer\s+/i, '') ?? '', token)) {
      throw new ApiError('unauthenticated', '/api/metrics needs the METRICS_TOKEN bearer token');
    }
    response.setHeader('content-type', this.metrics.registry.contentType);
    response.send(await this.metrics.registry.metrics());
  }
}
