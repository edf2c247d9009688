#!/usr/bin/env node
// `npm run dlq -- list | list <dlq-topic> [--json] | replay <dlq-topic>`; the logic is in dead-letter/dlq-command.ts.
import { runDlqCommand } from '../dead-letter/dlq-command';

runDlqCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dlq: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
