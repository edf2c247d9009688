import 'reflect-metadata';
import { migrateMain } from '@meldpunt/platform';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

migrateMain({
  service: 'intake',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsDir: 'apps/intake/src/migrations',
});
