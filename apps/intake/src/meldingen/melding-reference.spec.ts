import { MELDING_REFERENCE_PATTERN } from '@meldpunt/contracts';
import { formatMeldingReference, parseMeldingReference } from './melding-reference';

describe('melding references', () => {
  it('reads M-<year>-<six digits>', () => {
    expect(formatMeldingReference(2026, 123)).toBe('M-2026-000123');
    expect(formatMeldingReference(2026, 1)).toBe('M-2026-000001');
    expect(MELDING_REFERENCE_PATTERN.test(formatMeldingReference(2026, 999_999))).toBe(true);
  });

  it('grows past a million instead of wrapping', () => {
    expect(formatMeldingReference(2027, 1_000_000)).toBe('M-2027-1000000');
  });

  it('refuses nonsense', () => {
    expect(() => formatMeldingReference(2026, 0)).toThrow(RangeError);
    expect(() => formatMeldingReference(2026, 1.5)).toThrow(RangeError);
    expect(() => formatMeldingReference(26, 1)).toThrow(RangeError);
  });

  it('parses what it formats, and nothing else', () => {
    expect(parseMeldingReference('M-2026-000123')).toEqual({ year: 2026, sequence: 123 });
    expect(parseMeldingReference('M-2026-123')).toBeNull();
    expect(parseMeldingReference('m-2026-000123')).toBeNull();
    expect(parseMeldingReference('M-2026-000123 ')).toBeNull();
  });
});
