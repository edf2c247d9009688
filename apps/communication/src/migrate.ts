import 'reflect-metadata';
import { migrateMain } from '@meldpunt/platform';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

migrateMain({
  service: 'communication',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsDir: 'apps/communication/src/migrations',
});
