import { ConfigError } from './config-error';

/**
 * Runs a service's bootstrap; a ConfigError (or any start-up failure) is printed in one readable block and the
 * process exits with code 1 instead of crashing with a stack trace at 3 a.m.
 */
export function bootOrExit(service: string, bootstrap: () => Promise<void>): void {
  bootstrap().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n${service} not started: fix the variables above.\n`);
    } else {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`${service} failed to start: ${text}\n`);
    }
    process.exit(1);
  });
}
