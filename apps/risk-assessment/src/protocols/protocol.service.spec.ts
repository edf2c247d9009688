import { FixedClock } from '../calendar/clock';
import { SchoolCalendar } from '../calendar/school-calendar';
import { EXAMPLE_PROTOCOLS } from './examples';
import type { ProtocolDefinition } from './protocol-definition.schema';
import type { ProposalInput } from './protocol-engine.types';
import type { ProtocolRepository, ProtocolVersionRow } from './protocol.repository';
import { ProtocolService, ProtocolSettings } from './protocol.service';

/** Stored versions of one disease, with a read counter; the rest of the repository is not used by the service. */
class FakeRepository {
  rows: ProtocolVersionRow[] = [];
  reads = 0;
  failNext = false;

  async versionsOf(protocolId: string): Promise<ProtocolVersionRow[]> {
    this.reads += 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('connection refused');
    }
    return this.rows.filter((row) => row.protocolId === protocolId);
  }
}

function stored(version: number, effectiveFrom: string, days: number): ProtocolVersionRow {
  const definition: ProtocolDefinition = {
    ...EXAMPLE_PROTOCOLS.measles,
    version,
    effectiveFrom,
    rules: EXAMPLE_PROTOCOLS.measles.rules.map((rule) => ({
      ...rule,
      measures: rule.measures.map((m) => (m.kind === 'exclusion' ? { ...m, days } : m)),
    })),
  };
  return {
    id: `00000000-0000-4000-8000-00000000000${version}`,
    protocolId: 'measles',
    version,
    effectiveFrom,
    definition,
    createdBy: 'admin-1',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };
}

const input: ProposalInput = {
  disease: 'measles',
  level: 'lager',
  contactType: 'classmate',
  lastContactDate: '2026-03-09',
  facts: { vaccinated: false, casesInGroup: 1 },
};

describe('ProtocolService', () => {
  let repository: FakeRepository;
  let service: ProtocolService;
  const clock = new FixedClock('2026-03-10T10:00:00Z');

  beforeEach(() => {
    repository = new FakeRepository();
    service = new ProtocolService(
      repository as unknown as ProtocolRepository,
      clock,
      new SchoolCalendar(clock),
      new ProtocolSettings(60_000),
    );
  });

  it('falls back to the shipped example when the database has no version in force', async () => {
    expect(await service.resolve('measles', '2026-03-10')).toEqual({
      definition: EXAMPLE_PROTOCOLS.measles,
      source: 'example',
    });
    repository.rows = [stored(2, '2026-04-01', 21)];
    service.invalidate();
    expect((await service.resolve('measles', '2026-03-31')).source).toBe('example');
    expect((await service.resolve('measles', '2026-04-01')).definition.version).toBe(2);
  });

  it('picks the latest effective-from on or before the date, the highest version on a tie', async () => {
    repository.rows = [
      stored(1, '2020-09-01', 18),
      stored(2, '2026-09-01', 21),
      stored(3, '2026-06-01', 20),
      stored(4, '2026-06-01', 19),
    ];
    const version = async (on: string) => (await service.resolve('measles', on)).definition.version;
    expect(await version('2026-05-31')).toBe(1);
    expect(await version('2026-06-01')).toBe(4);
    expect(await version('2026-09-01')).toBe(2);
  });

  it('evaluates the chosen version (proposal and rule reference)', async () => {
    repository.rows = [stored(1, '2020-09-01', 18), stored(2, '2026-03-01', 21)];
    const proposal = await service.propose(input, '2026-03-10');
    expect(proposal.rule).toMatchObject({
      protocolId: 'measles',
      protocolVersion: 2,
      ruleId: 'measles.unvaccinated',
    });
    expect(proposal.measures.find((m) => m.kind === 'exclusion')?.until).toBe('2026-03-30');
  });

  it('caches stored versions per disease until invalidated, and does not cache a failed read', async () => {
    repository.rows = [stored(1, '2020-09-01', 18)];
    await Promise.all([service.propose(input, '2026-03-10'), service.propose(input, '2026-03-11')]);
    await service.urgencyOf({
      disease: 'measles',
      level: 'lager',
      onsetDate: null,
      lastDayPresent: '2026-03-09',
      receivedAt: '2026-03-10T09:00:00+01:00',
    });
    expect(repository.reads).toBe(1);
    service.invalidate('measles');
    repository.failNext = true;
    await expect(service.propose(input, '2026-03-10')).rejects.toThrow('connection refused');
    await service.propose(input, '2026-03-10');
    expect(repository.reads).toBe(3);
  });

  it('ignores a stored version that no longer validates instead of evaluating it', async () => {
    const broken = { ...stored(2, '2026-01-01', 21), definition: { protocolId: 'measles', version: 2 } };
    repository.rows = [stored(1, '2020-09-01', 18), broken];
    const resolved = await service.resolve('measles', '2026-03-10');
    expect(resolved.definition.version).toBe(1);
  });
});
