import { DISEASES } from '@meldpunt/contracts';
import { CATALOGS, type Catalogs, DUTCH_CATALOG, MESSAGE_KEYS } from './catalogs';
import { longDate, shortDate, deadlineDate } from './dates';
import { renderHtml, renderText } from './html';
import { buildLetterContent } from './letter-content';
import { LetterRenderer } from './letter-renderer';
import {
  type ChildForLetter,
  LETTER_KINDS,
  LETTER_LANGUAGES,
  type LetterInput,
  type MeasureForLetter,
} from './letter-renderer.types';

function measure(overrides: Partial<MeasureForLetter> & Pick<MeasureForLetter, 'kind'>): MeasureForLetter {
  return {
    from: null,
    until: null,
    returnToSchool: null,
    earlyReturnToSchool: null,
    onDate: null,
    deadline: null,
    ...overrides,
  };
}

const emma: ChildForLetter = {
  firstName: 'Emma',
  lastName: 'Peeters',
  changed: true,
  measures: [
    measure({
      kind: 'quarantine',
      until: '2026-03-20',
      returnToSchool: '2026-03-23',
      earlyReturnToSchool: '2026-03-18',
    }),
    measure({ kind: 'test', onDate: '2026-03-15' }),
  ],
};
const lucas: ChildForLetter = {
  firstName: 'Lucas',
  lastName: 'Peeters',
  changed: false,
  measures: [
    // As risk-assessment publishes it: an instant with Brussels' offset.
    measure({ kind: 'chemoprophylaxis', deadline: '2026-03-12T00:00:00+01:00' }),
    measure({ kind: 'vaccination-proposal', deadline: null }),
    measure({ kind: 'watch-symptoms', until: '2026-03-30' }),
    measure({ kind: 'exclusion', until: null }),
  ],
};

function input(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    kind: 'high-risk',
    disease: 'measles',
    language: 'nl',
    guardianName: 'An Janssens',
    schoolName: 'Sint-Jozef',
    clbName: 'CLB Antwerpen',
    children: [emma],
    isUpdate: false,
    letterUrl: 'https://meldpunt.example/l/abc123',
    letterId: 'abc123',
    issuedAt: '2026-03-10T09:00:00Z',
    ...overrides,
  };
}

const PLACEHOLDER = /\{[a-z]+\}/i;

describe('catalogs', () => {
  it.each(LETTER_LANGUAGES)('%s has every key, with the same placeholders as Dutch', (language) => {
    const catalog = CATALOGS[language];
    for (const key of MESSAGE_KEYS) {
      const text = catalog[key];
      expect([key, typeof text]).toEqual([key, 'string']);
      const placeholders = (s: string): string[] => (s.match(/\{[a-z]+\}/gi) ?? []).sort();
      expect([key, placeholders(text ?? '')]).toEqual([key, placeholders(DUTCH_CATALOG[key])]);
    }
  });
});

describe('letter content in every language, kind and disease', () => {
  it.each(LETTER_LANGUAGES)('%s: no placeholder left, no fallback, right direction', async (language) => {
    for (const kind of LETTER_KINDS) {
      for (const disease of DISEASES) {
        for (const isUpdate of [false, true]) {
          const content = buildLetterContent(
            input({ language, kind, disease, isUpdate, children: [emma, lucas] }),
          );
          const html = await renderHtml(content);
          const text = renderText(content);
          for (const out of [content.subject, content.sms, html, text]) expect(out).not.toMatch(PLACEHOLDER);
          expect(content.fellBack).toBe(false);
          expect(content.language).toBe(language);
          expect(content.direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
          expect(html).toContain(`<html lang="${language}" dir="${content.direction}"`);
          expect(html).toContain(`<div dir="${content.direction}" lang="${language}">`);
          expect(text).toContain(content.advice);
        }
      }
    }
  });

  it('uses each disease’s own name and advice', () => {
    const measles = buildLetterContent(input({ language: 'fr', disease: 'measles' }));
    const pertussis = buildLetterContent(input({ language: 'fr', disease: 'pertussis' }));
    expect(measles.subject).toContain('rougeole');
    expect(pertussis.subject).toContain('coqueluche');
    expect(measles.advice).not.toBe(pertussis.advice);
  });
});

describe('LetterRenderer.render', () => {
  const renderer = new LetterRenderer();

  it.each(LETTER_LANGUAGES)('%s: a complete email, SMS, PDF and .ics', async (language) => {
    const letter = await renderer.render(input({ language, children: [emma, lucas] }));
    expect(letter.language).toBe(language);
    expect(letter.fellBack).toBe(false);
    expect(letter.direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
    for (const out of [letter.subject, letter.html, letter.text, letter.sms.body])
      expect(out).not.toMatch(PLACEHOLDER);
    expect(letter.sms.body).toContain('https://meldpunt.example/l/abc123');
    expect(letter.sms.segments).toBeGreaterThan(0);
    const [pdf, ics] = letter.attachments;
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf?.content.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(ics?.filename).toBe('dates-abc123.ics');
    expect(ics?.content.toString('utf8')).toContain('UID:abc123-1-deadline@meldpunt');
  });

  it('phrases measures with their dates in the letter’s language (Europe/Brussels calendar days)', async () => {
    const letter = await renderer.render(input({ children: [emma, lucas] }));
    expect(letter.text).toContain('- Quarantaine: thuisblijven tot en met vrijdag 20 maart 2026.');
    expect(letter.text).toContain('- Terug naar school op maandag 23 maart 2026.');
    expect(letter.text).toContain(
      '- Met een negatieve test mag uw kind al terug naar school op woensdag 18 maart 2026.',
    );
    expect(letter.text).toContain('- Laat een test afnemen op zondag 15 maart 2026.');
    expect(letter.text).toContain('vóór donderdag 12 maart 2026');
    expect(letter.text).toContain(
      '- Controleer de vaccinatie en laat indien nodig zo snel mogelijk vaccineren.',
    );
    expect(letter.text).toContain('- Niet naar school tot u een nieuw bericht van het CLB krijgt.');
    const de = await renderer.render(input({ language: 'de' }));
    expect(de.text).toContain('Zurück in die Schule am Montag, 23. März 2026.');
  });

  it('gives a deadline instant as its Brussels day, also just after midnight in summer time', () => {
    expect(deadlineDate('2026-11-28T00:00:00+01:00')).toBe('2026-11-28');
    expect(deadlineDate('2026-06-30T22:30:00Z')).toBe('2026-07-01');
    expect(deadlineDate('2026-03-12')).toBe('2026-03-12');
    expect(() => deadlineDate('morgen')).toThrow(/Not an instant/);
  });

  it('formats the DST switch days as the same calendar day', () => {
    expect(longDate('2026-03-29', 'nl')).toBe('zondag 29 maart 2026');
    expect(longDate('2026-10-25', 'en')).toBe('Sunday, 25 October 2026');
    expect(shortDate('2026-10-25', 'fr')).toBe('25 octobre');
  });

  it('falls back to Dutch for a language without templates, and flags it', async () => {
    const letter = await renderer.render(input({ language: 'sw' }));
    expect(letter.language).toBe('nl');
    expect(letter.fellBack).toBe(true);
    expect(letter.subject).toBe('Belangrijk: maatregelen voor Emma na een geval van mazelen');
    expect(letter.html).toContain('<html lang="nl" dir="ltr"');
  });

  it('uses the primary language of a regional tag (fr-BE)', async () => {
    const letter = await renderer.render(input({ language: 'fr-BE' }));
    expect(letter.language).toBe('fr');
    expect(letter.fellBack).toBe(false);
  });

  it('falls back to Dutch per missing key, and flags it', async () => {
    const { 'advice.heading': _dropped, ...frWithout } = CATALOGS.fr;
    const catalogs: Catalogs = { ...CATALOGS, fr: frWithout };
    const letter = await new LetterRenderer(catalogs).render(input({ language: 'fr' }));
    expect(letter.language).toBe('fr');
    expect(letter.fellBack).toBe(true);
    expect(letter.text).toContain('Over rougeole');
    expect(letter.subject).toContain('Important');
  });

  it('renders the same letter without its PDF and .ics when attachments are not wanted (SMS)', async () => {
    const full = await renderer.render(input({ language: 'ar' }));
    const bare = await renderer.render(input({ language: 'ar' }), { attachments: false });
    expect(full.attachments.map((attachment) => attachment.contentType)).toEqual([
      'application/pdf',
      'text/calendar; charset=utf-8; method=PUBLISH',
    ]);
    expect(bare.attachments).toEqual([]);
    const { attachments: _full, ...fullRest } = full;
    const { attachments: _bare, ...bareRest } = bare;
    expect(bareRest).toEqual(fullRest);
  });

  it('escapes every interpolated value in the HTML', async () => {
    const letter = await renderer.render(
      input({
        guardianName: '<script>alert("x")</script>',
        schoolName: 'Tom & Jerry',
        children: [{ ...emma, firstName: '<img src=x onerror=alert(1)>', lastName: "O'Brien" }],
      }),
    );
    expect(letter.html).not.toContain('<script>');
    expect(letter.html).not.toContain('<img src=x');
    expect(letter.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(letter.html).toContain('Tom &amp; Jerry');
    expect(letter.html).toContain('O&#39;Brien');
    // Plain text and SMS carry the text as is.
    expect(letter.text).toContain('Beste <script>alert("x")</script>,');
  });

  it('covers two children of one guardian in one letter', async () => {
    const letter = await renderer.render(input({ language: 'en', children: [emma, lucas] }));
    expect(letter.subject).toBe('Important: measures for Emma and Lucas after a case of measles');
    expect(letter.text).toContain('Measures for Emma Peeters');
    expect(letter.text).toContain('Measures for Lucas Peeters');
    expect(letter.sms.body).toBe(
      'CLB Antwerpen: important measures for Emma and Lucas (measles). Emma back at school on 23 March. ' +
        'Lucas: see the doctor before 12 March. Letter: https://meldpunt.example/l/abc123',
    );
    expect(letter.sms).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    const ics = letter.attachments[1]?.content.toString('utf8').replace(/\r\n /g, '') ?? '';
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics).toContain('SUMMARY;LANGUAGE=en:Back to school: Emma');
    expect(ics).toContain('SUMMARY;LANGUAGE=en:Test day: Emma');
    expect(ics).toContain('SUMMARY;LANGUAGE=en:Last day at home: Emma');
    expect(ics).toContain('Last day to see the doctor (prophylaxis or vaccination): Lucas');
  });

  it('says in an update letter that the measures changed, and marks the child whose measures changed', async () => {
    const letter = await renderer.render(input({ isUpdate: true, children: [emma, lucas] }));
    expect(letter.subject).toBe(
      'Gewijzigd: Belangrijk: maatregelen voor Emma en Lucas na een geval van mazelen',
    );
    expect(letter.text).toContain('De maatregelen zijn gewijzigd.');
    expect(letter.text).toContain('Maatregelen voor Emma Peeters (gewijzigd)');
    expect(letter.text).toContain('Maatregelen voor Lucas Peeters\n');
    expect(
      letter.sms.body.startsWith('CLB Antwerpen: de maatregelen voor Emma en Lucas zijn gewijzigd.'),
    ).toBe(true);
    const first = await renderer.render(input({ children: [emma, lucas] }));
    expect(first.text).not.toContain('gewijzigd');
  });

  it('gives the school a class notice without names', async () => {
    const letter = await renderer.render(
      input({
        kind: 'school-notice',
        guardianName: 'directie',
        children: [],
        classes: [{ name: '3B', measures: [measure({ kind: 'watch-symptoms', until: '2026-03-30' })] }],
      }),
    );
    expect(letter.text).toContain('Klas 3B');
    expect(letter.text).toContain('Let op ziektetekens tot en met maandag 30 maart 2026.');
    expect(letter.text).not.toContain('Emma');
    expect(letter.sms.body).toBe(
      'CLB Antwerpen: mazelen op Sint-Jozef. Klassen en maatregelen: https://meldpunt.example/l/abc123',
    );
  });

  it('writes Arabic right to left, in UCS-2 for SMS', async () => {
    const letter = await renderer.render(input({ language: 'ar', children: [emma, lucas] }));
    expect(letter.html).toContain('<html lang="ar" dir="rtl"');
    expect(letter.html).toContain('text-align:right');
    expect(letter.subject).toContain('الحصبة');
    expect(letter.sms.encoding).toBe('UCS-2');
    expect(letter.sms.body.length).toBeGreaterThan(70);
    expect(letter.sms.segments).toBe(Math.ceil(letter.sms.body.length / 67));
  });
});
