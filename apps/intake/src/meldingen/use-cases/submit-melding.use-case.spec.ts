import type { OutboxRelay, OutboxWriter } from '@meldpunt/messaging';
import type { DataSource } from 'typeorm';
import type { SchoolLookup, SchoolSummary } from '../../credentials/school-lookup';
import { FixedClock } from '../clock';
import { requestFingerprint } from '../idempotency';
import { KafkaAvailability } from '../kafka-availability';
import type { MeldingCaller } from '../melding-caller';
import type { MeldingConfirmationQueue } from '../melding-confirmation.queue';
import type { MeldingIdempotencyRepository } from '../melding-idempotency.repository';
import type { MeldingInput } from '../melding-input';
import type { MeldingRepository } from '../melding.repository';
import { AccessDeniedError, RejectedError, ServiceUnavailableError } from '../meldingen.errors';
import { RosterLookup, type ResolvedSubject, type RosterSubject } from '../roster-lookup';
import { SubmitMeldingUseCase } from './submit-melding.use-case';

const SCHOOL: SchoolSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  clbId: '22222222-2222-4222-8222-222222222222',
  instellingsnummer: '900001',
  name: 'Basisschool De Regenboog',
};
const CALLER: MeldingCaller = { kind: 'api-key', schoolId: SCHOOL.id, keyId: 'k1' };
const INPUT: MeldingInput = {
  schoolId: SCHOOL.id,
  subject: { kind: 'pupil', rosterId: '33333333-3333-4333-8333-333333333333' },
  disease: 'measles',
  onsetDate: '2026-11-20',
  test: { date: '2026-11-21', result: 'positive' },
  lastDayPresent: '2026-11-19',
  contactPerson: { name: 'An', email: 'an@school.test', phone: '+32 9 123 45 67' },
};
const STORED = {
  outcome: 'accepted' as const,
  body: {
    reference: 'M-2026-000001',
    meldingId: '44444444-4444-4444-8444-444444444444',
    status: 'received' as const,
    statusUrl: '/v1/meldingen/44444444-4444-4444-8444-444444444444',
    merged: false,
  },
};

/** A roster on which everyone exists and every group belongs to the school. */
class OpenRoster extends RosterLookup {
  async resolveSubject(school: SchoolSummary, subject: RosterSubject): Promise<ResolvedSubject> {
    return { ref: subject.rosterId, groupIds: [], clbIds: [school.clbId] };
  }
  async unknownGroupIds(): Promise<string[]> {
    return [];
  }
}

/**
 * The paths that end before the transaction: each must leave the database and Kafka untouched. The accepted
 * and merged paths run against real Postgres and Kafka in meldingen.int-spec.ts.
 */
describe('SubmitMeldingUseCase (refusals and replays, no I/O)', () => {
  let transaction: jest.Mock;
  let probe: jest.Mock;
  let stored: { fingerprint: string; createdAt: Date; response: typeof STORED } | null;
  let roster: RosterLookup;
  const clock = new FixedClock(new Date('2026-11-24T10:00:00Z'));

  const useCase = () =>
    new SubmitMeldingUseCase(
      { transaction } as unknown as DataSource,
      {} as MeldingRepository,
      { find: async () => stored } as unknown as MeldingIdempotencyRepository,
      { findById: async (id: string) => (id === SCHOOL.id ? SCHOOL : null) } as unknown as SchoolLookup,
      roster,
      {} as OutboxWriter,
      {} as OutboxRelay,
      new KafkaAvailability(probe, { up: 0, down: 0 }),
      {} as MeldingConfirmationQueue,
      clock,
    );

  beforeEach(() => {
    transaction = jest.fn();
    probe = jest.fn(async () => undefined);
    stored = null;
    roster = new OpenRoster();
  });

  it('refuses inconsistent dates with their fields, before asking Kafka or opening a transaction', async () => {
    const attempt = useCase().execute({
      caller: CALLER,
      input: { ...INPUT, onsetDate: '2026-11-25' },
      idempotencyKey: null,
    });
    await expect(attempt).rejects.toBeInstanceOf(RejectedError);
    await attempt.catch((error: RejectedError) =>
      expect(error.fields.map((field) => field.field)).toEqual(['onsetDate']),
    );
    expect(probe).not.toHaveBeenCalled();
    expect(transaction).not.toHaveBeenCalled();
  });

  it('refuses a melding for another school', async () => {
    await expect(
      useCase().execute({
        caller: CALLER,
        input: { ...INPUT, schoolId: '55555555-5555-4555-8555-555555555555' },
        idempotencyKey: null,
      }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('answers a repeated Idempotency-Key with the remembered answer, even once the dates have aged', async () => {
    stored = { fingerprint: requestFingerprint(INPUT), createdAt: clock.now(), response: STORED };
    clock.set('2026-11-24T20:00:00Z');
    const result = await useCase().execute({ caller: CALLER, input: INPUT, idempotencyKey: 'k-1' });
    expect(result).toEqual({ ...STORED, replayed: true });
    expect(transaction).not.toHaveBeenCalled();
    expect(probe).not.toHaveBeenCalled();
  });

  it('refuses an Idempotency-Key reused for another body (422 on the header)', async () => {
    stored = {
      fingerprint: requestFingerprint({ ...INPUT, remarks: 'x' }),
      createdAt: clock.now(),
      response: STORED,
    };
    await expect(
      useCase().execute({ caller: CALLER, input: INPUT, idempotencyKey: 'k-1' }),
    ).rejects.toMatchObject({ fields: [{ field: 'Idempotency-Key' }] });
  });

  it('refuses with 503 rather than accepting while Kafka does not answer', async () => {
    probe.mockRejectedValue(new Error('ECONNREFUSED'));
    await expect(
      useCase().execute({ caller: CALLER, input: INPUT, idempotencyKey: null }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('refuses a person who is not on the roster, and groups that are not the school’s', async () => {
    class EmptyRoster extends RosterLookup {
      async resolveSubject() {
        return null;
      }
      async unknownGroupIds(_school: SchoolSummary, groupIds: readonly string[]) {
        return [...groupIds];
      }
    }
    roster = new EmptyRoster();
    await expect(
      useCase().execute({ caller: CALLER, input: INPUT, idempotencyKey: null }),
    ).rejects.toMatchObject({ fields: [{ field: 'subject.rosterId' }] });
    await expect(
      useCase().execute({
        caller: CALLER,
        input: {
          ...INPUT,
          subject: { kind: 'unlisted', firstName: 'Jo', lastName: 'Peeters', role: 'pupil' },
          groupIds: ['g-1', 'g-2'],
        },
        idempotencyKey: null,
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'groupIds[0]' }, { field: 'groupIds[1]' }] });
    expect(transaction).not.toHaveBeenCalled();
  });
});
