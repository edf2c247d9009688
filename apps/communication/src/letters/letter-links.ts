import { createHash, randomBytes } from 'node:crypto';
import type { DecidedMeasureV1 } from '@meldpunt/contracts';

/** 128 random bits, base64url: 22 characters (short enough for one SMS segment's link). */
export const LETTER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A fresh unguessable token for the link to one letter. Only its hash is stored. */
export function newLetterToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What is stored and looked up: SHA-256 (hex) of the token. */
export function hashLetterToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a letter's link stops working: `days` after the last day any of its measures concerns (end of quarantine,
 * return to school, test day, deadline), counted from the decision when the measures have no dates.
 */
export function letterLinkExpiry(measures: readonly DecidedMeasureV1[], decidedAt: Date, days: number): Date {
  let last = decidedAt.getTime();
  for (const measure of measures) {
    for (const value of [
      measure.from,
      measure.until,
      measure.returnToSchool,
      measure.earlyReturnToSchool,
      measure.onDate,
      measure.deadline,
    ]) {
      if (value === null) continue;
      // A calendar day counts until its end (Brussels is at most 2 h ahead of UTC: the end of the UTC day covers it).
      const at = value.length === 10 ? Date.parse(`${value}T23:59:59Z`) : Date.parse(value);
      if (Number.isFinite(at) && at > last) last = at;
    }
  }
  return new Date(last + days * DAY_MS);
}
