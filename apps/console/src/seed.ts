import 'reflect-metadata';
import { z } from 'zod';
import { ServiceTokenSigner } from '@meldpunt/auth';
import { bootOrExit, loadConfig } from '@meldpunt/config';
import { createDataSource } from '@meldpunt/persistence';
import { PasswordHasher } from './auth/password-hasher';
import { loadConsoleConfig } from './config';
import { migrateConsoleDatabase } from './database/migrate-console-database';
import { ENTITIES } from './entities';
import { SERVICE_TOKEN_TTL_SECONDS } from './proxy/proxy.module';
import { ServiceClient } from './proxy/service-client';
import { DEMO_PASSWORD } from './seed/demo-users';
import { resolveDemoTenancyFromIntake } from './seed/resolve-demo-tenancy';
import { SeedDemoUsersUseCase } from './seed/seed-demo-users.use-case';
import { UserRepository } from './users/user.repository';

const uuid = z.uuid({ error: 'must be a UUID' });

/** Optional overrides: both ids set → intake is not asked. */
const seedEnvSchema = z.object({
  DEMO_SCHOOL_ID: uuid.optional(),
  DEMO_CLB_ID: uuid.optional(),
  /** How long to wait for intake to answer with the demo school. */
  SEED_INTAKE_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
});

/**
 * `node dist/apps/console/src/seed.js`: the demo accounts (admin@, school@, arts@, medewerker@ and
 * coordinator@meldpunt.test, password Meldpunt-demo-2026), idempotent. Needs the console's environment (DATABASE_URL, AUTH_PRIVATE_KEY, INTAKE_URL)
 * and intake running with its demo CLB seeded, unless DEMO_SCHOOL_ID and DEMO_CLB_ID are given. Refuses to run
 * with NODE_ENV=production.
 */
bootOrExit('console seed', async () => {
  const config = loadConsoleConfig();
  const env = loadConfig('console seed', seedEnvSchema);
  if (config.nodeEnv === 'production') {
    throw new Error('refusing to create demo accounts with a known password when NODE_ENV=production');
  }
  await migrateConsoleDatabase(config);
  const dataSource = createDataSource({
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: [],
    applicationName: 'console-seed',
    poolSize: 1,
  });
  await dataSource.initialize();
  try {
    const signer = new ServiceTokenSigner(config.authPrivateKey, SERVICE_TOKEN_TTL_SECONDS);
    const client = new ServiceClient(config, signer);
    const { DEMO_SCHOOL_ID: schoolId, DEMO_CLB_ID: clbId } = env;
    const seed = new SeedDemoUsersUseCase(new UserRepository(dataSource), new PasswordHasher());
    const seeded = await seed.execute((admin) =>
      schoolId && clbId
        ? Promise.resolve({ schoolId, clbId })
        : resolveDemoTenancyFromIntake(client, admin, { timeoutMs: env.SEED_INTAKE_TIMEOUT_MS }),
    );
    process.stdout.write(
      `seeded console demo users (password ${DEMO_PASSWORD}): ${seeded.map((user) => user.email).join(', ')}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
});
