import { CONTRACTS, TOPICS, type ContractRegistry } from '@meldpunt/contracts';
import { z } from 'zod';
import { causedBy, createEnvelope, partitionKeyOf } from './create-envelope';
import { decodeEvent } from './decode-event';
import { InvalidEventError, UnknownTopicError } from './invalid-event.error';

const clbId = '0b7d5c1e-8a1f-4b55-9f43-3d0e1f7a2b10';
const schoolId = '5f0c2a9e-1d3b-4c6e-8f7a-9b0c1d2e3f40';
const options = { producer: 'intake', correlationId: 'melding-1' };

const testRegistry = {
  'test.item.created.v2': {
    topic: 'test.item.created.v2',
    schema: z.object({ itemId: z.string().min(1), count: z.number().int() }),
    partitionKey: 'itemId',
    partitions: 2,
    description: 'test',
  },
} satisfies ContractRegistry;

describe('createEnvelope', () => {
  it('builds a complete envelope for a production topic', () => {
    const envelope = createEnvelope(CONTRACTS, TOPICS.CLB_REGISTERED, { clbId, name: 'CLB Gent' }, options);
    expect(envelope.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(envelope.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(envelope).toEqual({
      eventId: envelope.eventId,
      type: 'intake.clb.registered.v1',
      version: 1,
      occurredAt: envelope.occurredAt,
      producer: 'intake',
      correlationId: 'melding-1',
      causationId: null,
      payload: { clbId, name: 'CLB Gent' },
    });
  });

  it('keeps a given eventId, occurredAt and causationId', () => {
    const envelope = createEnvelope(
      CONTRACTS,
      TOPICS.CLB_REGISTERED,
      { clbId, name: 'x' },
      {
        ...options,
        eventId: schoolId,
        occurredAt: new Date('2025-03-30T01:30:00Z'),
        causationId: clbId,
      },
    );
    expect(envelope.eventId).toBe(schoolId);
    expect(envelope.occurredAt).toBe('2025-03-30T01:30:00.000Z');
    expect(envelope.causationId).toBe(clbId);
  });

  it('names the topic and every bad field of an invalid payload', () => {
    const attempt = () =>
      createEnvelope(
        CONTRACTS,
        TOPICS.SCHOOL_REGISTERED,
        // Deliberately wrong at runtime, as data from outside would be.
        { schoolId: 'nope', clbId, instellingsnummer: '12', name: 'School', levels: [] } as never,
        options,
      );
    expect(attempt).toThrow(InvalidEventError);
    expect(attempt).toThrow(/intake\.school\.registered\.v1/);
    expect(attempt).toThrow(/field 'schoolId'/);
    expect(attempt).toThrow(/field 'instellingsnummer'/);
    expect(attempt).toThrow(/field 'levels'/);
  });

  it('drops keys the schema does not know', () => {
    const payload = { clbId, name: 'CLB', secret: 'x' } as { clbId: string; name: string };
    expect(createEnvelope(CONTRACTS, TOPICS.CLB_REGISTERED, payload, options).payload).toEqual({
      clbId,
      name: 'CLB',
    });
  });

  it('rejects a topic missing from the registry', () => {
    expect(() =>
      createEnvelope(testRegistry as ContractRegistry, 'test.other.created.v1', {}, options),
    ).toThrow(UnknownTopicError);
  });

  it('rejects an envelope field that breaks the envelope schema', () => {
    expect(() =>
      createEnvelope(CONTRACTS, TOPICS.CLB_REGISTERED, { clbId, name: 'x' }, { ...options, producer: '' }),
    ).toThrow(/envelope: field 'producer'/);
  });

  it('types and validates payloads of a test registry and takes the version from the topic', () => {
    const envelope = createEnvelope(testRegistry, 'test.item.created.v2', { itemId: 'a', count: 2 }, options);
    expect(envelope.version).toBe(2);
    expect(envelope.payload.count).toBe(2);
    expect(partitionKeyOf(testRegistry, envelope)).toBe('a');
  });

  it('continues a flow with causedBy', () => {
    const origin = createEnvelope(CONTRACTS, TOPICS.CLB_REGISTERED, { clbId, name: 'x' }, options);
    const next = createEnvelope(
      CONTRACTS,
      TOPICS.CLB_REGISTERED,
      { clbId, name: 'y' },
      {
        producer: 'intake',
        ...causedBy(origin),
      },
    );
    expect(next.correlationId).toBe('melding-1');
    expect(next.causationId).toBe(origin.eventId);
  });
});

describe('partitionKeyOf', () => {
  it('reads the contract partition key from the payload', () => {
    const envelope = createEnvelope(
      CONTRACTS,
      TOPICS.SCHOOL_REGISTERED,
      {
        schoolId,
        clbId,
        instellingsnummer: '123456',
        name: 'School',
        levels: ['lager'],
      },
      options,
    );
    expect(partitionKeyOf(CONTRACTS, envelope)).toBe(schoolId);
  });

  it('fails clearly when the key field is missing', () => {
    const envelope = {
      ...createEnvelope(CONTRACTS, TOPICS.CLB_REGISTERED, { clbId, name: 'x' }, options),
      payload: {},
    };
    expect(() => partitionKeyOf(CONTRACTS, envelope)).toThrow(/partition key field 'clbId'/);
  });
});

describe('decodeEvent', () => {
  const envelope = createEnvelope(CONTRACTS, TOPICS.CLB_REGISTERED, { clbId, name: 'CLB' }, options);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

  it('accepts a valid message', () => {
    const result = decodeEvent(CONTRACTS, TOPICS.CLB_REGISTERED, encode(envelope));
    expect(result).toEqual({ ok: true, event: envelope });
  });

  it.each([
    ['an empty value', null, /no value/],
    ['broken JSON', Buffer.from('{"eventId":'), /not valid JSON/],
    [
      'a missing envelope field',
      encode({ ...envelope, correlationId: undefined }),
      /envelope invalid: field 'correlationId'/,
    ],
    [
      'an envelope of another topic',
      encode({ ...envelope, type: TOPICS.SCHOOL_REGISTERED }),
      /does not match topic/,
    ],
    [
      'a bad payload',
      encode({ ...envelope, payload: { clbId: 'x', name: 'CLB' } }),
      /payload invalid .* field 'clbId'/,
    ],
  ])('rejects %s with a reason', (_label, value, reason) => {
    const result = decodeEvent(CONTRACTS, TOPICS.CLB_REGISTERED, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('rejects a topic without a contract', () => {
    const value = encode({ ...envelope, type: 'test.item.created.v1' });
    const result = decodeEvent(CONTRACTS, 'test.item.created.v1', value);
    expect(result).toEqual({
      ok: false,
      reason: 'topic test.item.created.v1 has no contract in the registry',
    });
  });
});
