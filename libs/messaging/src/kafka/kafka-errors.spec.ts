import { isRefusedRecordError, kafkaErrorTypeOf, whileRetriable } from './kafka-errors';

const protocolError = (type: string) =>
  Object.assign(new Error(`protocol error ${type}`), { name: 'KafkaJSProtocolError', type });

describe('kafka errors', () => {
  it('finds the protocol error type on the error or down its cause chain', () => {
    expect(kafkaErrorTypeOf(protocolError('MESSAGE_TOO_LARGE'))).toBe('MESSAGE_TOO_LARGE');
    const wrapped = new Error('non-retriable', {
      cause: new Error('x', { cause: protocolError('INVALID_RECORD') }),
    });
    expect(kafkaErrorTypeOf(wrapped)).toBe('INVALID_RECORD');
    expect(kafkaErrorTypeOf(new Error('plain'))).toBeNull();
    expect(kafkaErrorTypeOf('text')).toBeNull();
  });

  it('survives a cyclic cause chain', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(kafkaErrorTypeOf(a)).toBeNull();
  });

  it('calls size and validity refusals refused, broker trouble not', () => {
    expect(isRefusedRecordError(protocolError('MESSAGE_TOO_LARGE'))).toBe(true);
    expect(isRefusedRecordError(protocolError('RECORD_LIST_TOO_LARGE'))).toBe(true);
    expect(isRefusedRecordError(protocolError('INVALID_RECORD'))).toBe(true);
    expect(isRefusedRecordError(protocolError('NOT_LEADER_FOR_PARTITION'))).toBe(false);
    expect(isRefusedRecordError(protocolError('REQUEST_TIMED_OUT'))).toBe(false);
    expect(isRefusedRecordError(new Error('Connection error: ECONNREFUSED'))).toBe(false);
  });

  it('retries an operation while Kafka says the failure is retriable, and no longer', async () => {
    const unknownPartition = Object.assign(protocolError('UNKNOWN_TOPIC_OR_PARTITION'), { retriable: true });
    let calls = 0;
    await expect(
      whileRetriable(async () => {
        calls += 1;
        if (calls < 3) throw unknownPartition;
        return 'subscribed';
      }),
    ).resolves.toBe('subscribed');
    expect(calls).toBe(3);

    calls = 0;
    const refused = protocolError('MESSAGE_TOO_LARGE');
    await expect(
      whileRetriable(async () => {
        calls += 1;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);

    await expect(whileRetriable(() => Promise.reject(unknownPartition), 0)).rejects.toBe(unknownPartition);
  });
});
