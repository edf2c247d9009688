import 'reflect-metadata';
import { migrateMain } from '@meldpunt/platform';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** `node dist/apps/console/src/migrate.js run | generate <Name>` with DATABASE_URL of the console's database. */
migrateMain({
  service: 'console',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsDir: 'apps/console/src/migrations',
});
