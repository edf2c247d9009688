import type { IHeaders } from 'kafkajs';

/** Standard headers on every event message (so tools can route and trace without parsing the value). */
export const EVENT_HEADERS = {
  type: 'event-type',
  id: 'event-id',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  producer: 'producer',
} as const;

/** Kafka headers as plain strings (the first value when a header repeats; Buffers decoded as UTF-8). */
export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  for (const [name, raw] of Object.entries(headers)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) continue;
    result[name] = typeof value === 'string' ? value : value.toString('utf8');
  }
  return result;
}
