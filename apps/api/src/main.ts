import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { exitWhenParentDies, loadConfig } from '@zwgk/config';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { requestIdMiddleware } from './common/request-id.middleware';
import { createValidationPipe } from './common/validation.pipe';

/** Builds the HTTP application with the global prefix, validation, error mapping and OpenAPI docs. */
export async function createApiApplication(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: false });
  // Behind a reverse proxy, the citizen's address (rate limits, rating clients) comes from X-Forwarded-For.
  app.set('trust proxy', loadConfig().trustProxy);
  app.setGlobalPrefix('api');
  app.use(requestIdMiddleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.useBodyParser('json', { limit: '2mb' });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('政务公开 workflow engine API')
      .setDescription('Disclosure items, the review inbox, the catalog and the public portal.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  return app;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApplication();
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  new Logger('Api').log(`API listening on http://localhost:${config.port}/api (docs at /api/docs)`);
  exitWhenParentDies(() => app.close());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
