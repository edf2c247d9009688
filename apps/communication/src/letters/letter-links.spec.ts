import type { DecidedMeasureV1 } from '@meldpunt/contracts';
import { hashLetterToken, LETTER_TOKEN_PATTERN, letterLinkExpiry, newLetterToken } from './letter-links';

describe('letter links', () => {
  it('makes 22-character url-safe tokens of 128 random bits, stored only as their SHA-256', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newLetterToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(LETTER_TOKEN_PATTERN);
      expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    }
    const [token] = [...tokens] as [string];
    expect(hashLetterToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLetterToken(token)).not.toContain(token);
    expect(hashLetterToken(token)).toBe(hashLetterToken(token));
  });

  it('expires the given days after the last day the measures concern, else after the decision', () => {
    const decidedAt = new Date('2026-11-20T09:00:00Z');
    const quarantine: DecidedMeasureV1 = {
      kind: 'quarantine',
      from: '2026-11-20',
      until: '2026-11-30',
      returnToSchool: '2026-12-01',
      earlyReturnToSchool: null,
      onDate: null,
      deadline: null,
    };
    expect(letterLinkExpiry([quarantine], decidedAt, 30).toISOString()).toBe('2026-12-31T23:59:59.000Z');
    expect(letterLinkExpiry([], decidedAt, 30).toISOString()).toBe('2026-12-20T09:00:00.000Z');
    const early: DecidedMeasureV1 = { ...quarantine, from: null, until: null, returnToSchool: null };
    expect(letterLinkExpiry([early], decidedAt, 1).toISOString()).toBe('2026-11-21T09:00:00.000Z');
  });
});
