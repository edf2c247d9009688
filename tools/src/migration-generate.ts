import { resolve } from 'node:path';
import { SERVICE_APPS, loadStackEnv, serviceEnv, type ServiceApp } from './stack';
import { devKeys } from './dev-keys';
import { runToCompletion } from './supervisor';

/** `npm run migration:generate -- <service> <PascalCaseName>`: writes a migration from the entity changes. */
async function main(): Promise<number> {
  const [app, name] = process.argv.slice(2);
  if (!app || !name || !(SERVICE_APPS as readonly string[]).includes(app)) {
    process.stderr.write(
      `usage: npm run migration:generate -- <${SERVICE_APPS.join('|')}> <PascalCaseName>\n`,
    );
    return 2;
  }
  const root = resolve(__dirname, '../../..');
  await runToCompletion(
    {
      name: app,
      command: process.execPath,
      args: [`${root}/dist/apps/${app}/src/migrate.js`, 'generate', name],
      env: serviceEnv(loadStackEnv(), app as ServiceApp, await devKeys(root)),
    },
    (line) => process.stdout.write(`${line}\n`),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `migration:generate failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
