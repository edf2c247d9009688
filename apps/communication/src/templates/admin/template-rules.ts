import type { FieldError } from '@meldpunt/platform';
import { DUTCH_CATALOG, MESSAGE_KEYS, type MessageKey } from '../catalogs';
import { LETTER_LANGUAGES, type LetterLanguage } from '../letter-renderer.types';
import { TEMPLATE_ADMIN_MESSAGES as M } from './template-admin.messages';

/** Longest text an override may have, per key family (an SMS stays short; the catalog's longest is ~200). */
export function maxLengthOf(key: MessageKey): number {
  if (key.startsWith('sms.')) return 320;
  if (key.startsWith('subject.') || key.startsWith('ics.') || key.endsWith('.name')) return 200;
  return 1_500;
}

const PLACEHOLDER = /\{([a-z]+)\}/gi;

/** The `{name}` placeholders of a text, each once, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/** The placeholders an override of `key` may use: those of the Dutch reference text. */
export function allowedPlaceholders(key: MessageKey): string[] {
  return placeholdersOf(DUTCH_CATALOG[key]);
}

export function isLetterLanguage(value: unknown): value is LetterLanguage {
  return typeof value === 'string' && (LETTER_LANGUAGES as readonly string[]).includes(value);
}

const KEYS: ReadonlySet<string> = new Set(MESSAGE_KEYS);

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && KEYS.has(value);
}

/**
 * What is wrong with `text` as the text of `key` (Dutch messages, without the field name): blank, too long, HTML,
 * a brace that is not a placeholder, or a placeholder the Dutch text does not have (it would stay unfilled in
 * the letter). Empty when it is fine.
 */
export function textProblems(key: MessageKey, text: unknown): string[] {
  if (typeof text !== 'string' || text.trim() === '') return [M.textRequired];
  const problems: string[] = [];
  const max = maxLengthOf(key);
  if (text.length > max) problems.push(M.textTooLong(max));
  if (/[<>]/.test(text)) problems.push(M.noHtml);
  if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) problems.push(M.brokenBraces);
  const allowed = allowedPlaceholders(key);
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) problems.push(M.unknownPlaceholders(unknown, allowed));
  return problems;
}

/** textProblems as field errors (`<field> <message>`, like the ValidationPipe's). */
export function textFieldErrors(field: string, key: MessageKey, text: unknown): FieldError[] {
  const problems = textProblems(key, text);
  return problems.length === 0 ? [] : [{ field, messages: problems.map((problem) => `${field} ${problem}`) }];
}
