import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { startGroupAtEnd } from '@meldpunt/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { SERVICE_APPS, loadStackEnv, serviceEnv, stackProcesses, type StackEnv } from './stack';
import { devKeys } from './dev-keys';
import { Supervisor, runToCompletion } from './supervisor';

/**
 * `npm start` after provisioning: migrate every service's database, seed the demo CLB, start the mail and SMS
 * sinks, the four services and the console, wait until every /health answers, then print `Meldpunt ready`.
 * SIGINT/SIGTERM stop everything; an unexpected exit of any process stops the rest with exit code 1.
 */
/** Commits the end of every registry topic for each service's consumer group, before anything of this stack runs. */
async function skipHistory(env: StackEnv): Promise<void> {
  const kafka = new Kafka({
    clientId: 'npm-start',
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  await Promise.all(
    SERVICE_APPS.map((app) =>
      startGroupAtEnd(kafka, `${env.KAFKA_GROUP_PREFIX}${app}`, Object.keys(CONTRACTS)),
    ),
  );
}

async function main(): Promise<number> {
  const root = resolve(__dirname, '../../..');
  // start.sh passes the moment `npm start` began, so the banner tells the whole start-up time.
  const env = loadStackEnv();
  const keys = await devKeys(root);
  const started = env.MELDPUNT_STARTED_AT_MS ?? Date.now();
  const print = (line: string) => process.stdout.write(`${line}\n`);

  let failed = false;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((r) => (resolveDone = r));
  const supervisor = new Supervisor(print, (name, code) => {
    print(`[start] ${name} exited unexpectedly (code ${String(code)}); stopping Meldpunt`);
    failed = true;
    resolveDone();
  });
  let signalled = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!signalled) print(`[start] ${signal}: stopping Meldpunt…`);
      signalled = true;
      resolveDone();
    });
  }

  print('[start] migrating databases…');
  await Promise.all(
    SERVICE_APPS.map((app) =>
      runToCompletion(
        {
          name: `${app} migrate`,
          command: process.execPath,
          args: [`${root}/dist/apps/${app}/src/migrate.js`, 'run'],
          env: serviceEnv(env, app, keys),
        },
        print,
      ),
    ),
  );
  if (env.KAFKA_SKIP_HISTORY) {
    print('[start] consumer groups start at the end of the shared topics (KAFKA_SKIP_HISTORY)…');
    await skipHistory(env);
  }
  print('[start] seeding the demo CLB…');
  await runToCompletion(
    {
      name: 'seed',
      command: process.execPath,
      args: [`${root}/dist/apps/intake/src/seed.js`],
      env: { ...serviceEnv(env, 'intake', keys), LOG_LEVEL: 'warn' },
    },
    print,
  );

  const processes = stackProcesses(env, root, keys);
  for (const spec of processes) supervisor.start(spec);
  const consoleSpec = processes.find((spec) => spec.name === 'console');
  const ready = supervisor.waitUntilReady(120_000).then(
    async () => {
      // Demo users need intake's demo school, so they are seeded once everything answers.
      await runToCompletion(
        {
          name: 'console seed',
          command: process.execPath,
          args: [`${root}/dist/apps/console/src/seed.js`],
          env: { ...(consoleSpec?.env ?? {}), LOG_LEVEL: 'warn' },
        },
        print,
      );
      return true;
    },
    (error: unknown) => {
      if (!signalled && !failed) print(`[start] ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
      resolveDone();
      return false;
    },
  );
  const outcome = await Promise.race([ready, done.then(() => false)]);
  if (outcome) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // The console first: it is where people start.
    const links = [...processes]
      .sort((a, b) => Number(b.name === 'console') - Number(a.name === 'console'))
      .flatMap((spec) => spec.links);
    print(`Meldpunt ready in ${seconds} s: ${links.map((link) => link.url).join(' ')}`);
    for (const link of links) print(`  ${link.label.padEnd(30)} ${link.url}`);
    print('  demo logins (development only; password Meldpunt-demo-2026):');
    print(
      '    admin@meldpunt.test, school@meldpunt.test (Basisschool De Regenboog), arts@meldpunt.test (doctor),',
    );
    print('    medewerker@meldpunt.test (CLB staff), coordinator@meldpunt.test');
    print('Press Ctrl-C to stop.');
    await done;
  }
  await supervisor.stop();
  print('[start] stopped.');
  return failed && !signalled ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError
        ? `${error.message}\n`
        : `[start] failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
