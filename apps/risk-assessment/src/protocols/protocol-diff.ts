import type { JsonValue, ProtocolChange } from './protocol-audit-entry.entity';

const MAX_CHANGES = 200;
const MAX_VALUE_CHARS = 300;

/**
 * The fields that differ between two JSON values (objects by key, arrays by index), as paths like
 * `rules[2].measures[0].days`. At most 200 changes; long values are shortened to a JSON excerpt.
 */
export function diffJson(before: unknown, after: unknown): ProtocolChange[] {
  const changes: ProtocolChange[] = [];
  walk(before, after, '', changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, changes: ProtocolChange[]): void {
  if (changes.length >= MAX_CHANGES) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
      walk(before[index], after[index], `${path}[${index}]`, changes);
    }
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key], after[key], path ? `${path}.${key}` : key, changes);
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const change: { path: string; before?: JsonValue; after?: JsonValue } = { path };
  if (before !== undefined) change.before = shorten(before);
  if (after !== undefined) change.after = shorten(after);
  changes.push(change);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shorten(value: unknown): JsonValue {
  const text = JSON.stringify(value) ?? 'null';
  if (text.length > MAX_VALUE_CHARS) return `${text.slice(0, MAX_VALUE_CHARS)}…`;
  return JSON.parse(text) as JsonValue;
}
