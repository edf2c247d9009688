import type { FieldError } from '@meldpunt/platform';
import { z } from 'zod';
import {
  type ProtocolContent,
  protocolContentSchema,
  type ProtocolDefinition,
  protocolDefinitionSchema,
} from './protocol-definition.schema';
import { PROTOCOL_MESSAGES } from './protocols.messages';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

const dutch = z.locales.nl().localeError;

/** `['rules', 0, 'measures', 1, 'days']` under `definition` → `definition.rules[0].measures[1].days`. */
export function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, segment) => {
    if (typeof segment === 'number') return `${field}[${segment}]`;
    const name = String(segment);
    return field ? `${field}.${name}` : name;
  }, prefix);
}

/** zod issues as field errors (one entry per field, messages in Dutch); unknown keys are named one by one. */
export function fieldErrorsOf(error: z.ZodError, prefix = ''): FieldError[] {
  const byField = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const key = field || prefix || '(root)';
    const messages = byField.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(key, messages);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        add(fieldPath(prefix, [...issue.path, key]), PROTOCOL_MESSAGES.field.unknownField);
    } else {
      add(fieldPath(prefix, issue.path), issue.message);
    }
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

/** Validates what an admin posts as the body of a new version; errors name fields under `prefix`. */
export function parseProtocolContent(value: unknown, prefix = 'definition'): ParseResult<ProtocolContent> {
  const result = protocolContentSchema.safeParse(value, { error: dutch });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, fields: fieldErrorsOf(result.error, prefix) };
}

/** Validates a whole definition (shipped examples, rows read back from the database). */
export function parseProtocolDefinition(value: unknown): ParseResult<ProtocolDefinition> {
  const result = protocolDefinitionSchema.safeParse(value, { error: dutch });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, fields: fieldErrorsOf(result.error) };
}
