import { createDataSource, migrate } from '@meldpunt/persistence';
import type { ConsoleConfig } from '../config';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';

/** Creates the console's database if needed and applies pending migrations; returns the names applied. */
export function migrateConsoleDatabase(config: Pick<ConsoleConfig, 'databaseUrl'>): Promise<string[]> {
  return migrate(
    createDataSource({
      url: config.databaseUrl,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      applicationName: 'console-migrate',
      poolSize: 1,
    }),
    config.databaseUrl,
  );
}
