import 'reflect-metadata';
// First: OpenTelemetry (TRACING=on) wraps the HTTP server before anything loads it.
import './tracing';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { exitWhenParentDies, loadConfig } from '@zwgk/config';
import { AppModule } from './app.module';
import { ApiErrorBody, documentEdgeResponses } from './common/api-responses';
import { HttpErrorFilter } from './common/http-error.filter';
import { INPUT_POLICY } from './common/input-policy';
import { requestIdMiddleware } from './common/request-id.middleware';
import { originOf, securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation.pipe';

/** Builds the HTTP application with the global prefix, validation, error mapping and OpenAPI docs. */
export async function createApiApplication(): Promise<NestExpressApplication> {
  // No default parsers: JSON is the only body this API parses (multipart is parsed by the upload routes),
  // so an urlencoded or text/plain cross-site form never becomes a body (and is refused with 415).
  // Nest's own start-up lines wait for the pino logger, so that every line has the configured format.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const config = loadConfig();
  // Behind a reverse proxy, the citizen's address (rate limits, rating clients) comes from X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.use(securityHeaders([originOf(config.auth.oidcIssuer)].filter((origin): origin is string => origin !== undefined)));
  app.use(requestIdMiddleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.useBodyParser('json', { limit: INPUT_POLICY.maxJsonBodyBytes });
  const document = documentEdgeResponses(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('政务公开 workflow engine API')
      .setDescription('Disclosure items, the review inbox, the catalog and the public portal.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ApiErrorBody] },
  ));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  return app;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApplication();
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  app.get(Logger).log(`API listening on http://localhost:${config.port}/api (docs at /api/docs)`, 'Api');
  exitWhenParentDies(() => app.close());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
