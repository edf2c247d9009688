// Letters: enqueue, e-mail delivery and a 150,000-letter run on the real dev infrastructure (not part of the tests).
// Run: npm run bench:letters [-- <stage>=<n> …]   stages: render, enqueue, email, volume (all by default), e.g.
//      npm run bench:letters -- render=300 enqueue=2000 email=2000 volume=150000
// Prints the figures as JSON and exits non-zero when a target is missed (see TARGETS). Targets and what the
// comparisons mean are written down in apps/communication/src/letters/README.md ("Performance").
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { extname, join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';
import { loadServiceConfig } from '@meldpunt/config';
import {
  CONTRACTS,
  TOPICS,
  type EventEnvelope,
  type EventPayloads,
  type GuardianContactV1,
  type RiskMeasuresDecidedV1,
  type Topic,
} from '@meldpunt/contracts';
import { createEnvelope, EventProducer, eventMessage, partitionKeyOf } from '@meldpunt/messaging';
import { TEST_AUTH_KEYS, TestHarness, waitFor } from '@meldpunt/testing';
import {
  sealContactsEvent,
  testSealKeys,
  type TestSealKeys,
} from '../src/contacts/test-fixtures/contact-sealing';
import { LetterMailer, type OutgoingLetterMail } from '../src/letters/channels/mailer';
import { LETTER_QUEUES, LetterQueues, letterJobs, type QueueableMessage } from '../src/letters/letter-queues';
import { LettersConfig } from '../src/letters/letters.config';
import {
  startCommunicationTestApp,
  type CommunicationTestApp,
} from '../src/letters/test-fixtures/communication-test-app';
import { SmsSinkProcess } from '../src/letters/test-fixtures/sms-sink-process';
import { dropQueues } from '../src/letters/test-fixtures/test-events';
import { CATALOGS } from '../src/templates/catalogs';
import { renderHtml, renderText } from '../src/templates/html';
import { renderIcs } from '../src/templates/ics';
import { buildLetterContent } from '../src/templates/letter-content';
import { LetterRenderer } from '../src/templates/letter-renderer';
import type { LetterInput } from '../src/templates/letter-renderer.types';
import { renderPdf } from '../src/templates/pdf';
import { segmentSms, smsFriendly } from '../src/templates/sms';

/** The targets. */
const TARGETS = {
  /** LetterQueues.enqueue vs raw addBulk of the same jobs in the same batches. */
  enqueueRatio: 0.7,
  /** Worker e-mail delivery vs a raw pooled nodemailer loop sending the same messages. */
  emailRatio: 0.8,
  /** 150,000 letters delivered to the local sinks. */
  volumeMs: 10 * 60_000,
};

/** Settings of the app under test: the bench raises the provider rates (production defaults stay provider-safe). */
const BENCH_LETTERS = {
  emailRatePerSecond: 10_000,
  smsRatePerSecond: 10_000,
  concurrency: 8,
  smtpPoolSize: 5,
  maxAttempts: 6,
  retryBaseMs: 1_000,
} as const;

/** The guardians' languages: mostly Dutch, and others of the templates (Arabic is right to left). */
const LANGUAGES = [...Array<string>(14).fill('nl'), 'fr', 'en', 'ar', 'tr', 'pl', 'uk'];
const FIRST_NAMES = [
  'Emma',
  'Noah',
  'Zoë',
  'Liam',
  'Lou',
  'Mila',
  'Finn',
  'Olivia',
  'Arthur',
  'Nora',
  'Jules',
  'Ella',
];
const LAST_NAMES = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
];

const quarantine = {
  kind: 'quarantine' as const,
  from: '2026-11-20',
  until: '2026-11-30',
  returnToSchool: '2026-12-01',
  earlyReturnToSchool: null,
  onDate: null,
  deadline: null,
};

function log(message: string): void {
  process.stderr.write(`[letters bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

// ---------------------------------------------------------------------------------------------------------------
// The counting SMTP sink (a child process, like a real mail server would be)

class CountingSmtpSink {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<CountingSmtpSink> {
    const file = join(__dirname, `counting-smtp-sink${extname(__filename)}`);
    const child = fork(file, [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port?: number }) => resolve(message.port ?? 0));
      child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${String(code)}`)));
    });
    return new CountingSmtpSink(child, `smtp://127.0.0.1:${port}`);
  }

  private ask(type: 'count' | 'reset'): Promise<{ accepted: number; bytes: number }> {
    return new Promise((resolve) => {
      this.child.once('message', (message: { accepted: number; bytes: number }) => resolve(message));
      this.child.send({ type });
    });
  }

  count(): Promise<{ accepted: number; bytes: number }> {
    return this.ask('count');
  }

  reset(): Promise<{ accepted: number; bytes: number }> {
    return this.ask('reset');
  }

  stop(): void {
    this.child.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: schools of households (siblings share an address: one letter), 70% e-mail / 30% SMS

interface Household {
  readonly pupils: { readonly pupilRef: string; readonly guardianRef: string; readonly firstName: string }[];
  readonly contact: Omit<GuardianContactV1, 'pupilFirstName'>;
}

interface School {
  readonly schoolId: string;
  readonly clbId: string;
  readonly households: Household[];
}

function makeSchool(
  run: string,
  index: number,
  households: number,
  emailShare: number,
  clbId: string,
): School {
  const schoolId = randomUUID();
  const list: Household[] = [];
  for (let h = 0; h < households; h += 1) {
    const seq = index * 1_000_000 + h;
    const lastName = LAST_NAMES[seq % LAST_NAMES.length] ?? 'Peeters';
    // One household in ten has two children at the school (siblings: two guardian rows, one address, one letter).
    const children = seq % 10 === 3 ? 2 : 1;
    const email = (seq * 7919) % 100 < emailShare * 100;
    list.push({
      pupils: Array.from({ length: children }, (_, c) => ({
        pupilRef: randomUUID(),
        guardianRef: randomUUID(),
        firstName: FIRST_NAMES[(seq + c * 5) % FIRST_NAMES.length] ?? 'Kind',
      })),
      contact: {
        name: `Ouder ${lastName} ${seq}`,
        householdLabel: 'gezin 1',
        language: LANGUAGES[seq % LANGUAGES.length] ?? 'nl',
        email: email ? `ouder-${run}-${seq}@example.be` : null,
        mobile: email ? null : `+3247${String(seq).padStart(7, '0')}`,
        preferredChannel: email ? 'email' : 'sms',
        pupilLastName: lastName,
      },
    });
  }
  return { schoolId, clbId, households: list };
}

function decisionFor(school: School): RiskMeasuresDecidedV1 {
  return {
    caseId: randomUUID(),
    clbId: school.clbId,
    schoolId: school.schoolId,
    disease: 'measles',
    decisionVersion: 1,
    decidedAt: new Date().toISOString(),
    contacts: school.households.flatMap((household) =>
      household.pupils.map((pupil) => ({
        contactRef: pupil.pupilRef,
        contactKind: 'pupil' as const,
        risk: 'high' as const,
        measures: [quarantine],
        letterKind: 'measles-high-risk',
        changed: true,
      })),
    ),
    withdrawnContactRefs: [],
  };
}

async function publish<T extends Topic>(
  producer: EventProducer,
  topic: T,
  payload: EventPayloads[T],
): Promise<EventEnvelope> {
  const envelope = createEnvelope(CONTRACTS, topic, payload, {
    producer: 'bench',
    correlationId: randomUUID(),
  });
  await producer.publish([eventMessage(envelope, partitionKeyOf(CONTRACTS, envelope))]);
  return envelope;
}

async function handledCount(app: CommunicationTestApp, eventIds: readonly string[]): Promise<number> {
  const rows = await app.dataSource.query<{ n: string }[]>(
    'SELECT count(*) AS n FROM inbox WHERE event_id = ANY($1::uuid[])',
    [eventIds],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Publishes every school's sealed contacts and waits until communication stored them. */
async function loadContacts(
  app: CommunicationTestApp,
  producer: EventProducer,
  keys: TestSealKeys,
  schools: readonly School[],
): Promise<void> {
  const ids: string[] = [];
  for (const school of schools) {
    const event = await sealContactsEvent(
      keys,
      school.schoolId,
      school.households.flatMap((household) =>
        household.pupils.map((pupil) => ({
          pupilRef: pupil.pupilRef,
          guardianRef: pupil.guardianRef,
          contact: { ...household.contact, pupilFirstName: pupil.firstName },
        })),
      ),
    );
    ids.push((await publish(producer, TOPICS.GUARDIAN_CONTACTS_CHANGED, event)).eventId);
  }
  await waitFor(async () => (await handledCount(app, ids)) === ids.length, {
    timeoutMs: 30 * 60_000,
    intervalMs: 500,
    description: 'contacts stored',
  });
}

async function messageStates(app: CommunicationTestApp): Promise<Record<string, number>> {
  const rows = await app.dataSource.query<{ state: string; n: string }[]>(
    'SELECT state, count(*) AS n FROM letter_message GROUP BY state',
  );
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}

function benchServiceConfig(harness: TestHarness, queuePrefix: string) {
  return loadServiceConfig('communication', 3003, {
    DATABASE_URL: 'postgres://bench@127.0.0.1:5432/unused',
    REDIS_URL: harness.env.redisUrl,
    KAFKA_BROKERS: harness.env.kafkaBrokers.join(','),
    AUTH_PUBLIC_KEY: TEST_AUTH_KEYS.publicKey,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'error',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 0. Render: per stage, ms per letter

function sampleInput(index: number): LetterInput {
  const lastName = LAST_NAMES[index % LAST_NAMES.length] ?? 'Peeters';
  return {
    kind: index % 5 === 0 ? 'low-risk' : 'high-risk',
    disease: 'measles',
    language: LANGUAGES[index % LANGUAGES.length] ?? 'nl',
    guardianName: `Ouder ${lastName} ${index}`,
    schoolName: 'Sint-Jozefscollege',
    clbName: 'Vrij CLB Brugge',
    children: [
      {
        firstName: FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Kind',
        lastName,
        changed: true,
        measures: [
          quarantine,
          { ...quarantine, kind: 'test', onDate: '2026-11-24', until: null, from: null },
        ],
      },
    ],
    isUpdate: index % 7 === 0,
    letterUrl: `http://127.0.0.1:3000/b/${index}`,
    letterId: randomUUID(),
    issuedAt: '2026-11-20T09:00:00.000Z',
  };
}

export interface RenderFigures {
  readonly letters: number;
  readonly msPerLetter: Record<'content' | 'html' | 'text' | 'sms' | 'pdf' | 'ics' | 'renderer', number>;
}

async function renderStage(letters: number): Promise<RenderFigures> {
  const renderer = new LetterRenderer();
  for (let i = 0; i < 20; i += 1) await renderer.render(sampleInput(i)); // warm up (layouts, fonts, JIT)
  const totals = { content: 0, html: 0, text: 0, sms: 0, pdf: 0, ics: 0, renderer: 0 };
  for (let i = 0; i < letters; i += 1) {
    const input = sampleInput(i);
    const issuedAt = new Date(input.issuedAt ?? 0);
    let start = performance.now();
    const content = buildLetterContent(input, CATALOGS);
    totals.content += performance.now() - start;
    start = performance.now();
    await renderHtml(content);
    totals.html += performance.now() - start;
    start = performance.now();
    renderText(content);
    totals.text += performance.now() - start;
    start = performance.now();
    segmentSms(smsFriendly(content.sms));
    totals.sms += performance.now() - start;
    start = performance.now();
    await renderPdf(content, { letterId: input.letterId, issuedAt });
    totals.pdf += performance.now() - start;
    start = performance.now();
    renderIcs(content, input.letterId, issuedAt);
    totals.ics += performance.now() - start;
    start = performance.now();
    await renderer.render(input);
    totals.renderer += performance.now() - start;
  }
  const msPerLetter = Object.fromEntries(
    Object.entries(totals).map(([stage, ms]) => [stage, round(ms / letters, 3)]),
  ) as RenderFigures['msPerLetter'];
  return { letters, msPerLetter };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Enqueue: LetterQueues.enqueue vs raw addBulk

export interface EnqueueFigures {
  readonly messagesPerDecision: number;
  readonly rounds: number;
  readonly letterQueuesPerSecond: number;
  readonly rawAddBulkPerSecond: number;
  readonly ratio: number;
}

async function enqueueStage(harness: TestHarness, perDecision: number, rounds = 8): Promise<EnqueueFigures> {
  const prefix = harness.unique('bench-letters-q');
  const rawPrefix = `${prefix}-raw`;
  const config = new LettersConfig({
    smtpUrl: 'smtp://127.0.0.1:1',
    mailFrom: 'bench <bench@meldpunt.local>',
    smsProviderUrl: 'http://127.0.0.1:1',
    queuePrefix: prefix,
  });
  const queues = new LetterQueues(benchServiceConfig(harness, prefix), config);
  // The raw side: the same connection settings, the same queues (under their own prefix), the same job options.
  const connection = new Redis(harness.env.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await new Promise<void>((resolve) => connection.once('ready', () => resolve()));
  const raw = {
    email: new Queue(LETTER_QUEUES.email, { connection, prefix: rawPrefix }),
    sms: new Queue(LETTER_QUEUES.sms, { connection, prefix: rawPrefix }),
  };
  const decision = (): QueueableMessage[] =>
    Array.from({ length: perDecision }, (_, i) => {
      const id = randomUUID();
      return {
        id,
        messageKey: `${id}-v1-${randomUUID()}-${i % 10 < 7 ? 'email' : 'sms'}`,
        channel: i % 10 < 7 ? 'email' : 'sms',
        retries: 0,
        campaignId: null,
      };
    });
  // The same jobs (one builder), straight into addBulk: what LetterQueues adds on top is measured.
  const rawEnqueue = async (messages: readonly QueueableMessage[]): Promise<void> => {
    for (const channel of ['email', 'sms'] as const) {
      const jobs = letterJobs(messages, channel, config);
      if (jobs.length > 0) await raw[channel].addBulk(jobs);
    }
  };
  const clean = async (): Promise<void> => {
    for (const queue of [...Object.values(raw), queues.queue('email'), queues.queue('sms')])
      await queue.obliterate({ force: true });
  };
  try {
    // Warm up both (connections, Lua scripts loaded).
    await Promise.all([queues.queue('email').waitUntilReady(), queues.queue('sms').waitUntilReady()]);
    await queues.enqueue(decision());
    await rawEnqueue(decision());
    await clean();
    let letterMs = 0;
    let rawMs = 0;
    for (let r = 0; r < rounds; r += 1) {
      const [a, b] = [decision(), decision()];
      // Alternate who goes first, so neither always gets the warmer Redis.
      const order = r % 2 === 0 ? (['letter', 'raw'] as const) : (['raw', 'letter'] as const);
      for (const side of order) {
        const start = performance.now();
        if (side === 'letter') await queues.enqueue(a);
        else await rawEnqueue(b);
        const ms = performance.now() - start;
        if (side === 'letter') letterMs += ms;
        else rawMs += ms;
      }
      await clean();
    }
    const total = perDecision * rounds;
    const letterQueuesPerSecond = rate(total, letterMs);
    const rawAddBulkPerSecond = rate(total, rawMs);
    return {
      messagesPerDecision: perDecision,
      rounds,
      letterQueuesPerSecond,
      rawAddBulkPerSecond,
      ratio: round(letterQueuesPerSecond / rawAddBulkPerSecond),
    };
  } finally {
    await queues.onApplicationShutdown();
    await Promise.all(Object.values(raw).map((queue) => queue.close()));
    connection.disconnect();
    await dropQueues(harness.env.redisUrl, prefix);
    await dropQueues(harness.env.redisUrl, rawPrefix);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. E-mail: the worker (render + Postgres + pooled SMTP) vs a raw pooled nodemailer loop of the same messages

export interface EmailFigures {
  readonly letters: number;
  readonly workerConcurrency: number;
  readonly smtpPoolSize: number;
  readonly averageMessageBytes: number;
  readonly workerPerSecond: number;
  readonly rawNodemailerPerSecond: number;
  readonly ratio: number;
}

async function emailStage(
  harness: TestHarness,
  producer: EventProducer,
  keys: TestSealKeys,
  letters: number,
): Promise<EmailFigures> {
  const smtp = await CountingSmtpSink.start();
  const sms = await SmsSinkProcess.start();
  const app = await startCommunicationTestApp(harness, {
    sealKeys: keys,
    smtpUrl: smtp.url,
    smsProviderUrl: sms.url,
    letters: BENCH_LETTERS,
  });
  try {
    const run = randomUUID().slice(0, 8);
    // Every household by e-mail, no siblings: `letters` letters.
    const school = makeSchool(run, 1, letters, 1, randomUUID());
    for (const household of school.households) household.pupils.splice(1);
    await loadContacts(app, producer, keys, [school]);

    // Record what the worker hands to SMTP: the raw loop sends exactly these messages afterwards.
    const mailer = app.app.get(LetterMailer);
    const sent: OutgoingLetterMail[] = [];
    const send = mailer.send.bind(mailer);
    mailer.send = (mail) => {
      sent.push(mail);
      return send(mail);
    };

    // Plan and queue every letter with the e-mail queue paused, then time the worker alone.
    const emailQueue = app.app.get(LetterQueues).queue('email');
    await emailQueue.pause();
    const decision = await publish(producer, TOPICS.RISK_MEASURES_DECIDED, decisionFor(school));
    await waitFor(async () => (await handledCount(app, [decision.eventId])) === 1, {
      timeoutMs: 120_000,
      description: 'decision planned',
    });
    await waitFor(
      async () => {
        const counts = await emailQueue.getJobCounts('wait', 'prioritized');
        return Object.values(counts).reduce((sum, n) => sum + n, 0) === letters;
      },
      { timeoutMs: 60_000, description: 'letters queued' },
    );
    await smtp.reset();
    const start = performance.now();
    await emailQueue.resume();
    await waitFor(async () => (await messageStates(app)).queued === undefined, {
      timeoutMs: 30 * 60_000,
      intervalMs: 50,
      description: 'every letter sent',
    });
    const workerMs = performance.now() - start;
    const states = await messageStates(app);
    const received = await smtp.count();
    if (received.accepted !== letters || sent.length !== letters)
      throw new Error(
        `expected ${letters} mails, sink got ${received.accepted}, worker sent ${sent.length}: ${JSON.stringify(states)}`,
      );

    // The raw loop: nodemailer with the same pool settings as SmtpLetterMailer, the same sendMail fields, as many
    // messages in flight as the worker's concurrency.
    await smtp.reset();
    const transport = createTransport({
      url: smtp.url,
      pool: true,
      maxConnections: BENCH_LETTERS.smtpPoolSize,
      maxMessages: 1_000,
    });
    let next = 0;
    const rawStart = performance.now();
    await Promise.all(
      Array.from({ length: BENCH_LETTERS.concurrency }, async () => {
        while (next < sent.length) {
          const mail = sent[next++] as OutgoingLetterMail;
          await transport.sendMail({
            from: 'CLB test <test@meldpunt.local>',
            to: mail.to,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            messageId: mail.messageId,
            headers: { 'Content-Language': mail.language },
            attachments: mail.attachments.map((attachment) => ({ ...attachment })),
          });
        }
      }),
    );
    const rawMs = performance.now() - rawStart;
    transport.close();
    const rawReceived = await smtp.count();
    if (rawReceived.accepted !== letters) throw new Error(`raw loop: sink got ${rawReceived.accepted}`);
    const workerPerSecond = rate(letters, workerMs);
    const rawNodemailerPerSecond = rate(letters, rawMs);
    return {
      letters,
      workerConcurrency: BENCH_LETTERS.concurrency,
      smtpPoolSize: BENCH_LETTERS.smtpPoolSize,
      averageMessageBytes: Math.round(rawReceived.bytes / letters),
      workerPerSecond,
      rawNodemailerPerSecond,
      ratio: round(workerPerSecond / rawNodemailerPerSecond),
    };
  } finally {
    await app.close();
    await dropQueues(harness.env.redisUrl, app.queuePrefix);
    smtp.stop();
    await sms.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Volume: decisions → letters → both sinks

export interface VolumeFigures {
  readonly letters: number;
  readonly email: number;
  readonly sms: number;
  readonly pupils: number;
  readonly schools: number;
  readonly deliveredMs: number;
  readonly lettersPerSecond: number;
  /** At the same rate, how long 150,000 letters would take (for runs with fewer). */
  readonly projected150kMs: number;
  readonly states: Record<string, number>;
  readonly peakRssMb: number;
}

async function volumeStage(
  harness: TestHarness,
  producer: EventProducer,
  keys: TestSealKeys,
  letters: number,
): Promise<VolumeFigures> {
  const smtp = await CountingSmtpSink.start();
  const sms = await SmsSinkProcess.start();
  const app = await startCommunicationTestApp(harness, {
    sealKeys: keys,
    smtpUrl: smtp.url,
    smsProviderUrl: sms.url,
    letters: BENCH_LETTERS,
  });
  try {
    const run = randomUUID().slice(0, 8);
    const perSchool = 1_000;
    const clbs = [randomUUID(), randomUUID(), randomUUID()];
    const schools = Array.from({ length: Math.ceil(letters / perSchool) }, (_, index) =>
      makeSchool(run, index, Math.min(perSchool, letters - index * perSchool), 0.7, clbs[index % 3] ?? ''),
    );
    const households = schools.flatMap((school) => school.households);
    const email = households.filter((household) => household.contact.email !== null).length;
    const pupils = households.reduce((sum, household) => sum + household.pupils.length, 0);
    log(`volume: ${letters} letters (${email} e-mail), ${pupils} pupils in ${schools.length} schools`);
    await loadContacts(app, producer, keys, schools);
    log('volume: contacts stored; publishing the decisions');

    const start = performance.now();
    for (const school of schools) await publish(producer, TOPICS.RISK_MEASURES_DECIDED, decisionFor(school));
    let states: Record<string, number> = {};
    let lastLog = 0;
    await waitFor(
      async () => {
        states = await messageStates(app);
        const total = Object.values(states).reduce((sum, n) => sum + n, 0);
        if (performance.now() - lastLog > 30_000) {
          lastLog = performance.now();
          log(`volume: ${Math.round((performance.now() - start) / 1000)} s ${JSON.stringify(states)}`);
        }
        return total === letters && states.queued === undefined;
      },
      { timeoutMs: 60 * 60_000, intervalMs: 250, description: 'every letter delivered' },
    );
    const deliveredMs = performance.now() - start;
    const received = await smtp.count();
    if (received.accepted !== email)
      throw new Error(`expected ${email} mails, the sink got ${received.accepted}`);
    return {
      letters,
      email,
      sms: letters - email,
      pupils,
      schools: schools.length,
      deliveredMs: Math.round(deliveredMs),
      lettersPerSecond: rate(letters, deliveredMs),
      projected150kMs: Math.round((deliveredMs / letters) * 150_000),
      states,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await app.close();
    await dropQueues(harness.env.redisUrl, app.queuePrefix);
    smtp.stop();
    await sms.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface LettersBenchResult {
  render?: RenderFigures;
  enqueue?: EnqueueFigures;
  email?: EmailFigures;
  volume?: VolumeFigures;
  missed: string[];
}

const DEFAULTS = { render: 300, enqueue: 2_000, email: 2_000, volume: 150_000 } as const;
type Stage = keyof typeof DEFAULTS;

export async function main(stages: Partial<Record<Stage, number>> = DEFAULTS): Promise<LettersBenchResult> {
  const result: LettersBenchResult = { missed: [] };
  if (stages.render) {
    log(`render: ${stages.render} letters`);
    result.render = await renderStage(stages.render);
  }
  if (!stages.enqueue && !stages.email && !stages.volume) return result;
  const harness = await TestHarness.start();
  const producer = new EventProducer(harness.kafka);
  try {
    await producer.connect();
    const keys = await testSealKeys('bench-key');
    if (stages.enqueue) {
      log(`enqueue: ${stages.enqueue} messages per decision`);
      result.enqueue = await enqueueStage(harness, stages.enqueue);
      if (result.enqueue.ratio < TARGETS.enqueueRatio)
        result.missed.push(`enqueue ratio ${result.enqueue.ratio} < ${TARGETS.enqueueRatio}`);
    }
    if (stages.email) {
      log(`email: ${stages.email} letters`);
      result.email = await emailStage(harness, producer, keys, stages.email);
      if (result.email.ratio < TARGETS.emailRatio)
        result.missed.push(`email ratio ${result.email.ratio} < ${TARGETS.emailRatio}`);
    }
    if (stages.volume) {
      result.volume = await volumeStage(harness, producer, keys, stages.volume);
      if (stages.volume >= DEFAULTS.volume && result.volume.deliveredMs > TARGETS.volumeMs)
        result.missed.push(`volume ${result.volume.deliveredMs} ms > ${TARGETS.volumeMs} ms`);
    }
    return result;
  } finally {
    await producer.disconnect();
    await harness.cleanup();
  }
}

function parseStages(args: readonly string[]): Partial<Record<Stage, number>> {
  // `npm run bench -- …` hands its arguments to the last bench of the chain (this one): only `stage[=n]` counts.
  const picked = args.flatMap((arg) => {
    const match = /^(render|enqueue|email|volume)(?:=(\d+))?$/.exec(arg);
    if (!match) log(`ignoring argument ${arg} (stages: render, enqueue, email, volume[=n])`);
    return match
      ? [[match[1] as Stage, match[2] ? Number(match[2]) : DEFAULTS[match[1] as Stage]] as const]
      : [];
  });
  return picked.length === 0 ? DEFAULTS : Object.fromEntries(picked);
}

if (require.main === module) {
  main(parseStages(process.argv.slice(2)))
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      if (result.missed.length > 0) {
        process.stderr.write(`letters bench: target missed: ${result.missed.join('; ')}\n`);
        process.exitCode = 1;
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `letters bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    });
}
