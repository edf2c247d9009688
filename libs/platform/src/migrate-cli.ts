import { resolve } from 'node:path';
import type { MixedList } from 'typeorm';
import { z } from 'zod';
import { loadConfig } from '@meldpunt/config';
import { createDataSource, generateMigration, migrate } from '@meldpunt/persistence';

export interface MigrateCliOptions {
  readonly service: string;
  readonly entities: MixedList<new () => unknown>;
  readonly migrations: MixedList<new () => unknown>;
  /** Source folder of the service's migrations, relative to the workspace root. */
  readonly migrationsDir: string;
}

const usage = 'usage: migrate.js run | generate <PascalCaseName>';

/**
 * The per-service migration command: `run` applies pending migrations (the same as at service start);
 * `generate <Name>` writes the schema difference of the entities as a new committed migration.
 */
export async function runMigrateCli(options: MigrateCliOptions, argv: readonly string[]): Promise<number> {
  const { DATABASE_URL: url } = loadConfig(
    `${options.service} migrate`,
    z.object({ DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }) }),
  );
  const dataSource = () =>
    createDataSource({
      url,
      entities: options.entities,
      migrations: options.migrations,
      applicationName: `${options.service}-migrate`,
      poolSize: 1,
    });
  const [command, name] = argv;
  if (command === 'run') {
    const applied = await migrate(dataSource(), url);
    process.stdout.write(
      `${options.service}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}\n`,
    );
    return 0;
  }
  if (command === 'generate' && name) {
    const file = await generateMigration(dataSource(), url, resolve(options.migrationsDir), name);
    process.stdout.write(
      file
        ? `${options.service}: wrote ${file}\n`
        : `${options.service}: entities and database agree; nothing to generate\n`,
    );
    return 0;
  }
  process.stderr.write(`${usage}\n`);
  return 2;
}

/** Entry point of a service's `migrate.ts`: runs the command from argv and exits with its code. */
export function migrateMain(options: MigrateCliOptions): void {
  runMigrateCli(options, process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${options.service} migrate failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
