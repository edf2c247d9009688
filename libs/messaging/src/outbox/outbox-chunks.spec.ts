import { estimateRecordBytes, type EventPublisher, type OutgoingMessage } from '../kafka/event-producer';
import { chunkByBytes, publishInChunks, type ChunkItem } from './outbox-chunks';

describe('chunkByBytes', () => {
  const sizes = (chunks: number[][]) => chunks.map((chunk) => chunk.reduce((sum, size) => sum + size, 0));

  it('packs items in order into consecutive chunks of at most maxBytes', () => {
    const items = [300, 300, 300, 500, 100, 100, 900, 50];
    const chunks = chunkByBytes(items, (size) => size, 1_000);
    expect(chunks).toEqual([
      [300, 300, 300],
      [500, 100, 100],
      [900, 50],
    ]);
    expect(chunks.flat()).toEqual(items);
    expect(Math.max(...sizes(chunks))).toBeLessThanOrEqual(1_000);
  });

  it('gives an item larger than maxBytes a chunk of its own', () => {
    expect(chunkByBytes([100, 2_000, 100, 100, 5_000], (size) => size, 1_000)).toEqual([
      [100],
      [2_000],
      [100, 100],
      [5_000],
    ]);
  });

  it('fills a chunk exactly up to maxBytes, and returns nothing for nothing', () => {
    expect(chunkByBytes([500, 500, 1], (size) => size, 1_000)).toEqual([[500, 500], [1]]);
    expect(chunkByBytes([], (size: number) => size, 1_000)).toEqual([]);
  });

  it('keeps 40 records of ~100 KB of one key under a 900 KiB budget, in created order', () => {
    const items = Array.from({ length: 40 }, (_, seq) => ({ seq, bytes: 100_400 }));
    const chunks = chunkByBytes(items, (item) => item.bytes, 900 * 1024);
    expect(chunks.map((chunk) => chunk.length)).toEqual([9, 9, 9, 9, 4]);
    expect(chunks.flat().map((item) => item.seq)).toEqual(items.map((item) => item.seq));
  });

  it('refuses a budget that is not positive', () => {
    expect(() => chunkByBytes([1], (size) => size, 0)).toThrow(RangeError);
  });
});

describe('estimateRecordBytes', () => {
  it('counts key, value and headers in UTF-8 bytes plus a record overhead', () => {
    const message: OutgoingMessage = { topic: 't', key: 'k', value: 'é'.repeat(10), headers: { a: 'bc' } };
    // 40 record overhead + 1 key + 20 value + (10 + 1 + 2) header
    expect(estimateRecordBytes(message)).toBe(74);
    expect(estimateRecordBytes({ ...message, key: null, value: Buffer.alloc(5), headers: {} })).toBe(45);
  });
});

interface Item extends ChunkItem {
  readonly id: string;
}

/** Item `key:seq` of about `bytes` bytes (its value is the id padded with dots). */
function item(id: string, bytes = 100): Item {
  const key = id.slice(0, id.indexOf(':'));
  const message: OutgoingMessage = { topic: 't', key, value: id.padEnd(bytes, '.'), headers: {} };
  return { id, orderingKey: key, message, bytes: estimateRecordBytes(message) };
}

function run(key: string, count: number, bytes?: number): Item[] {
  return Array.from({ length: count }, (_, seq) => item(`${key}:${seq}`, bytes));
}

const ids = (list: readonly Item[]) => list.map((entry) => entry.id);

/** A Kafka-shaped refusal, as kafkajs wraps it (KafkaJSNonRetriableError → KafkaJSProtocolError). */
function tooLarge(): Error {
  const protocolError = Object.assign(new Error('The request included a message larger than the max'), {
    name: 'KafkaJSProtocolError',
    type: 'MESSAGE_TOO_LARGE',
  });
  return new Error(protocolError.message, { cause: protocolError });
}

/**
 * Records each request (as ids); refuses, like the broker, a request with a record above `limit` bytes, or fails
 * with `failWith`'s error.
 */
function fakePublisher(options: { limit?: number; failWith?: (ids: string[]) => Error | null } = {}) {
  const requests: string[][] = [];
  const publisher: EventPublisher = {
    publish: async (messages) => {
      const sent = messages.map((message) => String(message.value).replace(/\.+$/, ''));
      requests.push(sent);
      const error = options.failWith?.(sent);
      if (error) throw error;
      if (messages.some((message) => estimateRecordBytes(message) > (options.limit ?? Infinity)))
        throw tooLarge();
    },
  };
  return { publisher, requests };
}

describe('publishInChunks', () => {
  it('sends every item in byte-capped requests, one key in created order', async () => {
    const { publisher, requests } = fakePublisher();
    const all = run('a', 40, 100_000);
    const result = await publishInChunks(publisher, all, 900 * 1024);
    expect(requests.map((request) => request.length)).toEqual([9, 9, 9, 9, 4]);
    expect(requests.flat()).toEqual(ids(all));
    expect(ids(result.sent)).toEqual(ids(all));
    expect(result).toMatchObject({ failed: [], skipped: [] });
  });

  it('isolates a refused record: other keys go on, later records of its key are skipped', async () => {
    const { publisher, requests } = fakePublisher({ limit: 1_000 });
    const all = [
      item('a:0'),
      item('a:1'),
      item('big:0', 20_000), // above the budget: sent alone
      item('b:0'),
      item('big:1'),
      item('b:1'),
      item('a:2'),
    ];
    const result = await publishInChunks(publisher, all, 10_000);
    expect(ids(result.sent)).toEqual(['a:0', 'a:1', 'b:0', 'b:1', 'a:2']);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.refused).toBe(true);
    expect(ids(result.failed[0]?.items ?? [])).toEqual(['big:0']);
    expect(ids(result.skipped)).toEqual(['big:1']);
    // The oversized record went alone: the refusal never touched another record's request.
    expect(requests).toEqual([['a:0', 'a:1'], ['big:0'], ['b:0', 'b:1', 'a:2']]);
  });

  it('splits a refused request in halves until the refused record stands alone', async () => {
    // The broker's limit (1 000) is below the budget (10 000): b:0 fits the budget but not the broker.
    const { publisher, requests } = fakePublisher({ limit: 1_000 });
    const all = [...run('a', 3), item('b:0', 2_000), item('c:0'), item('b:1'), item('c:1')];
    const result = await publishInChunks(publisher, all, 10_000);
    expect(ids(result.sent)).toEqual(['a:0', 'a:1', 'a:2', 'c:0', 'c:1']);
    expect(ids(result.failed.flatMap((failure) => failure.items))).toEqual(['b:0']);
    expect(ids(result.skipped)).toEqual(['b:1']);
    expect(requests).toEqual([
      ['a:0', 'a:1', 'a:2', 'b:0', 'c:0', 'b:1', 'c:1'],
      ['a:0', 'a:1', 'a:2', 'b:0'],
      ['a:0', 'a:1'],
      ['a:2', 'b:0'],
      ['a:2'],
      ['b:0'],
      ['c:0', 'c:1'],
    ]);
  });

  it('stops at broker trouble: the failed chunk is reported, the rest skipped', async () => {
    const { publisher, requests } = fakePublisher({
      failWith: (sent) => (sent.includes('a:9') ? new Error('Connection timeout') : null),
    });
    const all = [...run('a', 12), ...run('b', 6)];
    const result = await publishInChunks(publisher, all, 5 * estimateRecordBytes(all[0]!.message));
    expect(ids(result.sent)).toEqual(['a:0', 'a:1', 'a:2', 'a:3', 'a:4']);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ refused: false });
    expect(ids(result.failed[0]?.items ?? [])).toEqual(['a:5', 'a:6', 'a:7', 'a:8', 'a:9']);
    expect(ids(result.skipped)).toEqual(['a:10', 'a:11', 'b:0', 'b:1', 'b:2', 'b:3', 'b:4', 'b:5']);
    expect(requests).toHaveLength(2);
  });
});
