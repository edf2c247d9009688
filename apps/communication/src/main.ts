import 'reflect-metadata';
import { startService } from '@meldpunt/platform';
import { CommunicationModule } from './app.module';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

startService({
  service: 'communication',
  defaultPort: 3003,
  title: 'Meldpunt communication',
  description: 'Letters and messages to parents and schools by email and SMS.',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  appModule: (config) => CommunicationModule.register(config),
});
