import 'reflect-metadata';
import { startService } from '@meldpunt/platform';
import { RiskAssessmentModule } from './app.module';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

startService({
  service: 'risk-assessment',
  defaultPort: 3002,
  title: 'Meldpunt risk assessment',
  description: "From a melding to a doctor's decision: cases, contacts, disease protocols.",
  entities: ENTITIES,
  migrations: MIGRATIONS,
  appModule: (config) => RiskAssessmentModule.register(config),
});
