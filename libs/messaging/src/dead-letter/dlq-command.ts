import { loadConfig, type Env } from '@meldpunt/config';
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { errorMessageOf } from '../support/errors';
import {
  listDeadLetters,
  replayDeadLetters,
  summarizeDeadLetters,
  type DeadLetterEntry,
  type DeadLetterTopicSummary,
} from './dead-letters';

export const DLQ_USAGE = `Usage: npm run dlq -- <command>

Commands:
  list                    every *.dlq topic: records retained and not yet replayed
  list <dlq-topic>        each dead letter of one topic (offset, origin, attempts, error, event id/type;
                          never the payload)
  replay <dlq-topic>      re-publish every not-yet-replayed dead letter to the group's retry topic
                          (attempts reset, due now); progress is kept in group <dlq-topic>.replay

Options:
  --json                  machine-readable output
  -h, --help              this text

Environment:
  KAFKA_BROKERS           comma-separated host:port list (default 127.0.0.1:9092)

Exit codes: 0 ok, 1 failure (e.g. broker down), 2 usage error.
`;

export type DlqArgs =
  | { readonly command: 'list'; readonly topic: string | null; readonly json: boolean }
  | { readonly command: 'replay'; readonly topic: string; readonly json: boolean }
  | { readonly command: 'help' };

export type ParsedDlqArgs =
  { readonly ok: true; readonly args: DlqArgs } | { readonly ok: false; readonly error: string };

export function parseDlqArgs(argv: readonly string[]): ParsedDlqArgs {
  const flags = argv.filter((arg) => arg.startsWith('-'));
  const words = argv.filter((arg) => !arg.startsWith('-'));
  if (flags.includes('-h') || flags.includes('--help')) return { ok: true, args: { command: 'help' } };
  const unknown = flags.filter((flag) => flag !== '--json');
  if (unknown.length > 0) return { ok: false, error: `unknown option ${unknown.join(', ')}` };
  const json = flags.includes('--json');
  const [command, topic, ...rest] = words;
  if (rest.length > 0) return { ok: false, error: `unexpected argument ${rest.join(' ')}` };
  switch (command) {
    case undefined:
      return { ok: false, error: 'missing command' };
    case 'list':
      return { ok: true, args: { command: 'list', topic: topic ?? null, json } };
    case 'replay':
      if (!topic) return { ok: false, error: 'replay needs a <dlq-topic>' };
      return { ok: true, args: { command: 'replay', topic, json } };
    case 'help':
      return { ok: true, args: { command: 'help' } };
    default:
      return { ok: false, error: `unknown command ${command}` };
  }
}

const dlqEnvSchema = z.object({
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092')
    .default('127.0.0.1:9092')
    .transform((value) => value.split(',')),
});

export interface DlqIo {
  out(text: string): void;
  err(text: string): void;
}

export interface DlqDeps {
  /** Environment to read KAFKA_BROKERS from; process.env unless given. */
  readonly env?: Env;
  /** Timeout for reading a topic. */
  readonly timeoutMs?: number;
}

/** True when the error (or one it wraps) says the broker could not be reached. */
export function isBrokerUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const record = current as {
      name?: unknown;
      message?: unknown;
      code?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (record.name === 'KafkaJSConnectionError' || record.name === 'KafkaJSConnectionClosedError')
      return true;
    if (
      typeof record.code === 'string' &&
      ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT'].includes(record.code)
    ) {
      return true;
    }
    if (
      typeof record.message === 'string' &&
      /ECONNREFUSED|Connection timeout|getaddrinfo/.test(record.message)
    )
      return true;
    current = record.originalError ?? record.cause;
  }
  return false;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return (
    rows
      .map((row) =>
        row
          .map((cell, index) => cell.padEnd(widths[index] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function formatSummaries(summaries: readonly DeadLetterTopicSummary[]): string {
  if (summaries.length === 0) return 'No dead-letter topics.\n';
  return table([
    ['DLQ TOPIC', 'TOTAL', 'NOT REPLAYED'],
    ...summaries.map((summary) => [summary.topic, String(summary.total), String(summary.notReplayed)]),
  ]);
}

function formatEntries(topic: string, entries: readonly DeadLetterEntry[]): string {
  const pending = entries.filter((entry) => !entry.replayed).length;
  const head = `${topic}: ${entries.length} dead letter(s), ${pending} not replayed\n`;
  if (entries.length === 0) return head;
  const oneLine = (text: string | null) => (text ?? '-').replace(/\s+/g, ' ').slice(0, 160);
  return (
    head +
    table([
      [
        'PARTITION@OFFSET',
        'REPLAYED',
        'ORIGINAL',
        'ATTEMPTS',
        'FIRST FAILED AT',
        'EVENT TYPE',
        'EVENT ID',
        'ERROR',
      ],
      ...entries.map((entry) => [
        `${entry.partition}@${entry.offset}`,
        entry.replayed ? 'yes' : 'no',
        entry.originalTopic === null
          ? '-'
          : `${entry.originalTopic}/${entry.originalPartition ?? '?'}@${entry.originalOffset ?? '?'}`,
        entry.attempts === null ? '-' : String(entry.attempts),
        entry.firstFailedAt ?? '-',
        entry.eventType ?? '-',
        entry.eventId ?? '-',
        oneLine(entry.error),
      ]),
    ])
  );
}

/** The whole `dlq` command; returns the exit code. */
export async function runDlqCommand(argv: readonly string[], io: DlqIo, deps: DlqDeps = {}): Promise<number> {
  const parsed = parseDlqArgs(argv);
  if (!parsed.ok) {
    io.err(`dlq: ${parsed.error}\n\n${DLQ_USAGE}`);
    return 2;
  }
  const args = parsed.args;
  if (args.command === 'help') {
    io.out(DLQ_USAGE);
    return 0;
  }
  let brokers: string[] = [];
  try {
    brokers = loadConfig('dlq', dlqEnvSchema, deps.env).KAFKA_BROKERS;
    const kafka = new Kafka({
      clientId: 'meldpunt-dlq',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
    });
    const options = deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs };
    switch (args.command) {
      case 'list': {
        if (args.topic === null) {
          const summaries = await summarizeDeadLetters(kafka);
          io.out(args.json ? `${JSON.stringify(summaries, null, 2)}\n` : formatSummaries(summaries));
        } else {
          const entries = await listDeadLetters(kafka, args.topic, options);
          io.out(args.json ? `${JSON.stringify(entries, null, 2)}\n` : formatEntries(args.topic, entries));
        }
        return 0;
      }
      case 'replay': {
        const result = await replayDeadLetters(kafka, args.topic, options);
        io.out(
          args.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `Replayed ${result.replayed} dead letter(s) from ${result.deadLetterTopic} to ${result.retryTopic}.\n`,
        );
        return 0;
      }
    }
  } catch (error) {
    if (isBrokerUnreachable(error)) {
      io.err(
        `dlq: Kafka does not answer on ${brokers.join(',')} — is the broker running? (npm run infra:up)\n`,
      );
    } else {
      io.err(`dlq: ${errorMessageOf(error)}\n`);
    }
    return 1;
  }
}
