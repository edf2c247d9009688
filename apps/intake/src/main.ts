import 'reflect-metadata';
import { startService } from '@meldpunt/platform';
import { IntakeModule } from './app.module';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

startService({
  service: 'intake',
  defaultPort: 3001,
  title: 'Meldpunt intake',
  description:
    'Schools report infections (meldingen) and keep their rosters; owns the CLB and school registry.',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  appModule: (config) => IntakeModule.register(config),
});
