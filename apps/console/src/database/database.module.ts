import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionRepository } from '../auth/session.repository';
import type { ConsoleConfig } from '../config';
import { ENTITIES } from '../entities';
import { UserRepository } from '../users/user.repository';

/**
 * The console's own database (users and sessions) and the repositories on it. Migrations are applied before Nest
 * starts (see migrateConsoleDatabase), so the data source never synchronises.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: ConsoleConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          entities: ENTITIES,
          synchronize: false,
          migrationsRun: false,
          poolSize: config.databasePoolSize,
          applicationName: 'console',
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
      ],
      providers: [UserRepository, SessionRepository, PasswordHasher],
      exports: [UserRepository, SessionRepository, PasswordHasher],
    };
  }
}
