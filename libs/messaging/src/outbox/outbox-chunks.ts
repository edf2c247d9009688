import type { EventPublisher, OutgoingMessage } from '../kafka/event-producer';
import { isRefusedRecordError } from '../kafka/kafka-errors';

/**
 * Splits `items`, in order, into consecutive chunks whose sizes (`sizeOf`) add up to at most `maxBytes`. An item
 * larger than `maxBytes` by itself gets a chunk of its own (never shared, so a refusal concerns it alone).
 * Sending the chunks one after the other keeps the items' order.
 */
export function chunkByBytes<T>(items: readonly T[], sizeOf: (item: T) => number, maxBytes: number): T[][] {
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be > 0, got ${maxBytes}`);
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** A record to publish in a chunk: rows of one `orderingKey` must reach Kafka in the order given. */
export interface ChunkItem {
  readonly orderingKey: string;
  readonly message: OutgoingMessage;
  /** Estimated record size (estimateRecordBytes). */
  readonly bytes: number;
}

export interface ChunkFailure<T> {
  readonly items: readonly T[];
  readonly error: unknown;
  /** Kafka refused a record itself (too large, invalid); `items` is then a single item. */
  readonly refused: boolean;
}

export interface ChunkedPublishResult<T> {
  /** Acknowledged by Kafka. */
  readonly sent: T[];
  /** Failed sends, in order. */
  readonly failed: ChunkFailure<T>[];
  /** Not attempted: behind a failed item of the same ordering key, or after broker trouble ended the sends. */
  readonly skipped: T[];
}

/**
 * Publishes `items` in byte-capped chunks (chunkByBytes), one batched request per chunk, one chunk at a time, so
 * an item is sent only after every earlier item of its ordering key was acknowledged:
 * - a chunk Kafka refuses as too large or invalid is split in halves and retried until the refused item stands
 *   alone; that item fails, later items of its key are skipped, the other keys go on;
 * - any other error (broker trouble) fails the chunk and ends the sends: the rest is skipped.
 */
export async function publishInChunks<T extends ChunkItem>(
  publisher: EventPublisher,
  items: readonly T[],
  maxBytes: number,
): Promise<ChunkedPublishResult<T>> {
  const queue = chunkByBytes(items, (item) => item.bytes, maxBytes);
  const result: ChunkedPublishResult<T> = { sent: [], failed: [], skipped: [] };
  const blocked = new Set<string>();
  for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
    const ready = chunk.filter((item) => !blocked.has(item.orderingKey));
    result.skipped.push(...chunk.filter((item) => blocked.has(item.orderingKey)));
    if (ready.length === 0) continue;
    try {
      await publisher.publish(ready.map((item) => item.message));
      result.sent.push(...ready);
    } catch (error) {
      const refused = isRefusedRecordError(error);
      if (refused && ready.length > 1) {
        const half = Math.ceil(ready.length / 2);
        queue.unshift(ready.slice(0, half), ready.slice(half));
        continue;
      }
      result.failed.push({ items: ready, error, refused });
      for (const item of ready) blocked.add(item.orderingKey);
      if (!refused) {
        result.skipped.push(...queue.flat());
        break;
      }
    }
  }
  return result;
}
