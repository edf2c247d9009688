import { DLQ_USAGE, isBrokerUnreachable, parseDlqArgs, runDlqCommand } from './dlq-command';
import { consumerGroupOfDeadLetterTopic, describeDeadLetter, toReplayMessage } from './dead-letters';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

describe('parseDlqArgs', () => {
  it.each([
    [['list'], { command: 'list', topic: null, json: false }],
    [['list', 'intake.dlq', '--json'], { command: 'list', topic: 'intake.dlq', json: true }],
    [['replay', 'intake.dlq'], { command: 'replay', topic: 'intake.dlq', json: false }],
    [['--help'], { command: 'help' }],
  ])('parses %j', (argv, args) => {
    expect(parseDlqArgs(argv)).toEqual({ ok: true, args });
  });

  it.each([
    [[], /missing command/],
    [['replay'], /needs a <dlq-topic>/],
    [['purge', 'x.dlq'], /unknown command purge/],
    [['list', '--all'], /unknown option --all/],
    [['list', 'a.dlq', 'b.dlq'], /unexpected argument b.dlq/],
  ])('rejects %j', (argv, error) => {
    const parsed = parseDlqArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('runDlqCommand', () => {
  it('prints the usage and exits 2 on a usage error, without touching Kafka', async () => {
    const { io, err } = capture();
    await expect(runDlqCommand(['replay'], io, { env: {} })).resolves.toBe(2);
    expect(err.join('')).toContain('replay needs a <dlq-topic>');
    expect(err.join('')).toContain(DLQ_USAGE);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const { io, out } = capture();
    await expect(runDlqCommand(['--help'], io, { env: {} })).resolves.toBe(0);
    expect(out.join('')).toBe(DLQ_USAGE);
  });

  it('exits 1 naming the variable when KAFKA_BROKERS is malformed', async () => {
    const { io, err } = capture();
    await expect(runDlqCommand(['list'], io, { env: { KAFKA_BROKERS: 'no-port' } })).resolves.toBe(1);
    expect(err.join('')).toMatch(/KAFKA_BROKERS: must be a comma-separated list/);
  });
});

describe('isBrokerUnreachable', () => {
  it('recognises connection errors, also when wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Number of retries exceeded'), { originalError: refused });
    expect(isBrokerUnreachable(wrapped)).toBe(true);
    expect(isBrokerUnreachable(Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' }))).toBe(true);
    expect(isBrokerUnreachable(new Error('Topic a.dlq does not exist'))).toBe(false);
  });
});

describe('dead-letter records', () => {
  const headers = {
    'event-id': 'e1',
    'event-type': 'intake.clb.registered.v1',
    'x-original-topic': 'intake.clb.registered.v1',
    'x-original-partition': '1',
    'x-original-offset': '40',
    'x-attempts': '3',
    'x-not-before': '1',
    'x-error': 'boom',
    'x-consumer-group': 'risk-assessment',
    'x-first-failed-at': '2025-01-01T00:00:00.000Z',
    'x-dead-lettered-at': '2025-01-01T00:00:01.000Z',
  };
  const message = {
    key: Buffer.from('k1'),
    value: Buffer.from('{"payload":{"secret":"bsn"}}'),
    headers,
    offset: '7',
    timestamp: '0',
    attributes: 0,
  };

  it('maps a DLQ topic to its group', () => {
    expect(consumerGroupOfDeadLetterTopic('risk-assessment.dlq')).toBe('risk-assessment');
    expect(() => consumerGroupOfDeadLetterTopic('risk-assessment.retry')).toThrow(/not a dead-letter topic/);
  });

  it('describes a dead letter from its headers, never exposing the payload', () => {
    const entry = describeDeadLetter(2, message, false);
    expect(entry).toEqual({
      partition: 2,
      offset: '7',
      replayed: false,
      originalTopic: 'intake.clb.registered.v1',
      originalPartition: 1,
      originalOffset: '40',
      attempts: 3,
      error: 'boom',
      firstFailedAt: '2025-01-01T00:00:00.000Z',
      deadLetteredAt: '2025-01-01T00:00:01.000Z',
      eventId: 'e1',
      eventType: 'intake.clb.registered.v1',
    });
    expect(JSON.stringify(entry)).not.toContain('bsn');
  });

  it('turns a dead letter into a due retry record with attempts reset', () => {
    const replay = toReplayMessage('risk-assessment.dlq', 2, message, new Date(5_000));
    expect(replay.topic).toBe('risk-assessment.retry');
    expect(replay.key).toEqual(Buffer.from('k1'));
    expect(replay.value).toBe(message.value);
    expect(replay.headers).toMatchObject({
      'event-id': 'e1',
      'x-original-topic': 'intake.clb.registered.v1',
      'x-original-offset': '40',
      'x-attempts': '0',
      'x-not-before': '5000',
      'x-replayed-from': 'risk-assessment.dlq/2@7',
    });
    expect(replay.headers['x-dead-lettered-at']).toBeUndefined();
  });
});
