import { envelopeSchema, type ContractRegistry, type EventEnvelope } from '@meldpunt/contracts';
import { describeIssues } from './invalid-event.error';

export type DecodeResult =
  { readonly ok: true; readonly event: EventEnvelope } | { readonly ok: false; readonly reason: string };

/**
 * Parses a Kafka message value into a validated envelope for `topic`: JSON, then the envelope schema, then the
 * topic's payload schema. A failure explains why; such a message can never succeed and goes to the DLQ.
 */
export function decodeEvent(
  registry: ContractRegistry,
  topic: string,
  value: Buffer | string | null,
): DecodeResult {
  if (value === null || value.length === 0) return { ok: false, reason: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      reason: `value is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success)
    return { ok: false, reason: `envelope invalid: ${describeIssues(envelope.error.issues)}` };
  if (envelope.data.type !== topic) {
    return { ok: false, reason: `envelope type ${envelope.data.type} does not match topic ${topic}` };
  }
  const contract = Object.prototype.hasOwnProperty.call(registry, topic) ? registry[topic] : undefined;
  if (!contract) return { ok: false, reason: `topic ${topic} has no contract in the registry` };
  const payload = contract.schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    return {
      ok: false,
      reason: `payload invalid for topic ${topic}: ${describeIssues(payload.error.issues)}`,
    };
  }
  return { ok: true, event: { ...envelope.data, payload: payload.data } };
}
