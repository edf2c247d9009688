// Melding received → case visible in the doctor's queue, under load (not part of the tests).
// Run: npm run bench:risk [-- rate seconds schools]
//   (= node tools/build.mjs && node dist/apps/risk-assessment/bench/case-queue.bench.js [rate] [seconds] [schools];
//    or without building: node --require ./libs/testing/src/swc-register.js apps/risk-assessment/bench/case-queue.bench.ts …)
//
// The whole risk-assessment service (RiskAssessmentModule with the real protocol engine and example protocols) on a
// throwaway database and a consumer group of its own. The directory and the rosters (schools × 8 classes of 24
// pupils and 2 teachers) arrive as events first; then meldingen are published on meldingen.melding.received.v1 at
// `rate` per second for `seconds`, each for a different pupil, so every one opens a case (and reassesses the
// other cases of its class). A doctor's live queue (GET /v1/cases/stream, sent after the commit) times when each
// case is visible; at the end GET /v1/cases must list them all.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Principal } from '@meldpunt/auth';
import {
  CONTRACTS,
  TOPICS,
  type Disease,
  type EventEnvelope,
  type EventPayloads,
  type Topic,
} from '@meldpunt/contracts';
import { createEnvelope, EventProducer, eventMessage, partitionKeyOf } from '@meldpunt/messaging';
import { bearerFor, TestHarness, waitFor } from '@meldpunt/testing';
import type { QueueItemDto, QueueResponseDto } from '../src/cases/dto/case.response.dto';
import { SseClient, startRiskTestApp } from '../src/cases/test-fixtures/risk-test-app';

export interface CaseQueueBenchResult {
  readonly rate: number;
  readonly seconds: number;
  readonly schools: number;
  readonly meldingen: number;
  readonly visible: number;
  readonly sentPerSecond: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly contactsPerCase: number;
}

const CLASSES_PER_SCHOOL = 8;
const PUPILS_PER_CLASS = 24;
const TICK_MS = 100;
/** Mostly COVID-19, as in 2020; a few urgent diseases. */
const DISEASES: readonly Disease[] = [
  'covid-19',
  'covid-19',
  'covid-19',
  'covid-19',
  'mumps',
  'pertussis',
  'scarlet-fever',
  'measles',
  'meningococcal',
];

interface BenchClass {
  readonly schoolId: string;
  readonly clbId: string;
  readonly groupId: string;
  readonly pupils: string[];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export async function main(rate = 50, seconds = 30, schoolCount = 60): Promise<CaseQueueBenchResult> {
  const harness = await TestHarness.start();
  const producer = new EventProducer(harness.kafka);
  let sse: SseClient | undefined;
  let close: (() => Promise<void>) | undefined;
  try {
    const risk = await startRiskTestApp(harness);
    close = () => risk.close();
    await producer.connect();
    const send = async (envelopes: readonly EventEnvelope[]) =>
      producer.publish(
        envelopes.map((envelope) => eventMessage(envelope, partitionKeyOf(CONTRACTS, envelope))),
      );
    const envelope = <T extends Topic>(topic: T, payload: EventPayloads[T]) =>
      createEnvelope(CONTRACTS, topic, payload, { producer: 'bench', correlationId: randomUUID() });

    // The region: 3 CLBs, the schools, 8 classes each.
    const clbs = [randomUUID(), randomUUID(), randomUUID()];
    const classes: BenchClass[] = [];
    const setup: EventEnvelope[] = clbs.map((clbId, index) =>
      envelope(TOPICS.CLB_REGISTERED, { clbId, name: `Bench CLB ${index + 1}` }),
    );
    for (let index = 0; index < schoolCount; index++) {
      const schoolId = randomUUID();
      const clbId = clbs[index % clbs.length] ?? '';
      setup.push(
        envelope(TOPICS.SCHOOL_REGISTERED, {
          schoolId,
          clbId,
          instellingsnummer: String(200_000 + index),
          name: `Bench school ${index + 1}`,
          levels: ['lager'],
        }),
      );
      for (let klas = 0; klas < CLASSES_PER_SCHOOL; klas++) {
        const group: BenchClass = {
          schoolId,
          clbId,
          groupId: randomUUID(),
          pupils: Array.from({ length: PUPILS_PER_CLASS }, () => randomUUID()),
        };
        classes.push(group);
        setup.push(
          envelope(TOPICS.GROUP_MEMBERSHIP_CHANGED, {
            schoolId,
            groupId: group.groupId,
            schoolYear: '2026-2027',
            kind: 'class',
            name: `${1 + (klas % 6)}${'AB'[klas % 2] ?? 'A'}`,
            level: 'lager',
            pupilRefs: group.pupils,
            staffRefs: [randomUUID(), randomUUID()],
          }),
        );
      }
    }
    for (let start = 0; start < setup.length; start += 200) await send(setup.slice(start, start + 200));
    const lastSetup = setup.map((event) => event.eventId);
    await waitFor(
      async () => {
        const rows: Array<{ n: string }> = await risk.dataSource.query(
          'SELECT count(*) AS n FROM inbox WHERE event_id = ANY($1::uuid[])',
          [lastSetup],
        );
        return Number(rows[0]?.n) === lastSetup.length;
      },
      { timeoutMs: 180_000, intervalMs: 250, description: 'the directory and rosters applied' },
    );

    const doctor: Principal = { userId: 'bench-doctor', role: 'doctor', clbIds: clbs, schoolIds: [] };
    sse = await SseClient.open(`${risk.baseUrl}/v1/cases/stream`, bearerFor(doctor, 'risk-assessment'));
    await sse.waitFor((event) => event.event === 'ready');
    const visibleAt = new Map<string, number>();
    const opened = sse;
    const seenCount = () => {
      for (const event of opened.events) {
        if (event.event !== 'case-opened') continue;
        const item = event.data as QueueItemDto;
        if (!visibleAt.has(item.reference)) visibleAt.set(item.reference, event.at);
      }
      return visibleAt.size;
    };

    // Load: `rate` meldingen per second, in ticks of 100 ms, each for a pupil not reported before.
    const sentAt = new Map<string, number>();
    const total = Math.round(rate * seconds);
    const perTick = (rate * TICK_MS) / 1000;
    let sent = 0;
    let sequence = 0;
    const startedAt = performance.now();
    for (let tick = 0; sent < total; tick++) {
      const due = Math.min(total, Math.round((tick + 1) * perTick));
      const batch: EventEnvelope[] = [];
      for (; sent < due; sent++) {
        const group = classes[sent % classes.length];
        if (!group) throw new Error('no classes');
        const subject = group.pupils[Math.floor(sent / classes.length) % PUPILS_PER_CLASS] ?? randomUUID();
        const reference = `M-2026-${String(900_000 + sequence++).padStart(6, '0')}`;
        batch.push(
          envelope(TOPICS.MELDING_RECEIVED, {
            meldingId: randomUUID(),
            reference,
            schoolId: group.schoolId,
            clbIds: [group.clbId],
            subject: { kind: 'pupil', ref: subject },
            disease: DISEASES[sent % DISEASES.length] ?? 'covid-19',
            onsetDate: isoDaysAgo(1),
            test: { date: isoDaysAgo(0), result: 'positive' },
            lastDayPresent: isoDaysAgo(1),
            groupIds: [group.groupId],
            activities: [],
            channel: 'api',
            receivedAt: new Date().toISOString(),
          }),
        );
        sentAt.set(reference, performance.now());
      }
      await send(batch);
      const next = startedAt + (tick + 1) * TICK_MS;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const sendSeconds = (performance.now() - startedAt) / 1000;
    await waitFor(() => seenCount() >= total, {
      timeoutMs: 120_000,
      intervalMs: 100,
      description: `${total} cases in the live queue`,
    });
    const queue = await risk.call(doctor, 'GET', '/v1/cases?limit=1');
    const listed = (queue.body as QueueResponseDto).total;
    if (listed < total) throw new Error(`GET /v1/cases lists ${listed} cases, expected ${total}`);
    const contacts: Array<{ avg: string }> = await risk.dataSource.query(
      'SELECT avg(contact_count) AS avg FROM risk_case',
    );

    const latencies = [...sentAt]
      .map(([reference, at]) => (visibleAt.get(reference) ?? Number.NaN) - at)
      .sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    const result: CaseQueueBenchResult = {
      rate,
      seconds,
      schools: schoolCount,
      meldingen: total,
      visible: visibleAt.size,
      sentPerSecond: round(total / sendSeconds),
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies[latencies.length - 1] ?? Number.NaN),
      },
      contactsPerCase: round(Number(contacts[0]?.avg)),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    sse?.close();
    await producer.disconnect().catch(() => undefined);
    await close?.();
    await harness.cleanup();
  }
}

if (require.main === module) {
  const [rate, seconds, schools] = process.argv.slice(2).map(Number);
  main(rate || undefined, seconds || undefined, schools || undefined).catch((error: unknown) => {
    process.stderr.write(
      `case queue bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
