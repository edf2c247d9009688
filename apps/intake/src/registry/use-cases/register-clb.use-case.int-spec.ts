import { CONTRACTS, TOPICS } from '@meldpunt/contracts';
import { OutboxEntry, OutboxWriter } from '@meldpunt/messaging';
import { createDataSource } from '@meldpunt/persistence';
import { TestHarness } from '@meldpunt/testing';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../../entities';
import { Clb } from '../clb.entity';
import { ClbRepository } from '../clb.repository';
import { DEMO_CLB } from '../demo-clb';
import { RegistryEvents } from '../registry-events';
import { School } from '../school.entity';
import { SchoolRepository } from '../school.repository';
import { RegisterClbUseCase } from './register-clb.use-case';

/** On intake's entity schema (synchronised: the lead generates the migration) in a throwaway database. */
describe('RegisterClbUseCase', () => {
  let harness: TestHarness;
  let dataSource: DataSource;
  let useCase: RegisterClbUseCase;

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    const url = await harness.createTestDatabase('intake');
    dataSource = createDataSource({ url, entities: ENTITIES, migrations: [], applicationName: 'test' });
    await dataSource.initialize();
    await dataSource.synchronize();
    useCase = new RegisterClbUseCase(
      dataSource,
      new ClbRepository(dataSource),
      new SchoolRepository(dataSource),
      new RegistryEvents(new OutboxWriter(CONTRACTS)),
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await harness?.cleanup();
  });

  it('stores the CLB and its schools and announces each through the outbox in the same transaction', async () => {
    const result = await useCase.execute({ ...DEMO_CLB, correlationId: 'corr-1' });

    expect(await dataSource.getRepository(Clb).count()).toBe(1);
    const schools = await dataSource.getRepository(School).find({ order: { instellingsnummer: 'ASC' } });
    expect(schools.map((school) => school.name)).toEqual(DEMO_CLB.schools.map((school) => school.name));
    expect(schools.every((school) => school.clbId === result.clbId)).toBe(true);
    expect(schools.map((school) => [school.addressCity, school.isInternaat])).toEqual([
      ['Gent', false],
      ['Gent', false],
      ['Gentbrugge', true],
    ]);

    const outbox = await dataSource.getRepository(OutboxEntry).find({ order: { createdAt: 'ASC' } });
    expect(outbox.map((row) => row.topic).sort()).toEqual([
      TOPICS.CLB_REGISTERED,
      TOPICS.SCHOOL_REGISTERED,
      TOPICS.SCHOOL_REGISTERED,
      TOPICS.SCHOOL_REGISTERED,
    ]);
    const schoolEvents = outbox.filter((row) => row.topic === TOPICS.SCHOOL_REGISTERED);
    expect(schoolEvents.map((row) => row.partitionKey).sort()).toEqual([...result.schoolIds].sort());
    expect(
      schoolEvents.map((row) => (row.envelope.payload as { servingClbIds: string[] }).servingClbIds),
    ).toEqual([[result.clbId], [result.clbId], [result.clbId]]);
    expect(outbox.every((row) => row.sentAt === null)).toBe(true);
  });

  it('is an upsert: registering again keeps the ids and re-announces the current state', async () => {
    const before = await dataSource.getRepository(School).find();
    const again = await useCase.execute({
      ...DEMO_CLB,
      schools: DEMO_CLB.schools.map((school) => ({ ...school, name: `${school.name} (nieuw)` })),
    });
    const after = await dataSource.getRepository(School).find();
    expect(after.map((school) => school.id).sort()).toEqual(before.map((school) => school.id).sort());
    expect([...again.schoolIds].sort()).toEqual(before.map((school) => school.id).sort());
    expect(after.every((school) => school.name.endsWith('(nieuw)'))).toBe(true);
    expect(await dataSource.getRepository(OutboxEntry).count()).toBe(8);
  });

  it('writes nothing at all when one school is invalid', async () => {
    const schoolsBefore = await dataSource.getRepository(School).count();
    const outboxBefore = await dataSource.getRepository(OutboxEntry).count();
    await expect(
      useCase.execute({
        name: 'CLB Ongeldig',
        schools: [
          { instellingsnummer: '910001', name: 'Goede school', levels: ['lager'] },
          { instellingsnummer: '12345', name: 'Nummer te kort', levels: ['lager'] },
        ],
      }),
    ).rejects.toThrow(/instellingsnummer/);
    expect(await dataSource.getRepository(Clb).findOneBy({ name: 'CLB Ongeldig' })).toBeNull();
    expect(await dataSource.getRepository(School).count()).toBe(schoolsBefore);
    expect(await dataSource.getRepository(OutboxEntry).count()).toBe(outboxBefore);
  });
});
