import { Global, Inject, Module, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { activeTracing, temporalConnectionSettings } from '@zwgk/config';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { DisclosureWorkflowClient } from './disclosure-workflow.client';
import { ReleasedItemReopening } from './released-item-reopening';
import { TemporalDeadlineMiddleware } from './temporal-deadline.middleware';

/** Temporal wired by hand (docs/architecture.md): plain providers for the Connection and the Client. */
@Global()
@Module({
  providers: [
    DisclosureWorkflowClient,
    ReleasedItemReopening,
    {
      provide: Connection,
      inject: [APP_CONFIG],
      // Lazy: the API starts even while Temporal is down, and /api/health says so.
      useFactory: (config: AppConfig) => Connection.lazy(temporalConnectionSettings(config)),
    },
    {
      provide: Client,
      inject: [Connection, APP_CONFIG],
      // With tracing on, every workflow start, update and query carries the request's trace context to the worker.
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({
          connection,
          namespace: config.temporal.namespace,
          ...(activeTracing().enabled ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } } : {}),
        }),
    },
  ],
  exports: [Connection, Client, DisclosureWorkflowClient],
})
export class TemporalModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  /** No HTTP request waits on Temporal longer than the Update timeout. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(TemporalDeadlineMiddleware).forRoutes('{*path}');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
