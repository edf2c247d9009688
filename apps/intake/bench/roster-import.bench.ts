// A whole region's rosters through the real import use-case, on a throwaway database (not part of the tests).
// Run: npm run bench:rosters [-- mode pupils schools concurrency]
//   (= node tools/build.mjs && node dist/apps/intake/bench/roster-import.bench.js [mode] [pupils] [schools] [concurrency];
//    or without building: node --require ./libs/testing/src/swc-register.js apps/intake/bench/roster-import.bench.ts …)
//   mode: `schools` (default: every school uploads its own CSV, as in production) or `single` (one CSV of all pupils)
import { randomUUID } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { CONTRACTS, type SchoolLevel } from '@meldpunt/contracts';
import { OutboxWriter } from '@meldpunt/messaging';
import { createDataSource } from '@meldpunt/persistence';
import { TestHarness } from '@meldpunt/testing';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../src/entities';
import { ClbRepository } from '../src/registry/clb.repository';
import { RegistryEvents } from '../src/registry/registry-events';
import { SchoolRepository } from '../src/registry/school.repository';
import { RosterBulkRepository } from '../src/rosters/roster-bulk.repository';
import { RosterEvents } from '../src/rosters/roster-events';
import { RosterQueueSettings } from '../src/rosters/roster-import.queue';
import { RosterImportRepository } from '../src/rosters/roster-import.repository';
import { ContactSealer } from '../src/rosters/sealing/contact-sealer';
import { SealedContactsConfig } from '../src/rosters/sealing/sealed-contacts.config';
import {
  ProcessRosterImportUseCase,
  type ProcessOutcome,
} from '../src/rosters/use-cases/process-roster-import.use-case';

export interface RosterImportBenchResult {
  readonly mode: 'schools' | 'single';
  readonly pupils: number;
  readonly guardians: number;
  readonly schools: number;
  readonly imports: number;
  readonly concurrency: number;
  readonly csvMegabytes: number;
  readonly uploadSeconds: number;
  readonly importSeconds: number;
  readonly pupilsPerSecond: number;
  readonly events: number;
}

const FIRST = [
  'Zoë',
  'Lars',
  'Noor',
  'Élise',
  'Mila',
  'Daan',
  'Fatima',
  'Jürgen',
  'Anaïs',
  'Wout',
  'Lotte',
  'Ömer',
  'Chloé',
  'Mathis',
  'Inès',
  'Bram',
];
const LAST = [
  "D'Hondt",
  'Peeters',
  'Janssens',
  'Maes',
  'Vandenbroucke',
  'El Amrani',
  'Van de Velde',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Yılmaz',
  'Nowak',
  'Popescu',
  'Kovalenko',
  'Dubois',
];
const LANGUAGES = ['nl', 'nl', 'nl', 'nl', 'fr', 'en', 'de', 'ar', 'tr', 'pl', 'ro', 'uk'];
const HEADER =
  'leerlingnummer;voornaam;familienaam;geboortedatum;klas;internaat;internaat_leefgroep;ouder1_naam;ouder1_taal;ouder1_email;ouder1_gsm;ouder1_kanaal;ouder2_naam;ouder2_taal;ouder2_email;ouder2_gsm;ouder2_kanaal';
const PUPILS_PER_CLASS = 24;
/** One pupil in this many boards at an internaat of the region (≈ 24,000 boarders for 1.2 million pupils). */
const BOARDER_EVERY = 50;
/** Internaten of the region, each with living groups of about 20 boarders. */
const INTERNATEN = 200;
const LIVING_GROUPS_PER_INTERNAAT = 6;

/** Deterministic, so runs compare. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface BenchSchool {
  readonly id: string;
  readonly instellingsnummer: string;
  readonly levels: SchoolLevel[];
}

/** A school's roster CSV: `count` pupils numbered from `first`, ~1.8 guardians each, a few boarders. */
function rosterCsv(
  count: number,
  first: number,
  internaten: readonly BenchSchool[],
  next: () => number,
): { csv: string; guardians: number } {
  const lines = [HEADER];
  let guardians = 0;
  for (let i = 0; i < count; i++) {
    const number = first + i;
    const firstName = FIRST[Math.floor(next() * FIRST.length)] ?? 'Zoë';
    const lastName = LAST[Math.floor(next() * LAST.length)] ?? 'Peeters';
    const birth = `${String(1 + Math.floor(next() * 28)).padStart(2, '0')}/${String(1 + Math.floor(next() * 12)).padStart(2, '0')}/${2008 + Math.floor(next() * 12)}`;
    const klas = `${1 + (Math.floor(i / PUPILS_PER_CLASS / 4) % 6)}${'ABCD'[Math.floor(i / PUPILS_PER_CLASS) % 4]}${Math.floor(i / (PUPILS_PER_CLASS * 24)) || ''}`;
    const boarder = Math.floor(number / BOARDER_EVERY);
    const internaat =
      i % BOARDER_EVERY === 7 && internaten.length > 0 ? internaten[boarder % internaten.length] : undefined;
    const livingGroup = 1 + (Math.floor(boarder / internaten.length) % LIVING_GROUPS_PER_INTERNAAT);
    const boarding = internaat ? `${internaat.instellingsnummer};Leefgroep ${livingGroup}` : ';';
    const mobile = (n: number) =>
      n % 3 === 0
        ? `04${70 + (n % 30)} ${String(n % 100).padStart(2, '0')} ${String((n >> 3) % 100).padStart(2, '0')} ${String((n >> 6) % 100).padStart(2, '0')}`
        : `+32 4${70 + (n % 30)} ${String(n % 1000).padStart(3, '0')} ${String((n >> 4) % 1000).padStart(3, '0')}`;
    const one = `Ouder ${lastName};${LANGUAGES[number % LANGUAGES.length]};ouder1.${number}@example.be;${mobile(number)};email`;
    const two =
      next() < 0.8 ? `Tweede ${lastName};nl;ouder2.${number}@example.be;${mobile(number + 7)};sms` : ';;;;';
    guardians += two === ';;;;' ? 1 : 2;
    lines.push(`${number};${firstName};${lastName};${birth};${klas};${boarding};${one};${two}`);
  }
  return { csv: lines.join('\r\n'), guardians };
}

async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

export async function main(
  mode: 'schools' | 'single' = 'schools',
  pupils = 1_200_000,
  schoolCount = 2_000,
  /** Imports at a time: as many as one intake's roster-import worker runs (RosterQueueSettings). */
  concurrency = new RosterQueueSettings().concurrency,
): Promise<RosterImportBenchResult> {
  const harness = await TestHarness.start({ kafka: false, redis: false });
  let dataSource: DataSource | undefined;
  try {
    const url = await harness.createTestDatabase('roster_bench');
    dataSource = createDataSource({
      url,
      entities: ENTITIES,
      migrations: [],
      applicationName: 'roster-bench',
      poolSize: concurrency * 2 + 2,
    });
    await dataSource.initialize();
    await dataSource.synchronize();
    const ds = dataSource;

    // The region: 20 CLBs, the schools, and 200 internaten whose living groups house pupils of those schools.
    const clbs = Array.from({ length: 20 }, (_, index) => ({ id: randomUUID(), name: `CLB ${index + 1}` }));
    const clbRepository = new ClbRepository(ds);
    const schoolRepository = new SchoolRepository(ds);
    const schools: BenchSchool[] = [];
    const internaten: BenchSchool[] = [];
    const importing = mode === 'single' ? 1 : schoolCount;
    await ds.transaction(async (manager) => {
      for (const clb of clbs) await clbRepository.save(manager, clb);
      for (let index = 0; index < importing + INTERNATEN; index++) {
        const school: BenchSchool = {
          id: randomUUID(),
          instellingsnummer: String(100_000 + index),
          levels: index % 3 === 0 ? ['secundair'] : ['lager'],
        };
        await schoolRepository.save(manager, school.id, {
          clbId: clbs[index % clbs.length]?.id ?? '',
          instellingsnummer: school.instellingsnummer,
          name: `School ${index}`,
          address: { street: 'Schoolstraat 1', postalCode: '9000', city: 'Gent' },
          levels: school.levels,
          isInternaat: index >= importing,
          extraClbIds: [],
        });
        (index >= importing ? internaten : schools).push(school);
      }
    });

    await sodium.ready;
    const sealer = new ContactSealer(
      new SealedContactsConfig(sodium.crypto_box_keypair().publicKey, 'bench'),
    );
    const outbox = new OutboxWriter(CONTRACTS);
    const imports = new RosterImportRepository(ds);
    const useCase = new ProcessRosterImportUseCase(
      ds,
      imports,
      new RosterBulkRepository(),
      schoolRepository,
      new RegistryEvents(outbox),
      new RosterEvents(),
      sealer,
      outbox,
    );

    // Uploads as the HTTP endpoint stores them (not timed as import: that is the request, before the 202).
    const next = random(42);
    const perSchool = Math.floor(pupils / importing);
    const uploadStart = performance.now();
    const importIds: string[] = [];
    let guardians = 0;
    let bytes = 0;
    for (let index = 0; index < importing; index++) {
      const count = index === importing - 1 ? pupils - perSchool * (importing - 1) : perSchool;
      const roster = rosterCsv(count, 1_000_000 + index * perSchool, internaten, next);
      guardians += roster.guardians;
      bytes += Buffer.byteLength(roster.csv);
      const school = schools[index] as BenchSchool;
      const { id } = await imports.create({
        id: randomUUID(),
        schoolId: school.id,
        schoolYear: '2026-2027',
        format: 'csv',
        content: roster.csv,
        requestedBy: 'bench',
        correlationId: randomUUID(),
        idempotencyKey: null,
      });
      importIds.push(id);
    }
    const uploadSeconds = (performance.now() - uploadStart) / 1000;

    let events = 0;
    let applied = 0;
    const start = performance.now();
    await runPool(importIds, concurrency, async (importId) => {
      const outcome: ProcessOutcome = await useCase.execute(importId);
      if (outcome.status !== 'applied')
        throw new Error(`import ${importId} was ${outcome.status}: ${JSON.stringify(outcome)}`);
      events += outcome.events;
      applied += outcome.total;
    });
    const importSeconds = (performance.now() - start) / 1000;
    if (applied !== pupils) throw new Error(`applied ${applied} pupils, expected ${pupils}`);
    const [{ n }] = await ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM pupil WHERE status = 'active'`,
    );
    if (n !== pupils) throw new Error(`database holds ${n} active pupils, expected ${pupils}`);

    const result: RosterImportBenchResult = {
      mode,
      pupils,
      guardians,
      schools: importing,
      imports: importIds.length,
      concurrency,
      csvMegabytes: Math.round(bytes / 1e5) / 10,
      uploadSeconds: Math.round(uploadSeconds * 10) / 10,
      importSeconds: Math.round(importSeconds * 10) / 10,
      pupilsPerSecond: Math.round(pupils / importSeconds),
      events,
    };
    process.stdout.write(
      `roster import (${mode}): ${pupils} pupils, ${guardians} guardians, ${importing} school(s), concurrency ${concurrency}, ` +
        `${result.csvMegabytes} MB CSV\n  import: ${result.importSeconds} s = ${result.pupilsPerSecond} pupils/s ` +
        `(${events} events in the outbox; storing the uploads took ${result.uploadSeconds} s)\n`,
    );
    return result;
  } finally {
    await dataSource?.destroy();
    await harness.cleanup();
  }
}

if (require.main === module) {
  const [mode, pupils, schools, concurrency] = process.argv.slice(2);
  main(
    mode === 'single' ? 'single' : 'schools',
    pupils ? Number(pupils) : undefined,
    schools ? Number(schools) : undefined,
    concurrency ? Number(concurrency) : undefined,
  ).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
