import { escapeIcsText, foldLine, renderIcs } from './ics';
import type { LetterContent } from './letter-content';

const content = {
  language: 'uk',
  icsDescription: 'CLB Антверпен, кір: https://meldpunt.example/l/abc',
  keyDates: [
    { kind: 'until', date: '2026-03-31', who: 'Emma', summary: 'Останній день удома: Emma' },
    {
      kind: 'return',
      date: '2026-04-01',
      who: 'Emma',
      summary: 'Повернення до школи: Emma; Lucas, and a very long name',
    },
  ],
} as unknown as LetterContent;

describe('renderIcs', () => {
  const ics = renderIcs(content, 'letter-42', new Date('2026-03-10T09:30:00.123Z'));
  const lines = ics.split('\r\n');

  it('uses CRLF line endings only and ends with one', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line at 75 octets without splitting a character, and unfolds back', () => {
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY;LANGUAGE=uk:Повернення до школи: Emma\\; Lucas\\, and a very long name',
    );
  });

  it('has one all-day VEVENT per key date, with a UID from the letter id', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(unfolded).toContain('UID:letter-42-1-until@meldpunt');
    expect(unfolded).toContain('UID:letter-42-2-return@meldpunt');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260331\r\nDTEND;VALUE=DATE:20260401');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260401\r\nDTEND;VALUE=DATE:20260402');
    expect(unfolded).toContain('DTSTAMP:20260310T093000Z');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(unfolded).toContain('PRODID:');
  });
});

describe('ics text', () => {
  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds multi-byte text between characters', () => {
    const folded = foldLine(`SUMMARY:${'ж'.repeat(80)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ж'.repeat(80)}`);
  });
});
