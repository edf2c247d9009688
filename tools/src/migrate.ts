import { resolve } from 'node:path';
import { SERVICE_APPS, loadStackEnv, serviceEnv } from './stack';
import { devKeys } from './dev-keys';
import { runToCompletion } from './supervisor';

/** `npm run migrate`: applies pending migrations of every service's database. */
async function main(): Promise<void> {
  const root = resolve(__dirname, '../../..');
  const env = loadStackEnv();
  const keys = await devKeys(root);
  for (const app of SERVICE_APPS) {
    await runToCompletion(
      {
        name: app,
        command: process.execPath,
        args: [
          `${root}/dist/apps/${app}/src/migrate.js`,
          ...(process.argv.length > 2 ? process.argv.slice(2) : ['run']),
        ],
        env: serviceEnv(env, app, keys),
      },
      (line) => process.stdout.write(`${line}\n`),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
