import { Module, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { activeTracing } from '@zwgk/config';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { loggerParams } from './logging';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** JSON logs with request ids, the access log, Prometheus metrics and the end of tracing (docs/operations.md, "Observability"). */
@Module({
  imports: [LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => loggerParams(config) })],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class ObservabilityModule implements NestModule, OnApplicationShutdown {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }

  /** Sends the spans still buffered before the process exits (nothing to do with tracing off). */
  async onApplicationShutdown(): Promise<void> {
    await activeTracing().shutdown();
  }
}
