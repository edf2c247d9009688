import { randomInt } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A random id of lowercase letters only: it fits database names, consumer groups and topic names, including the
 * `[a-z-]` segments of an event type (`<domain>.<entity>.<verb>.vN`).
 */
export function newRunId(length = 10): string {
  let id = '';
  for (let index = 0; index < length; index += 1) id += LETTERS[randomInt(LETTERS.length)];
  return id;
}

/** 0 → a, 25 → z, 26 → ba … (a counter spelled in letters). */
export function lettersOf(counter: number): string {
  let value = Math.max(0, Math.floor(counter));
  let text = '';
  do {
    text = LETTERS[value % 26] + text;
    value = Math.floor(value / 26);
  } while (value > 0);
  return text;
}
