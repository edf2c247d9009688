import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { Clock } from './clock';
import { ConsoleConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { PublicLetterModule } from './letters/public-letter.module';
import { PagesModule } from './pages/pages.module';
import { ProxyModule } from './proxy/proxy.module';
import { StatusModule } from './status/status.module';
import { UsersModule } from './users/users.module';
import { WebDir } from './web-dir';

/** Wires the console's features. The validated config is passed in, so tests boot it with their own. */
@Module({})
export class AppModule {
  static forRoot(config: ConsoleConfig, webDir: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(config),
        HealthModule,
        AuthModule,
        UsersModule,
        StatusModule,
        ProxyModule,
        PagesModule,
        PublicLetterModule,
      ],
      providers: [
        { provide: ConsoleConfig, useValue: config },
        { provide: WebDir, useValue: new WebDir(webDir) },
        Clock,
      ],
      exports: [ConsoleConfig, WebDir, Clock],
    };
  }
}
