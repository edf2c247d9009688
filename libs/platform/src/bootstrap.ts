import {
  type DynamicModule,
  type INestApplication,
  Logger,
  type LogLevel,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { MixedList } from 'typeorm';
import { bootOrExit, loadServiceConfig, type ServiceConfig } from '@meldpunt/config';
import { createDataSource, migrate } from '@meldpunt/persistence';
import { rejectDeepJson } from './json-depth';
import { fieldErrorsFactory } from './validation';

const LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface ServiceDefinition {
  readonly service: string;
  readonly defaultPort: number;
  readonly title: string;
  readonly description: string;
  readonly entities: MixedList<new () => unknown>;
  readonly migrations: MixedList<new () => unknown>;
  readonly appModule: (config: ServiceConfig) => DynamicModule;
}

/**
 * HTTP settings every service shares (and its tests, so they exercise the same): JSON up to 1 MB, CSV uploads
 * (rosters) up to 50 MB (larger → 413, malformed JSON → 400, nested deeper than 32 → 400), and validation with field-level 400s that refuses
 * unknown fields. Create the app with `rawBody: true` for signed webhooks.
 */
export function configureHttp(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '50mb' });
  app.use(rejectDeepJson);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: fieldErrorsFactory,
    }),
  );
}

/**
 * Boots one service: validate config (fail fast), create its database and apply its migrations, start Nest with
 * field-level validation errors, OpenAPI at /docs and graceful shutdown on SIGTERM/SIGINT.
 */
export async function bootstrapService(definition: ServiceDefinition): Promise<INestApplication> {
  const config = loadServiceConfig(definition.service, definition.defaultPort);
  const logger = new Logger(definition.service);

  const applied = await migrate(
    createDataSource({
      url: config.databaseUrl,
      entities: definition.entities,
      migrations: definition.migrations,
      applicationName: `${definition.service}-migrate`,
      poolSize: 1,
    }),
    config.databaseUrl,
  );
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

  const app = await NestFactory.create<NestExpressApplication>(definition.appModule(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bufferLogs: false,
    // Signed webhooks verify an HMAC over the exact bytes received: keep them as req.rawBody.
    rawBody: true,
  });
  configureHttp(app);
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(definition.title)
      .setDescription(definition.description)
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  await app.listen(config.port, config.host);
  logger.log(`${definition.service} listening on http://${config.host}:${config.port} (docs at /docs)`);
  return app;
}

/** Entry point of a service's `main.ts`: boots it, or prints why not (naming bad variables) and exits 1. */
export function startService(definition: ServiceDefinition): void {
  bootOrExit(definition.service, async () => {
    await bootstrapService(definition);
  });
}
