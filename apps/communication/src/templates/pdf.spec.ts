import { inflateSync } from 'node:zlib';
import type { LetterContent } from './letter-content';
import { renderPdf, visualOrder } from './pdf';

describe('visualOrder (right-to-left lines in the PDF)', () => {
  it('reverses Arabic words and keeps runs of Latin words and numbers in their own order', () => {
    expect(visualOrder(['الإجراءات', 'الخاصة', 'بـ', 'Emma', 'Peeters'])).toEqual([
      'Emma',
      'Peeters',
      'بـ',
      'الخاصة',
      'الإجراءات',
    ]);
    expect(visualOrder(['حتى', '20', 'مارس', '2026'])).toEqual(['2026', 'مارس', '20', 'حتى']);
  });
});

describe('renderPdf with fonts parsed once per process', () => {
  const content = (text: string): LetterContent => ({
    language: 'de',
    locale: 'de-BE',
    direction: 'ltr',
    fellBack: false,
    kind: 'high-risk',
    subject: text,
    greeting: text,
    intro: text,
    update: null,
    changedLabel: text,
    sections: [{ heading: text, changed: false, lines: [text] }],
    adviceHeading: text,
    advice: text,
    contact: text,
    closing: text,
    signature: text,
    sms: text,
    icsDescription: text,
    keyDates: [],
  });
  const meta = { letterId: 'letter-1', issuedAt: new Date('2026-03-10T09:00:00Z') };

  /** The ToUnicode maps (how a reader copies the text out): every glyph must map to its characters. */
  function toUnicodeEntries(pdf: Buffer): string[] {
    const entries: string[] = [];
    const text = pdf.toString('latin1');
    let at = 0;
    for (;;) {
      const start = text.indexOf('stream\n', at);
      if (start < 0) break;
      const end = text.indexOf('\nendstream', start);
      if (end < 0) break;
      let body = '';
      try {
        body = inflateSync(pdf.subarray(start + 7, end)).toString('latin1');
      } catch {
        body = '';
      }
      if (body.includes('begincmap')) entries.push(...(body.match(/<[0-9a-f]*>/g) ?? []));
      at = end + 10;
    }
    return entries;
  }

  it('maps every glyph to its text, also after other letters used the same fonts', async () => {
    // "Ü" is drawn from the "U" glyph: writing this letter's font subset looks "U" up without its character.
    await renderPdf(content('Übung für Jürgen'), meta);
    const pdf = await renderPdf(content('Unterricht Ulla'), meta);
    const entries = toUnicodeEntries(pdf);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries).not.toContain('<>');
    expect(entries).toContain('<0055>'); // U
  });

  it('gives the same bytes for the same letter, whatever was rendered before', async () => {
    const first = await renderPdf(content('Unterricht Ulla'), meta);
    await renderPdf(content('Übung für Jürgen — مرحبا Emma'), meta);
    expect((await renderPdf(content('Unterricht Ulla'), meta)).equals(first)).toBe(true);
  });
});
