import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenancyScope } from '@meldpunt/auth';
import { bootOrExit, loadServiceConfig } from '@meldpunt/config';
import { IntakeModule } from './app.module';
import { demoRosters, schoolYearOf, type DemoRoster } from './demo-rosters';
import { DEMO_CLB } from './registry/demo-clb';
import { RegisterClbUseCase } from './registry/use-cases/register-clb.use-case';
import type { RosterImport } from './rosters/roster-import.entity';
import { GetRosterImportUseCase } from './rosters/use-cases/get-roster-import.use-case';
import { ReadRosterUseCase } from './rosters/use-cases/read-roster.use-case';
import { RequestRosterImportUseCase } from './rosters/use-cases/request-roster-import.use-case';

/** Who the seed acts as: a platform admin (every CLB), recorded as the imports' requester. */
const SEED_SCOPE = TenancyScope.of({ userId: 'demo-seed', role: 'admin', clbIds: [], schoolIds: [] });
const FINISHED: readonly RosterImport['status'][] = ['applied', 'rejected', 'failed'];
const IMPORT_TIMEOUT_MS = 60_000;

/** Today in Brussels, YYYY-MM-DD. */
function todayInBrussels(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}

/**
 * Imports a demo roster through the real use-cases (request → the import job), so the pupils, groups and staff
 * are stored and their events go out through the outbox like any school's upload. Leaves a school that already
 * has a roster alone (a demo school whose roster was replaced keeps it), and the idempotency key makes a second
 * run, even a concurrent one, find the first import instead of making another. Returns a line for the log.
 */
async function seedRoster(
  app: INestApplicationContext,
  schoolId: string,
  schoolYear: string,
  demo: DemoRoster,
): Promise<string> {
  const existing = await app.get(ReadRosterUseCase).pupils(SEED_SCOPE, schoolId, { status: 'all', limit: 1 });
  if (existing.length > 0) return 'has a roster already';
  const content = JSON.stringify(demo.roster);
  const { importId, created } = await app.get(RequestRosterImportUseCase).execute({
    scope: SEED_SCOPE,
    requestedBy: 'demo-seed',
    schoolId,
    schoolYear,
    upload: { format: 'json', roster: demo.roster },
    idempotencyKey: `demo-roster-${schoolYear}-${createHash('sha256').update(content).digest('hex').slice(0, 16)}`,
  });
  // This context's roster-import worker (or a running intake of the same stack: same queue prefix) runs the job.
  const deadline = Date.now() + IMPORT_TIMEOUT_MS;
  for (;;) {
    const status = await app.get(GetRosterImportUseCase).execute(SEED_SCOPE, importId);
    if (FINISHED.includes(status.status)) {
      if (status.status !== 'applied') {
        const errors = status.errors.map((error) => `${error.field}: ${error.reason}`).join('; ');
        throw new Error(`demo roster of ${demo.instellingsnummer} was ${status.status}: ${errors}`);
      }
      return `${status.total} pupils ${created ? 'imported' : 'already imported'} (${schoolYear})`;
    }
    if (Date.now() > deadline)
      throw new Error(`demo roster of ${demo.instellingsnummer} still ${status.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Seeds the demo CLB and its schools, then a demo roster per school (idempotent: a second run changes nothing).
 * Runs the use-cases inside an application context so the events go out through the same outbox a running
 * intake uses; the relay of this context publishes them before it closes.
 */
bootOrExit('intake seed', async () => {
  const config = loadServiceConfig('intake', 3001);
  const app = await NestFactory.createApplicationContext(IntakeModule.register(config), {
    logger: ['error', 'warn'],
  });
  try {
    const result = await app.get(RegisterClbUseCase).execute(DEMO_CLB);
    process.stdout.write(
      `seeded ${DEMO_CLB.name}: clb ${result.clbId}, ${result.schoolIds.length} schools\n`,
    );
    const schoolYear = schoolYearOf(todayInBrussels());
    for (const demo of demoRosters(schoolYear)) {
      const index = DEMO_CLB.schools.findIndex(
        (school) => school.instellingsnummer === demo.instellingsnummer,
      );
      const schoolId = result.schoolIds[index];
      if (!schoolId) throw new Error(`demo roster for unknown school ${demo.instellingsnummer}`);
      const outcome = await seedRoster(app, schoolId, schoolYear, demo);
      process.stdout.write(`  roster of ${DEMO_CLB.schools[index]?.name ?? schoolId}: ${outcome}\n`);
    }
  } finally {
    await app.close();
  }
});
