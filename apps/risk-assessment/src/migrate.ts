import 'reflect-metadata';
import { migrateMain } from '@meldpunt/platform';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

migrateMain({
  service: 'risk-assessment',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsDir: 'apps/risk-assessment/src/migrations',
});
