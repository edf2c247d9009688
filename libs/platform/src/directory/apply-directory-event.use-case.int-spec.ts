import { randomUUID } from 'node:crypto';
import { createDataSource } from '@meldpunt/persistence';
import { TestHarness } from '@meldpunt/testing';
import type { DataSource } from 'typeorm';
import { ApplyDirectoryEventUseCase } from './apply-directory-event.use-case';
import { ClbReplica, DIRECTORY_ENTITIES, SchoolReplica } from './directory.entities';

describe('ApplyDirectoryEventUseCase (real Postgres)', () => {
  let harness: TestHarness;
  let dataSource: DataSource;
  const apply = new ApplyDirectoryEventUseCase();
  const clbId = randomUUID();
  const schoolId = randomUUID();
  const school = (name: string) => ({
    schoolId,
    clbId,
    instellingsnummer: '123456',
    name,
    levels: ['lager' as const],
  });

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    const url = await harness.createTestDatabase('directory');
    // The lib has no migrations of its own (each service generates them); the test schema comes from the entities.
    dataSource = createDataSource({
      url,
      entities: DIRECTORY_ENTITIES,
      migrations: [],
      applicationName: 'test',
    });
    await dataSource.initialize();
    await dataSource.synchronize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await harness?.cleanup();
  });

  it('inserts, then updates with a newer event', async () => {
    await apply.clbRegistered(dataSource.manager, { clbId, name: 'CLB A' }, new Date('2026-01-01T10:00:00Z'));
    await apply.schoolRegistered(dataSource.manager, school('Oud'), new Date('2026-01-01T10:00:00Z'));
    await apply.schoolRegistered(dataSource.manager, school('Nieuw'), new Date('2026-01-02T10:00:00Z'));
    expect((await dataSource.getRepository(SchoolReplica).findOneByOrFail({ id: schoolId })).name).toBe(
      'Nieuw',
    );
    expect((await dataSource.getRepository(ClbReplica).findOneByOrFail({ id: clbId })).name).toBe('CLB A');
  });

  it('ignores an older (late or replayed) event', async () => {
    await apply.schoolRegistered(
      dataSource.manager,
      school('Replay van gisteren'),
      new Date('2026-01-01T12:00:00Z'),
    );
    await apply.clbRegistered(
      dataSource.manager,
      { clbId, name: 'CLB oud' },
      new Date('2025-12-31T10:00:00Z'),
    );
    expect((await dataSource.getRepository(SchoolReplica).findOneByOrFail({ id: schoolId })).name).toBe(
      'Nieuw',
    );
    expect((await dataSource.getRepository(ClbReplica).findOneByOrFail({ id: clbId })).name).toBe('CLB A');
  });
});
