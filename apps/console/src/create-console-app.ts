import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { fieldErrorsFactory } from '@meldpunt/platform';
import { AppModule } from './app.module';
import type { ConsoleConfig } from './config';
import {
  bodyErrors,
  isOwnJson,
  isProxyCsv,
  isProxyJson,
  requireCookieBeforeUpload,
  securityHeaders,
} from './http-middleware';
import { CSV_BODY_LIMIT, JSON_BODY_LIMIT } from './proxy/proxy-request';
import { findWebDir } from './web-dir';

export interface CreateConsoleAppOptions {
  /** false silences Nest's logger (tests); otherwise the config's LOG_LEVEL applies. */
  readonly logger?: false;
}

/**
 * Builds the console (login, the services behind /api/<service>/, admin API, /health, /docs and the page) without
 * listening, so main.ts and the tests start exactly the same app. The database must be migrated first
 * (migrateConsoleDatabase).
 */
export async function createConsoleApp(
  config: ConsoleConfig,
  options: CreateConsoleAppOptions = {},
): Promise<NestExpressApplication> {
  const webDir = config.webDir ?? findWebDir();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, webDir), {
    logger: options.logger ?? config.loggerLevels,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.enableShutdownHooks();
  app.use(securityHeaders);
  app.use(cookieParser());
  app.use(requireCookieBeforeUpload);
  app.useBodyParser('raw', { type: isProxyJson, limit: JSON_BODY_LIMIT });
  app.useBodyParser('raw', { type: isProxyCsv, limit: CSV_BODY_LIMIT });
  app.useBodyParser('json', { type: isOwnJson, limit: '100kb' });
  app.use(bodyErrors);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: fieldErrorsFactory,
    }),
  );
  app.useStaticAssets(webDir, { index: 'index.html', fallthrough: true });

  const openApi = new DocumentBuilder()
    .setTitle('Meldpunt console')
    .setDescription(
      'Web app for school staff, CLB doctors, coordinators and admins: login and sessions, account ' +
        'administration, the platform status, and /api/<service>/… forwarded to the services with a token for ' +
        'the logged-in user.',
    )
    .setVersion('0.2.0')
    .addCookieAuth('meldpunt_session')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
