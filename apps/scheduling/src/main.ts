import 'reflect-metadata';
import { startService } from '@meldpunt/platform';
import { SchedulingModule } from './app.module';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

startService({
  service: 'scheduling',
  defaultPort: 3004,
  title: 'Meldpunt scheduling',
  description: 'Permanentie rotas, paging the on-call doctor and escalation.',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  appModule: (config) => SchedulingModule.register(config),
});
