import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { bootOrExit } from '@meldpunt/config';
import { loadConsoleConfig } from './config';
import { createConsoleApp } from './create-console-app';
import { migrateConsoleDatabase } from './database/migrate-console-database';

bootOrExit('console', async () => {
  const config = loadConsoleConfig();
  const logger = new Logger('Bootstrap');
  const applied = await migrateConsoleDatabase(config);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  const app = await createConsoleApp(config);
  await app.listen(config.port);
  logger.log(`console listening on http://127.0.0.1:${config.port} (API docs at /docs)`);
});
