import { icsDate } from './dates';
import type { LetterContent } from './letter-content';

/**
 * The `.ics` with the letter's key dates (RFC 5545): CRLF line endings, content lines folded at 75 octets
 * (never inside a UTF-8 character), TEXT values escaped, one all-day VEVENT per key date with a UID derived
 * from the letter id, so a re-sent letter updates the same events instead of adding new ones.
 */
export function renderIcs(content: LetterContent, letterId: string, issuedAt: Date): string {
  const stamp = issuedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Meldpunt//Communication//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  content.keyDates.forEach((keyDate, index) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(`${letterId}-${index + 1}-${keyDate.kind}`)}@meldpunt`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(keyDate.date)}`,
      `DTEND;VALUE=DATE:${icsDate(keyDate.date, 1)}`,
      `SUMMARY;LANGUAGE=${content.language}:${escapeIcsText(keyDate.summary)}`,
      `DESCRIPTION;LANGUAGE=${content.language}:${escapeIcsText(content.icsDescription)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are split with CRLF + one space, between whole characters. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the continuation line's leading space counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
