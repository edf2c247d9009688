import 'reflect-metadata';
import { migrateMain } from '@meldpunt/platform';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

migrateMain({
  service: 'scheduling',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsDir: 'apps/scheduling/src/migrations',
});
